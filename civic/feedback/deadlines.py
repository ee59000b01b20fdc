"""A report's deadlines from its commune's policy and holidays (see ``workingtime``)."""

from datetime import timedelta

from .models import schedule_for
from .workingtime import add_working_days, add_working_time


def accept_due(commune, received_at):
    policy, schedule = schedule_for(commune)
    return add_working_time(received_at, timedelta(hours=policy.accept_hours), schedule)


def resolve_due(commune, accepted_at, urgent):
    policy, schedule = schedule_for(commune)
    if urgent:
        return add_working_time(
            accepted_at, timedelta(hours=policy.urgent_resolve_hours), schedule
        )
    return add_working_days(accepted_at, policy.normal_resolve_days, schedule)
