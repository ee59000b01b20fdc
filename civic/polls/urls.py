from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "polls"

urlpatterns = [
    path("binh-chon/khu-vuc/<id:area_id>/", views.area_polls, name="area"),
    path("binh-chon/<id:pk>/", views.poll_detail, name="detail"),
    path("binh-chon/<id:pk>/dong/", views.close, name="close"),
    path("binh-chon/<id:pk>/ghi-ket-qua/", views.record_meeting, name="record"),
    path("binh-chon/<id:pk>/ket-qua.csv", views.export_csv, name="csv"),
]
