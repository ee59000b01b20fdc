"""Poll events told to followers, by the worker (civic/people/announce.py).

A poll opening and "closing within 24 hours" are moments of the clock: when a
poll is saved, a task is enqueued to run at that moment (``run_after``); when it
runs it checks the poll as it is then (moved to later: nothing now, the task of
the later save tells; closed early: nothing), and :func:`announce` tells each
follower once, however many saves enqueued it."""

from datetime import timedelta

from django.utils import timezone

from civic.people.tasks import retrying_task

#: how long before the closing "closes within 24 hours" is told
CLOSING_NOTICE = timedelta(hours=24)


def _followed(poll):
    return [poll, poll.area]


def _params(poll):
    return {"title": poll.title, "area": poll.area.title}


@retrying_task
def tell_poll_opened(poll_id):
    from civic.people.announce import announce

    from . import notifications as told
    from .models import Poll

    poll = Poll.objects.select_related("area").filter(pk=poll_id).first()
    now = timezone.now()
    if poll is None or not poll.area.live or not poll.is_open(now):
        return 0
    return announce(
        told.POLL_OPENED,
        poll,
        followed=_followed(poll),
        url=poll.get_absolute_url(),
        **_params(poll),
    )


@retrying_task
def tell_poll_closing(poll_id):
    from civic.people.announce import announce
    from civic.people.models import Residency, ResidencyStatus

    from . import notifications as told
    from .models import Participation, Poll

    poll = Poll.objects.select_related("area").filter(pk=poll_id).first()
    now = timezone.now()
    if poll is None or not poll.area.live or not poll.is_open(now):
        return 0
    if now < poll.closes_at - CLOSING_NOTICE:
        return 0  # its closing moved later: the task of that save tells
    voted = Participation.objects.filter(poll=poll)
    # who already voted is not reminded (nor their household's members)
    exclude = set(voted.values_list("user_id", flat=True))
    exclude |= set(
        Residency.objects.filter(
            household__in=voted.exclude(household=None).values("household"),
            status=ResidencyStatus.VERIFIED,
        ).values_list("user_id", flat=True)
    )
    return announce(
        told.POLL_CLOSING,
        poll,
        followed=_followed(poll),
        exclude=exclude,
        url=poll.get_absolute_url(),
        **_params(poll),
    )


@retrying_task
def tell_poll_result(poll_id):
    from civic.people.announce import announce

    from . import notifications as told
    from .models import Poll, PollResult

    poll = Poll.objects.select_related("area").filter(pk=poll_id).first()
    result = PollResult.objects.filter(poll_id=poll_id).first()
    if poll is None or result is None or not poll.area.live:
        return 0
    return announce(
        told.POLL_RESULT,
        poll,
        followed=_followed(poll),
        actor=result.closed_by,
        url=poll.get_absolute_url(),
        **_params(poll),
    )


def schedule_poll_events(poll):
    """Enqueue the opening and closing-soon tasks of ``poll`` for their moments
    (at once when the moment has passed and the poll is still open)."""
    now = timezone.now()
    if poll.closes_at <= now:
        return
    tell_poll_opened.using(run_after=max(poll.opens_at, now)).enqueue(poll.pk)
    tell_poll_closing.using(
        run_after=max(poll.closes_at - CLOSING_NOTICE, poll.opens_at, now)
    ).enqueue(poll.pk)
