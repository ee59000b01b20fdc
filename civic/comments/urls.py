from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "comments"

urlpatterns = [
    path("binh-luan/gui/", views.post, name="post"),
    path("binh-luan/<id:pk>/sua/", views.edit, name="edit"),
    path("binh-luan/<id:pk>/xoa/", views.delete, name="delete"),
    path("bao-cao/<id:content_type>/<id:object_id>/", views.report, name="report"),
]
