"""Static files storage of the site: WhiteNoise's compressed files with hashed names."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """``collectstatic`` writes each file under a name with its content hash (served
    with a far-future ``Cache-Control`` by WhiteNoise) plus gzip copies, and a
    manifest. A name missing from the manifest - no ``collectstatic`` yet (a fresh
    clone running daphne by hand, a benchmark) or a file added since - is linked
    by its plain name instead of failing every page that links it."""

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            return name
