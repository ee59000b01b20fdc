from civic.core import pagecache


def account(request):
    """The signed-in user's unread notification count, for the header."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def unread():
        # kept across requests until a notification is written (civic.core.pagecache)
        return pagecache.memo(
            "people.unread_notifications",
            [user.pk],
            lambda: user.notifications.filter(read_at__isnull=True).count(),
        )

    return {"unread_notifications": unread}
