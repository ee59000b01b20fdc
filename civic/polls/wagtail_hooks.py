"""The polls admin: a ModelViewSet limited by ``civic.polls.permissions``."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .actions import ensure_default_choices
from .forms import PollAdminForm
from .models import Poll
from .permissions import PollPermissionPolicy, manageable_polls

register_permission_policy(Poll, PollPermissionPolicy(Poll))


class _Limited:
    def get_queryset(self):
        return manageable_polls(self.request.user)


class PollIndexView(generic.IndexView):
    def get_base_queryset(self):
        return manageable_polls(self.request.user)


class PollCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()  # a ClusterableModel saves its inline choices too
        ensure_default_choices(instance)
        return instance


class PollEditView(_Limited, generic.EditView):
    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "change", self.object
        ):
            from wagtail.admin.auth import permission_denied

            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        instance = super().save_instance()
        ensure_default_choices(instance)
        return instance


class PollDeleteView(_Limited, generic.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "delete", self.object
        ):
            from wagtail.admin.auth import permission_denied

            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class PollViewSet(ModelViewSet):
    model = Poll
    icon = "list-ul"
    menu_label = _("Polls")
    add_to_admin_menu = True
    menu_order = 250
    name = "polls_admin"
    url_prefix = "binh-chon"
    edit_handler = ObjectList(Poll.panels, base_form_class=PollAdminForm)
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["title", "area", "kind", "opens_at", "closes_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    index_view_class = PollIndexView
    add_view_class = PollCreateView
    edit_view_class = PollEditView
    delete_view_class = PollDeleteView


@hooks.register("register_admin_viewset")
def register_poll_viewset():
    return PollViewSet()


@hooks.register("register_log_actions")
def register_poll_log_actions(actions):
    actions.register_action(
        "kdcdt.poll.close", _("Close poll"), _("Poll closed, result recorded")
    )
    actions.register_action(
        "kdcdt.poll.record_meeting",
        _("Record meeting result"),
        _("Result of the meeting or paper ballot recorded"),
    )
