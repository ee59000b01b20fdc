"""``reverse()``, with each address kept once reversed (:func:`reverse_kept`):
for the ``{% url %}`` tag (``civic.core.templatetags.kept_urls``) and the views
that answer with a redirect to a fixed address.

A signed-in page links a dozen or two fixed addresses (account, sign-out, search,
the area's polls…), and each reverse walks the URL resolver's namespaces and
patterns again — about a tenth of rendering a page (README, "Where a page's time
goes"). An address depends on the view name, its arguments, the URL
configuration, the script prefix, the language and the current application: all
are in the key, so a kept address is the one ``reverse()`` would give. Only plain
arguments (text, whole numbers) are kept; anything else is reversed each time.
The store is bounded (emptied when full) and emptied when a setting changes (a
test swapping the URL configuration)."""

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

#: the most addresses kept (ids of polls, reports… make the number grow)
LIMIT = 4096
_kept = {}


def _plain(values):
    return all(isinstance(v, (str, int)) for v in values)


def reverse_kept(view_name, args=(), kwargs=None, current_app=None):
    """``reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)``,
    kept (see the module's docstring); ``NoReverseMatch`` is never kept."""
    kwargs = kwargs or {}
    if not (isinstance(view_name, str) and _plain(args) and _plain(kwargs.values())):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    key = (
        view_name,
        tuple(args),
        tuple(sorted(kwargs.items())),
        current_app,
        get_urlconf(),
        get_script_prefix(),
        get_language(),
    )
    found = _kept.get(key)
    if found is None:
        found = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        if len(_kept) >= LIMIT:
            _kept.clear()
        _kept[key] = found
    return found


def _forget(**kwargs):
    _kept.clear()


setting_changed.connect(_forget, dispatch_uid="kept_urls")
