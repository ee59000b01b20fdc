"""What civic.feedback holds about a person (civic.people.personal_data)."""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section, rows


def _reports(user):
    from .models import Report

    return rows(
        Report.objects.filter(reporter=user).select_related("area"),
        "id",
        "area__title",
        "category",
        "title",
        "description",
        "address",
        "latitude",
        "longitude",
        "status",
        "answer",
        "rating",
        "created_at",
        "resolved_at",
        photos=lambda r: [p.image.name for p in r.photos.filter(update__isnull=True)],
    )


def _erase_reports(user):
    """A report keeps its public history (what was reported, how it was
    handled), without its reporter (the anonymised account); the reporter's
    photos, originals included, are deleted, and so is their following."""
    from .models import Follow, Photo

    for photo in Photo.objects.filter(report__reporter=user, update__isnull=True):
        photo.image.delete(save=False)
        photo.delete()
    Follow.objects.filter(user=user).delete()


def _follows(user):
    from .models import Follow

    return rows(
        Follow.objects.filter(user=user).select_related("report"),
        "report_id",
        "report__title",
        "created_at",
    )


Section(
    "feedback.reports", _("Reports and photos"), export=_reports, erase=_erase_reports
)
Section(
    "feedback.follows",
    _("Reports I follow"),
    export=_follows,
    erase=lambda user: None,  # deleted with feedback.reports
)
