"""The ``{% url %}`` tag, with each address kept once reversed.

A template builtin (``settings.TEMPLATES``: ``builtins``), so it replaces Django's
``url`` in every template without a ``{% load %}``. It parses and renders exactly
as Django's tag (a subclass of its node), but ``reverse()`` runs once per address:
a signed-in page links a dozen or two fixed addresses (account, sign-out, search,
the area's polls…), and each reverse walks the URL resolver's namespaces and
patterns again — about a tenth of rendering a page (README, "Where a page's time
goes").

An address depends on the view name, its arguments, the URL configuration, the
script prefix, the language and the current application: all are in the key, so
a kept address is the one ``reverse()`` would give. Only plain arguments (text,
whole numbers) are kept; anything else is reversed each time. The store is
bounded (emptied when full) and emptied when a setting changes (a test swapping
the URL configuration)."""

from django.core.signals import setting_changed
from django.template import Library, defaulttags
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

register = Library()

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


class KeptURLNode(defaulttags.URLNode):
    def render(self, context):
        from django.urls import NoReverseMatch

        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = reverse_kept(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        if context.autoescape:
            url = defaulttags.conditional_escape(url)
        return url


@register.tag
def url(parser, token):
    """Django's ``{% url %}`` (same syntax), its addresses kept."""
    node = defaulttags.url(parser, token)
    node.__class__ = KeptURLNode
    return node
