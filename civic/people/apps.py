from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True
    name = "civic.people"
    label = "people"
    verbose_name = _("People and roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.core.csv import protect_wagtail_exports
        from civic.core.ids import install_model_choice_guard

        from . import signals  # noqa: F401

        # Wagtail's admin reports export CSV/XLSX: no cell may run as a formula.
        protect_wagtail_exports()
        # Odd ids in any model choice (project or Wagtail forms) are refused early.
        install_model_choice_guard()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our user form (phone, full name; no first/last)."""

    user_viewset = "civic.people.admin_views.UserViewSet"
