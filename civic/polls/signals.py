"""Poll events → notifications, by the worker (civic/polls/tasks.py): a poll
saved enqueues its opening and closing-soon announcements; a result written
enqueues its announcement (in the transaction that writes it)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Poll, PollResult


@receiver(post_save, sender=Poll)
def poll_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .tasks import schedule_poll_events

    schedule_poll_events(instance)


@receiver(post_save, sender=PollResult)
def result_written(sender, instance, created=False, raw=False, **kwargs):
    if raw or not created:
        return
    from .tasks import tell_poll_result

    tell_poll_result.enqueue(instance.poll_id)
