// Wagtail's slug helper turns "đ" into "dj" (its Serbian map) and drops some
// Vietnamese letters. While the page's slug has not been typed by hand, keep it
// equal to the transliterated title: "Sửa đường Đống Đa" → "sua-duong-dong-da".
// Wagtail's title→slug sync announces itself with a cancelable "w-sync:apply"
// event on the slug field; we cancel it and write our own slug instead.
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
    function write() {
      if (auto) slug.value = viSlug(title.value);
    }
    slug.addEventListener("input", function () { auto = false; });
    slug.addEventListener("w-sync:apply", function (event) {
      if (!auto) return;
      event.preventDefault();
      write();
    });
    title.addEventListener("input", write);
    title.addEventListener("change", write);
    title.addEventListener("blur", write);
    slug.addEventListener("blur", function () {
      if (/[^a-z0-9-]/.test(slug.value)) slug.value = viSlug(slug.value);
    });
  });
})();
