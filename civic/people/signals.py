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
