"""The embedded default (`make run`) is production-grade: DEBUG off, static files
hashed and compressed through WhiteNoise, and still usable over plain HTTP on the
loopback address; production settings keep their secure defaults."""

import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

from content.models import AreaKind

from ..conftest import PASSWORD, add_area, make_user

BASE_DIR = Path(__file__).resolve().parents[2]

SETTINGS_PROBE = """
import json
import config.settings as s
print(json.dumps({name: getattr(s, name, None) for name in (
    "DEBUG", "LOOPBACK_ONLY", "SERVE_MEDIA", "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS")}))
"""


def settings_for(tmp_path, **env):
    """config.settings as a fresh process with ``env`` computes them (the module
    alone, no Django setup: cheap)."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "PYTEST"))
        and key not in {"DEBUG", "ALLOWED_HOSTS", "SERVE_MEDIA", "SECRET_KEY"}
    }
    clean.update(VAR_DIR=str(tmp_path), SECRET_KEY="s" * 60, **env)
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_default_is_debug_off_and_plain_http_on_loopback(tmp_path):
    embedded = settings_for(tmp_path)
    assert embedded == {
        "DEBUG": False,
        "LOOPBACK_ONLY": True,
        "SERVE_MEDIA": True,
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_HSTS_SECONDS": 0,
    }
    assert settings_for(tmp_path, DEBUG="true")["DEBUG"] is True


@pytest.mark.parametrize(
    "hosts",
    ["khudancu.example.vn", "localhost,khudancu.example.vn", "*", ".example.vn"],
)
def test_any_host_beyond_loopback_keeps_the_secure_defaults(tmp_path, hosts):
    production = settings_for(tmp_path, ALLOWED_HOSTS=hosts)
    assert production == {
        "DEBUG": False,
        "LOOPBACK_ONLY": False,
        "SERVE_MEDIA": False,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
    }


def test_loopback_names():
    from config.settings import is_loopback

    for host in ["127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST.", "[::1]", "::1"]:
        assert is_loopback(host), host
    for host in ["*", ".localhost.example.vn", "0.0.0.0", "10.0.0.1", "example.vn"]:
        assert not is_loopback(host), host


def test_sign_in_over_plain_http_on_loopback(client, db):
    """The test process runs with the embedded default's settings."""
    assert settings.LOOPBACK_ONLY and not settings.SECURE_SSL_REDIRECT
    make_user("Nguyễn Văn An", phone="+84905000001")
    page = client.get("/dang-nhap/", HTTP_HOST="127.0.0.1:8000")
    assert page.status_code == 200  # not a redirect to https://
    assert not page.cookies["csrftoken"]["secure"]
    response = client.post(
        "/dang-nhap/",
        {"identifier": "0905000001", "password": PASSWORD},
        HTTP_HOST="127.0.0.1:8000",
    )
    assert response.status_code == 302 and response["Location"] == "/"
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session.value and not session["secure"] and session["httponly"]
    account = client.get("/tai-khoan/", HTTP_HOST="127.0.0.1:8000")
    assert account.status_code == 200 and "Nguyễn Văn An" in account.text


def body(response):
    # Reading the streamed content to its end closes the response the way the test
    # client expects; calling close() again would send request_finished with the
    # connection handler attached, and on PostgreSQL close the test's connection.
    return b"".join(response.streaming_content)


@pytest.fixture
def collected(tmp_path):
    """``collectstatic`` of the project's own static/ (not every app's: fast) into
    a temporary STATIC_ROOT, as `make run` does."""
    with override_settings(
        STATIC_ROOT=tmp_path / "static",
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path / "static"


def test_collected_static_files_are_hashed_gzipped_and_cached_for_years(
    client, db, collected
):
    url = static("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    assert (collected / url.removeprefix("/static/")).with_suffix(".css.gz").exists()
    assert url in client.get("/").text  # pages link the hashed name

    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert response["Content-Encoding"] == "gzip"
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control)[1]) >= 365 * 86400
    assert body(response)[:2] == b"\x1f\x8b"

    plain = client.get("/static/css/site.css")
    assert b"--c-primary" in body(plain)
    assert "immutable" not in plain["Cache-Control"]


def test_without_collectstatic_pages_link_plain_names(client, db):
    """Tests and a fresh clone have no manifest: no page fails on a static link."""
    assert static("css/site.css") == "/static/css/site.css"
    assert client.get("/").status_code == 200


def test_favicon(client, db, collected):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    assert body(response)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    home = client.get("/").text
    assert '<link rel="icon" href="/favicon.ico"' in home
    svg = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', home)
    assert svg and client.get(svg[1]).status_code == 200


def test_media_is_served_but_never_documents(client, db):
    root = Path(settings.MEDIA_ROOT)
    (root / "images").mkdir(parents=True)
    (root / "images" / "anh.jpg").write_bytes(b"\xff\xd8\xff jpeg")
    (root / "documents").mkdir()
    (root / "documents" / "bien-ban.pdf").write_bytes(b"%PDF secret")

    response = client.get("/media/images/anh.jpg")
    assert response.status_code == 200 and body(response) == b"\xff\xd8\xff jpeg"
    for path in [
        "/media/documents/bien-ban.pdf",
        "/media/Documents/bien-ban.pdf",
        "/media/images/../documents/bien-ban.pdf",
        "/media/./documents/bien-ban.pdf",
        "/media//documents/bien-ban.pdf",
        "/media/images/../../media/documents/bien-ban.pdf",
        "/media/",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"%PDF" not in response.content, path


def test_seed_progress_lines_and_quiet_with_verbosity_0(tree):
    add_area(tree.home, "Phường Bắc Nha Trang", AreaKind.WARD, "phuong-bac-nha-trang")
    out = StringIO()
    call_command("seed_demo", quiet_accounts=True, stdout=out)
    progress = [line for line in out.getvalue().splitlines() if "…" in line]
    assert len(progress) == 3 and "procedures" in progress[0]

    quiet = StringIO()
    call_command("seed_demo", quiet_accounts=True, stdout=quiet, verbosity=0)
    assert "…" not in quiet.getvalue()
