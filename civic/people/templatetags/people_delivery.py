"""``{% delivery_problems %}``: what could not reach the signed-in resident."""

from django import template

from ..delivery import problems

register = template.Library()


@register.inclusion_tag("people/includes/delivery_problems.html", takes_context=True)
def delivery_problems(context):
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"problems": []}
    return {"problems": problems(user)}
