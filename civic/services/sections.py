"""What other apps add to the procedure pages, registered from their
``AppConfig.ready`` (the support points near a procedure: ``civic.support``)::

    from civic.services.sections import register

    register("procedure_detail", "support/_procedure_help.html", help_context)

``context(request, *args)`` returns the template's context, or None to show
nothing. Without the registering app installed, the page simply has no such part.
"""

from django.template.loader import render_to_string

#: where → [(template, context function)]
_sections = {}

PLACES = ("procedure_list", "procedure_list_links", "procedure_detail")


def register(where, template, context):
    if where not in PLACES:
        raise ValueError(f"unknown place {where!r}; one of {PLACES}")
    _sections.setdefault(where, [])
    _sections[where] = [s for s in _sections[where] if s[0] != template]
    _sections[where].append((template, context))


def render(where, request, *args):
    """The HTML of every section registered for ``where``, in order."""
    out = []
    for template, context in _sections.get(where, []):
        values = context(request, *args)
        if values is not None:
            out.append(render_to_string(template, values, request=request))
    return out
