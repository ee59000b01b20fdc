"""The VietQR payload: every field decoded and checked, the CRC, and the
published examples reproduced exactly."""

import binascii

import pytest

from civic.market import vietqr

#: subiz/vietqr README.md (GitHub): 120,000 đ to VietinBank (BIN 970415)
#: account 0011001932418, purpose "ung ho lu lut" - a payload its author shows
#: as produced by their generator; ours must produce the same bytes.
SUBIZ_EXAMPLE = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)
#: github.com/thanhtinhpas1/vietqr-parser README (pkg.go.dev): a static code
#: for Vietcombank (970436) account 0881000458086 - used for its CRC only.
PARSER_EXAMPLE = (
    "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA"
    "53037045802VN6304CD60"
)


def independent_crc(text):
    """CRC-16/CCITT-FALSE by the standard library (``binascii.crc_hqx`` is the
    non-reflected CRC-CCITT; with init 0xFFFF it is the -FALSE variant), not by
    the code under test."""
    return f"{binascii.crc_hqx(text.encode('ascii'), 0xFFFF):04X}"


def test_payload_fields_and_crc():
    payload = vietqr.build_payload("970436", "1234567890", 45000, "CHO17")
    # every field, nested templates included, and nothing else
    assert vietqr.decode(payload) == {
        "00": "01",
        "01": "12",
        "38": {
            "00": "A000000727",
            "01": {"00": "970436", "01": "1234567890"},
            "02": "QRIBFTTA",
        },
        "53": "704",
        "54": "45000",
        "58": "VN",
        "62": {"08": "CHO17"},
        "63": independent_crc(payload[:-4]),
    }
    assert list(vietqr.decode(payload)) == [
        "00",
        "01",
        "38",
        "53",
        "54",
        "58",
        "62",
        "63",
    ]
    assert payload[-8:-4] == "6304"


def test_payload_without_an_amount():
    """A "contact" price: no ID 54, the buyer types the amount."""
    payload = vietqr.build_payload("970415", "0011001932418", None, "CHO9")
    fields = vietqr.decode(payload)
    assert "54" not in fields and fields["62"] == {"08": "CHO9"}
    assert fields["63"] == independent_crc(payload[:-4])


def test_the_largest_amount_fits_emvco():
    """ID 54 has at most 13 characters (EMVCo): the largest total the market
    allows (1,000,000,000 đ × 10,000) has 14 and gets no code."""
    largest = vietqr.build_payload("970415", "0011001932418", 9_999_999_999_999, "")
    assert vietqr.decode(largest)["54"] == "9999999999999"
    with pytest.raises(vietqr.PayloadError):
        vietqr.build_payload("970415", "0011001932418", 10**13, "")


def test_crc_is_ccitt_false():
    # the standard check value of CRC-16/CCITT-FALSE
    assert vietqr.crc16_ccitt_false(b"123456789") == 0x29B1


def test_published_example_reproduced():
    assert (
        vietqr.build_payload("970415", "0011001932418", 120000, "ung ho lu lut")
        == SUBIZ_EXAMPLE
    )
    assert vietqr.decode(SUBIZ_EXAMPLE) == {
        "00": "01",
        "01": "12",
        "38": {
            "00": "A000000727",
            "01": {"00": "970415", "01": "0011001932418"},
            "02": "QRIBFTTA",
        },
        "53": "704",
        "54": "120000",
        "58": "VN",
        "62": {"08": "ung ho lu lut"},
        "63": "C15C",
    }
    assert independent_crc(SUBIZ_EXAMPLE[:-4]) == "C15C"


def test_other_published_example_crc():
    assert vietqr.decode(PARSER_EXAMPLE)["63"] == "CD60"
    assert independent_crc(PARSER_EXAMPLE[:-4]) == "CD60"


def test_a_changed_payload_fails_its_crc():
    tampered = SUBIZ_EXAMPLE.replace("120000", "920000")
    with pytest.raises(vietqr.PayloadError):
        vietqr.decode(tampered)


@pytest.mark.parametrize(
    "args",
    [
        ("97041", "123", 1, ""),
        ("970415", "12A4", 1, ""),
        ("970415", "1234", 0, ""),
        ("970415", "1234", 1, "x" * 26),
        ("970415", "1234", 1, "chợ"),
    ],
)
def test_bad_input_refused(args):
    with pytest.raises(vietqr.PayloadError):
        vietqr.build_payload(*args)


def test_svg():
    svg = vietqr.svg(SUBIZ_EXAMPLE, title="VietQR")
    assert svg.startswith("<svg") and "<path" in svg and "<title>VietQR</title>" in svg


#: The worked example of the EMVCo QR Code Specification for Payment Systems,
#: Merchant-Presented Mode (v1.1, Appendix A), of which VietQR is a profile: a
#: payload with nested templates, a language template in UTF-8 and its CRC.
EMVCO_EXAMPLE = (
    "00020101021229300012D156000000000510A93FO3230Q31280012D156000000010308"
    "12345678520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输"
    "0202北京540523.7253031565502016233030412340603***0708A60086670902ME9132"
    "0016A0112233449988770708123456786304A13A"
)


def test_the_emvco_specifications_worked_example():
    """Our CRC and data-object reader against EMVCo's own example (NAPAS's
    VietQR specification could not be obtained; its format is EMVCo's)."""
    body, crc = EMVCO_EXAMPLE[:-4], EMVCO_EXAMPLE[-4:]
    assert f"{vietqr.crc16_ccitt_false(body.encode('utf-8')):04X}" == crc == "A13A"
    fields = vietqr.parse_tlv(EMVCO_EXAMPLE)
    assert fields["00"] == "01" and fields["01"] == "12"
    assert fields["53"] == "156" and fields["54"] == "23.72" and fields["58"] == "CN"
    assert fields["59"] == "BEST TRANSPORT" and fields["60"] == "BEIJING"
    assert vietqr.parse_tlv(fields["64"]) == {
        "00": "ZH",
        "01": "最佳运输",
        "02": "北京",
    }
    assert vietqr.parse_tlv(fields["62"]) == {
        "03": "1234",
        "06": "***",
        "07": "A6008667",
        "09": "ME",
    }
    assert fields["63"] == "A13A"
