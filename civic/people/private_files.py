"""Files nobody fetches by URL: the downloads of a person's data (civic.people.rights)."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone


def private_storage():
    """Outside MEDIA_ROOT: ``PRIVATE_MEDIA_ROOT``, by default ``var/private``
    beside ``var/media`` (so no proxy and no ``serve_media`` hands them out)."""
    root = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or (
        Path(settings.MEDIA_ROOT).parent / "private"
    )
    return FileSystemStorage(location=root, base_url=None)


def delete_exports(user=None, *, expired_only=False):
    """Delete downloads (their files too): ``user``'s, or all expired ones."""
    from .models import DataExport

    exports = DataExport.objects.all()
    if user is not None:
        exports = exports.filter(user=user)
    if expired_only:
        exports = exports.filter(expires_at__lt=timezone.now())
    storage = private_storage()
    count = 0
    for export in exports:
        if export.file and storage.exists(export.file):
            storage.delete(export.file)
        export.delete()
        count += 1
    return count
