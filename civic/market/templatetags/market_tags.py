from django import template
from django.utils import formats

register = template.Library()


@register.filter
def vnd(amount):
    """``12000`` → "12.000 đ" (grouped as the active language groups numbers)."""
    if amount is None:
        return ""
    return f"{formats.number_format(int(amount), force_grouping=True)} đ"
