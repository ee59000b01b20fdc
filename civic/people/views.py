from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from civic.core.clients import client_address
from civic.core.errors import ActionForbidden
from civic.core.views import run_action, valid_data

from . import actions, throttle
from .actions import mark_notifications_read
from .forms import (
    CONSENT_TEXT,
    GroupForm,
    JoinForm,
    LoginForm,
    MovedForm,
    ReasonForm,
    RegistrationForm,
    RepresentativeForm,
)
from .models import Residency
from .permissions import can_anywhere
from .verification import confirmations_for, has_active_residency, queue


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
    notifications = list(
        user.notifications.select_related("actor", "content_type")[:30]
    )
    for note in notifications:
        # the reader is the recipient: in the language of the page they read
        note.shown_text = note.text(get_language())
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
            .select_related("household__area", "household__representative")
            .order_by("-created_at"),
            "has_active_residency": has_active_residency(user),
            "confirmations": confirmations_for(user),
            "decline_form": ReasonForm(),
            "is_verifier": queue_allowed(user),
        },
    )


def queue_allowed(user):
    return can_anywhere(user, "verify_residents")


# --- registration ------------------------------------------------------------------


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
def register_view(request):
    if request.user.is_authenticated:
        messages.info(request, _("You already have an account and are signed in."))
        return redirect("people:account")
    form = RegistrationForm(request.POST or None)
    address = client_address(request)
    if request.method == "POST" and (refusal := throttle.check_registration(address)):
        # Not validated (no duplicate check, no password hashing) while refused;
        # what was typed, but the passwords, is shown again.
        form = RegistrationForm(
            initial={
                k: request.POST.get(k, "") for k in ("full_name", "phone", "email")
            }
        )
        messages.error(
            request,
            _(
                "Too many accounts have been created from your connection recently. "
                "Please try again in %(minutes)d minutes, or ask your "
                "group leader for help."
            )
            % {"minutes": refusal.minutes},
        )
        return render(request, "people/register.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = actions.register_user(
                full_name=data["full_name"],
                password=data["password1"],
                phone=data["phone"],
                email=data["email"],
                consent_text=str(CONSENT_TEXT),
            )
        except IntegrityError:
            form.add_error(
                None,
                _(
                    "An account with this phone number or email already exists. "
                    "Sign in instead."
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            throttle.record_registration(address)
            login(request, user, backend="civic.people.backends.PhoneOrEmailBackend")
            messages.success(
                request,
                _("Welcome, %(name)s. Your account is ready: now join your group.")
                % {"name": user.display_name},
            )
            return redirect("people:join")
    return render(
        request,
        "people/register.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- joining a group -----------------------------------------------------------------


@login_required
@csrf_protect
def join_view(request):
    user = request.user
    if has_active_residency(user):
        messages.info(
            request,
            _(
                "You already belong to a household or are waiting for verification: "
                "see your status below."
            ),
        )
        return redirect("people:account")
    data = request.POST if request.method == "POST" else request.GET
    group_form = GroupForm(data if "group" in data else None)
    group = group_form.cleaned_data["group"] if group_form.is_valid() else None
    form = None
    if group is not None:
        form = JoinForm(group, request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                residency = actions.request_residency(
                    user,
                    group,
                    household=form.cleaned_data["household"],
                    address=form.cleaned_data["address"],
                )
            except IntegrityError:
                form.add_error(
                    None,
                    _(
                        "You already belong to a household or are waiting for "
                        "verification."
                    ),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if residency.awaiting_representative:
                    text = _(
                        "Your request is sent. The household's representative "
                        "confirms it first, then your group leader verifies you."
                    )
                else:
                    text = _("Your request is sent. Your group leader will verify you.")
                messages.success(request, text)
                return redirect("people:account")
    invalid = request.method == "POST" and (form is None or form.errors)
    return render(
        request,
        "people/join.html",
        {"group_form": group_form, "group": group, "form": form},
        status=400 if invalid else 200,
    )


# --- the household representative confirms --------------------------------------------


@login_required
@require_POST
def confirm_view(request, pk):
    run_action(
        request,
        actions.confirm_membership,
        request.user,
        pk,
        success=_("Thank you: the group leader will now verify this person."),
    )
    return redirect("people:account")


@login_required
@require_POST
def decline_view(request, pk):
    form = ReasonForm(request.POST)
    run_action(
        request,
        lambda: actions.decline_membership(
            request.user, pk, valid_data(form)["reason"]
        ),
        success=_("The request was declined."),
    )
    return redirect("people:account")


# --- the leader's verification queue ---------------------------------------------------


@login_required
def verification_view(request):
    items = queue(request.user)
    if items is None:
        raise ActionForbidden(
            _("Only group leaders and commune editors verify residents.")
        )
    return render(
        request,
        "people/verification.html",
        {**items, "reason_form": ReasonForm(), "moved_form": MovedForm()},
    )


@login_required
@require_POST
def verify_view(request, pk):
    run_action(
        request,
        actions.verify_residency,
        request.user,
        pk,
        success=_("The resident is verified."),
    )
    return redirect("people:verification")


@login_required
@require_POST
def reject_view(request, pk):
    form = ReasonForm(request.POST)
    run_action(
        request,
        lambda: actions.reject_residency(request.user, pk, valid_data(form)["reason"]),
        success=_("The request was rejected; the resident sees your reason."),
    )
    return redirect("people:verification")


@login_required
@require_POST
def moved_view(request, pk):
    form = MovedForm(request.POST)
    run_action(
        request,
        lambda: actions.mark_moved(request.user, pk, valid_data(form)["reason"]),
        success=_("The resident is recorded as moved away."),
    )
    return redirect("people:verification")


@login_required
@require_POST
def representative_view(request, pk):
    form = RepresentativeForm(request.POST)
    run_action(
        request,
        lambda: actions.set_representative(request.user, pk, valid_data(form)["user"]),
        success=_("The household has a new representative."),
    )
    return redirect("people:verification")
