"""What the admin shows a leader or editor of pages outside their areas.

Wagtail's admin lists pages in places its page permissions do not reach: the page
chooser (browse and search) lists every page's title, drafts included, and the
page types usage report names the last edited page of each type anywhere. The
project promises that leaders and editors act only within their areas and that
drafts and restricted pages are not public, so those places show a non-superuser
only :func:`admin_visible_pages`. The explorer, the admin page search and the
other reports already keep to the pages the user has Wagtail page permissions on
(given with the roles, civic.people.actions), which lie inside the same subtrees.
"""

from django.db.models import Q
from wagtail.models import Page

from civic.people.permissions import subtree_q

from .models import listed


def admin_visible_pages(user, queryset=None):
    """The pages of ``queryset`` (all pages by default) that ``user`` may see
    named in the admin: those listed to visitors (:func:`content.models.listed`)
    and those in the subtrees of the areas where the user may edit content.
    Superusers see every page; anyone else with no such area only listed ones.

    Every filter is a ``FilterField`` of ``Page``, so a search queryset (the
    chooser's search) takes the same rule.
    """
    if queryset is None:
        queryset = Page.objects.all()
    if user.is_superuser:
        return queryset
    visible = Q(pk__in=listed(Page.objects.all()).values("pk"))
    own = subtree_q(user, "edit_content")
    if own is not None:
        visible |= own
    return queryset.filter(visible)
