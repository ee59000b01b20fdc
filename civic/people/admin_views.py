from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import AdminUserCreationForm, AdminUserEditForm
from .models import Delivery, DeliveryStatus


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin with full name and phone instead of first/last name."""

    create_template_name = "people/admin/user_create.html"
    edit_template_name = "people/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm


class FailedTasksView(WagtailAdminTemplateMixin, TemplateView):
    """Background tasks that failed for good (every attempt of a retried one),
    newest first, for superusers (Settings → Failed tasks)."""

    template_name = "people/admin/failed_tasks.html"
    page_title = gettext_lazy("Failed tasks")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        from django_tasks_db.models import DBTaskResult

        context = super().get_context_data(**kwargs)
        failed = DBTaskResult.objects.failed().order_by("-finished_at")
        page = Paginator(failed, 50).get_page(self.request.GET.get("p"))
        for result in page:
            result.attempt = result.args_kwargs.get("kwargs", {}).get("_attempt", 1)
            result.error = (result.traceback or "").strip().splitlines()[-1:] or [""]
        context["page_obj"] = page
        # notifications a channel could not deliver (civic.people.delivery):
        # the task did not fail, the row did
        context["failed_deliveries"] = (
            Delivery.objects.filter(status=DeliveryStatus.FAILED)
            .select_related("user", "notification")
            .order_by("-created_at", "-pk")[:50]
        )
        return context
