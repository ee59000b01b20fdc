from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "feedback"

urlpatterns = [
    path("phan-anh/", views.report_list, name="list"),
    path("phan-anh/gui/", views.report_new, name="new"),
    path("phan-anh/cua-toi/", views.my_reports, name="mine"),
    path("phan-anh/xu-ly/", views.queue, name="queue"),
    path("phan-anh/khu-vuc/<id:area_pk>/", views.report_list, name="area"),
    path(
        "phan-anh/khu-vuc/<id:area_pk>/thong-ke/", views.area_statistics, name="stats"
    ),
    path("phan-anh/<id:pk>/", views.report_detail, name="report"),
    path("phan-anh/<id:pk>/theo-doi/", views.follow, name="follow"),
    path("phan-anh/<id:pk>/bo-theo-doi/", views.unfollow, name="unfollow"),
    path("phan-anh/<id:pk>/danh-gia/", views.rate, name="rate"),
    path("phan-anh/<id:pk>/mo-lai/", views.reopen, name="reopen"),
    path("phan-anh/<id:pk>/xu-ly/tiep-nhan/", views.accept, name="accept"),
    path("phan-anh/<id:pk>/xu-ly/trung-lap/", views.duplicate, name="duplicate"),
    path(
        "phan-anh/<id:pk>/xu-ly/ngoai-tham-quyen/",
        views.out_of_scope,
        name="out_of_scope",
    ),
    path("phan-anh/<id:pk>/xu-ly/don-vi/", views.assign, name="assign"),
    path("phan-anh/<id:pk>/xu-ly/tien-do/", views.progress, name="progress"),
    path("phan-anh/<id:pk>/xu-ly/tra-loi/", views.resolve, name="resolve"),
    path("phan-anh/<id:pk>/xu-ly/hien-thi/", views.visibility, name="visibility"),
]
