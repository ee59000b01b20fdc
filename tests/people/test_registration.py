import pytest
from wagtail.models import ModelLogEntry

from civic.people.forms import RegistrationForm
from civic.people.models import ConsentRecord, User
from tests.people.conftest import messages_of, page_text, url

GOOD = {
    "full_name": "  Trần   Thị Mai ",
    "phone": "0912 345 678",
    "email": "",
    "password1": "hoa-phuong-do-2025",
    "password2": "hoa-phuong-do-2025",
    "consent": "on",
}


def post(client, **changes):
    return client.post(url("register"), {**GOOD, **changes})


def test_form_has_an_unticked_consent_that_says_what_and_why(client, db):
    response = client.get(url("register"))
    assert response.status_code == 200
    html = page_text(response)
    assert 'type="checkbox" name="consent"' in html
    consent_input = html.split('name="consent"')[1].split(">")[0]
    assert "checked" not in consent_input
    for word in ["name", "phone number", "email", "address", "household", "verify"]:
        assert word in html
    assert 'autocomplete="new-password"' in html


def test_login_page_links_to_registration(client, db):
    assert url("register") in page_text(client.get(url("login")))


def test_register_with_phone_records_consent_and_signs_in(client, db):
    response = post(client)
    assert response.status_code == 302
    assert response.url == url("join")
    user = User.objects.get(phone="+84912345678")
    assert user.full_name == "Trần Thị Mai"
    assert user.check_password(GOOD["password1"])
    assert client.session["_auth_user_id"] == str(user.pk)
    consent = ConsentRecord.objects.get(user=user)
    assert "address" in consent.text and "household" in consent.text
    assert consent.version and consent.given_at is not None
    assert ModelLogEntry.objects.filter(
        action="kdcdt.user.register", object_id=str(user.pk)
    ).exists()
    # the account page invites the new user to join a group
    assert url("join") in page_text(client.get(url("account")))


def test_register_with_email_only(client, db):
    response = post(client, phone="", email="Mai@Example.VN")
    assert response.status_code == 302
    user = User.objects.get(email="mai@example.vn")
    assert user.phone is None


def test_consent_is_required(client, db):
    data = {k: v for k, v in GOOD.items() if k != "consent"}
    response = client.post(url("register"), data)
    assert response.status_code == 400
    assert "Tick the box to agree" in page_text(response)
    assert not User.objects.exists()
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"phone": "", "email": ""}, "Give a phone number or an email address."),
        ({"phone": "12345"}, "Enter a Vietnamese phone number"),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"password2": "something-else-2025"}, "The two passwords are not the same."),
        ({"password1": "12345678", "password2": "12345678"}, "too common"),
        ({"password1": "ab1", "password2": "ab1"}, "too short"),
        ({"full_name": "   "}, "This field is required."),
    ],
)
def test_bad_input_is_refused_with_a_message(client, db, changes, message):
    response = post(client, **changes)
    assert response.status_code == 400
    assert message in page_text(response)
    assert not User.objects.exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("phone", ["0905000009", "+84 905 000 009", "84905000009"])
def test_duplicate_phone_however_spelled_is_refused(client, tree, phone):
    count = User.objects.count()
    response = post(client, phone=phone)
    assert response.status_code == 400
    assert "An account with this phone number already exists" in page_text(response)
    assert User.objects.count() == count


def test_duplicate_email_is_refused(client, tree):
    count = User.objects.count()
    response = post(client, phone="", email="CUDAN@example.vn")
    assert response.status_code == 400
    assert "An account with this email already exists" in page_text(response)
    assert User.objects.count() == count


def test_a_race_on_the_same_phone_is_caught_by_the_constraint(
    client, tree, monkeypatch
):
    """Two registrations at once both pass the form check; the unique constraint
    stops the second, which gets a message, not a 500."""
    monkeypatch.setattr(
        RegistrationForm, "clean_phone", lambda self: "+84905000009", raising=True
    )
    count = User.objects.count()
    response = post(client)
    assert response.status_code == 400
    assert "already exists" in page_text(response)
    assert User.objects.count() == count
    assert not ConsentRecord.objects.exists()


def test_signed_in_user_is_sent_to_the_account(client, tree):
    client.force_login(tree.resident)
    response = client.get(url("register"), follow=True)
    assert response.redirect_chain[-1][0] == url("account")
    assert any("already have an account" in m for m in messages_of(response))
