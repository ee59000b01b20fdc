"""ASCII slugs from Vietnamese titles.

Django's ``slugify(allow_unicode=False)`` drops letters it cannot decompose, and
``đ``/``Đ`` do not decompose: "sửa đường Đống Đa" would become ``sua-uong-ong-a``.
``anyascii`` (a Wagtail dependency) transliterates first: ``sua-duong-dong-da``.
"""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(text, max_length=80):
    slug = slugify(anyascii(text or ""))[:max_length].strip("-")
    return slug
