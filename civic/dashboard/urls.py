from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("dich-vu-cong/trien-khai/", views.rollout, name="rollout"),
]
