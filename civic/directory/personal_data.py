"""What civic.directory holds about a person (civic.people.personal_data)."""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section, rows


def _businesses(user):
    from .models import Business

    return rows(
        Business.objects.filter(submitted_by=user),
        "name",
        "offers",
        "phone",
        "address",
        "status",
        "created_at",
    )


def _erase(user):
    """A proposal not yet approved (or refused) goes; an approved business is
    the business's public listing and stays, without who proposed it."""
    from .models import Business, BusinessStatus

    Business.objects.filter(submitted_by=user).exclude(
        status=BusinessStatus.APPROVED
    ).delete()
    Business.objects.filter(submitted_by=user).update(submitted_by=None)


Section(
    "directory.businesses",
    _("Businesses I proposed"),
    export=_businesses,
    erase=_erase,
)
