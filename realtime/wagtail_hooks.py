"""The admin's bulk actions on users (deactivate, delete, assign a role) change
rows with ``QuerySet.update``/``delete``: no ``post_save`` is sent, so the
signals in ``signals.py`` do not hear of them. This hook tells the users'
sockets to check again, like any other change of access."""

from django.contrib.auth import get_user_model
from wagtail import hooks

from . import events


@hooks.register("after_bulk_action")
def _users_changed_in_bulk(request, action_type, objects, action_class_instance):
    if getattr(action_class_instance, "model", None) is not get_user_model():
        return
    events.access_changed(
        user_ids=[obj.pk for obj in objects if getattr(obj, "pk", None) is not None]
    )
