from django.urls import path, re_path

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

from .consumers import (
    AreaLiveConsumer,
    ChannelConsumer,
    InboxConsumer,
    NoRouteConsumer,
)

websocket_urlpatterns = [
    path("ws/channels/<id:channel_id>/", ChannelConsumer.as_asgi()),
    path("ws/areas/<id:area_id>/", AreaLiveConsumer.as_asgi()),
    path("ws/inbox/", InboxConsumer.as_asgi()),
    # Last: every other path (an invalid id included) is refused cleanly.
    re_path(r"", NoRouteConsumer.as_asgi()),
]
