"""Build the demo ward: Phường Bắc Nha Trang with eight residential groups, its
accounts, roles, households, news and notices (the data: ``demo.people``,
``demo.news``, ``demo.notices``).

Idempotent: when the ward already exists nothing is built. Demo passwords exist only
here and in the README; never run this on a real site.
"""

import datetime
import io

from django.contrib.auth.hashers import make_password
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from civic.core.progress import progress
from civic.people.actions import grant_role
from civic.people.models import (
    Household,
    Residency,
    ResidencyStatus,
    RoleKind,
    User,
)
from content.models import AreaKind, AreaPage, HomePage, NewsPage, NoticePage
from content.slugs import ascii_slug
from demo import news, notices, people
from demo.step import Step

DEMO_PASSWORD = "khudancu-demo"
ADMIN_EMAIL = "quantri@example.vn"
WARD_SLUG = "phuong-bac-nha-trang"

#: lead image colours (the demo makes simple images instead of shipping photos)
PALETTE = ["#0b5394", "#1e6b34", "#a4161a", "#6b4e00", "#5b2a86", "#00606b"]


def _paragraphs_html(paragraphs):
    """Rich text as Draftail stores it (with block keys), so that opening a demo
    page in the editor does not count as a change."""
    return "".join(
        f'<p data-block-key="d{i:04x}">{escape(p)}</p>'
        for i, p in enumerate(paragraphs)
    )


def _demo_image(title, colour):
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images.models import Image

    img = PILImage.new("RGB", (960, 540), colour)
    draw = ImageDraw.Draw(img)
    for i in range(0, 960, 60):
        draw.line([(i, 540), (i + 300, 0)], fill="#ffffff", width=2)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=70)
    buffer.seek(0)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"{ascii_slug(title)[:40]}.jpg")
    )


def seed_ward(command):
    """The demo ward, built once (in one transaction) with progress lines on
    ``command``'s output; the existing one when it is already loaded."""
    ward = AreaPage.objects.filter(slug=WARD_SLUG).first()
    if ward is not None:
        command.stdout.write("Demo ward already loaded.")
        return ward
    progress(command, "loading the demo ward (about half a minute)")
    with transaction.atomic():
        ward = Ward(command).build()
    command.stdout.write(command.style.SUCCESS("Demo ward loaded."))
    return ward


