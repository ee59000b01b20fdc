"""``{% resident_home as my %}``: a signed-in resident's home (content.home)."""

from django import template

from content.home import ResidentHome

register = template.Library()


@register.simple_tag(takes_context=True)
def resident_home(context):
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return None
    return ResidentHome(user)
