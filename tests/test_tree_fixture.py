"""The ``tree`` fixture is built once per module (tests/conftest.py): what one
test changes is undone before the next, each test gets its own objects, and a
test that commits never runs inside the module's outer transaction. The tests
run in file order and depend on it."""

import pytest
from django.db import connection

from civic.people.models import User

from .factories import make_user

seen = {}


@pytest.mark.django_db
def test_a_test_changes_the_tree(tree):
    seen["group_1"] = tree.group_1
    tree.group_1.title = "Đổi tên"
    tree.group_1.save()
    tree.leader_1.is_active = False
    tree.leader_1.save()
    make_user("Mới", "0909999999")


@pytest.mark.django_db
def test_the_next_test_sees_the_tree_as_built(tree):
    assert tree.group_1 is not seen["group_1"]
    assert tree.group_1.title == "Tổ dân phố 1"
    tree.group_1.refresh_from_db()
    assert tree.group_1.title == "Tổ dân phố 1"
    assert User.objects.get(pk=tree.leader_1.pk).is_active
    assert not User.objects.filter(phone="0909999999").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committing_test_builds_its_own_tree_outside_any_transaction(tree):
    assert not connection.in_atomic_block
    assert tree.group_1.title == "Tổ dân phố 1"
