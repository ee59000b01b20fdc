"""templates/includes/field.html: every id the widget's aria-describedby names is
on the page exactly once; radio and checkbox groups are a fieldset with a legend."""

import re

from django import forms
from django.template.loader import render_to_string


class Sample(forms.Form):
    name = forms.CharField(help_text="Họ và tên", min_length=5)
    kind = forms.ChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, help_text="Chọn"
    )
    days = forms.MultipleChoiceField(
        choices=[("1", "1"), ("2", "2")], widget=forms.CheckboxSelectMultiple
    )


def render(form):
    return "".join(
        render_to_string("includes/field.html", {"field": field}) for field in form
    )


def described_ids(html):
    ids = []
    for value in re.findall(r'aria-describedby="([^"]*)"', html):
        ids.extend(value.split())
    return ids


def test_every_described_id_exists_once_with_errors_and_help():
    form = Sample({"name": "ab", "kind": "zz"})
    assert not form.is_valid()
    html = render(form)
    ids = described_ids(html)
    assert {"id_name_helptext", "id_name_error", "id_kind_helptext"} <= set(ids)
    for target in set(ids):
        assert html.count(f'id="{target}"') == 1, target


def test_choice_groups_are_fieldsets_with_a_legend():
    html = render(Sample())
    assert html.count("<fieldset") == 2 and html.count("<legend>") == 2
    assert '<label for="id_name">' in html
    assert "<legend>" not in html.split("<fieldset")[0]
