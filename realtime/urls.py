from django.urls import path

from . import views

app_name = "realtime"

urlpatterns = [
    path("kenh/<int:pk>/", views.channel_detail, name="channel"),
    path("kenh/<int:pk>/gui/", views.post, name="post"),
    path("kenh/<int:pk>/an/<int:message_pk>/", views.hide, name="hide"),
    path("kenh/<int:pk>/che-do-cham/", views.slow_mode, name="slow_mode"),
    path("kenh/<int:pk>/luu-tru/", views.archive, name="archive"),
    path("kenh/khu-vuc/<int:area_pk>/", views.area_channels, name="area"),
    path("kenh/khu-vuc/<int:area_pk>/mo/", views.open_topic, name="open_topic"),
]
