"""The demo meetings: through the actions, published minutes, idempotent."""

from django.core.management import call_command

from civic.meetings.models import Meeting, Minutes, MinutesStatus


def test_seed_meetings_demo(tree, people):
    call_command("seed_meetings_demo", ward="phuong-a")
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
    call_command("seed_meetings_demo", ward="phuong-a")
    assert Meeting.objects.count() == 5
