"""civic.core.views.run_action: one way for a view to run an action. A refusal
becomes a form error or a message and nothing else happens; a forbidden action is
a 403 whose page says why (templates/403.html)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import path

from civic.core.errors import (
    ActionForbidden,
    ActionRefused,
    message_of,
    messages_of,
    status_of,
)
from civic.core.views import run_action, valid_data
from config.urls import urlpatterns as site_urls


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _refuse(*messages):
    raise ActionRefused(list(messages))


def _forbid():
    raise ActionForbidden("Chỉ biên tập viên của xã được làm việc này.")


def test_success_returns_the_value_and_shows_the_message():
    request = _request()
    done = run_action(request, lambda a, b=0: a + b, 1, b=2, success="Đã lưu.")
    assert done and done.value == 3
    assert [str(m) for m in get_messages(request)] == ["Đã lưu."]
    request = _request()
    done = run_action(request, lambda: "x", success=lambda value: f"Xong {value}.")
    assert [str(m) for m in get_messages(request)] == ["Xong x."]


def test_a_refusal_becomes_messages_or_form_errors():
    request = _request()
    done = run_action(request, _refuse, "Một.", "Hai.", success="Đã lưu.")
    assert not done and done.value is None
    assert [(m.level_tag, str(m)) for m in get_messages(request)] == [
        ("error", "Một."),
        ("error", "Hai."),
    ]
    request = _request()
    form = forms.Form({})
    form.is_valid()
    done = run_action(request, _refuse, "Một.", form=form, success="Đã lưu.")
    assert not done
    assert form.non_field_errors() == ["Một."]
    assert list(get_messages(request)) == []


def test_a_forbidden_action_is_not_caught():
    with pytest.raises(ActionForbidden):
        run_action(_request(), _forbid, success="Đã lưu.")


def test_messages_and_status_of_each_kind():
    assert messages_of(ActionRefused(["a", "b"])) == ["a", "b"]
    assert message_of(ActionRefused(["a", "b"])) == "a b"
    assert status_of(ActionRefused("a")) == 400
    assert messages_of(ActionForbidden("c")) == ["c"]
    assert status_of(ActionForbidden("c")) == 403
    assert messages_of(PermissionDenied()) == ["You are not allowed to do this."]


def _forbidden_view(request):
    _forbid()


urlpatterns = [path("forbidden/", _forbidden_view), *site_urls]


@pytest.mark.urls("tests.core.test_run_action")
@pytest.mark.django_db
def test_the_403_page_says_why(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "Chỉ biên tập viên của xã được làm việc này." in response.content.decode()


class _ReasonForm(forms.Form):
    reason = forms.CharField(error_messages={"required": "Hãy ghi lý do."})


def test_valid_data_refuses_with_the_forms_messages_as_text():
    assert valid_data(_ReasonForm({"reason": "Trùng"})) == {"reason": "Trùng"}
    with pytest.raises(ActionRefused) as refused:
        valid_data(_ReasonForm({"reason": ""}))
    assert refused.value.messages == ["Hãy ghi lý do."]
