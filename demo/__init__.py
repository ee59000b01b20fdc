"""The demo data: Phường Bắc Nha Trang with its groups, people, news, notices,
services and meetings, loaded by ``manage.py seed_demo`` (``make run``).

The top layer: it may import every app, and nothing in the project imports it (only
the tests do), so a real site can leave it out of ``INSTALLED_APPS``.
"""
