"""The admin names no page outside a user's areas unless visitors see it listed.

Audit hole (second round): Wagtail's page chooser (browse and search) and its page
types usage report showed a leader the titles of other communes' drafts
(leader_b saw a draft of Tổ dân phố 1). Now the chooser keeps to
content.admin_scope.admin_visible_pages (listed pages plus the user's areas'
subtrees) and the page types usage report is for superusers only. The last test
walks every report of Wagtail's admin, and the other admin places that list
pages, as leader_b.
"""

import json

import pytest
from django.urls import URLPattern, reverse
from wagtail.admin.urls import reports as report_urls
from wagtail.models import Page, PageLogEntry

from content.models import NoticePage

from ..factories import sign_in

pytestmark = pytest.mark.django_db

SECRET = "Dự thảo kín Xylophon"


def add_draft(area, title, slug, author):
    """A notice that was never published, locked by its author, with a log entry."""
    page = NoticePage(title=title, slug=slug, body="<p>x</p>", owner=author)
    area.add_child(instance=page)
    page.save_revision(user=author)
    Page.objects.filter(pk=page.pk).update(live=False, locked=True, locked_by=author)
    PageLogEntry.objects.log_action(page, "wagtail.create", user=author)
    return page


def text_of(response):
    body = response.content.decode()
    try:  # the chooser answers JSON with the HTML inside
        return json.dumps(json.loads(body), ensure_ascii=False)
    except ValueError:
        return body


@pytest.mark.search_index
def test_page_chooser_names_listed_pages_and_own_areas_only(client, tree):
    add_draft(tree.group_1, SECRET, "du-thao", tree.leader_1)
    add_draft(tree.group_b, "Dự thảo của thôn Đông", "du-thao-dong", tree.leader_b)
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    browse_1 = reverse("wagtailadmin_choose_page_child", args=(tree.group_1.pk,))
    browse_b = reverse("wagtailadmin_choose_page_child", args=(tree.group_b.pk,))
    search = reverse("wagtailadmin_choose_page_search")

    sign_in(client, tree.leader_b)
    assert SECRET not in text_of(client.get(browse_1, **ajax))
    assert SECRET not in text_of(client.get(search, {"q": "Xylophon"}, **ajax))
    # their own area's draft and the other commune's listed areas are still there
    assert "Dự thảo của thôn Đông" in text_of(client.get(browse_b, **ajax))
    assert tree.group_2.title in text_of(client.get(search, {"q": "dân phố"}, **ajax))

    client.force_login(tree.leader_1)  # the draft's own area
    assert SECRET in text_of(client.get(search, {"q": "Xylophon"}, **ajax))
    client.force_login(tree.admin)
    assert SECRET in text_of(client.get(browse_1, **ajax))


def report_url_names():
    """Every named URL of Wagtail's reports (none takes an argument)."""
    return [p.name for p in report_urls.urlpatterns if isinstance(p, URLPattern)]


@pytest.mark.search_index
def test_no_admin_report_or_listing_names_another_communes_draft(client, tree):
    add_draft(tree.group_1, SECRET, "du-thao", tree.leader_1)
    urls = [reverse(f"wagtailadmin_reports:{name}") for name in report_url_names()]
    assert len(urls) >= 12  # locked, workflow(+tasks), site history, aging, types
    urls += [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:search") + "?q=Xylophon",
        reverse("wagtailadmin_explore", args=(tree.group_1.pk,)),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_pages:type_use", args=("content", "noticepage")),
        reverse("wagtailadmin_choose_page_search") + "?q=Xylophon",
    ]

    sign_in(client, tree.leader_b)
    leaks = [u for u in urls if SECRET in text_of(client.get(u))]
    assert leaks == []
    response = client.get(reverse("wagtailadmin_reports:page_types_usage"))
    assert response.status_code == 302  # refused, back to the dashboard
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:page_types_usage") not in menu

    # the same pages do name the draft to whom it belongs (the walk can fail)
    client.force_login(tree.admin)
    seen = [u for u in urls if SECRET in text_of(client.get(u))]
    assert reverse("wagtailadmin_reports:page_types_usage") in seen
    assert reverse("wagtailadmin_reports:locked_pages") in seen
