from django.db import models


class PendingIndex(models.Model):
    """An indexed object saved or deleted since the index last saw it: the
    task worker (``search.tasks.index_pending``, ``search/indexqueue.py``)
    indexes it as the database holds it then (or removes it when it is gone)
    and deletes the row; ``attempts`` counts the passes that could not write
    it. Recorded in the save's own transaction, with its task, so a save is
    never lost between the commit and the index."""

    model = models.CharField(max_length=100)  # "app_label.model_name"
    object_pk = models.CharField(max_length=64)
    queued_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.model} {self.object_pk}"
