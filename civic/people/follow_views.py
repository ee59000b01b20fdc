"""The follow button's endpoint and the notification page.

``POST /tai-khoan/theo-doi/`` (``people:follow``) with ``kind`` (a name registered
in :mod:`civic.people.follows`), ``id``, ``follow`` (``1`` follow, ``0`` stop) and
``next``: works without JavaScript (a form and a redirect back). Bad input — an
unknown kind, an id that is not one, an object that does not exist or that the
user may not see (a restricted page) — answers 400 or 404 with a message in the
user's language, and changes nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic.core.errors import ActionRefused, messages_of
from civic.core.ids import parse_id

from . import follows
from .actions import mark_notifications_read

NOTIFICATIONS_PER_PAGE = 20


def _refused(request, message, status):
    return render(
        request, "people/follow_refused.html", {"message": message}, status=status
    )


def _back(request, obj):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    url = getattr(obj, "url", None) or getattr(obj, "get_absolute_url", lambda: "")()
    return url or "/"


def _target(request):
    """(followable, obj) named by the form, or an error response."""
    followable = follows.REGISTRY.get(request.POST.get("kind", ""))
    if followable is None:
        return None, _refused(request, _("This cannot be followed."), 400)
    pk = parse_id(request.POST.get("id"))
    obj = followable.model._default_manager.filter(pk=pk).first() if pk else None
    if obj is not None and hasattr(obj, "specific"):
        obj = obj.specific
    if obj is None or not followable.can_see(request.user, obj):
        # the same answer whether it does not exist or may not be seen
        return None, _refused(
            request, _("This item does not exist or you may not see it."), 404
        )
    return (followable, obj), None


@require_POST
@login_required
def follow_view(request):
    found, refusal = _target(request)
    if refusal is not None:
        return refusal
    followable, obj = found
    wanted = request.POST.get("follow", "1")
    if wanted not in ("0", "1"):
        return _refused(request, _("This cannot be followed."), 400)
    title = getattr(obj, "title", "") or str(obj)
    try:
        if wanted == "1":
            if followable.check is not None:
                followable.check(request.user, obj)
            follows.follow(request.user, obj)
            done = _("You follow “%(title)s”: you will be told of what happens.")
        else:
            follows.unfollow(request.user, obj)
            done = _("You no longer follow “%(title)s”.")
    except ActionRefused as error:
        return _refused(request, " ".join(messages_of(error)), 400)
    messages.success(request, done % {"title": title})
    return redirect(_back(request, obj))


@login_required
def notifications_view(request):
    """The signed-in user's notifications, newest first, in the language of the
    page; unread ones marked; "mark all as read"."""
    user = request.user
    if request.method == "POST":
        if request.POST.get("action") == "mark_read":
            mark_notifications_read(user)
            messages.success(request, _("All notifications are marked as read."))
        return redirect("people:notifications")
    paginator = Paginator(
        user.notifications.select_related("actor", "content_type").order_by(
            "-created_at", "-pk"
        ),
        NOTIFICATIONS_PER_PAGE,
    )
    page = paginator.get_page(request.GET.get("page"))
    language = get_language()
    for note in page.object_list:
        note.shown_text = note.text(language)
    return render(
        request,
        "people/notifications.html",
        {
            "page_obj": page,
            "notifications": page.object_list,
            "unread_total": user.notifications.filter(read_at__isnull=True).count(),
        },
    )
