from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import follow_views, views

app_name = "people"

urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("dang-ky/", views.register_view, name="register"),
    path("tai-khoan/", views.account_view, name="account"),
    path("tai-khoan/theo-doi/", follow_views.follow_view, name="follow"),
    path("tai-khoan/thong-bao/", follow_views.notifications_view, name="notifications"),
    path("tai-khoan/xac-nhan/<id:pk>/", views.confirm_view, name="confirm"),
    path("tai-khoan/tu-choi/<id:pk>/", views.decline_view, name="decline"),
    path("tham-gia/", views.join_view, name="join"),
    path("xac-minh/", views.verification_view, name="verification"),
    path("xac-minh/<id:pk>/duyet/", views.verify_view, name="verify"),
    path("xac-minh/<id:pk>/tu-choi/", views.reject_view, name="reject"),
    path("xac-minh/<id:pk>/chuyen-di/", views.moved_view, name="moved"),
    path(
        "xac-minh/ho/<id:pk>/dai-dien/",
        views.representative_view,
        name="representative",
    ),
]
