"""VietQR: the EMVCo merchant-presented QR of the NAPAS 24/7 transfer service.

A VietQR payload is a string of EMVCo data objects, each ``ID`` (2 digits),
``length`` (2 digits) and ``value``, in this order for a transfer to an account
(NAPAS QR switching specification, part IV "QR code format", and EMVCo QRCPS
Merchant-Presented Mode):

=====  ==========================================================  =================
 ID    what                                                          value here
=====  ==========================================================  =================
 00    payload format indicator                                      ``01``
 01    point of initiation: 11 static, 12 dynamic (one payment)      ``12``
 38    merchant account information (NAPAS template)
        00  globally unique identifier                               ``A000000727``
        01  beneficiary organisation
             00  acquirer / bank BIN                                 6 digits
             01  merchant / consumer id (the account number)         digits
        02  service code: transfer to an account                     ``QRIBFTTA``
 53    transaction currency (ISO 4217)                               ``704`` (VND)
 54    transaction amount                                            whole đồng, ≤ 13
 58    country code                                                  ``VN``
 62    additional data field template
        08  purpose of transaction (the order reference)             ≤ 25 characters
 63    CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over everything
       before it, ``6304`` included; 4 upper-case hex digits
=====  ==========================================================  =================

No money passes through the platform: the code only fills the buyer's banking
app with the seller's account, the amount and the reference.
"""

from django.utils.translation import gettext as _

GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY = "VN"


class PayloadError(ValueError):
    pass


def tlv(tag, value):
    value = str(value)
    if len(value) > 99:
        raise PayloadError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt_false(data):
    """CRC-16/CCITT-FALSE of ``data`` (bytes): poly 0x1021, init 0xFFFF, no
    reflection, no final XOR (the CRC EMVCo's ID 63 uses)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _i in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def with_crc(body):
    body += "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def build_payload(bank_bin, account_number, amount=None, reference=""):
    """The VietQR payload for a transfer of ``amount`` đồng (None: the buyer
    types it) to ``account_number`` at the bank ``bank_bin``, with
    ``reference`` (ASCII, ≤ 25) as the purpose of the transaction."""
    if not (bank_bin.isdigit() and len(bank_bin) == 6):
        raise PayloadError("the bank BIN has 6 digits")
    if not (account_number.isdigit() and 1 <= len(account_number) <= 19):
        raise PayloadError("the account number has 1 to 19 digits")
    if len(reference) > 25 or not reference.isascii():
        raise PayloadError("the reference is ASCII, at most 25 characters")
    beneficiary = tlv("00", bank_bin) + tlv("01", account_number)
    merchant = tlv("00", GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_TO_ACCOUNT)
    body = tlv("00", "01") + tlv("01", "12") + tlv("38", merchant)
    body += tlv("53", CURRENCY_VND)
    if amount is not None:
        if int(amount) <= 0:
            raise PayloadError("the amount is positive")
        if len(str(int(amount))) > 13:
            # EMVCo: ID 54 has at most 13 characters (the market's largest
            # total, 1,000,000,000 đ × 10,000, has 14)
            raise PayloadError("the amount has at most 13 digits")
        body += tlv("54", str(int(amount)))
    body += tlv("58", COUNTRY)
    if reference:
        body += tlv("62", tlv("08", reference))
    return with_crc(body)


def parse_tlv(text):
    """``{id: value}`` of a string of data objects (raises ``PayloadError``)."""
    fields, i = {}, 0
    while i < len(text):
        tag, length = text[i : i + 2], text[i + 2 : i + 4]
        if len(tag) < 2 or not length.isdigit():
            raise PayloadError(f"bad data object at {i}")
        value = text[i + 4 : i + 4 + int(length)]
        if len(value) != int(length):
            raise PayloadError(f"data object {tag} is cut short")
        fields[tag] = value
        i += 4 + int(length)
    return fields


def decode(payload):
    """The fields of a payload, nested templates decoded, the CRC checked."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        raise PayloadError("no CRC at the end")
    expected = f"{crc16_ccitt_false(payload[:-4].encode('ascii')):04X}"
    if payload[-4:].upper() != expected:
        raise PayloadError("wrong CRC")
    fields = parse_tlv(payload)
    if "38" in fields:
        merchant = parse_tlv(fields["38"])
        if "01" in merchant:
            merchant["01"] = parse_tlv(merchant["01"])
        fields["38"] = merchant
    if "62" in fields:
        fields["62"] = parse_tlv(fields["62"])
    return fields


def svg(payload, *, title=None):
    """The payload as an SVG QR code (``segno``; error correction M), a string
    that can be put in a page as it is."""
    import segno

    qr = segno.make_qr(payload, error="m")
    return qr.svg_inline(
        scale=5,
        border=4,
        title=title or _("VietQR code for the payment"),
        svgclass="vietqr",
        lineclass=None,
    )
