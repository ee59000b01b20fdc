"""Residents verified before following existed follow their group and commune, as
``verify_residency`` now makes new ones do."""

from django.db import migrations

#: content.models.COMMUNE_KINDS when this was written (a migration keeps its copy)
COMMUNE_KINDS = ["ward", "commune", "special_zone"]
STEPLEN = 4  # treebeard's path step of Wagtail pages


def follow_homes(apps, schema_editor):
    Residency = apps.get_model("people", "Residency")
    Follow = apps.get_model("people", "Follow")
    AreaPage = apps.get_model("content", "AreaPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    pairs = set(
        Residency.objects.filter(status="verified").values_list(
            "user_id", "household__area_id"
        )
    )
    if not pairs:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="content", model="areapage"
    )
    paths = dict(
        AreaPage.objects.filter(pk__in={a for _, a in pairs}).values_list("pk", "path")
    )
    communes = {}
    for area_id, path in paths.items():
        ancestors = [path[:i] for i in range(STEPLEN, len(path) + 1, STEPLEN)]
        commune = (
            AreaPage.objects.filter(path__in=ancestors, kind__in=COMMUNE_KINDS)
            .order_by("-depth")
            .values_list("pk", flat=True)
            .first()
        )
        communes[area_id] = commune
    follows = set()
    for user_id, area_id in pairs:
        follows.add((user_id, area_id))
        if communes.get(area_id):
            follows.add((user_id, communes[area_id]))
    Follow.objects.bulk_create(
        [
            Follow(
                user_id=user_id,
                content_type=content_type,
                object_id=str(area_id),
                automatic=True,
            )
            for user_id, area_id in sorted(follows)
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0008_follows"),
        ("content", "0005_page_creation"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(follow_homes, migrations.RunPython.noop)]
