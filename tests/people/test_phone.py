import pytest
from django.core.exceptions import ValidationError

from civic.people.phone import display_phone, normalise_phone


@pytest.mark.parametrize(
    "raw",
    [
        "0905 123 456",
        "+84905123456",
        "84905123456",
        "0905.123.456",
        "(+84) 905-123-456",
        "0084905123456",
        " 0905123456 ",
    ],
)
def test_mobile_spellings_become_one_form(raw):
    assert normalise_phone(raw) == "+84905123456"


def test_fixed_line_with_area_code():
    assert normalise_phone("0258 3 822 123") == "+842583822123"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12345",
        "0905 123 45",
        "0905 123 4567",
        "+1 202 555 0100",
        "0105123456",
        "09051234ab",
        "abc",
        "+84",
        "849051234567",
    ],
)
def test_wrong_numbers_are_refused_with_a_vietnamese_message(raw):
    with pytest.raises(ValidationError) as err:
        normalise_phone(raw)
    from django.utils.translation import override

    with override("vi"):
        assert "số điện thoại" in str(err.value.messages[0]).lower()


def test_display_form():
    assert display_phone("+84905123456") == "0905 123 456"
