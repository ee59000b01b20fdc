"""The banks a seller can be paid at: the NAPAS BIN (bank identification
number) that a VietQR code carries, with the bank's short and full names, read
once from ``data/banks.json`` (its ``source`` says where the numbers come from)."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "banks.json"


def _load():
    with DATA.open(encoding="utf-8") as f:
        return json.load(f)["banks"]


BANKS = {
    bin_: {"bin": bin_, "short": short, "name": name} for bin_, short, name in _load()
}
BANK_CHOICES = [(b["bin"], f"{b['short']} — {b['name']}") for b in BANKS.values()]


def bank_name(bin_):
    bank = BANKS.get(bin_)
    return bank["short"] if bank else bin_
