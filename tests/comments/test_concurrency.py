"""Parallel requests on PostgreSQL: the limits and the one-report rule hold when the
same user posts or reports from several processes at once, and a comment is hidden
automatically exactly once."""

import pytest
from django.db import connection

from civic.comments import actions
from civic.comments.models import Comment, LogAction, ModerationLog, Report
from civic.core.errors import ActionForbidden, ActionRefused

from ..concurrency import labels, run_at_once
from .conftest import backdate, resident

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency is tested on PostgreSQL (scripts/with-postgres)",
    ),
]

WORKERS = 8


def run_concurrently(jobs):
    outcomes = run_at_once(jobs, (ActionRefused, ActionForbidden))
    return labels(outcomes, ok="accepted")


def test_parallel_posts_of_one_user_pass_the_limit_once(pg, tree, people, news_1):
    outcomes = run_concurrently(
        [
            lambda i=i: actions.post_comment(people.r1, news_1, f"Song song {i}")
            for i in range(WORKERS)
        ]
    )
    assert sorted(outcomes) == ["accepted"] + ["refused"] * (WORKERS - 1)
    assert Comment.objects.count() == 1


def test_parallel_reports_hide_once_and_count_once(pg, tree, people, news_1):
    target = actions.post_comment(people.r1, news_1, "Bị báo cáo song song")
    backdate(target, 3600)
    reporters = [
        resident(f"Người báo cáo {i}", f"09140000{i:02d}", tree.group_1)
        for i in range(WORKERS)
    ]
    jobs = [lambda u=u: actions.report(u, target, "spam") for u in reporters]
    jobs += [lambda: actions.report(reporters[0], target, "spam")] * 3
    outcomes = run_concurrently(jobs)
    # reports are taken one at a time (a row lock on the comment): the third hides
    # it, the later ones are refused because it is already hidden
    assert outcomes.count("accepted") == 3
    assert Report.objects.filter(object_id=target.pk).count() == 3
    target.refresh_from_db()
    assert target.is_hidden
    assert (
        ModerationLog.objects.filter(
            action=LogAction.AUTO_HIDE, object_id=target.pk
        ).count()
        == 1
    )
