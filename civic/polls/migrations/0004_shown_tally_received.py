"""ShownTally.received: the ballots received so far, kept by every secret cast. Filled from
the ballots already cast, and a row made for every secret poll that has ballots
but no figures shown yet (its ``ballots`` 0: nothing shown, as before)."""

from django.db import migrations, models
from django.db.models import Count


def fill(apps, schema_editor):
    Ballot = apps.get_model("polls", "Ballot")
    ShownTally = apps.get_model("polls", "ShownTally")
    counts = dict(
        Ballot.objects.filter(poll__secret=True)
        .values_list("poll_id")
        .annotate(n=Count("pk"))
        .values_list("poll_id", "n")
    )
    for row in ShownTally.objects.all():
        row.received = counts.pop(row.poll_id, 0)
        row.save(update_fields=["received"])
    ShownTally.objects.bulk_create(
        [ShownTally(poll_id=pk, received=n, ballots=0, votes={}) for pk, n in counts.items()]
    )


class Migration(migrations.Migration):
    dependencies = [("polls", "0003_shown_tally")]

    operations = [
        migrations.AddField(
            model_name="showntally",
            name="received",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
