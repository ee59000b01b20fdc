"""What civic.polls holds about a person (civic.people.personal_data).

*That* a person voted (``Participation``) is theirs to see; *what* they chose
only in an open ballot, which keeps its voter. A secret ballot has no voter:
nothing links it to anyone, so nothing of it is exported.
"""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section, rows


def _participations(user):
    from .models import Ballot, Participation

    open_choices = {}
    for ballot in Ballot.objects.filter(
        voter=user, poll__secret=False
    ).prefetch_related("marks__choice"):
        open_choices[ballot.poll_id] = [str(m.choice) for m in ballot.marks.all()]
    return rows(
        Participation.objects.filter(user=user).select_related("poll"),
        "poll__title",
        "voted_at",
        "changes",
        secret=lambda p: p.poll.secret,
        household_vote=lambda p: p.household_id is not None,
        # never what was chosen in a secret ballot (it is not linked to anyone)
        choices=lambda p: [] if p.poll.secret else open_choices.get(p.poll_id, []),
    )


def _keep_counted(user):
    """Ballots and participations stay counted: decisions must stay
    reproducible. They point to the anonymised account, which names nobody."""


Section(
    "polls.participations",
    _("Ballots cast"),
    export=_participations,
    erase=_keep_counted,
)
