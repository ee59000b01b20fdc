from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("tai-khoan/", views.account_view, name="account"),
]
