"""``{% shared "name" part… %}…{% endshared %}``: a part of a page that is the
same for everyone who may see the page (an area's lists, its header), cached
with the page cache's table versions (civic.core.pagecache.fragment) - so a
signed-in resident's fresh page does not render it again until a table it read
changes. Never wrap a form (CSRF token) or anything about the viewer.
A part that resolves to None (a form with errors, say) means "not shared
this time": the block is rendered as it is and not kept."""

from django import template
from django.utils import translation

from civic.core import pagecache

register = template.Library()


class SharedNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        if any(part is None for part in parts):
            return self.nodelist.render(context)
        request = context.get("request")
        host = request.get_host() if request is not None else ""
        key = [self.name.resolve(context), *parts, translation.get_language(), host]
        return pagecache.fragment("shared", key, lambda: self.nodelist.render(context))


@register.tag("shared")
def do_shared(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared %} needs a name")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
    )
