"""Opaque, signed cursors: the position after the last item of a page.

Every list is ordered by a stable key that ends with the primary key, so the next
page is "items after (value, pk)" (keyset pagination): no page is skipped or
repeated when rows are added meanwhile. The cursor carries the list's name, so
a cursor of one list is refused by another; it is signed, so a forged or
truncated one is a 400, not a query.
"""

from django.core import signing

SALT = "api.cursor"


class BadCursor(Exception):
    pass


def make(kind, last):
    return signing.dumps([kind, last], salt=SALT, compress=True)


def read(kind, cursor):
    """The position a cursor names, or None for the first page; BadCursor."""
    if not cursor:
        return None
    if len(cursor) > 500:
        raise BadCursor
    try:
        name, last = signing.loads(cursor, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise BadCursor from None
    if name != kind:
        raise BadCursor
    return last
