from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views, views_directory

app_name = "services"

urlpatterns = [
    path("dich-vu-cong/", views.procedure_list, name="procedures"),
    path("dich-vu-cong/thu-tuc/<id:pk>/", views.procedure_detail, name="procedure"),
    path("dich-vu-cong/trien-khai/", views.dashboard, name="dashboard"),
    path("diem-ho-tro/", views.point_list, name="points"),
    path("diem-ho-tro/<id:pk>/", views.point_detail, name="point"),
    path("diem-ho-tro/<id:pk>/ghi-nhan/", views.record_session, name="record"),
    path("diem-ho-tro/lich-hen/", views.my_appointments, name="my_appointments"),
    path("diem-ho-tro/lich-hen/<id:pk>/chap-nhan/", views.accept, name="accept"),
    path("diem-ho-tro/lich-hen/<id:pk>/huy/", views.cancel, name="cancel"),
    path("diem-ho-tro/tiep-nhan/", views.helper_desk, name="helper_desk"),
    path("diem-ho-tro/tiep-nhan/<id:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("diem-ho-tro/tiep-nhan/<id:pk>/de-xuat/", views.propose, name="propose"),
    path("dich-vu-cong/tien-ich/", views_directory.utilities_index, name="utilities"),
    path(
        "dich-vu-cong/tien-ich/<id:pk>/",
        views_directory.utilities_area,
        name="utilities_area",
    ),
    path("dich-vu-cong/cua-hang/", views_directory.business_list, name="businesses"),
    path(
        "dich-vu-cong/cua-hang/de-xuat/",
        views_directory.business_new,
        name="business_new",
    ),
    path(
        "dich-vu-cong/cua-hang/duyet/",
        views_directory.business_queue,
        name="business_queue",
    ),
    path(
        "dich-vu-cong/cua-hang/<id:pk>/duyet/",
        views_directory.business_approve,
        name="business_approve",
    ),
    path(
        "dich-vu-cong/cua-hang/<id:pk>/tu-choi/",
        views_directory.business_reject,
        name="business_reject",
    ),
]
