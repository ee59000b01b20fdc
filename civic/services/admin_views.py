"""The CSV import of procedures, an admin view (only for commune editors)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from civic.core.errors import messages_of

from . import actions
from .forms import ImportForm
from .importing import COLUMNS
from .permissions import communes_where


def import_procedures(request):
    if not communes_where(request.user).exists():
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = actions.import_procedures(
                    request.user, form.cleaned_data["area"], upload.read()
                )
            except (ValidationError, PermissionDenied) as error:
                for message in messages_of(error):
                    form.add_error(None, message)
                status = 400
            else:
                if report.ok:
                    messages.success(
                        request,
                        _("%(created)d procedures added, %(updated)d updated.")
                        % {"created": report.created, "updated": report.updated},
                    )
                else:
                    status = 400
                    messages.error(
                        request,
                        _(
                            "Nothing was imported: correct the rows below and "
                            "upload the file again."
                        ),
                    )
        else:
            status = 400
    return TemplateResponse(
        request,
        "services/admin/import.html",
        {"form": form, "report": report, "columns": COLUMNS},
        status=status,
    )
