"""Static files storage of the site: WhiteNoise's compressed files with hashed names."""

from django.conf import settings
from django.utils.functional import cached_property
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """``collectstatic`` writes each file under a name with its content hash (served
    with a far-future ``Cache-Control`` by WhiteNoise) plus gzip copies, and a
    manifest. A name missing from the manifest - no ``collectstatic`` yet (a fresh
    clone running daphne by hand, a benchmark) or a file added since - is linked
    by its plain name instead of failing every page that links it."""

    def url(self, name, force=False):
        """The address of ``name``, found once per process: every page links
        the same few files, and the manifest does not change while serving
        (``collectstatic`` writes a new one for the next start)."""
        if force or settings.DEBUG:
            return super().url(name, force)
        key = (name, self.base_url)
        found = self._urls.get(key)
        if found is None:
            found = super().url(name)
            in_manifest = self.hash_key(self.clean_name(name)) in self.hashed_files
            if in_manifest and len(self._urls) < 1024:
                self._urls[key] = found
        return found

    @cached_property
    def _urls(self):
        return {}

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            return name
