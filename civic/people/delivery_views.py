"""The resident's notification settings, and the one-click unsubscribe link of
the emails (civic/people/delivery.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from .delivery import (
    frequency_for,
    grouped_kinds,
    kind_label,
    problems,
    read_unsubscribe_token,
    set_preference,
)
from .models import Frequency, NotificationPreference, User
from .notifications import get_kind


@login_required
@never_cache
def notification_settings_view(request):
    user = request.user
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list(
            "kind", "frequency"
        )
    )
    status = 200
    if request.method == "POST":
        allowed = set(Frequency.values)
        changes = {}
        for kind in (k for _label, kinds in grouped_kinds() for k in kinds):
            value = request.POST.get(f"kind:{kind.name}")
            if kind.urgent or value is None:
                continue
            if value not in allowed:
                changes = None
                break
            changes[kind.name] = value
        if changes is None:
            messages.error(request, _("Please choose one of the options offered."))
            status = 400
        else:
            for name, value in changes.items():
                set_preference(user, name, value)
            messages.success(request, _("Your notification settings were saved."))
            return redirect("people:notification_settings")
    groups = [
        (
            label,
            [
                {
                    "name": kind.name,
                    "label": kind_label(kind),
                    "urgent": kind.urgent,
                    "value": frequency_for(user, kind.name, chosen),
                }
                for kind in kinds
            ],
        )
        for label, kinds in grouped_kinds()
    ]
    return render(
        request,
        "people/notification_settings.html",
        {
            "groups": groups,
            "choices": Frequency.choices,
            "problems": problems(user),
        },
        status=status,
    )


@csrf_exempt  # the signed token is the credential; mail clients post without one
@never_cache
def unsubscribe_view(request, token):
    """GET: what the link stops, and a button (a link opened by a mail scanner
    changes nothing); POST (the button, or a mail client's RFC 8058 one-click
    ``List-Unsubscribe=One-Click``): those kinds are off, no sign-in needed."""
    try:
        user_id, names = read_unsubscribe_token(token)
        user = User.objects.get(pk=user_id, is_active=True)
    except (signing.BadSignature, User.DoesNotExist, ValueError, TypeError):
        return render(request, "people/unsubscribe.html", {"invalid": True}, status=400)
    kinds = [k for k in (get_kind(name) for name in names) if k and not k.urgent]
    done = False
    if request.method == "POST":
        for kind in kinds:
            set_preference(user, kind.name, Frequency.OFF)
        done = True
    return render(
        request,
        "people/unsubscribe.html",
        {
            "labels": [kind_label(k) for k in kinds],
            "done": done,
            "email": user.email,
        },
    )
