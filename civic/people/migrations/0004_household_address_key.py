import unicodedata

from django.db import migrations, models


def fill_keys(apps, schema_editor):
    """Give every household its address key. Two households of one group whose
    addresses already compared equal (declared before the constraint) keep their
    rows: the later ones get their id appended to the key, for a person to merge."""
    Household = apps.get_model("people", "Household")
    seen = set()
    for household in Household.objects.order_by("pk"):
        key = " ".join(
            unicodedata.normalize("NFC", household.address or "").casefold().split()
        )
        if (household.area_id, key) in seen:
            key = f"{key} #{household.pk}"
        seen.add((household.area_id, key))
        household.address_key = key[:255]
        household.save(update_fields=["address_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_joining"),
    ]

    operations = [
        migrations.AddField(
            model_name="household",
            name="address_key",
            field=models.CharField(default="", editable=False, max_length=255),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="household",
            constraint=models.UniqueConstraint(
                fields=("area", "address_key"), name="people_household_one_address"
            ),
        ),
    ]
