from django.urls import path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from . import views

app_name = "services"

urlpatterns = [
    path("dich-vu-cong/", views.procedure_list, name="procedures"),
    path("dich-vu-cong/thu-tuc/<id:pk>/", views.procedure_detail, name="procedure"),
]
