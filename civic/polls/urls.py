from django.urls import path

from . import views

app_name = "polls"

urlpatterns = [
    path("binh-chon/khu-vuc/<int:area_id>/", views.area_polls, name="area"),
    path("binh-chon/<int:pk>/", views.poll_detail, name="detail"),
    path("binh-chon/<int:pk>/dong/", views.close, name="close"),
    path("binh-chon/<int:pk>/ghi-ket-qua/", views.record_meeting, name="record"),
    path("binh-chon/<int:pk>/ket-qua.csv", views.export_csv, name="csv"),
]
