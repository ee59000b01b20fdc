"""Login and registration throttles: a stranger cannot lock the owner out, the
client address is believed from X-Forwarded-For only through trusted proxies, and
the counts do not live in an evicting cache."""

from datetime import timedelta

from django.core.cache import cache
from django.urls import reverse

from civic.people import throttle
from civic.people.models import ThrottleEvent, User
from tests.conftest import PASSWORD

OWNER = "198.51.100.7"
STRANGER = "203.0.113.5"
PROXY = "10.0.0.2"


def sign_in(client, identifier, password, **extra):
    client.logout()
    return client.post(
        reverse("people:login"),
        {"identifier": identifier, "password": password},
        HTTP_ACCEPT_LANGUAGE="vi",
        **extra,
    )


def failures():
    """The failed sign-ins counted (successes are recorded too: known addresses)."""
    return ThrottleEvent.objects.filter(kind=ThrottleEvent.LOGIN_FAILURE)


def signed_in(response, client, user):
    return response.status_code == 302 and client.session.get("_auth_user_id") == str(
        user.pk
    )


def test_strangers_failures_do_not_lock_the_owner(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 5
    for _ in range(8):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=STRANGER)
    # the stranger is paused, even with the right password…
    refused = sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=STRANGER)
    assert refused.status_code == 400
    assert "tạm dừng" in refused.content.decode()
    # …the owner, from their own address, signs in
    owner = sign_in(client, "0905 000 009", PASSWORD, REMOTE_ADDR=OWNER)
    assert signed_in(owner, client, tree.resident)


def test_forged_forwarded_for_from_an_untrusted_peer_is_ignored(client, tree):
    # The stranger claims to be the owner's address; no proxy is trusted.
    for _ in range(6):
        sign_in(
            client,
            "0905000009",
            "sai",
            REMOTE_ADDR=STRANGER,
            HTTP_X_FORWARDED_FOR=OWNER,
        )
    owner = sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER)
    assert signed_in(owner, client, tree.resident)
    assert set(failures().values_list("address", flat=True)) == {STRANGER}


def test_behind_a_trusted_proxy_each_client_counts_apart(client, tree, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    for _ in range(6):
        # the stranger writes the owner's address at the left of the chain
        sign_in(
            client,
            "0905000009",
            "sai",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"{OWNER}, {STRANGER}",
        )
    assert set(failures().values_list("address", flat=True)) == {STRANGER}
    stranger = sign_in(
        client,
        "0905000009",
        PASSWORD,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=STRANGER,
    )
    assert stranger.status_code == 400
    owner = sign_in(
        client, "0905000009", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER
    )
    assert signed_in(owner, client, tree.resident)


def test_without_trusting_the_proxy_everyone_shares_its_address(client, tree):
    """Why TRUSTED_PROXIES matters (docs/deploy.md): behind an untrusted nginx
    the stranger and the owner are one address."""
    for _ in range(6):
        sign_in(
            client,
            "0905000009",
            "sai",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=STRANGER,
        )
    owner = sign_in(
        client, "0905000009", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER
    )
    assert owner.status_code == 400


def test_many_addresses_slow_the_account_down_without_locking_it(
    client, tree, settings
):
    settings.LOGIN_THROTTLE_ACCOUNT_FAILURES = 6
    settings.LOGIN_THROTTLE_MAX_DELAY = 60
    for n in range(6):  # a botnet: one failure from each of six addresses
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=f"192.0.2.{n + 1}")
    # the next attempt from anywhere, right password or not, waits a moment
    early = sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER)
    assert early.status_code == 400
    text = early.content.decode()
    assert "giây" in text and "tạm dừng" not in text
    assert failures().count() == 6  # a refused attempt is not counted
    # once the delay (here 1 s) has passed, the owner gets in: shift the failures
    # back in time rather than sleep
    for event in ThrottleEvent.objects.all():
        ThrottleEvent.objects.filter(pk=event.pk).update(
            at=event.at - timedelta(seconds=2)
        )
    owner = sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER)
    assert signed_in(owner, client, tree.resident)


def test_the_delay_doubles_up_to_its_cap(settings):
    settings.LOGIN_THROTTLE_ACCOUNT_FAILURES = 20
    settings.LOGIN_THROTTLE_MAX_DELAY = 60
    assert [throttle.delay_after(n) for n in (0, 19, 20, 21, 22, 25, 26, 500)] == [
        0,
        0,
        1,
        2,
        4,
        32,
        60,
        60,
    ]


def test_the_lock_survives_cache_eviction(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    for _ in range(3):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=STRANGER)
    # more entries than the local-memory cache keeps (300), then a clear
    for n in range(1000):
        cache.set(f"filler:{n}", n)
    cache.clear()
    again = sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=STRANGER)
    assert again.status_code == 400
    assert "tạm dừng" in again.content.decode()


def test_success_forgets_only_the_owners_own_failures(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    for _ in range(2):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=OWNER)
    for _ in range(3):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=STRANGER)
    assert signed_in(
        sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER),
        client,
        tree.resident,
    )
    assert set(failures().values_list("address", flat=True)) == {STRANGER}
    assert (
        sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=STRANGER).status_code == 400
    )


