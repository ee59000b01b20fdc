"""A socket lives no longer than its session (audit, second round, realtime hole 1
and 2): after a password change, after another user signs in on the same browser
(Django flushes the session without ``user_logged_out``), and after the admin
deactivates the account in bulk (``QuerySet.update``, no ``post_save``), the
socket gets nothing more."""

import pytest
from channels.db import database_sync_to_async
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from realtime.actions import open_topic

from ..conftest import PASSWORD
from .conftest import connect, joined, session_cookie
from .test_access import _post

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _expire_cached_sessions():
    """The embedded default keeps sessions in a cache in front of the table
    (settings.SESSION_ENGINE, cached_db) for as long as they live: a session
    expires there when it expires in the table. A test that makes rows expire
    early expires the cached copies with them."""
    from django.core.cache import caches

    caches[getattr(django_settings, "SESSION_CACHE_ALIAS", "default")].clear()


async def _private_topic(tree):
    return await database_sync_to_async(open_topic)(
        tree.leader_1, tree.group_1, "Kín", is_public=False
    )


async def _frames_until_closed(sock):
    frames = []
    try:
        while True:
            frames.append(await sock.receive_json_from(timeout=2))
    except Exception:
        pass
    return frames


async def test_a_password_change_ends_the_other_sessions_sockets(layer, tree, people):
    topic = await _private_topic(tree)
    sock, hello = await connect(people.r1, topic)
    assert hello["type"] == "hello"
    await joined(sock)

    def change_password_then_post():
        from civic.people.models import User

        user = User.objects.get(pk=people.r1.pk)
        user.set_password("mat-khau-moi-hoan-toan")
        user.save()  # every other session of r1 is now invalid for HTTP
        _post(people.r2, topic)

    await database_sync_to_async(change_password_then_post)()
    frames = await _frames_until_closed(sock)
    assert not [f for f in frames if f["type"] == "message"], frames
    assert [f["code"] for f in frames if f["type"] == "error"] == ["signed_out"]


async def test_another_user_signing_in_on_the_same_browser_ends_the_first_users_socket(
    layer, tree, people
):
    topic = await _private_topic(tree)
    cookie = await database_sync_to_async(session_cookie)(people.r1)
    sock, hello = await connect(people.r1, topic, cookie=cookie)
    assert hello["type"] == "hello"
    await joined(sock)

    def other_user_signs_in_then_post():
        client = Client()
        client.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
        with override("vi"):
            response = client.post(
                reverse("people:login"),
                {"identifier": people.rb.phone, "password": PASSWORD},
            )
        assert response.status_code == 302, response.content.decode()[:500]
        _post(people.r2, topic)

    await database_sync_to_async(other_user_signs_in_then_post)()
    frames = await _frames_until_closed(sock)
    assert not [f for f in frames if f["type"] == "message"], frames
    assert [f["code"] for f in frames if f["type"] == "error"] == ["signed_out"]


async def test_an_expired_session_closes_its_socket_at_the_next_check(
    layer, tree, people
):
    """Nothing tells the socket a session expired: its own periodic check (or
    any other check) finds it gone."""
    topic = await _private_topic(tree)
    sock, hello = await connect(people.r1, topic)
    await joined(sock)

    def expire_sessions_then_recheck():
        from datetime import timedelta

        from django.contrib.sessions.models import Session
        from django.utils import timezone

        from realtime import events

        Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
        _expire_cached_sessions()
        events.access_changed(user_ids=[people.r1.pk])
        _post(people.r2, topic)

    await database_sync_to_async(expire_sessions_then_recheck)()
    frames = await _frames_until_closed(sock)
    assert not [f for f in frames if f["type"] == "message"], frames
    assert [f["code"] for f in frames if f["type"] == "error"] == ["signed_out"]


async def test_bulk_deactivated_user_stops_receiving(layer, tree, people):
    topic = await _private_topic(tree)
    sock, hello = await connect(people.r1, topic)
    assert hello["type"] == "hello"
    await joined(sock)

    def deactivate_in_bulk_then_post():
        from civic.people.models import User

        client = Client()
        client.force_login(tree.admin)
        response = client.post(
            f"/quan-tri/bulk/people/user/set_active_state/?id={people.r1.pk}",
            {"mark_as_active": "False"},
        )
        assert response.status_code == 302, response.status_code
        assert not User.objects.get(pk=people.r1.pk).is_active
        _post(people.r2, topic)

    await database_sync_to_async(deactivate_in_bulk_then_post)()
    frames = await _frames_until_closed(sock)
    assert not [f for f in frames if f["type"] == "message"], frames
    assert [f["code"] for f in frames if f["type"] == "error"] == ["access_lost"]


async def test_the_periodic_check_closes_a_socket_whose_session_expired(
    layer, tree, people, settings
):
    """No event at all: the socket's own timer (``REALTIME_SESSION_RECHECK``,
    made short here) finds the session expired."""
    settings.REALTIME_SESSION_RECHECK = 0.2
    topic = await _private_topic(tree)
    sock, hello = await connect(people.r1, topic)
    await joined(sock)

    def expire_sessions():
        from datetime import timedelta

        from django.contrib.sessions.models import Session
        from django.utils import timezone

        Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
        _expire_cached_sessions()

    await database_sync_to_async(expire_sessions)()
    frames = await _frames_until_closed(sock)
    assert [f["code"] for f in frames if f["type"] == "error"] == ["signed_out"]
