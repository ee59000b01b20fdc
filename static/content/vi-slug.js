// Wagtail's slug helper turns "đ" into "dj" (its Serbian map) and drops some
// Vietnamese letters. While the page's slug has not been typed by hand, keep it
// equal to the transliterated title: "Sửa đường Đống Đa" → "sua-duong-dong-da".
(function () {
  "use strict";
  function viSlug(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^a-z0-9\s-]/g, "")
      .trim()
      .replace(/[\s-]+/g, "-")
      .slice(0, 80)
      .replace(/-+$/, "");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var title = document.getElementById("id_title");
    var slug = document.getElementById("id_slug");
    if (!title || !slug) return;
    var auto = !slug.value || slug.value === viSlug(title.value);
    slug.addEventListener("input", function () { auto = false; });
    function sync() {
      if (!auto) return;
      // run after Wagtail's own controller has written its version
      setTimeout(function () { slug.value = viSlug(title.value); }, 0);
    }
    title.addEventListener("input", sync);
    title.addEventListener("change", sync);
    title.addEventListener("blur", sync);
    slug.addEventListener("blur", function () {
      if (/[^a-z0-9-]/.test(slug.value)) slug.value = viSlug(slug.value);
    });
  });
})();
