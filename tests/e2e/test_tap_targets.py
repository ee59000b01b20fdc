"""Tap targets at least 24×24 CSS pixels on a 360 px phone (WCAG 2.2, 2.5.8;
issue 19): every visible link, button, field, checkbox and summary of the main
pages, signed out and signed in. Exempt, as WCAG exempts them: a link inside a
sentence (its block holds words besides the page's controls), whose size the
line height of the text around it sets."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from playwright.sync_api import expect

from civic.comments.actions import post_comment
from civic.feedback.models import Report
from civic.polls.models import Poll
from civic.support.models import Appointment, SupportPoint
from content.models import NewsPage, NoticePage
from tests.conftest import PASSWORD
from tests.factories import resident

MIN = 24

#: every control, measured where it is drawn; an inline link in a sentence is
#: reported as such (WCAG 2.5.8's "inline" exception)
MEASURE = r"""
(min) => {
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
  const small = [];
  for (const el of document.querySelectorAll(controls)) {
    if (el.closest('[hidden]')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right <= 0 || box.bottom <= 0) continue;  // the skip link, off screen until focused
    if (box.width >= min && box.height >= min) continue;
    if (el.tagName === 'A') {
      const block = el.closest('p, li, dd, dt, td, th, figcaption, blockquote');
      if (block) {
        const words = block.cloneNode(true);
        words.querySelectorAll(controls).forEach((c) => c.remove());
        if (/\p{L}/u.test(words.textContent)) continue;  // inline, in a sentence
      }
    }
    small.push(`${Math.round(box.width)}×${Math.round(box.height)} ${el.outerHTML.slice(0, 140)}`);
  }
  return small;
}
"""


def pages_with_content(tree):
    me = resident("Chị Lan", "0912000321", tree.group_1, rep=True)
    other = resident("Anh Nam", "0912000322", tree.group_1)
    notice = NoticePage(
        title="Cắt nước toàn phường",
        intro="Sáng thứ Bảy",
        body="<p>Nội dung</p>",
        is_urgent=True,
    )
    tree.commune_a.add_child(instance=notice)
    notice.save_revision().publish()
    news = NewsPage(title="Ra quân dọn vệ sinh", intro="Tổ dân phố 1")
    tree.group_1.add_child(instance=news)
    news.save_revision().publish()
    post_comment(other, notice, "Cảm ơn tổ đã báo sớm.")
    now = timezone.now()
    poll = Poll.objects.create(
        area=tree.group_1,
        title="Chọn ngày tổng vệ sinh",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=2),
    )
    poll.choices.create(label="Thứ Bảy", sort_order=0)
    poll.choices.create(label="Chủ Nhật", sort_order=1)
    Report.objects.create(
        area=tree.group_1,
        commune=tree.commune_a,
        reporter=me,
        category="lighting",
        title="Đèn đường hỏng",
        description="Đèn không sáng.",
        address="Số 12",
        accept_due=now + timedelta(hours=8),
    )
    point = SupportPoint.objects.create(
        area=tree.commune_a,
        name="Nhà văn hóa",
        address="1 Lê Lợi",
        latitude="12.25",
        longitude="109.19",
    )
    Appointment.objects.create(
        point=point,
        resident=me,
        date=timezone.localdate() + timedelta(days=2),
        slot="09:00",
        need="Đăng ký tạm trú",
    )
    public = [
        "/",
        tree.commune_a.url,
        tree.group_1.url,
        notice.url,
        news.url,
        "/dang-nhap/",
        "/dang-ky/",
        "/phan-anh/",
        "/diem-ho-tro/",
        f"/diem-ho-tro/{point.pk}/",
        "/dich-vu-cong/",
    ]
    signed_in = [
        "/",
        notice.url,
        tree.group_1.url,
        "/tai-khoan/",
        f"/binh-chon/{poll.pk}/",
        "/phan-anh/cua-toi/",
        "/diem-ho-tro/lich-hen/",
        "/phan-anh/gui/",  # with its map (Leaflet's controls)
    ]
    return me, public, signed_in


def small_targets(page, paths):
    found = {}
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.ok, path
        small = page.evaluate(MEASURE, MIN)
        if small:
            found[path] = small
    return found


def test_every_control_is_at_least_24_px_on_a_phone(daphne_server, tree, new_context):
    me, public, signed_in = pages_with_content(tree)
    context = new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    # no internet (the map's tiles): only our server answers
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).hostname == "127.0.0.1"
            else route.abort()
        ),
    )
    page = context.new_page()
    found = small_targets(page, public)

    page.goto("/dang-nhap/")
    page.locator('input[name="identifier"]').fill(me.phone)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form:has(input[name="identifier"]) [type="submit"]').click()
    expect(page).to_have_url(re.compile(r"^[^?]*/$"))
    found.update(
        {f"{p} (signed in)": s for p, s in small_targets(page, signed_in).items()}
    )
    assert not found, "\n".join(
        f"{path}:\n  " + "\n  ".join(items) for path, items in found.items()
    )
