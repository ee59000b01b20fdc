from django.urls import path

from . import views

app_name = "services"

urlpatterns = [
    path("dich-vu-cong/", views.procedure_list, name="procedures"),
    path("dich-vu-cong/thu-tuc/<int:pk>/", views.procedure_detail, name="procedure"),
    path("dich-vu-cong/trien-khai/", views.dashboard, name="dashboard"),
    path("diem-ho-tro/", views.point_list, name="points"),
    path("diem-ho-tro/<int:pk>/", views.point_detail, name="point"),
    path("diem-ho-tro/<int:pk>/ghi-nhan/", views.record_session, name="record"),
    path("diem-ho-tro/lich-hen/", views.my_appointments, name="my_appointments"),
    path("diem-ho-tro/lich-hen/<int:pk>/chap-nhan/", views.accept, name="accept"),
    path("diem-ho-tro/lich-hen/<int:pk>/huy/", views.cancel, name="cancel"),
    path("diem-ho-tro/tiep-nhan/", views.helper_desk, name="helper_desk"),
    path("diem-ho-tro/tiep-nhan/<int:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("diem-ho-tro/tiep-nhan/<int:pk>/de-xuat/", views.propose, name="propose"),
]
