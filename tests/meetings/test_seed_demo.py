"""The demo meetings (the part of ``seed_demo`` that ``demo.meetings`` seeds, here
on the test tree's ward): through the actions, published minutes, idempotent."""

from io import StringIO

from civic.meetings.models import Meeting, Minutes, MinutesStatus
from demo.management.commands.seed_demo import Command
from demo.meetings import Meetings


def seed_meetings(ward):
    Meetings(Command(stdout=StringIO())).seed(ward)


def test_seed_meetings_demo(tree, people):
    seed_meetings(tree.commune_a)
    # two per group with a leader, one dialogue for the ward
    assert Meeting.objects.filter(area=tree.group_1).count() == 2
    assert Meeting.objects.filter(area=tree.group_2).count() == 2
    assert Meeting.objects.filter(area=tree.commune_a, kind="dialogue").count() == 1
    assert not Meeting.objects.filter(area=tree.group_b).exists()
    minutes = Minutes.objects.get(meeting__area=tree.group_1)
    assert minutes.status == MinutesStatus.PUBLISHED
    assert (minutes.households_represented, minutes.households_total) == (4, 7)
    assert minutes.has_quorum
    # 4 of 7 households for: passed; 3 of 7: not passed
    assert [r.outcome for r in minutes.records.all()] == [True, False]
    seed_meetings(tree.commune_a)
    assert Meeting.objects.count() == 5
