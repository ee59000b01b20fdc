"""The review workflow: a leader submits, the commune's editors approve or reject.

One Wagtail ``Workflow`` with one ``AreaReviewTask`` is assigned at every commune
page (``WorkflowPage``), so everything published under a commune passes its editors.
Editors hold ``publish_page`` on their commune and can still publish directly.
"""

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from .models import AreaReviewTask

WORKFLOW_NAME = "Duyệt nội dung của xã, phường"
TASK_NAME = "Biên tập viên xã, phường duyệt"


@transaction.atomic
def review_workflow():
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        task = AreaReviewTask.objects.create(name=TASK_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


@transaction.atomic
def ensure_review_workflow(commune):
    """Assign the review workflow at ``commune`` (idempotent)."""
    workflow = review_workflow()
    WorkflowPage.objects.get_or_create(page=commune, defaults={"workflow": workflow})
    return workflow
