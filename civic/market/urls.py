from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "market"

urlpatterns = [
    path("cho/", views.market, name="market"),
    path("cho/khu-vuc/<id:area_pk>/", views.market_area, name="area"),
    path("cho/quy-dinh/", views.rules, name="rules"),
    path("cho/dang-tin/", views.listing_new, name="new"),
    path("cho/cua-toi/", views.mine, name="mine"),
    path("cho/tai-khoan-ngan-hang/", views.bank_account, name="bank"),
    path("cho/tin/<id:pk>/", views.listing_detail, name="listing"),
    path("cho/tin/<id:pk>/sua/", views.listing_edit, name="edit"),
    path("cho/tin/<id:pk>/gia-han/", views.listing_renew, name="renew"),
    path("cho/tin/<id:pk>/go/", views.listing_withdraw, name="withdraw"),
    path("cho/tin/<id:pk>/dat-mua/", views.order_new, name="order_new"),
    path("cho/tin/<id:pk>/an/", views.listing_hide, name="hide"),
    path("cho/tin/<id:pk>/hien-lai/", views.listing_show, name="show"),
    path("cho/nguoi-ban/<id:pk>/", views.seller_detail, name="seller"),
    path("cho/don/<id:pk>/", views.order_detail, name="order"),
    path("cho/don/<id:pk>/nhan/", views.order_accept, name="accept"),
    path("cho/don/<id:pk>/hen-gio-khac/", views.order_propose, name="propose"),
    path("cho/don/<id:pk>/tu-choi/", views.order_decline, name="decline"),
    path("cho/don/<id:pk>/dong-y/", views.order_confirm, name="confirm"),
    path("cho/don/<id:pk>/huy/", views.order_cancel, name="cancel"),
    path(
        "cho/don/<id:pk>/nguoi-ban-huy/",
        views.order_seller_cancel,
        name="seller_cancel",
    ),
    path("cho/don/<id:pk>/hoan-thanh/", views.order_complete, name="complete"),
    path("cho/don/<id:pk>/da-nhan/", views.order_received, name="received"),
    path("cho/don/<id:pk>/danh-gia/", views.order_rate, name="rate"),
]
