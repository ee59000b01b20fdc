"""Polls (consultations) and household decisions.

Who voted and what was voted are stored apart:

* ``Participation`` records THAT a user (and, for a household decision, their
  household) took part. It is the row the database keeps unique: one per
  (poll, user) in a consultation, one per (poll, household) in a household decision.
* ``Ballot`` / ``BallotChoice`` record WHAT was chosen. In a secret poll a ballot has
  no user, no household, no timestamp and a random UUID key, so nothing stored by
  the application joins it to a participation (see ``Ballot``).
* ``Choice.votes`` is the stored count, moved only by ``F()`` increments inside the
  casting transaction; :func:`civic.polls.actions.recount` recomputes it from the
  ballots and the tests prove both agree.
* ``PollResult`` is written once, by ``close_poll`` (or ``record_meeting_result``).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import Orderable
from wagtail.search import index

from civic.people.permissions import ancestor_paths


class PollKind(models.TextChoices):
    CONSULTATION = "consultation", _("consultation (one ballot per verified resident)")
    HOUSEHOLD = "household", _("household decision (one ballot per household)")


class ResultsVisibility(models.TextChoices):
    ALWAYS = "always", _("always")
    AFTER_VOTING = "after_voting", _("after voting")
    AFTER_CLOSING = "after_closing", _("after closing")


class LegalBasis(models.IntegerChoices):
    """What residents discuss and decide: Law on Grassroots Democracy 2022, Art. 15.

    Items 1–5 are decided at a meeting of the group or by paper ballot to the
    households: the leader records that result (households present, tallies) instead
    of an online vote. Item 6 may be decided by an online household vote.
    """

    # The stored values stay as first given (polls hold them); the labels carry
    # the law's item numbers, which differ for items 2 to 5, and its order.
    PUBLIC_WORKS = 1, _("Art. 15(1): contributions to public works and infrastructure")
    SELF_MANAGED_FUNDS = (
        5,
        _(
            "Art. 15(2): collecting, spending and managing the residents' "
            "contributions and the community's funds and assets"
        ),
    )
    VILLAGE_RULES = 2, _("Art. 15(3): the content of village rules and conventions")
    GROUP_LEADER = 3, _("Art. 15(4): electing or dismissing the group leader")
    INSPECTION_BOARD = (
        4,
        _(
            "Art. 15(5): electing or dismissing members of the people's inspection "
            "board or the community investment supervision board"
        ),
    )
    OTHER = 6, _("Art. 15(6): other self-managed matters of the community")


#: Art. 15 items whose result is recorded from a meeting or paper ballot.
MEETING_ITEMS = frozenset({1, 2, 3, 4, 5})


class ChoiceMeaning(models.TextChoices):
    NONE = "", _("—")
    APPROVE = "approve", _("approve")
    REJECT = "reject", _("reject")
    ABSTAIN = "abstain", _("abstain")


#: The choices a household decision gets when none are given.
DEFAULT_HOUSEHOLD_CHOICES = [
    (_("Yes, I agree"), ChoiceMeaning.APPROVE),
    (_("No, I disagree"), ChoiceMeaning.REJECT),
    (_("I abstain"), ChoiceMeaning.ABSTAIN),
]


class PollQuerySet(models.QuerySet):
    def in_subtree(self, area):
        """Polls of ``area`` and of every area under it."""
        return self.filter(area__path__startswith=area.path)

    def concerning(self, area):
        """Polls whose residents include those of ``area``: polls of ``area``, of
        the areas under it, and of the areas above it (a commune's poll concerns
        every group of the commune)."""

        return self.filter(
            Q(area__path__startswith=area.path) | Q(area__path__in=ancestor_paths(area))
        )

    def open_now(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now, result__isnull=True)


class Poll(index.Indexed, ClusterableModel):
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.PROTECT,
        related_name="polls",
        verbose_name=_("area"),
        help_text=_("The poll concerns the residents of this area and of its groups."),
    )
    title = models.CharField(_("question"), max_length=255)
    description = models.TextField(_("explanation"), blank=True)
    kind = models.CharField(
        _("kind of poll"),
        max_length=20,
        choices=PollKind.choices,
        default=PollKind.CONSULTATION,
    )
    max_choices = models.PositiveSmallIntegerField(
        _("maximum number of choices"),
        default=1,
        help_text=_("1 for a single choice; more lets a resident tick several."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    results_visibility = models.CharField(
        _("results are shown"),
        max_length=20,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_VOTING,
    )
    secret = models.BooleanField(
        _("secret ballot"),
        default=True,
        help_text=_(
            "Record that someone voted apart from what they chose. Secret ballots "
            "cannot be changed once cast."
        ),
    )
    allow_change = models.BooleanField(
        _("voters may change their ballot before closing"),
        default=False,
        help_text=_("Only for open (not secret) ballots; earlier ballots are kept."),
    )
    legal_basis = models.PositiveSmallIntegerField(
        _("legal basis"),
        choices=LegalBasis.choices,
        null=True,
        blank=True,
        help_text=_(
            "For household decisions: the item of Art. 15 of the Law on Grassroots "
            "Democracy. Items 1–5 are decided at a meeting or by paper ballot; the "
            "leader records the result here."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PollQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("area"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]

    panels = [
        FieldPanel("area"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("legal_basis")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [
                FieldPanel("max_choices"),
                FieldPanel("results_visibility"),
                FieldPanel("secret"),
                FieldPanel("allow_change"),
            ],
            heading=_("Voting"),
        ),
        InlinePanel(
            "choices",
            label=_("Choices"),
            help_text=_(
                "Leave empty for a household decision to get Yes / No / Abstain."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="polls_poll_closes_after_opening",
                violation_error_message=_("The poll must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(max_choices__gte=1),
                name="polls_poll_max_choices_positive",
                violation_error_message=_("Allow at least one choice."),
            ),
            models.CheckConstraint(
                condition=~(Q(secret=True) & Q(allow_change=True)),
                name="polls_poll_secret_not_changeable",
                violation_error_message=_(
                    "A secret ballot cannot be changed: turn off “secret ballot” or "
                    "“voters may change their ballot”."
                ),
            ),
        ]
        indexes = [models.Index(fields=["opens_at", "closes_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("polls:detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The poll must close after it opens.")
        if self.secret and self.allow_change:
            errors["allow_change"] = _(
                "A secret ballot cannot be changed, because nothing links a ballot "
                "to its voter. Turn off “secret ballot” or this option."
            )
        if self.kind == PollKind.HOUSEHOLD and self.max_choices != 1:
            errors["max_choices"] = _("A household decision takes a single choice.")
        if self.legal_basis and self.kind != PollKind.HOUSEHOLD:
            errors["legal_basis"] = _("A legal basis is given for household decisions.")
        if errors:
            raise ValidationError(errors)

    # --- state -------------------------------------------------------------------

    @property
    def is_household(self):
        return self.kind == PollKind.HOUSEHOLD

    @property
    def is_multiple(self):
        return self.max_choices > 1

    @property
    def decided_at_meeting(self):
        """Art. 15 items 1–5: the result comes from a meeting or paper ballot."""
        return self.is_household and self.legal_basis in MEETING_ITEMS

    def result_or_none(self):
        try:
            return self.result
        except PollResult.DoesNotExist:
            return None

    def is_closed(self, now=None):
        now = now or timezone.now()
        return now >= self.closes_at or self.result_or_none() is not None

    def has_opened(self, now=None):
        return (now or timezone.now()) >= self.opens_at

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.has_opened(now) and not self.is_closed(now)

    def status_label(self, now=None):
        now = now or timezone.now()
        if self.result_or_none() is not None:
            return _("closed")
        if not self.has_opened(now):
            return _("not open yet")
        if now >= self.closes_at:
            return _("voting ended, result not yet recorded")
        return _("open")


class Choice(Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("choice"), max_length=255)
    meaning = models.CharField(
        _("meaning in a household decision"),
        max_length=10,
        choices=ChoiceMeaning.choices,
        blank=True,
        default="",
    )
    #: the stored count, moved only by F() increments in civic.polls.actions
    votes = models.PositiveIntegerField(_("votes"), default=0, editable=False)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("meaning")])]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.label


class Participation(models.Model):
    """THAT someone voted: the row the database keeps unique per voter or household.

    In a consultation ``household`` is empty and (poll, user) is unique; in a
    household decision ``household`` is set and (poll, household) is unique, so two
    members of one household, or two concurrent requests, cannot both vote.
    """

    poll = models.ForeignKey(
        Poll, on_delete=models.PROTECT, related_name="participations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    household = models.ForeignKey(
        "people.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    voted_at = models.DateTimeField(default=timezone.now)
    changes = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "user"],
                condition=Q(household__isnull=True),
                name="polls_one_ballot_per_resident",
                violation_error_message=_("You have already voted in this poll."),
            ),
            models.UniqueConstraint(
                fields=["poll", "household"],
                condition=Q(household__isnull=False),
                name="polls_one_ballot_per_household",
                violation_error_message=_("Your household has already voted."),
            ),
        ]


class Ballot(models.Model):
    """WHAT was chosen.

    In a secret poll ``voter`` and ``household`` stay empty, and the ballot has a
    random UUID key and no timestamp, so no column orders or joins ballots with
    participations. (A database administrator could still compare low-level row
    metadata such as PostgreSQL's ``xmin``; that is outside what the application
    can hide, and is why the database is not given to ward staff.)

    In an open poll the ballot keeps its voter (and household), which is what makes
    changing a ballot possible: the old ballot is copied to ``BallotHistory`` and
    replaced. A secret ballot cannot be changed (the model refuses the combination).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    household = models.ForeignKey(
        "people.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "voter"],
                condition=Q(voter__isnull=False),
                name="polls_one_open_ballot_per_voter",
            ),
        ]


