"""A corpus of XSS payloads goes through creation, edit, the page, the report form
and the moderation views: nothing arrives as markup; links get
``rel="nofollow ugc noopener"``."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from civic.comments import actions
from civic.comments.models import Comment
from civic.comments.moderation import render_body

from .conftest import backdate, page_url, post_data, report_type, url

CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    "javascript:alert(document.cookie)",
    "<svg/onload=alert(1)>",
    '<svg><script xlink:href="data:,alert(1)"></script></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '"><img src=x onerror=alert(1)>',
    "'><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    '<div style="background:url(javascript:alert(1))">',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="http://example.vn" onclick="alert(1)">x</a>',
    "http://example.vn/?q=<script>alert(1)</script>",
    'https://example.vn/"onmouseover="alert(1)',
    "<!--<img src=x onerror=alert(1)>-->",
    "<object data=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<img src=x onerror=alert(1)//",
    "<a href='vbscript:msgbox(1)'>x</a>",
    "<details open ontoggle=alert(1)>",
]

ALLOWED = {"a": {"href", "rel"}, "br": set()}


class BodyCollector(HTMLParser):
    """Collects the tags and attributes inside every ``class="comment-body"``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found = 0
        self.tags = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.tags.append((tag, dict(attrs)))
            if tag not in ("br",):
                self.depth += 1
        elif "comment-body" in classes:
            self.depth = 1
            self.found += 1

    def handle_endtag(self, tag):
        if self.depth and tag != "br":
            self.depth -= 1

    def handle_startendtag(self, tag, attrs):
        if self.depth:
            self.tags.append((tag, dict(attrs)))


class DocumentCollector(HTMLParser):
    """Every element of the page, with its attributes, and the text of scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.scripts = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def assert_safe(html, payloads, expect_bodies=True):
    """No payload arrives as markup: it is only ever text."""
    for payload in payloads:
        if "<" in payload or '"' in payload:
            assert payload not in html, payload
    document = DocumentCollector()
    document.feed(html)
    for tag, attrs in document.elements:
        # (the admin draws its icons with <svg>; inside comments the body check
        # below allows nothing but <a> and <br>)
        assert tag not in {"iframe", "object", "math", "mglyph"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "data", "xlink:href"):
                assert not (value or "").strip().lower().startswith(BAD_SCHEMES), (
                    tag,
                    name,
                    value,
                )
    assert not any("alert" in script for script in document.scripts)
    parser = BodyCollector()
    parser.feed(html)
    if expect_bodies:
        assert parser.found, "no comment body in the page"
    for tag, attrs in parser.tags:
        assert tag in ALLOWED, (tag, attrs)
        assert set(attrs) <= ALLOWED[tag], (tag, attrs)
        if tag == "a":
            assert attrs["href"].startswith(("http://", "https://", "mailto:"))
            assert attrs["rel"] == "nofollow ugc noopener"


@pytest.mark.parametrize("payload", CORPUS)
def test_render_body_lets_no_markup_through(payload):
    assert_safe(f'<div class="comment-body">{render_body(payload)}</div>', [payload])


def test_links_are_clickable_with_rel(people):
    html = render_body("Xem https://khanhhoa.gov.vn/thong-bao và www.example.vn nhé")
    assert 'href="https://khanhhoa.gov.vn/thong-bao"' in html
    assert 'rel="nofollow ugc noopener"' in html
    assert html.count("<a ") == 2
    assert "<br>" in render_body("dòng 1\ndòng 2")


def test_corpus_through_creation_edit_page_report_and_moderation(
    client, settings, tree, people, news_1
):
    settings.COMMENTS_MIN_INTERVAL = 0
    settings.COMMENTS_PER_DAY = 1000
    settings.COMMENTS_AUTO_HIDE_REPORTS = 1000
    settings.COMMENTS_REPORTS_PER_DAY = 1000
    client.force_login(people.r1)
    for payload in CORPUS:
        response = client.post(url("comments:post"), post_data(news_1, payload))
        assert response.status_code == 302, payload
    comments = list(Comment.objects.order_by("pk"))
    assert [c.body for c in comments] == [p.strip() for p in CORPUS]
    # edit: each comment gets another payload of the corpus
    for c, payload in zip(comments, reversed(CORPUS), strict=True):
        response = client.post(url("comments:edit", c.pk), {"body": payload + " (sửa)"})
        assert response.status_code == 302
        # the edit form shows the raw text escaped inside the textarea
        form = client.get(url("comments:edit", c.pk)).content.decode()
        assert_safe(form, CORPUS, expect_bodies=False)
    # a refused post re-shows the text, escaped
    refused = client.post(url("comments:post"), post_data(news_1, CORPUS[0] * 100))
    assert refused.status_code == 400
    assert_safe(refused.content.decode(), CORPUS, expect_bodies=False)
    assert_safe(client.get(page_url(news_1)).content.decode(), CORPUS)

    # reports carry text too; report form and moderation views must escape both
    backdate(Comment.objects.all(), 3600)
    for c, payload in zip(comments, CORPUS, strict=True):
        actions.report(people.r2, c, "other", payload)
    client.force_login(people.r3)
    report_form = client.get(
        url("comments:report", report_type(comments[0]), comments[0].pk)
    )
    assert_safe(report_form.content.decode(), CORPUS)
    client.force_login(tree.editor_a)
    assert_safe(
        client.get(reverse("comments_moderation_queue")).content.decode(), CORPUS
    )
    for c, payload in zip(comments, CORPUS, strict=True):
        actions.hide(tree.editor_a, c, payload)
    html = client.get(reverse("comments_moderation_queue") + "?status=hidden")
    assert_safe(html.content.decode(), CORPUS)
    actions.mute_user(tree.editor_a, people.r1, tree.group_1, "1d", CORPUS[2])
    assert_safe(
        client.get(reverse("comments_moderation_log")).content.decode(),
        CORPUS,
        expect_bodies=False,
    )
    # the muted user sees the reason, escaped
    client.force_login(people.r1)
    assert_safe(client.get(page_url(news_1)).content.decode(), CORPUS, False)


def test_a_page_title_with_markup_is_escaped_in_the_queue(client, tree, people, news_1):
    news_1.title = "<script>alert('tiêu đề')</script>"
    news_1.save_revision().publish()
    actions.report(people.r1, news_1, "spam")
    client.force_login(tree.editor_a)
    html = client.get(reverse("comments_moderation_queue")).content.decode()
    assert "<script>alert('tiêu đề')" not in html