def test_old_failures_are_pruned_and_no_longer_count(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    for _ in range(3):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=STRANGER)
    ThrottleEvent.objects.update(
        at=ThrottleEvent.objects.first().at - timedelta(seconds=901)
    )
    sign_in(client, "0905000001", "sai", REMOTE_ADDR=OWNER)  # writes, so prunes
    assert list(failures().values_list("address", flat=True)) == [OWNER]
    assert signed_in(
        sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=STRANGER),
        client,
        tree.resident,
    )


def test_ipv6_clients_count_by_their_64(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    for n in range(3):  # one subscriber rotating addresses inside its /64
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=f"2001:db8:1:2::{n + 1}")
    assert (
        sign_in(
            client, "0905000009", PASSWORD, REMOTE_ADDR="2001:db8:1:2::ff"
        ).status_code
        == 400
    )
    assert signed_in(
        sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR="2001:db8:1:3::1"),
        client,
        tree.resident,
    )


# --- registration ------------------------------------------------------------------

REGISTRATION = {
    "full_name": "Người Mới",
    "email": "",
    "password1": "hoa-phuong-do-2025",
    "password2": "hoa-phuong-do-2025",
    "consent": "on",
}


def register(client, phone, address):
    client.logout()
    return client.post(
        reverse("people:register"),
        {**REGISTRATION, "phone": phone},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="vi",
    )


def test_registration_is_limited_per_address(client, db, settings):
    settings.REGISTRATION_THROTTLE_ACCOUNTS = 3
    for n in range(3):
        assert register(client, f"091200000{n}", STRANGER).status_code == 302
    refused = register(client, "0912000009", STRANGER)
    assert refused.status_code == 429
    text = refused.content.decode()
    assert "Quá nhiều tài khoản" in text and "phút" in text
    assert 'value="0912000009"' in text  # what was typed is kept
    assert not User.objects.filter(phone="+84912000009").exists()
    assert "_auth_user_id" not in client.session
    # another address still registers
    assert register(client, "0912000009", OWNER).status_code == 302
    # a failed attempt (bad form) does not use up the allowance
    settings.REGISTRATION_THROTTLE_ACCOUNTS = 5
    client.logout()
    bad = client.post(
        reverse("people:register"),
        {**REGISTRATION, "phone": "0912000008", "password2": "khac"},
        REMOTE_ADDR=OWNER,
    )
    assert bad.status_code == 400
    assert (
        ThrottleEvent.objects.filter(
            kind=ThrottleEvent.REGISTRATION, address=OWNER
        ).count()
        == 1
    )


def test_registration_page_still_opens_when_limited(client, db, settings):
    settings.REGISTRATION_THROTTLE_ACCOUNTS = 1
    register(client, "0912000001", STRANGER)
    client.logout()
    page = client.get(reverse("people:register"), REMOTE_ADDR=STRANGER)
    assert page.status_code == 200


# --- known addresses ---------------------------------------------------------------


def test_the_owners_known_address_is_not_slowed_by_a_distributed_attack(
    client, tree, settings
):
    """Suspicion settled: attackers who send one guess each time the account-wide
    delay runs out cannot keep the owner out — an address the account signed in
    from (within LOGIN_THROTTLE_KNOWN_DAYS) skips that delay."""
    settings.LOGIN_THROTTLE_ACCOUNT_FAILURES = 6
    settings.LOGIN_THROTTLE_MAX_DELAY = 60
    # the owner signed in from home last week
    assert signed_in(
        sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER),
        client,
        tree.resident,
    )
    ThrottleEvent.objects.filter(kind=ThrottleEvent.LOGIN_SUCCESS).update(
        at=ThrottleEvent.objects.get().at - timedelta(days=7)
    )
    # a botnet keeps the account slowed
    for n in range(10):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=f"192.0.2.{n + 1}")
    # a new address waits…
    assert (
        sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=STRANGER).status_code == 400
    )
    # …the owner, from home, signs in at once
    assert signed_in(
        sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER),
        client,
        tree.resident,
    )


def test_a_known_address_still_has_its_own_limit(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    settings.LOGIN_THROTTLE_ACCOUNT_FAILURES = 3
    sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER)
    for _ in range(3):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=OWNER)
    refused = sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER)
    assert refused.status_code == 400
    assert "tạm dừng" in refused.content.decode()


def test_an_address_is_known_only_for_a_while(client, tree, settings):
    settings.LOGIN_THROTTLE_ACCOUNT_FAILURES = 3
    settings.LOGIN_THROTTLE_KNOWN_DAYS = 30
    sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER)
    ThrottleEvent.objects.filter(kind=ThrottleEvent.LOGIN_SUCCESS).update(
        at=ThrottleEvent.objects.get().at - timedelta(days=31)
    )
    for n in range(3):
        sign_in(client, "0905000009", "sai", REMOTE_ADDR=f"192.0.2.{n + 1}")
    assert sign_in(client, "0905000009", PASSWORD, REMOTE_ADDR=OWNER).status_code == 400
    # and it is known only to the account that signed in from it
    assert not throttle.is_known("0905000001", OWNER)
