"""Procedure codes as the national portal writes them."""

import pytest
from django.core.exceptions import ValidationError

from civic.services.models import validate_procedure_code


@pytest.mark.parametrize(
    "code", ["1.001193", "2.000123", "1.000948.H38", "3.000211.H47", "1.004227.000"]
)
def test_valid_codes(code):
    validate_procedure_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "",
        "1001193",
        "1.00119",
        "1.0011934",
        "4.001193",
        "1.001193.",
        "1.001193.h38",
        "1.001193.H38X999",
        " 1.001193",
        "1.001193 ",
        "DVC-1.001193",
        "1.001193;DROP",
    ],
)
def test_invalid_codes(code):
    with pytest.raises(ValidationError) as info:
        validate_procedure_code(code)
    assert "1.001193" in info.value.messages[0]
