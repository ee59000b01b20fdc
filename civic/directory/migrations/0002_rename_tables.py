"""The tables ``civic.services`` created get this app's names (``directory_*``, a
rename: the rows, ids, foreign keys and indexes stay), and what refers to the
models by app label follows them: content types (so auth permissions, Wagtail's
admin permissions and its log entries stay attached), the search index queue's
rows and, on PostgreSQL, the search backend's documents. A Whoosh index keys its
documents by model too: rebuild it after this migration (``manage.py
update_index``)."""

from django.db import migrations

MODELS = ['UtilityLink', 'Business']


def relabel(old, new):
    def run(apps, schema_editor):
        db = schema_editor.connection.alias
        ContentType = apps.get_model("contenttypes", "ContentType")
        PendingIndex = apps.get_model("search", "PendingIndex")
        for name in MODELS:
            model = name.lower()
            moved = ContentType.objects.using(db).filter(app_label=old, model=model)
            if moved.exists():
                # a content type made for the new label before this ran has
                # nothing of value attached (its permissions repeat the old ones)
                ContentType.objects.using(db).filter(
                    app_label=new, model=model
                ).delete()
                moved.update(app_label=new)
            PendingIndex.objects.using(db).filter(model=f"{old}.{model}").update(
                model=f"{new}.{model}"
            )
        connection = schema_editor.connection
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT to_regclass('search_document')")
                if cursor.fetchone()[0] is not None:
                    for name in MODELS:
                        cursor.execute(
                            "UPDATE search_document SET root = %s, ct = %s "
                            "WHERE root = %s",
                            [
                                f"{new}.{name.lower()}",
                                f"{new}.{name}",
                                f"{old}.{name.lower()}",
                            ],
                        )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("services", "0004_move_out_support_directory"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("search", "0002_pendingindex"),
    ]

    operations = [
        migrations.AlterModelTable(name="utilitylink", table=None),
        migrations.AlterModelTable(name="business", table=None),
        migrations.RunPython(
            relabel("services", "directory"), relabel("directory", "services"), elidable=False
        ),
    ]
