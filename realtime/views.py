"""The channel pages: they work without JavaScript (history + a form that posts);
``static/realtime/channel.js`` makes them live over the WebSocket. Thin: every
change goes through ``actions``."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic.core.errors import message_of, status_of
from content.models import AreaPage

from . import actions
from .models import MAX_LENGTH, MAX_SLOW_MODE, Channel, Message
from .permissions import can_moderate, listed_channels, post_refusal, read_refusal


def _channel(pk):
    return get_object_or_404(Channel.objects.select_related("area"), pk=pk)


def channel_detail(request, pk, error=None, status=200, body=""):
    channel = _channel(pk)
    refusal = read_refusal(request.user, channel)
    context = {
        "channel": channel,
        "area": channel.area,
        "page": channel.area,  # for the breadcrumbs
        "max_length": MAX_LENGTH,
        "max_slow_mode": MAX_SLOW_MODE,
        "error": error,
        "body": body,
    }
    if refusal:
        context["refusal"] = refusal
        return render(request, "realtime/channel_detail.html", context, status=403)
    history = actions.recent_messages(channel)
    context.update(
        history=history,
        last_id=history[-1].pk if history else 0,
        post_refusal=post_refusal(request.user, channel),
        can_moderate=can_moderate(request.user, channel),
        report_type=ContentType.objects.get_for_model(Message).pk,
    )
    return render(request, "realtime/channel_detail.html", context, status=status)


def _back(channel, anchor="chat-form"):
    return redirect(f"{channel.get_absolute_url()}#{anchor}")


@require_POST
def post(request, pk):
    channel = _channel(pk)
    body = request.POST.get("body", "")
    if not request.user.is_authenticated:
        return redirect_to_login(channel.get_absolute_url())
    try:
        message = actions.post_message(request.user, channel, body)
    except (ValidationError, PermissionDenied) as error:
        return channel_detail(
            request, pk, message_of(error), status_of(error), body[: MAX_LENGTH * 2]
        )
    return _back(channel, f"message-{message.pk}")


@require_POST
def hide(request, pk, message_pk):
    channel = _channel(pk)
    try:
        actions.hide_message(
            request.user, message_pk, request.POST.get("reason", ""), channel=channel
        )
    except (ValidationError, PermissionDenied) as error:
        return channel_detail(request, pk, message_of(error), status_of(error))
    messages.success(request, _("The message is hidden."))
    return _back(channel, "chat-log")


@require_POST
def slow_mode(request, pk):
    channel = _channel(pk)
    try:
        channel = actions.set_slow_mode(
            request.user, channel, request.POST.get("seconds", "")
        )
    except (ValidationError, PermissionDenied) as error:
        return channel_detail(request, pk, message_of(error), status_of(error))
    messages.success(request, _("Slow mode is saved."))
    return _back(channel, "moderation")


@require_POST
def archive(request, pk):
    channel = _channel(pk)
    try:
        actions.archive_channel(request.user, channel)
    except (ValidationError, PermissionDenied) as error:
        return channel_detail(request, pk, message_of(error), status_of(error))
    messages.success(request, _("The channel is archived."))
    return redirect("realtime:area", channel.area_id)


def area_channels(request, area_pk, error=None, status=200, title=""):
    area = get_object_or_404(AreaPage.objects.live(), pk=area_pk)
    own = actions.area_channel(area)
    channels = list(
        listed_channels(request.user, area)
        .exclude(pk=own.pk)
        .order_by("archived_at", "-created_at")
    )
    probe = Channel(area=area)
    context = {
        "area": area,
        "page": area,
        "area_channel": own,
        "topics": [c for c in channels if not c.is_archived],
        "archived": [c for c in channels if c.is_archived],
        "can_open": can_moderate(request.user, probe),
        "error": error,
        "title": title,
    }
    return render(request, "realtime/area_channels.html", context, status=status)


@require_POST
def open_topic(request, area_pk):
    area = AreaPage.objects.live().filter(pk=area_pk).first()
    if area is None:
        raise Http404
    title = request.POST.get("title", "")
    try:
        channel = actions.open_topic(
            request.user, area, title, is_public=bool(request.POST.get("is_public"))
        )
    except (ValidationError, PermissionDenied) as error:
        return area_channels(
            request, area_pk, message_of(error), status_of(error), title[:200]
        )
    messages.success(request, _("The topic channel is open."))
    return redirect(channel.get_absolute_url())
