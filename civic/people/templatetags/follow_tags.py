"""``{% follow_button obj %}``: follow / stop following ``obj`` (any kind
registered in civic.people.follows). Per user (its state and the CSRF token):
never put it inside a ``{% shared %}`` part. Visitors get a sign-in link, the
same for everyone, so a cached anonymous page stays cacheable."""

from django import template

from civic.people import follows

register = template.Library()


@register.inclusion_tag("people/_follow_button.html", takes_context=True)
def follow_button(context, obj, label=""):
    request = context.get("request")
    user = getattr(request, "user", None)
    followable = follows.followable_of(obj) if obj is not None else None
    if followable is None or request is None:
        return {"shown": False}
    signed_in = bool(user and user.is_authenticated)
    return {
        "shown": True,
        "signed_in": signed_in,
        "kind": followable.name,
        "obj": obj,
        "what": label or followable.label,
        "following": signed_in and follows.is_following(user, obj),
        "next": request.get_full_path(),
        "path": request.path,
        "csrf_token": context.get("csrf_token"),
    }