class Ward(Step):
    """Builds the demo ward (``build()`` returns it)."""

    def user(self, full_name, phone=None, email="", **extra):
        user = User(full_name=full_name, phone=phone, email=email, **extra)
        # one hash for every demo account: hashing is deliberately slow
        if not hasattr(self, "_password_hash"):
            self._password_hash = make_password(DEMO_PASSWORD)
        user.password = self._password_hash
        user.save()
        return user

    def publish(self, parent, page, user, when, publisher=None):
        """Add ``page`` written by ``user``; ``publisher`` (an editor) publishes it."""
        parent.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=publisher or user)
        page.refresh_from_db()
        stamp = timezone.make_aware(
            datetime.datetime.combine(when, datetime.time(8, 0))
        )
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=stamp, last_published_at=stamp
        )
        return page

    def build(self):
        today = timezone.localdate()
        home = HomePage.objects.get()
        home.intro = (
            "<p>Nơi cư dân các tổ dân phố đọc tin tức, thông báo của phường và khu phố, "
            "góp ý, biểu quyết và tìm dịch vụ công trực tuyến.</p>"
        )
        home.save_revision().publish()

        admin = self.user(
            "Quản trị hệ thống", email=ADMIN_EMAIL, is_superuser=True, is_staff=True
        )
        w = people.WARD
        ward = AreaPage(
            title=w["title"],
            slug=WARD_SLUG,
            kind=AreaKind.WARD,
            intro=f"<p>{escape(w['intro'])}</p>",
            address=w["address"],
            phone=w["phone"],
            email=w["email"],
            leaders="\n".join(
                f"{e['job_title']}: {e['full_name']}" for e in people.EDITORS
            ),
        )
        self.publish(home, ward, admin, today)
        progress(self, f"portal and {ward.title}")

        groups = []
        for i, g in enumerate(people.GROUPS, start=1):
            group = AreaPage(
                title=g["title"],
                slug=f"to-dan-pho-{i}",
                kind=AreaKind.RESIDENTIAL_GROUP,
                intro=f"<p>Khu vực đường {escape(g['street'])}.</p>",
                address=g["address"],
                phone=g["leader_phone"],
                leaders=f"Tổ trưởng: {g['leader']}",
            )
            self.publish(ward, group, admin, today)
            groups.append(group)
        progress(self, f"{len(groups)} residential groups")

        self.editors = []
        for e in people.EDITORS:
            editor = self.user(e["full_name"], e["phone"], e["email"])
            grant_role(admin, editor, ward, RoleKind.COMMUNE_EDITOR)
            self.editors.append(editor)
        h = people.HELPER
        helper = self.user(h["full_name"], h["phone"], h.get("email", ""))
        grant_role(admin, helper, ward, RoleKind.HELPER)
        self.helper = helper

        self.leaders = []
        for g, group in zip(people.GROUPS, groups, strict=True):
            leader = self.user(g["leader"], g["leader_phone"])
            grant_role(admin, leader, group, RoleKind.GROUP_LEADER)
            self.leaders.append(leader)
        progress(self, "editors, helper and group leaders with their roles")

        households = {}
        self.residents = []
        for r in people.RESIDENTS:
            group = groups[r["group"] - 1]
            key = r["household_key"]
            if key not in households:
                households[key] = Household.objects.create(
                    area=group, address=r["address"]
                )
            household = households[key]
            resident = self.user(r["full_name"], r["phone"])
            status = r["status"]
            Residency.objects.create(
                user=resident,
                household=household,
                status=status,
                decided_by=self.leaders[r["group"] - 1]
                if status == ResidencyStatus.VERIFIED
                else None,
                decided_at=timezone.now()
                if status == ResidencyStatus.VERIFIED
                else None,
            )
            if r.get("is_representative"):
                household.representative = resident
                household.save(update_fields=["representative"])
            self.residents.append(resident)
        progress(
            self, f"{len(self.residents)} residents in {len(households)} households"
        )

        images = [
            _demo_image(f"Ảnh minh họa {i + 1}", colour)
            for i, colour in enumerate(PALETTE)
        ]
        progress(self, f"{len(images)} images")
        for n, item in enumerate(news.NEWS):
            parent = groups[item["group"] - 1] if item["group"] else ward
            author = (
                self.leaders[item["group"] - 1] if item["group"] else self.editors[0]
            )
            day = today - datetime.timedelta(days=item["days_ago"])
            page = NewsPage(
                title=item["title"],
                intro=item["intro"],
                date=day,
                lead_image=images[n % len(images)] if n % 3 == 0 else None,
                body=[
                    {"type": "paragraph", "value": _paragraphs_html([p])}
                    for p in item["paragraphs"]
                ],
            )
            page.tags.add(*item.get("tags", []))
            self.publish(parent, page, author, day, self.editors[0])
            if (n + 1) % 10 == 0 or n + 1 == len(news.NEWS):
                progress(self, f"news articles: {n + 1}/{len(news.NEWS)}")

        for n, item in enumerate(notices.NOTICES):
            parent = groups[item["group"] - 1] if item["group"] else ward
            author = (
                self.leaders[item["group"] - 1] if item["group"] else self.editors[0]
            )
            starts = today + datetime.timedelta(days=item["starts_offset_days"])
            ends = (
                today + datetime.timedelta(days=item["ends_offset_days"])
                if item.get("ends_offset_days") is not None
                else None
            )
            page = NoticePage(
                title=item["title"],
                intro=item["intro"],
                body=_paragraphs_html(item["paragraphs"]),
                category=item["category"],
                posting_starts=starts,
                posting_ends=ends,
                is_urgent=item.get("urgent", False),
                is_pinned=item.get("pinned", False),
            )
            if item.get("draft_for_review"):
                page.live = False
                parent.add_child(instance=page)
                page.save_revision(user=author, log_action=True)
                page.get_workflow().start(page, author)
            else:
                self.publish(parent, page, author, min(starts, today), self.editors[0])
            if (n + 1) % 10 == 0 or n + 1 == len(notices.NOTICES):
                progress(self, f"notices: {n + 1}/{len(notices.NOTICES)}")
        return ward


def print_accounts(command):
    """The demo accounts and their one password, on ``command``'s output."""
    lines = [
        "",
        f"Demo accounts (password for all: {DEMO_PASSWORD})",
        f"  administrator      {ADMIN_EMAIL}",
    ]
    for e in people.EDITORS:
        lines.append(f"  commune editor     {e['phone']}  {e['full_name']}")
    lines.append(
        f"  helper             {people.HELPER['phone']}  {people.HELPER['full_name']}"
    )
    for g in people.GROUPS[:3]:
        lines.append(
            f"  group leader       {g['leader_phone']}  {g['leader']} ({g['title']})"
        )
    lines.append("  … one leader for each of the 8 groups (see README)")
    verified = [r for r in people.RESIDENTS if r["status"] == "verified"][:2]
    pending = [r for r in people.RESIDENTS if r["status"] == "pending"][:1]
    for r in verified:
        lines.append(f"  resident           {r['phone']}  {r['full_name']}")
    for r in pending:
        lines.append(f"  resident (pending) {r['phone']}  {r['full_name']}")
    command.stdout.write("\n".join(lines))
