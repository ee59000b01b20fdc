from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import delivery_views, follow_views, push_views, rights_views, views

app_name = "people"

urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("dang-ky/", views.register_view, name="register"),
    path("tai-khoan/", views.account_view, name="account"),
    # personal-data rights (civic.people.rights)
    path("tai-khoan/du-lieu/", rights_views.data_view, name="data"),
    path(
        "tai-khoan/du-lieu/tai-ve/<str:token>/",
        rights_views.download_view,
        name="data_download",
    ),
    path("tai-khoan/du-lieu/xoa/", rights_views.delete_view, name="data_delete"),
    path("yeu-cau-du-lieu/", rights_views.requests_view, name="data_requests"),
    path(
        "yeu-cau-du-lieu/<id:pk>/tra-loi/",
        rights_views.answer_view,
        name="data_answer",
    ),
    path("quyen-rieng-tu/", rights_views.privacy_view, name="privacy"),
    path(
        "quyen-rieng-tu/<str:version>/",
        rights_views.privacy_view,
        name="privacy_version",
    ),
    path("tai-khoan/theo-doi/", follow_views.follow_view, name="follow"),
    path("tai-khoan/thong-bao/", follow_views.notifications_view, name="notifications"),
    path("tai-khoan/xac-nhan/<id:pk>/", views.confirm_view, name="confirm"),
    path("tai-khoan/tu-choi/<id:pk>/", views.decline_view, name="decline"),
    path(
        "tai-khoan/thong-bao/cai-dat/",
        delivery_views.notification_settings_view,
        name="notification_settings",
    ),
    path(
        "huy-nhan-thong-bao/<str:token>/",
        delivery_views.unsubscribe_view,
        name="unsubscribe",
    ),
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
    # Web Push on this device (civic/people/push_views.py)
    path("tai-khoan/thong-bao-day/", push_views.subscribe_view, name="push_subscribe"),
    path(
        "tai-khoan/thong-bao-day/huy/",
        push_views.unsubscribe_view,
        name="push_unsubscribe",
    ),
    path("tai-khoan/thiet-bi/<id:pk>/xoa/", push_views.remove_view, name="push_remove"),
]
