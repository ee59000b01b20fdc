"""The feedback on-time rate on the rollout dashboard (``civic.dashboard``),
registered in ``FeedbackConfig.ready``: ``stats.on_time_rate`` per commune (one
call each) and for every commune's resolved reports counted together."""

from django.utils.translation import gettext_lazy as _

from civic.core.figures import Column, Figures

from . import stats


def _percent(share):
    """``on_time_rate`` gives a share (0.0–1.0) or None; the table shows %."""
    return None if share is None else round(100 * share, 1)


def collect(rollout):
    for row in rollout.rows.values():
        row.set("feedback_on_time", _percent(stats.on_time_rate(row.commune)))


def finish(rollout):
    communes = [row.commune for row in rollout.rows.values()]
    rollout.total.set(
        "feedback_on_time", _percent(stats.on_time_rate(communes)) if communes else None
    )


FIGURES = Figures(
    key="feedback",
    order=50,
    collect=collect,
    finish=finish,
    columns=[Column(50, _("Feedback answered on time"), "feedback/_fig_on_time.html")],
)
