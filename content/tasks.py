"""Background tasks of the pages (civic/people/tasks.py): the followers of an
area are told of a notice published in it."""

from django.db import transaction

from civic.people.tasks import retrying_task


@retrying_task
def tell_followers_of_notice(page_id):
    """Everyone who follows the notice's area (its verified residents do, and
    those of its groups follow their commune) gets a notification, once: one
    transaction, which first looks whether the notice was already announced."""
    from django.contrib.contenttypes.models import ContentType

    from civic.people.actions import notify_many
    from civic.people.follows import followers_of
    from civic.people.models import Notification

    from . import notifications as told
    from .models import AreaPage, NoticePage, listed

    with transaction.atomic():
        # the notice's row locked: one announcement, however often this runs
        page = NoticePage.objects.select_for_update().filter(pk=page_id).first()
        if page is None or not listed(NoticePage.objects.filter(pk=page_id)).exists():
            return 0  # gone, unpublished, restricted or expired: not announced
        area = AreaPage.objects.ancestor_of(page).order_by("-depth").first()
        if area is None:
            return 0
        if Notification.objects.filter(
            content_type=ContentType.objects.get_for_model(page),
            object_id=str(page.pk),
            kind__in=[told.URGENT_NOTICE.name, told.NOTICE_PUBLISHED.name],
        ).exists():
            return 0  # already announced (published again, or a second run)
        kind = told.URGENT_NOTICE if page.is_urgent else told.NOTICE_PUBLISHED
        recipients = followers_of(area).values_list("pk", flat=True)
        return notify_many(
            list(recipients),
            kind,
            page,
            url=page.url or "",
            title=page.title,
            area=area.title,
        )
