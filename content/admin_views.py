"""The page editor's create view, safe against its own autosave.

Wagtail's editor autosaves a new page ``WAGTAIL_AUTOSAVE_INTERVAL`` after an edit:
the first autosave posts to the create view and makes the page. A submit sent
while that request is in flight posts to the create view too: before this view,
the two made two pages (the second with its slug suffixed "-2"), or, with the slug
filled in, the second failed the model's uniqueness check after passing the
form's and answered 500 (the form's check had read the parent's child count
before the other page was made: treebeard then sees no siblings at all).

Here creations under one parent are taken one at a time (the parent's row is
locked), and a post whose form token already made a page is sent on, with a 307
(same method, same body), to that page's edit view: the submit becomes an edit of
the page its autosave made. A second page with a slug already in use now gets the
form's message."""

import uuid

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .models import PageCreation


def _token(request):
    try:
        return uuid.UUID(request.POST.get("create_token", ""))
    except ValueError:
        return None


class CreatePageView(CreateView):
    def post(self, request):
        token = _token(request)
        with transaction.atomic():
            parent = Page.objects.select_for_update().only("numchild")
            # read again under the lock: with the count read before it, treebeard
            # takes a leaf for childless (no siblings to check the slug against)
            # and gives the new page a path already taken
            self.parent_page.numchild = parent.get(pk=self.parent_page.pk).numchild
            if token:
                made = PageCreation.objects.filter(
                    token=token, page__owner=request.user
                ).first()
                if made:
                    edit = reverse("wagtailadmin_pages:edit", args=(made.page_id,))
                    response = HttpResponseRedirect(edit)
                    response.status_code = 307
                    return response
            response = super().post(request)
            if token and self.page.pk:
                try:
                    with transaction.atomic():
                        PageCreation.objects.create(token=token, page=self.page)
                except IntegrityError:
                    pass  # someone else's token (copied): theirs stays theirs
            return response


class SitePageViewSet(PageViewSet):
    """Every page type's admin views, with the create view above."""

    add_view_class = CreatePageView


class SuperuserPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page types usage report, for superusers only: it counts the pages
    of every area and names the last edited page of each type, drafts included.
    Served at Wagtail's own addresses (config.urls, before the admin's)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
