"""A secret poll's live figures move only by batches of ballots (civic/polls/live.py,
README "Live figures of a secret poll"): comparing the page, the CSV or the live
frames before and after one ballot never tells what that ballot chose."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic.core.errors import ActionRefused
from civic.polls.actions import cast_ballot, close_poll
from civic.polls.live import DEFAULT_BATCH, batch_size, tally_shown
from civic.polls.models import Poll, PollKind, ResultsVisibility, ShownTally

from .conftest import ids, make_poll, sign_in


@pytest.fixture
def sent():
    """The polls for which the figures shown changed (what the live pages get)."""
    polls = []

    def receiver(sender, poll, **kwargs):
        polls.append(poll.pk)

    tally_shown.connect(receiver, weak=False, dispatch_uid="test_live_tally")
    yield polls
    tally_shown.disconnect(dispatch_uid="test_live_tally")


def voters(people):
    """The six verified residents of Tổ dân phố 1."""
    return [*people.reps, people.member]


def shown(client, poll):
    """The results section of the poll page, as ``client`` sees it."""
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    return html.split('<section aria-labelledby="results-heading">')[1].split(
        "</section>"
    )[0]


def test_the_batch_size_is_a_setting_never_below_two(settings):
    assert batch_size() == DEFAULT_BATCH == 5
    settings.POLLS_SECRET_TALLY_BATCH = 1
    assert batch_size() == 2
    settings.POLLS_SECRET_TALLY_BATCH = 8
    assert batch_size() == 8


def test_one_secret_ballot_changes_no_visible_figure(client, tree, people, sent):
    poll = make_poll(tree.group_1, results_visibility=ResultsVisibility.ALWAYS)
    assert poll.secret
    a, b = ids(poll, "A", "B")
    everyone = voters(people)
    before = shown(client, poll)
    assert "Participation: 0 of 6" in before
    assert "after every 5 new ballots" in before
    cast_ballot(everyone[0], poll, [b])
    assert sent == []  # no live frame
    assert shown(client, poll) == before  # the page shows nothing new
    for voter in everyone[1:4]:
        cast_ballot(voter, poll, [a])
        assert sent == [] and shown(client, poll) == before
    # the 5th ballot completes a batch: everything shown moves at once
    cast_ballot(everyone[4], poll, [a])
    assert sent == [poll.pk]
    batch = shown(client, poll)
    assert "Participation: 5 of 6" in batch
    assert '<th scope="row">A</th><td>4</td><td>80.0 %</td>' in batch
    assert '<th scope="row">B</th><td>1</td><td>20.0 %</td>' in batch
    # a 6th ballot again changes nothing shown, to anyone
    cast_ballot(everyone[5], poll, [b])
    assert sent == [poll.pk]
    assert shown(client, poll) == batch
    sign_in(client, people.reps[0])
    assert shown(client, poll).replace("\n", "") == batch.replace("\n", "")
    # leaders see the same figures while the poll is open, on the page and in the CSV
    sign_in(client, tree.leader_1)
    assert "Participation: 5 of 6" in shown(client, poll)
    text = client.get(f"/en/binh-chon/{poll.pk}/ket-qua.csv").content.decode()
    assert "A,4,80.0" in text and "B,1,20.0" in text
    # closed: the exact result
    close_poll(tree.leader_1, poll)
    client.logout()
    final = shown(client, poll)
    assert "Participation: 6 of 6" in final
    assert '<th scope="row">B</th><td>2</td>' in final
    assert "after every" not in final


def test_figures_are_exact_once_the_voting_period_is_over(client, tree, people):
    poll = make_poll(tree.group_1, results_visibility=ResultsVisibility.ALWAYS)
    cast_ballot(people.reps[0], poll, ids(poll, "C"))
    assert "Participation: 0 of 6" in shown(client, poll)
    Poll.objects.filter(pk=poll.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    poll.refresh_from_db()
    html = shown(client, poll)  # no result recorded yet, but no ballot can come
    assert "Participation: 1 of 6" in html
    assert '<th scope="row">C</th><td>1</td>' in html


def test_a_secret_household_decision_is_shown_by_batches(client, tree, people, sent):
    poll = make_poll(
        tree.group_1, PollKind.HOUSEHOLD, results_visibility=ResultsVisibility.ALWAYS
    )
    (yes,) = ids(poll, "Đồng ý")
    for rep in people.reps[:4]:
        cast_ballot(rep, poll, [yes])
    assert sent == [] and not ShownTally.objects.filter(poll=poll, ballots__gt=0)
    assert "At this moment the majority is not reached." in shown(client, poll)
    cast_ballot(people.reps[4], poll, [yes])
    assert sent == [poll.pk]
    assert "At this moment the majority is reached." in shown(client, poll)


def test_a_smaller_batch_from_the_setting(client, tree, people, sent, settings):
    settings.POLLS_SECRET_TALLY_BATCH = 2
    poll = make_poll(tree.group_1, results_visibility=ResultsVisibility.ALWAYS)
    (a,) = ids(poll, "A")
    published = []
    for voter in voters(people):
        cast_ballot(voter, poll, [a])
        row = ShownTally.objects.filter(poll=poll).first()
        published.append(row.ballots if row else 0)
    assert published == [0, 2, 2, 4, 4, 6]
    assert sent == [poll.pk] * 3


def test_an_open_ballot_is_shown_at_once(client, tree, people, sent):
    poll = make_poll(
        tree.group_1,
        secret=False,
        allow_change=True,
        results_visibility=ResultsVisibility.ALWAYS,
    )
    a, b = ids(poll, "A", "B")
    cast_ballot(people.reps[0], poll, [a])
    assert sent == [poll.pk]
    assert '<th scope="row">A</th><td>1</td>' in shown(client, poll)
    cast_ballot(people.reps[0], poll, [b])  # a changed ballot
    assert sent == [poll.pk] * 2
    assert '<th scope="row">B</th><td>1</td>' in shown(client, poll)
    assert "after every" not in shown(client, poll)


def test_each_secret_cast_counts_the_ballots_received(tree, people):
    """Whether a batch is due is read from ``ShownTally.received``, moved by the
    cast itself: it equals the ballots, and an open poll keeps none."""
    poll = make_poll(tree.group_1)
    (a,) = ids(poll, "A")
    for voter in voters(people)[:3]:
        cast_ballot(voter, poll, [a])
    row = ShownTally.objects.get(poll=poll)
    assert (row.received, row.ballots) == (3, 0)
    with pytest.raises(ActionRefused):
        cast_ballot(voters(people)[0], poll, [a])  # refused: nothing received
    assert ShownTally.objects.get(poll=poll).received == 3

    open_poll = make_poll(tree.group_1, secret=False)
    cast_ballot(voters(people)[0], open_poll, ids(open_poll, "A"))
    assert not ShownTally.objects.filter(poll=open_poll).exists()


def test_the_migration_fills_the_ballots_received(tree, people):
    """polls 0004: polls with ballots from before the counter get it filled (and a
    row with nothing shown when they had none)."""
    from importlib import import_module

    from django.apps import apps

    fill = import_module("civic.polls.migrations.0004_shown_tally_received").fill
    settled, fresh = make_poll(tree.group_1), make_poll(tree.group_1)
    for poll in (settled, fresh):
        for voter in voters(people)[:2]:
            cast_ballot(voter, poll, ids(poll, "A"))
    ShownTally.objects.filter(poll=settled).update(received=0, ballots=1)
    ShownTally.objects.filter(poll=fresh).delete()
    fill(apps, None)
    assert ShownTally.objects.get(poll=settled).received == 2
    assert ShownTally.objects.get(poll=settled).ballots == 1  # shown: unchanged
    row = ShownTally.objects.get(poll=fresh)
    assert (row.received, row.ballots, row.votes) == (2, 0, {})


def test_an_areas_poll_list_leaves_out_polls_of_unpublished_areas(client, tree):
    """The area's list of polls uses the public-poll helper (as the poll page,
    the open API and the open data do): a poll of an unpublished group under the
    commune is not listed."""
    shown = make_poll(tree.group_2, title="Bình chọn tổ 2")
    hidden = make_poll(tree.group_1, title="Bình chọn tổ nháp")
    tree.group_1.unpublish()
    html = client.get(f"/binh-chon/khu-vuc/{tree.commune_a.pk}/").content.decode()
    assert shown.title in html and hidden.title not in html
