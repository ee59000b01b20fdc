"""The ``{% url %}`` tag, with each address kept once reversed.

A template builtin (``settings.TEMPLATES``: ``builtins``), so it replaces Django's
``url`` in every template without a ``{% load %}``. It parses and renders exactly
as Django's tag (a subclass of its node), but the address comes from
:func:`civic.core.reversing.reverse_kept`: ``reverse()`` runs once per address."""

from django.template import Library, defaulttags

from civic.core.reversing import reverse_kept

register = Library()


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
