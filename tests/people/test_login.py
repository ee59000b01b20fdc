import pytest
from django.urls import reverse

from tests.conftest import PASSWORD


@pytest.mark.parametrize(
    "identifier", ["0905 000 009", "+84905000009", "84905000009", "CuDan@Example.vn"]
)
def test_resident_signs_in_with_phone_or_email(client, tree, identifier):
    response = client.post(
        reverse("people:login"), {"identifier": identifier, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(tree.resident.pk)


def test_wrong_password_gets_a_clear_message_and_no_session(client, tree):
    response = client.post(
        reverse("people:login"),
        {"identifier": "0905000009", "password": "sai"},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert "không đúng" in response.content.decode()


def test_login_is_throttled_after_repeated_failures(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    url = reverse("people:login")
    for _ in range(3):
        client.post(url, {"identifier": "0905000009", "password": "sai"})
    # even the right password is refused while locked
    response = client.post(url, {"identifier": "0905 000 009", "password": PASSWORD})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert "tạm dừng" in response.content.decode()
    # the same account by its email, from the same address, is locked too
    by_email = client.post(
        url, {"identifier": "cudan@example.vn", "password": PASSWORD}
    )
    assert by_email.status_code == 400
    # another account is not affected
    other = client.post(url, {"identifier": "0905000001", "password": PASSWORD})
    assert other.status_code == 302


def test_address_is_throttled_across_accounts(client, tree, settings):
    settings.LOGIN_THROTTLE_ADDRESS_FAILURES = 8
    url = reverse("people:login")
    for n in range(8):
        client.post(url, {"identifier": f"09050001{n:02d}", "password": "sai"})
    response = client.post(url, {"identifier": "0905000001", "password": PASSWORD})
    assert response.status_code == 400
    # another address is not affected
    elsewhere = client.post(
        url, {"identifier": "0905000001", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert elsewhere.status_code == 302
