"""The sockets' auth middleware: Channels' ``AuthMiddlewareStack``, with the
session and user read batched with the other connects' reads (``batch``)."""

from channels.auth import AuthMiddleware, get_user
from channels.sessions import CookieMiddleware, SessionMiddleware

from . import batch

#: ``channels.auth.get_user`` without its own trip to the database thread
_get_user = get_user.func


class BatchedAuthMiddleware(AuthMiddleware):
    async def resolve_scope(self, scope):
        scope["user"]._wrapped = await batch.run(_get_user, scope)


def SocketAuthMiddlewareStack(inner):  # noqa: N802 (as Channels names it)
    return CookieMiddleware(SessionMiddleware(BatchedAuthMiddleware(inner)))
