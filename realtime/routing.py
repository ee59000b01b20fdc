from django.urls import path

from .consumers import AreaLiveConsumer, ChannelConsumer

websocket_urlpatterns = [
    path("ws/channels/<int:channel_id>/", ChannelConsumer.as_asgi()),
    path("ws/areas/<int:area_id>/", AreaLiveConsumer.as_asgi()),
]
