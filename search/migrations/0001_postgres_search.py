"""The PostgreSQL search backend's table (``search.backends.postgres``).

On PostgreSQL: the ``unaccent`` and ``pg_trgm`` extensions (both "trusted" since
PostgreSQL 13: a database owner may create them), the ``vi_unaccent`` text search
configuration (the ``simple`` one with marks folded: "đường" → "duong"), and the
``search_document`` table with its indexes. On any other database: nothing.
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.backends.postgres import create_schema

    with schema_editor.connection.cursor() as cursor:
        create_schema(cursor)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.backends.postgres import drop_schema

    with schema_editor.connection.cursor() as cursor:
        drop_schema(cursor)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(forward, backward, elidable=False)]
