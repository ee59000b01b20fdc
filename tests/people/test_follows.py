"""Follow and be told: a verified resident follows their group and commune; a
notice published in a followed area reaches its followers through the worker,
once (civic/people/follows.py, content/tasks.py)."""

import pytest

from civic.people.actions import verify_residency
from civic.people.follows import follow, followers_of, is_following, unfollow
from civic.people.models import Household, Notification, Residency
from civic.people.tasks import run_queued_tasks
from content.models import NoticePage
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident_1(tree):
    """A newcomer of group 1 (Phường A), verified by the group's leader."""
    user = make_user("Người mới", "0905333001")
    home = Household.objects.create(
        area=tree.group_1, address="3 Lý Tự Trọng", representative=user
    )
    verify_residency(tree.leader_1, Residency.objects.create(user=user, household=home))
    return user


def publish_notice(area, title, **extra):
    page = NoticePage(title=title, body="<p>Cắt nước</p>", **extra)
    area.add_child(instance=page)
    page.save_revision().publish()
    return page


def told_of(user):
    return list(
        Notification.objects.filter(user=user, kind__startswith="content.")
        .order_by("pk")
        .values_list("kind", "params__title")
    )


def test_a_verified_resident_follows_their_group_and_commune(tree, resident_1):
    assert is_following(resident_1, tree.group_1)
    assert is_following(resident_1, tree.commune_a)
    assert not is_following(resident_1, tree.group_2)
    assert follow(resident_1, tree.group_1) is False  # once
    assert list(followers_of(tree.commune_a)) == [resident_1]
    assert unfollow(resident_1, tree.group_1)
    assert not is_following(resident_1, tree.group_1)


def test_a_notice_reaches_the_followers_of_its_area_by_the_worker(tree, resident_1):
    outsider = make_user("Người ngoài", "0905333002")
    follow(outsider, tree.commune_b)
    notice = publish_notice(tree.commune_a, "Cắt nước ngày mai", is_urgent=True)
    assert told_of(resident_1) == []  # not in the request
    run_queued_tasks()
    assert told_of(resident_1) == [("content.urgent_notice", "Cắt nước ngày mai")]
    assert told_of(outsider) == []
    note = Notification.objects.get(user=resident_1, kind="content.urgent_notice")
    assert note.text("en") == "Urgent notice in Phường A: Cắt nước ngày mai"
    assert note.url == notice.url
    # a new revision of the same notice tells nobody again
    notice.save_revision().publish()
    run_queued_tasks()
    assert len(told_of(resident_1)) == 1


def test_a_group_notice_reaches_the_group_only(tree, resident_1):
    neighbour = make_user("Hàng xóm", "0905333003")
    follow(neighbour, tree.group_2)
    publish_notice(tree.group_1, "Họp tổ tối nay")
    run_queued_tasks()
    assert told_of(resident_1) == [("content.notice_published", "Họp tổ tối nay")]
    assert told_of(neighbour) == []


def test_residents_verified_before_follows_existed_follow_their_home(tree):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("civic.people.migrations.0009_follow_homes")
    old = make_user("Cư dân cũ", "0905333004")
    home = Household.objects.create(area=tree.group_b, address="1 Xóm Tây")
    Residency.objects.create(user=old, household=home, status="verified")
    assert not is_following(old, tree.group_b)
    migration.follow_homes(apps, None)
    migration.follow_homes(apps, None)  # again: nothing doubles
    assert is_following(old, tree.group_b) and is_following(old, tree.commune_b)
    assert old.follows.count() == 2
