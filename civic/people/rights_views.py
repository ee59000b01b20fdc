"""The pages of a person's rights over their data (civic.people.rights):
``/tai-khoan/du-lieu/`` (see, download, file a request, delete), the commune's
queue of requests, and the privacy notice ``/quyen-rieng-tu/``."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from civic.core.errors import ActionForbidden
from civic.core.views import run_action

from . import rights
from .models import (
    DataExport,
    DataRequest,
    ExportStatus,
    PrivacyNotice,
    RequestKind,
    RequestStatus,
)


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_lazy("Type of request"), choices=RequestKind.choices
    )
    text = forms.CharField(
        label=_lazy("Your request"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_lazy(
            "Say what is wrong or what you ask; the commune answers by the date shown."
        ),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_lazy("Answer"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    refuse = forms.BooleanField(
        label=_lazy("Refused (the answer gives the reasons)"), required=False
    )


class DeleteForm(forms.Form):
    password = forms.CharField(
        label=_lazy("Your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    phrase = forms.CharField(
        label=_lazy("Or type: %(phrase)s") % {"phrase": rights.CONFIRM_PHRASE},
        required=False,
        max_length=100,
    )


def _answerer_communes(user):
    """The communes whose requests ``user`` answers: where they are the named
    data-protection contact, or an editor of a commune without one (every
    commune for a superuser)."""
    from django.db.models import Q

    from civic.core.areas import COMMUNE_KINDS, area_model

    from .models import DataProtectionContact
    from .permissions import scoped

    if not user.is_authenticated or not user.is_active:
        return []
    communes = area_model().objects.filter(kind__in=COMMUNE_KINDS)
    if user.is_superuser:
        return list(communes)
    contacts = DataProtectionContact.objects.filter(user__is_active=True)
    mine = contacts.filter(user=user).values("commune_id")
    edited = scoped(communes, user, "publish_content").exclude(
        pk__in=contacts.values("commune_id")
    )
    return list(communes.filter(Q(pk__in=mine) | Q(pk__in=edited.values("pk"))))


@login_required
@never_cache
def data_view(request):
    user = request.user
    if request.method == "POST" and request.POST.get("action") == "export":
        run_action(
            request,
            rights.request_export,
            user,
            success=_(
                "Your data is being prepared. You will be told when the download is ready."
            ),
        )
        return redirect("people:data")
    form = DataRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        outcome = run_action(
            request,
            rights.file_request,
            user,
            rights.commune_of(user),
            form.cleaned_data["kind"],
            form.cleaned_data["text"],
            form=form,
            success=lambda r: (
                _("Your request is sent; the commune answers by %(date)s.")
                % {"date": timezone.localtime(r.due_at).strftime("%d/%m/%Y")}
            ),
        )
        if outcome:
            return redirect("people:data")
    exports = [
        {
            "export": e,
            "token": rights.export_token(e)
            if e.status == ExportStatus.READY
            and e.expires_at
            and e.expires_at > timezone.now()
            else None,
        }
        for e in DataExport.objects.filter(user=user)[:5]
    ]
    return render(
        request,
        "people/data.html",
        {
            "sections": rights.overview(user),
            "exports": exports,
            "requests": DataRequest.objects.filter(user=user).select_related("commune")[
                :20
            ],
            "form": form,
            "deadlines": [
                (RequestKind(k).label, days) for k, days in rights.deadlines().items()
            ],
            "answers": bool(_answerer_communes(user)),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@never_cache
def download_view(request, token):
    export = rights.export_for_token(token, request.user)
    if export is None:
        raise Http404(_("This download link has expired or is not yours."))
    storage = rights.private_storage()
    if not export.file or not storage.exists(export.file):
        raise Http404(_("This download is no longer available."))
    rights._audit(
        export, "kdcdt.data.download", request.user, f"data export #{export.pk}"
    )
    response = FileResponse(
        storage.open(export.file, "rb"),
        as_attachment=True,
        filename=f"du-lieu-cua-toi-{timezone.localtime(export.ready_at):%Y%m%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@sensitive_post_parameters("password")
@login_required
@never_cache
def delete_view(request):
    user = request.user
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not rights.check_confirmation(
            user, form.cleaned_data["password"], form.cleaned_data["phrase"]
        ):
            form.add_error(
                None,
                _("Type your password, or the sentence shown, to confirm."),
            )
        else:
            outcome = run_action(request, rights.erase_account, user, form=form)
            if outcome:
                logout(request)
                messages.success(
                    request,
                    _(
                        "Your account is deleted. What you wrote for others stays, "
                        "signed “a former resident”."
                    ),
                )
                return redirect("/")
    return render(
        request,
        "people/data_delete.html",
        {"form": form, "phrase": rights.CONFIRM_PHRASE},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@never_cache
def requests_view(request):
    communes = _answerer_communes(request.user)
    if not communes and not request.user.is_superuser:
        raise ActionForbidden(
            _("Only the commune's editors and its data-protection contact see this.")
        )
    items = (
        DataRequest.objects.filter(commune__in=[c.pk for c in communes])
        .select_related("user", "commune", "answered_by")
        .order_by("status", "due_at")
    )
    status = request.GET.get("status", RequestStatus.OPEN)
    if status in RequestStatus.values:
        items = items.filter(status=status)
    return render(
        request,
        "people/data_requests.html",
        {
            "items": items[:200],
            "form": AnswerForm(),
            "status": status,
            "statuses": RequestStatus.choices,
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def answer_view(request, pk):
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the answer the resident will read."))
    else:
        run_action(
            request,
            rights.answer_request,
            request.user,
            pk,
            form.cleaned_data["answer"],
            refuse=form.cleaned_data["refuse"],
            success=_("The answer is sent to the resident."),
        )
    return redirect(reverse("people:data_requests"))


def privacy_view(request, version=None):
    notices = PrivacyNotice.objects.filter(published_at__lte=timezone.now())
    if version is None:
        notice = notices.first()
        if notice is None:
            raise Http404(_("No privacy notice has been published yet."))
    else:
        notice = get_object_or_404(notices, version=version)
    return render(
        request,
        "people/privacy.html",
        {
            "notice": notice,
            "versions": notices,
            "deadlines": [
                (RequestKind(k).label, days) for k, days in rights.deadlines().items()
            ],
        },
    )
