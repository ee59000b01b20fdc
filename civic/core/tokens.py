"""Random strings drawn with one system call instead of one per character.

Every signed-in page carries a CSRF token (its sign-out form), and Django masks
the token afresh for each response (BREACH): ``get_random_string(32)`` draws each
of its 32 characters with ``secrets.choice``, which reads ``os.urandom`` once per
character. ``os.urandom`` lets go of the GIL around its system call, so under a
served load each of those ~33 calls hands the interpreter to another thread and
waits to get it back: measured in the live server (bench/pages.py's signed-in
pages, py-spy and strace), a quarter of a signed-in page's samples were in those
calls (~30 futex calls a request). The throughput gain could not be told apart
from the run-to-run noise of the signed-in figures (±30 %; README, "Where a
page's time goes"): the change removes work, it is not a measured speed-up.

:func:`random_string` gives the same thing — each character uniform over the
alphabet, from the operating system's generator — from one ``os.urandom`` read
(rejection sampling: bytes that would bias the draw are skipped). ``install()``
(``civic.core``'s ``ready``) makes Django's CSRF middleware draw its masks and new
secrets with it. ``tests/core/test_tokens.py`` checks the distribution, that
Django's own check still accepts the tokens, and counts the ``os.urandom`` calls a
signed-in page makes, so a later Django that draws its masks elsewhere is noticed.
"""

import os

from django.middleware import csrf


def random_string(length, allowed_chars):
    """``length`` characters, each uniform over ``allowed_chars`` (at most 256)."""
    size = len(allowed_chars)
    if not 0 < size <= 256:
        raise ValueError("random_string needs 1 to 256 allowed characters")
    # the largest multiple of size not above 256: bytes from there are skipped
    limit = 256 - 256 % size
    out = []
    while len(out) < length:
        # enough bytes for the whole string in one read, nearly always
        need = length - len(out)
        for byte in os.urandom(need + need // 2 + 8):
            if byte < limit:
                out.append(allowed_chars[byte % size])
                if len(out) == length:
                    break
    return "".join(out)


def _new_csrf_string():
    return random_string(csrf.CSRF_SECRET_LENGTH, csrf.CSRF_ALLOWED_CHARS)


def install():
    """Django's CSRF masks and secrets from :func:`random_string`."""
    csrf._get_new_csrf_string = _new_csrf_string
