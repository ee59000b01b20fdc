"""``manage.py check --deploy`` with production settings shows only the warnings
that docs/deploy.md lists and explains ("Production checks")."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

BASE_DIR = Path(__file__).resolve().parents[2]

#: security.W021: SECURE_HSTS_PRELOAD is off by choice (docs/deploy.md).
DOCUMENTED = {"security.W021"}


def production_env(tmp_path, **changes):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="k" * 20
        + "-production-only-secret-with-enough-length-and-variety-91",
        ALLOWED_HOSTS="khudancu.example.vn",
        CSRF_TRUSTED_ORIGINS="https://khudancu.example.vn",
        BASE_URL="https://khudancu.example.vn",
        TRUSTED_PROXIES="127.0.0.1",
        VAR_DIR=str(tmp_path),
    )
    env.update(changes)
    return env


def check_deploy(env):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result, set(
        re.findall(r"\(([\w.]+\.[CEW]\d+)\)", result.stdout + result.stderr)
    )


def test_check_deploy_shows_only_the_documented_warnings(tmp_path):
    result, ids = check_deploy(production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert ids == DOCUMENTED, result.stdout + result.stderr
    documented = (BASE_DIR / "docs" / "deploy.md").read_text()
    for warning in DOCUMENTED:
        assert warning in documented


def test_wagtail_preview_can_still_be_framed_by_the_admin(admin_client, db):
    """X_FRAME_OPTIONS is DENY; Wagtail's preview panel frames its preview
    view, which answers SAMEORIGIN itself."""
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    assert admin_client.get("/")["X-Frame-Options"] == "DENY"
    preview = admin_client.get(
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    )
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
