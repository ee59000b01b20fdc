"""API keys in the Wagtail admin (Settings → API keys), for administrators only
(the model permissions are given to nobody else). The key is shown once, on the
page that follows its creation, and never stored: only its prefix and hash."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .keys import fill_new_key
from .models import ApiKey


class ApiKeyCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.raw_key = fill_new_key(instance)
        instance.created_by = self.request.user
        instance.save()
        return instance

    def save_action(self):
        # the key on this page only: not in a message (kept in a cookie/session)
        return TemplateResponse(
            self.request,
            "api/key_created.html",
            {
                "key": self.object,
                "raw_key": self.raw_key,
                "index_url": self.get_success_url(),
            },
            headers={"Cache-Control": "no-store"},
        )


class KeyPolicy(ModelPermissionPolicy):
    """Administrators revoke a key; nobody deletes one (its writes keep pointing
    at it: who filed what on whose behalf)."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(ApiKey, KeyPolicy(ApiKey))


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("API keys")
    add_to_settings_menu = True
    url_prefix = "api-keys"
    list_display = ["organisation", "prefix", "expires_at", "revoked", "last_used_at"]
    list_filter = ["revoked"]
    add_view_class = ApiKeyCreateView
    panels = [
        FieldPanel("organisation"),
        FieldPanel("contact_email"),
        FieldPanel("expires_at"),
        FieldPanel("revoked"),
    ]
    form_fields = ["organisation", "contact_email", "expires_at", "revoked"]


@hooks.register("register_admin_viewset")
def register_api_keys():
    return ApiKeyViewSet("api_keys")
