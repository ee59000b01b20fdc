"""Wagtail's editor autosaves: the first autosave of a new page creates it, and a
submit sent while that autosave is in flight posts to the create view as well.
One editor form makes one page, whichever request comes first; two forms that
choose one slug get the form's message, never a 500 (``content.admin_views``)."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from content.models import NoticePage, PageCreation

from ..concurrency import labels, run_at_once
from .test_review_workflow import add_url, notice_form, sign_in

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def leader_clients(tree, n):
    clients = []
    for _ in range(n):
        client = Client(raise_request_exception=False)
        sign_in(client, tree.leader_1)
        clients.append(client)
    return clients


def form(token, **extra):
    data = notice_form(**extra)
    data["create_token"] = str(token)
    return data


def autosave_form(token, **extra):
    data = form(token, **extra)
    del data["action-submit"]
    return data


def test_the_form_carries_a_token_and_the_edit_form_does_not(client, tree):
    sign_in(client, tree.leader_1)
    html = client.get(add_url(tree.group_1)).content.decode()
    assert 'name="create_token"' in html
    response = client.post(add_url(tree.group_1), form(uuid.uuid4()))
    assert response.status_code == 302
    page = NoticePage.objects.get()
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content
    assert b'name="create_token"' not in html


def test_a_submit_after_its_autosave_edits_the_page_the_autosave_made(client, tree):
    sign_in(client, tree.leader_1)
    token = uuid.uuid4()
    response = client.post(add_url(tree.group_1), autosave_form(token), **AUTOSAVE)
    assert response.status_code == 200 and response.json()["success"]
    page = NoticePage.objects.get()
    assert PageCreation.objects.get(token=token).page_id == page.pk
    assert not WorkflowState.objects.exists()

    # the submit still posts to the create view, with the same token
    response = client.post(add_url(tree.group_1), form(token, intro="Đã sửa"))
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert response.status_code == 307 and response["Location"] == edit
    response = client.post(edit, form(token, intro="Đã sửa"))
    assert response.status_code == 302
    assert NoticePage.objects.count() == 1
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert NoticePage.objects.get().get_latest_revision_as_object().intro == "Đã sửa"


def test_another_users_token_is_not_followed(client, tree):
    sign_in(client, tree.leader_1)
    token = uuid.uuid4()
    assert client.post(add_url(tree.group_1), form(token)).status_code == 302
    other = Client()
    sign_in(other, tree.editor_a)
    response = other.post(add_url(tree.group_1), form(token, slug="mot-trang-khac"))
    assert response.status_code == 302
    assert NoticePage.objects.count() == 2
    assert PageCreation.objects.get(token=token).page.owner == tree.leader_1


@pytest.mark.postgres
def test_autosave_and_submit_at_once_make_one_page_and_submit_it(pg, tree):
    token = uuid.uuid4()
    autosaver, submitter = leader_clients(tree, 2)
    outcomes = run_at_once(
        [
            lambda: autosaver.post(
                add_url(tree.group_1), autosave_form(token), **AUTOSAVE
            ),
            lambda: submitter.post(add_url(tree.group_1), form(token), follow=True),
        ]
    )
    assert labels(outcomes) == ["ok", "ok"]
    autosaved, submitted = (response for _kind, response in outcomes)
    # the only either-or status left in the suite: the answer depends on which
    # request wins the race, which is what the test does not fix
    assert autosaved.status_code in (200, 307)
    assert submitted.status_code == 200
    page = NoticePage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.postgres
def test_two_forms_with_one_slug_at_once_get_a_message_not_an_error(pg, tree):
    clients = leader_clients(tree, 2)
    outcomes = run_at_once(
        [
            lambda c=c: c.post(
                add_url(tree.group_1), form(uuid.uuid4(), slug="sua-duong")
            )
            for c in clients
        ]
    )
    assert labels(outcomes) == ["ok", "ok"]
    responses = sorted((r for _k, r in outcomes), key=lambda r: r.status_code)
    assert [r.status_code for r in responses] == [200, 302]
    assert "sua-duong" in responses[0].content.decode()  # the slug's message
    assert NoticePage.objects.count() == 1
