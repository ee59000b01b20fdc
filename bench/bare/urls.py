from django.conf import settings
from django.http import HttpResponse
from django.urls import path

HEAD = (
    '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">'
    "<title>Trang đo</title></head><body><main><h1>Phường đo</h1>\n"
)
TAIL = "</main></body></html>\n"
LINE = "<p>Thông báo của phường: lịch tiếp công dân, cấp nước, thu gom rác.</p>\n"


def _page(size):
    room = max(0, size - len((HEAD + TAIL).encode()))
    lines = LINE * (room // len(LINE.encode()) + 1)
    body = lines.encode()[:room].decode(errors="ignore")
    return (HEAD + body + TAIL).encode()


PAGE = _page(settings.BARE_PAGE_BYTES)


def page(request):
    """The same bytes every time: what Django itself costs for one HTML page."""
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
