"""Who has new (or fewer) unread notifications: told after commit.

``notify()``, ``notify_many()`` and ``mark_notifications_read()`` call
:func:`changed` with the users concerned; after the transaction commits the
signal :data:`unread_changed` is sent (``user_ids``), so the live header badge
(``realtime``: the ``/ws/inbox/`` socket) is updated without ``civic.people``
knowing who listens. A transaction that rolls back sends nothing.
"""

from django.db import transaction
from django.dispatch import Signal

#: sent after commit with ``user_ids`` (a list)
unread_changed = Signal()


def changed(user_ids):
    user_ids = sorted({pk for pk in user_ids if pk is not None})
    if user_ids:
        transaction.on_commit(
            lambda: unread_changed.send(sender=None, user_ids=user_ids)
        )
