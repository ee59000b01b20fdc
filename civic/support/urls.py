from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "support"

urlpatterns = [
    path("diem-ho-tro/", views.point_list, name="points"),
    path("diem-ho-tro/<id:pk>/", views.point_detail, name="point"),
    path("diem-ho-tro/<id:pk>/ghi-nhan/", views.record_session, name="record"),
    path("diem-ho-tro/lich-hen/", views.my_appointments, name="my_appointments"),
    path("diem-ho-tro/lich-hen/<id:pk>/chap-nhan/", views.accept, name="accept"),
    path("diem-ho-tro/lich-hen/<id:pk>/huy/", views.cancel, name="cancel"),
    path("diem-ho-tro/tiep-nhan/", views.helper_desk, name="helper_desk"),
    path("diem-ho-tro/tiep-nhan/<id:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("diem-ho-tro/tiep-nhan/<id:pk>/de-xuat/", views.propose, name="propose"),
]
