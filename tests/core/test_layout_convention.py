"""The folder convention (README, "Map of the folders"): each app's templates in
``<app>/templates/<app_label>/``, its static files in ``<app>/static/<app_label>/``;
the root ``templates/`` and ``static/`` hold only the site's shell; one gettext
catalogue, the root ``locale/``; no inline ``<style>``. No database, no rendering."""

import os
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

BASE = Path(settings.BASE_DIR)
SKIP = {"var", "node_modules", "__pycache__"}
#: what the root templates/ and static/ may hold: the shell every page uses
SHELL_TEMPLATES = {
    "base.html",
    "403.html",
    "404.html",
    "500.html",
    "includes",
    "blocks",
}
# pwa: the installable site's icons (content/pwa.py), shell like the favicon
SHELL_STATIC = {"css", "js", "favicon.svg", "pwa"}


def project_files(*suffixes):
    for dirpath, dirnames, filenames in os.walk(BASE):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in SKIP]
        for name in filenames:
            if name.endswith(suffixes):
                yield Path(dirpath, name).relative_to(BASE)


def project_apps():
    """The installed apps whose code is in this repository, by folder."""
    return {
        Path(config.path).relative_to(BASE): config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(BASE)
    }


def owner(path, folder):
    """(app folder, label) when ``path`` is inside an app's ``folder`` dir."""
    for app_dir, label in project_apps().items():
        if path.is_relative_to(app_dir / folder):
            return app_dir, label
    return None


def test_every_template_is_in_its_apps_label_folder_or_the_shell():
    misplaced = []
    for path in project_files(".html", ".txt", ".xml"):
        if path.parts[0] == "tests" or "templates" not in path.parts:
            continue
        if path.parts[0] == "templates":
            if path.parts[1] not in SHELL_TEMPLATES:
                misplaced.append(str(path))
            continue
        found = owner(path, "templates")
        if found is None or not path.is_relative_to(found[0] / "templates" / found[1]):
            misplaced.append(str(path))
    assert misplaced == []


def test_every_static_file_is_in_its_apps_label_folder_or_the_shell():
    misplaced = []
    for path in project_files(""):
        if "static" not in path.parts or path.parts[0] in ("tests", "bench"):
            continue
        if path.parts[0] == "static":
            if path.parts[1] not in SHELL_STATIC:
                misplaced.append(str(path))
            continue
        found = owner(path, "static")
        if found is None or not path.is_relative_to(found[0] / "static" / found[1]):
            misplaced.append(str(path))
    assert misplaced == []


def test_the_root_shell_has_no_folder_named_after_an_app():
    labels = set(project_apps().values())
    for root in ("templates", "static"):
        assert not labels & {p.name for p in (BASE / root).iterdir()}


def test_one_catalogue_the_root_locale():
    assert settings.LOCALE_PATHS == [BASE / "locale"]
    catalogues = sorted(str(p) for p in project_files(".po", ".mo"))
    assert catalogues == [
        f"locale/{lang}/LC_MESSAGES/django.{ext}"
        for lang in ("en", "vi")
        for ext in ("mo", "po")
    ]


def test_no_inline_style_in_any_template():
    """CSS only from stylesheets: no <style> block, no style="" attribute (so a
    Content-Security-Policy would need no 'unsafe-inline' for the site's pages)."""
    with_style = [
        str(path)
        for path in project_files(".html")
        if re.search(r"<style\b|\sstyle=", (BASE / path).read_text(), re.IGNORECASE)
    ]
    assert with_style == []
