from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "realtime"

urlpatterns = [
    path("kenh/<id:pk>/", views.channel_detail, name="channel"),
    path("kenh/<id:pk>/gui/", views.post, name="post"),
    path("kenh/<id:pk>/an/<id:message_pk>/", views.hide, name="hide"),
    path("kenh/<id:pk>/che-do-cham/", views.slow_mode, name="slow_mode"),
    path("kenh/<id:pk>/luu-tru/", views.archive, name="archive"),
    path("kenh/khu-vuc/<id:area_pk>/", views.area_channels, name="area"),
    path("kenh/khu-vuc/<id:area_pk>/mo/", views.open_topic, name="open_topic"),
]
