"""The support points and the local directory moved out of ``civic.services`` by
renaming their tables: migrated forward from the state before the split, the rows,
their keys (foreign keys, many-to-many, ids that keep counting), the content types
(and so the permissions attached to them) and the search queue's rows survive.
Runs on SQLite and PostgreSQL (``scripts/with-postgres``)."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from civic.directory.models import Business, UtilityLink
from civic.support.models import Appointment, AssistedSession, SupportPoint
from search.models import PendingIndex

BEFORE = ("services", "0003_utilities_businesses")
MOVED = {
    "support": ["supportpoint", "openinghours", "appointment", "assistedsession"],
    "directory": ["utilitylink", "business"],
}


def _executor():
    return MigrationExecutor(connection)


@pytest.fixture
def before_split(transactional_db, django_db_serialized_rollback):
    """The database as it was before the split (``support`` and ``directory``
    unapplied: their tables are ``services_*`` again); migrated to the end after."""
    _executor().migrate([("support", None), ("directory", None)])
    ContentType.objects.clear_cache()  # the moved models' rows are relabelled
    yield _executor().loader.project_state(BEFORE, at_end=True).apps
    _executor().migrate(_executor().loader.graph.leaf_nodes())
    _warm_content_types()


def _warm_content_types():
    """Fill the content type cache again, as the test found it: the serialized
    restore of the next committing test builds Wagtail tasks, whose ``__init__``
    asks for their content type; with an empty cache that would insert one into the
    flushed table, and the restore would then collide with it."""
    from django.apps import apps

    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models(include_auto_created=True))


def test_rows_keys_and_content_types_survive_the_move(before_split, tree):
    old = before_split
    tables = set(connection.introspection.table_names())
    assert "services_supportpoint" in tables and "support_supportpoint" not in tables
    OldContentType = old.get_model("contenttypes", "ContentType")
    content_type = OldContentType.objects.get(app_label="services", model="business")
    permissions = set(
        Permission.objects.filter(content_type_id=content_type.pk).values_list(
            "pk", flat=True
        )
    )
    assert permissions  # add/change/delete/view_business

    OldPoint = old.get_model("services", "SupportPoint")
    point = OldPoint.objects.create(
        area_id=tree.commune_a.pk,
        name="Điểm hỗ trợ cũ",
        address="1 Trần Phú",
        latitude=Decimal("12.25"),
        longitude=Decimal("109.19"),
    )
    point.helpers.add(tree.helper_a.pk)
    old.get_model("services", "OpeningHours").objects.create(
        point=point, weekday=0, opens=time(8), closes=time(11), sort_order=0
    )
    day = timezone.localdate() + timedelta(days=7)
    appointment = old.get_model("services", "Appointment").objects.create(
        point=point,
        resident_id=tree.resident.pk,
        date=day,
        slot=time(8),
        need="Đăng ký khai sinh",
        status="confirmed",
    )
    now = timezone.now()
    session = old.get_model("services", "AssistedSession").objects.create(
        point=point,
        helper_id=tree.helper_a.pk,
        resident_name="Lan",
        appointment=appointment,
        done="Nộp hồ sơ",
        consent_text="Đồng ý",
        consent_given_at=now,
        happened_at=now,
    )
    utility = old.get_model("services", "UtilityLink").objects.create(
        area_id=tree.group_1.pk, kind="waste", name="Thu gom rác", collection_days="1,4"
    )
    shop = old.get_model("services", "Business").objects.create(
        area_id=tree.group_1.pk,
        name="Tạp hóa Cô Ba",
        offers="Gạo, nước mắm",
        phone="0905000000",
        status="approved",
    )
    PendingIndex.objects.create(model="services.business", object_pk=str(shop.pk))

    _executor().migrate(_executor().loader.graph.leaf_nodes())
    _warm_content_types()

    tables = set(connection.introspection.table_names())
    for app, models in MOVED.items():
        for model in models:
            assert f"{app}_{model}" in tables and f"services_{model}" not in tables
    assert "support_supportpoint_helpers" in tables
    moved = SupportPoint.objects.get(pk=point.pk)
    assert moved.area_id == tree.commune_a.pk
    assert list(moved.helpers.values_list("pk", flat=True)) == [tree.helper_a.pk]
    assert [(h.opens, h.closes) for h in moved.opening_hours.all()] == [
        (time(8), time(11))
    ]
    assert Appointment.objects.get(pk=appointment.pk).point_id == point.pk
    assert AssistedSession.objects.get(pk=session.pk).appointment_id == appointment.pk
    assert UtilityLink.objects.get(pk=utility.pk).weekdays == [1, 4]
    assert Business.approved.get(pk=shop.pk).area_id == tree.group_1.pk
    # the content type is the same row, relabelled: its permissions follow it
    assert ContentType.objects.get_for_model(Business).pk == content_type.pk
    assert not ContentType.objects.filter(app_label="services", model="business")
    assert (
        set(
            Permission.objects.filter(content_type__app_label="directory")
            .filter(content_type__model="business")
            .values_list("pk", flat=True)
        )
        == permissions
    )
    assert PendingIndex.objects.filter(
        model="directory.business", object_pk=str(shop.pk)
    ).exists()
    # the ids go on counting (PostgreSQL: the identity sequence came along)
    newer = SupportPoint.objects.create(
        area_id=tree.commune_a.pk,
        name="Điểm mới",
        address="2 Trần Phú",
        latitude=Decimal("12.26"),
        longitude=Decimal("109.19"),
        opened_on=datetime(2026, 1, 1).date(),
    )
    assert newer.pk > point.pk
