"""What a leader's verification queue and a resident's account page show."""

from .actions import can_verify_now
from .models import ACTIVE_RESIDENCY, Household, Residency, ResidencyStatus
from .permissions import scope_q


def queue(user):
    """Everything waiting for ``user`` as a verifier, or None if they are not one:
    the households of every area where ``user`` verifies residents (a leader: the
    group; an editor: the whole commune)."""
    scope = scope_q(user, "verify_residents", field="area__path")
    if scope is None:
        return None
    households = Household.objects.filter(scope)
    residencies = Residency.objects.filter(
        household__in=households.values("pk")
    ).select_related("user", "household__area", "household__representative")
    pending = list(
        residencies.filter(status=ResidencyStatus.PENDING).order_by("created_at")
    )
    verified = list(
        residencies.filter(status=ResidencyStatus.VERIFIED).order_by(
            "household__area__path", "household__address", "user__full_name"
        )
    )
    members = {}
    for residency in verified:
        members.setdefault(residency.household_id, []).append(residency)
    by_household = []
    seen = set()
    for residency in verified:
        household = residency.household
        if household.pk not in seen:
            seen.add(household.pk)
            by_household.append((household, members[household.pk]))
    return {
        "to_verify": [r for r in pending if _verifiable(r, user)],
        "awaiting_representative": [
            r for r in pending if not _verifiable(r, user) and r.user_id != user.pk
        ],
        "households": by_household,
        "without_representative": [
            (h, m) for h, m in by_household if h.representative_id is None
        ],
    }


def _verifiable(residency, user):
    """Shown with the verify buttons: ready, and not ``user``'s own (nobody
    decides on their own residency; see ``actions.OWN_RESIDENCY``)."""
    return residency.user_id != user.pk and can_verify_now(residency)


def confirmations_for(user):
    """Requests to join the households ``user`` represents (and lives in, verified)."""
    represented = Residency.objects.filter(
        user=user, status=ResidencyStatus.VERIFIED
    ).values("household_id")
    return (
        Residency.objects.filter(
            status=ResidencyStatus.PENDING,
            awaiting_representative=True,
            household__representative=user,
            household__in=represented,
        )
        .exclude(user=user)
        .select_related("user", "household")
        .order_by("created_at")
    )


def has_active_residency(user):
    return Residency.objects.filter(user=user, status__in=ACTIVE_RESIDENCY).exists()
