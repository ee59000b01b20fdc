from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "meetings"

urlpatterns = [
    path("cuoc-hop/khu-vuc/<id:area_id>/", views.area_meetings, name="area"),
    path(
        "cuoc-hop/khu-vuc/<id:area_id>/lich.ics", views.area_calendar, name="area_ics"
    ),
    path("cuoc-hop/khu-vuc/<id:area_id>/them/", views.schedule, name="schedule"),
    path("cuoc-hop/<id:pk>/", views.meeting_detail, name="detail"),
    path("cuoc-hop/<id:pk>/lich.ics", views.meeting_calendar, name="ics"),
    path("cuoc-hop/<id:pk>/sua/", views.edit, name="edit"),
    path("cuoc-hop/<id:pk>/huy/", views.cancel, name="cancel"),
    path("cuoc-hop/<id:pk>/tham-du/", views.attend, name="attend"),
    path("cuoc-hop/<id:pk>/diem-danh/", views.attendance, name="attendance"),
    path("cuoc-hop/<id:pk>/bien-ban/", views.minutes_edit, name="minutes_edit"),
    path("cuoc-hop/<id:pk>/bien-ban/gui/", views.minutes_submit, name="minutes_submit"),
    path(
        "cuoc-hop/<id:pk>/bien-ban/duyet/",
        views.minutes_approve,
        name="minutes_approve",
    ),
    path(
        "cuoc-hop/<id:pk>/bien-ban/tra-lai/",
        views.minutes_reject,
        name="minutes_reject",
    ),
    path(
        "cuoc-hop/<id:pk>/bien-ban/dinh-chinh/",
        views.minutes_correct,
        name="minutes_correct",
    ),
    path("cuoc-hop/<id:pk>/bien-ban/in/", views.minutes_print, name="minutes_print"),
]
