from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Role


@receiver(post_save, sender=Role)
def role_saved(sender, instance, created, **kwargs):
    from .actions import sync_role_groups

    sync_role_groups(instance, granted=True)


@receiver(post_delete, sender=Role)
def role_deleted(sender, instance, **kwargs):
    from content.models import AreaPage

    from .actions import sync_role_groups

    # When the area itself is being deleted its groups go with it.
    if AreaPage.objects.filter(pk=instance.area_id).exists():
        sync_role_groups(instance, granted=False)
