from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "directory"

urlpatterns = [
    path("dich-vu-cong/tien-ich/", views.utilities_index, name="utilities"),
    path("dich-vu-cong/tien-ich/<id:pk>/", views.utilities_area, name="utilities_area"),
    path("dich-vu-cong/cua-hang/", views.business_list, name="businesses"),
    path("dich-vu-cong/cua-hang/de-xuat/", views.business_new, name="business_new"),
    path("dich-vu-cong/cua-hang/duyet/", views.business_queue, name="business_queue"),
    path(
        "dich-vu-cong/cua-hang/<id:pk>/duyet/",
        views.business_approve,
        name="business_approve",
    ),
    path(
        "dich-vu-cong/cua-hang/<id:pk>/tu-choi/",
        views.business_reject,
        name="business_reject",
    ),
]
