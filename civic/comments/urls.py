from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("binh-luan/gui/", views.post, name="post"),
    path("binh-luan/<int:pk>/sua/", views.edit, name="edit"),
    path("binh-luan/<int:pk>/xoa/", views.delete, name="delete"),
    path("bao-cao/<int:content_type>/<int:object_id>/", views.report, name="report"),
]
