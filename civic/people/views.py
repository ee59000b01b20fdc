from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from .actions import mark_notifications_read
from .forms import LoginForm
from .models import Residency


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request):
    if request.method == "POST":
        form = LoginForm(request, data=request.POST)
        if form.is_valid():
            login(request, form.user)
            messages.success(
                request, _("Welcome, %(name)s.") % {"name": form.user.display_name}
            )
            return redirect(_next_url(request))
    else:
        form = LoginForm(request)
    return render(
        request,
        "people/login.html",
        {"form": form, "next": _next_url(request)},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def logout_view(request):
    logout(request)
    return redirect("/")


@login_required
def account_view(request):
    user = request.user
    notifications = list(user.notifications.all()[:30])
    unread_ids = {n.pk for n in notifications if n.read_at is None}
    if request.method == "POST" and request.POST.get("action") == "mark_read":
        mark_notifications_read(user)
        return redirect("people:account")
    return render(
        request,
        "people/account.html",
        {
            "notifications": notifications,
            "unread_ids": unread_ids,
            "roles": user.area_roles.select_related("area").order_by("area__path"),
            "residencies": Residency.objects.filter(user=user)
            .select_related("household__area")
            .order_by("-created_at"),
        },
    )
