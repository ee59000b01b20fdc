"""Background tasks of feedback reports (civic/people/tasks.py)."""

from django.db import transaction

from civic.people.tasks import retrying_task


@retrying_task
def tell_report_followers(report_id, kind_name, actor_id, params, already=()):
    """The followers of a report (but ``already`` told and the actor) are told of
    a change, by the worker; one transaction, so a retry never tells twice."""
    from civic.people.actions import notify_many
    from civic.people.models import User
    from civic.people.notifications import get_kind

    from .models import Report

    report = Report.objects.filter(pk=report_id).first()
    kind = get_kind(kind_name)
    if report is None or kind is None:
        return 0
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    recipients = (
        report.follows.filter(user__is_active=True)
        .exclude(user_id__in=[*already, actor_id])
        .values_list("user_id", flat=True)
    )
    with transaction.atomic():
        return notify_many(
            list(recipients),
            kind,
            report,
            actor=actor,
            url=report.get_absolute_url(),
            **params,
        )
