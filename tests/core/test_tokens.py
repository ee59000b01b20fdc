"""One os.urandom read per CSRF mask (civic/core/tokens.py), and no ETag for a
body that carries one (civic/core/conditional.py)."""

import os
import random
import re
import string

import pytest
from django.middleware import csrf
from django.test import Client

from civic.core import tokens

ALPHABET = string.ascii_letters + string.digits


def test_random_string_skips_the_bytes_that_would_bias_it(monkeypatch):
    # 62 letters: bytes 248-255 would favour the first eight; they are skipped
    monkeypatch.setattr(os, "urandom", lambda n: bytes([248, 255, 0, 61, 62, 247]))
    # 248 and 255 skipped; 0 -> "a", 61 -> "9", 62 -> "a" (62 % 62), 247 -> "9"
    assert tokens.random_string(4, ALPHABET) == "a9a9"


def test_random_string_is_uniform_enough_and_of_the_alphabet():
    drawn = tokens.random_string(62 * 200, ALPHABET)
    assert len(drawn) == 62 * 200 and set(drawn) <= set(ALPHABET)
    counts = [drawn.count(c) for c in ALPHABET]
    # each letter 200 times on average; a biased or stuck draw falls far outside
    assert min(counts) > 120 and max(counts) < 290
    with pytest.raises(ValueError):
        tokens.random_string(4, "")


def test_django_masks_with_it_and_still_accepts_its_tokens(client, tree):
    assert csrf._get_new_csrf_string is tokens._new_csrf_string
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(tree.leader_1)
    page = browser.get(tree.group_1.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert len(token) == 2 * csrf.CSRF_SECRET_LENGTH
    signed_out = browser.post("/dang-xuat/", {"csrfmiddlewaretoken": token})
    assert signed_out.status_code == 302


def test_a_signed_in_page_reads_the_system_generator_once(client, tree, monkeypatch):
    """The class: a page must not draw its randomness a character at a time
    (each os.urandom call gives up the GIL: a thread switch under load)."""
    client.force_login(tree.leader_1)
    client.get(tree.group_1.url)  # warm: nothing first-time is counted
    calls = []
    real = os.urandom

    def counting(n):
        calls.append(n)
        return real(n)

    monkeypatch.setattr(os, "urandom", counting)
    monkeypatch.setattr(random, "_urandom", counting)  # what SystemRandom reads
    response = client.get(tree.group_1.url)
    assert response.status_code == 200 and b"csrfmiddlewaretoken" in response.content
    assert 1 <= len(calls) <= 2, calls


def test_no_etag_for_a_body_with_a_fresh_token_but_one_for_the_rest(client, tree):
    client.force_login(tree.leader_1)
    mine = client.get(tree.group_1.url)
    assert b"csrfmiddlewaretoken" in mine.content and not mine.has_header("ETag")
    # a signed-in answer without a token keeps Django's ETag and its 304
    feed = client.get("/api/v1/areas")
    assert feed.status_code == 200 and feed.has_header("ETag")
    again = client.get("/api/v1/areas", HTTP_IF_NONE_MATCH=feed["ETag"])
    assert again.status_code == 304
