from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move

from civic.core.areas import area_model
from civic.core.requestmemo import forget

from .actions import move_area_collection, sync_role_groups
from .models import Residency, Role


@receiver(post_save, sender=Role)
def role_saved(sender, instance, created, **kwargs):
    sync_role_groups(instance, granted=True)


@receiver(post_delete, sender=Role)
def role_deleted(sender, instance, **kwargs):
    # When the area itself is being deleted its groups go with it.
    if area_model().objects.filter(pk=instance.area_id).exists():
        sync_role_groups(instance, granted=False)


@receiver(post_page_move)
def area_moved(sender, instance, parent_page_after, **kwargs):
    """An area that moves (a merger: a group goes to another commune) takes its
    collection along, under the new parent area's, so that its documents and
    images follow the area's rights: the new commune's editors choose them, the
    old commune's no longer do (``content.documents``)."""
    move_area_collection(instance, parent_page_after)


@receiver(post_save, sender=Residency)
@receiver(post_delete, sender=Residency)
def forget_verified_residency(sender, instance, **kwargs):
    """A residency changed: what this request remembered of its user's verified
    residency (``residents.verified_residency``) is read again."""
    forget(("people.verified_residency", instance.user_id))


@receiver(user_logged_in)
def record_sign_in(sender, request, user, **kwargs):
    """Every sign-in is recorded (shown to the person, kept
    ``SIGN_IN_RETENTION_DAYS``); signing in keeps an account that was warned."""
    from django.utils import timezone

    from civic.core.clients import client_address

    from .models import SignIn, User

    if user is None or user.pk is None:
        return
    agent = ""
    address = ""
    if request is not None:
        agent = request.META.get("HTTP_USER_AGENT", "")[:200]
        address = (client_address(request) or "")[:64]
    SignIn.objects.create(
        user=user, at=timezone.now(), address=address, user_agent=agent
    )
    if getattr(user, "retention_warned_at", None) is not None:
        User.objects.filter(pk=user.pk).update(retention_warned_at=None)