class BallotChoice(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="marks")
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT, related_name="marks")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "choice"], name="polls_ballotchoice_unique"
            )
        ]


class BallotHistory(models.Model):
    """An open ballot as it was before its voter changed it."""

    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="+")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    household = models.ForeignKey(
        "people.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    choice_ids = models.JSONField()
    choice_labels = models.JSONField()
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["replaced_at"]


class ResultSource(models.TextChoices):
    ONLINE = "online", _("online vote")
    MEETING = "meeting", _("meeting or paper ballot, recorded by the leader")


class Outcome(models.TextChoices):
    PASSED = "passed", _("passed")
    REJECTED = "rejected", _("not passed")
    NONE = "", _("—")


class PollResult(models.Model):
    """The result, written once when the poll is closed."""

    poll = models.OneToOneField(Poll, on_delete=models.PROTECT, related_name="result")
    source = models.CharField(
        max_length=10, choices=ResultSource.choices, default=ResultSource.ONLINE
    )
    eligible_total = models.PositiveIntegerField(
        _("eligible"),
        help_text=_(
            "Households of the area, or verified residents for a consultation."
        ),
    )
    participants = models.PositiveIntegerField(_("took part"))
    households_total = models.PositiveIntegerField(null=True, blank=True)
    households_represented = models.PositiveIntegerField(null=True, blank=True)
    #: [{"choice": id, "label": str, "meaning": str, "votes": int}, …]
    tallies = models.JSONField()
    outcome = models.CharField(
        max_length=10, choices=Outcome.choices, blank=True, default=""
    )
    closed_at = models.DateTimeField(default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("poll result")
        verbose_name_plural = _("poll results")

    @property
    def approvals(self):
        return sum(
            t["votes"]
            for t in self.tallies
            if t.get("meaning") == ChoiceMeaning.APPROVE
        )


class ShownTally(models.Model):
    """The figures of an open SECRET poll that may be shown before it closes.

    Written only by :func:`civic.polls.live.ballot_counted`, and only once at least
    ``POLLS_SECRET_TALLY_BATCH`` ballots have come in since the figures last shown,
    so that comparing two successive figures never isolates one ballot (see the
    app's README). The figures are the choices' stored counts, read while the
    cast holds this row (civic/polls/live.py says why they are exact).
    """

    poll = models.OneToOneField(
        Poll, on_delete=models.CASCADE, related_name="shown_tally"
    )
    #: how many ballots the figures count
    ballots = models.PositiveIntegerField(default=0)
    #: how many ballots were received so far: moved by every secret cast, in the
    #: statement that records it (civic.polls.actions), so that whether a batch
    #: is due is one subtraction, not a count of every ballot. Never shown.
    received = models.PositiveIntegerField(default=0)
    #: {choice id (as text): votes}
    votes = models.JSONField(default=dict)

    def __str__(self):
        return f"{self.poll_id}: {self.ballots}"
