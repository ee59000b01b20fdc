from civic.people.models import Household, Residency, ResidencyStatus
from civic.people.residents import (
    households_in,
    is_verified_resident_in,
    represented_household,
    verified_residency,
)


def test_verified_resident_belongs_to_group_and_commune_only(tree):
    home = Household.objects.create(area=tree.group_1, address="12 Hà Ra")
    Residency.objects.create(
        user=tree.resident, household=home, status=ResidencyStatus.VERIFIED
    )
    assert verified_residency(tree.resident).household == home
    assert is_verified_resident_in(tree.resident, tree.group_1)
    assert is_verified_resident_in(tree.resident, tree.commune_a)
    assert not is_verified_resident_in(tree.resident, tree.group_2)
    assert not is_verified_resident_in(tree.resident, tree.commune_b)
    assert list(households_in(tree.commune_a)) == [home]
    assert represented_household(tree.resident) is None
    home.representative = tree.resident
    home.save()
    assert represented_household(tree.resident, tree.commune_a) == home
    assert represented_household(tree.resident, tree.group_2) is None


def test_households_without_a_verified_resident_do_not_count(tree):
    lived = Household.objects.create(area=tree.group_1, address="1 Hà Ra")
    Residency.objects.create(
        user=tree.resident, household=lived, status=ResidencyStatus.VERIFIED
    )
    rejected = Household.objects.create(area=tree.group_1, address="2 Hà Ra")
    Residency.objects.create(
        user=tree.leader_1, household=rejected, status=ResidencyStatus.REJECTED
    )
    Household.objects.create(area=tree.group_1, address="3 Hà Ra")  # empty
    assert list(households_in(tree.group_1)) == [lived]


def test_pending_resident_is_not_verified(tree):
    home = Household.objects.create(area=tree.group_1, address="12 Hà Ra")
    Residency.objects.create(user=tree.resident, household=home)
    assert verified_residency(tree.resident) is None
    assert not is_verified_resident_in(tree.resident, tree.group_1)
