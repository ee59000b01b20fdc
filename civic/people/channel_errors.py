"""The error a notification channel raises when it can never deliver (civic.people.delivery)."""


class Undeliverable(Exception):
    """A permanent failure: not retried; recorded and shown to the resident."""

    def __init__(self, reason=""):
        super().__init__(reason)
        self.reason = reason
