"""bpgui.model.text: filling translated templates in one pass."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model.text import fill, placeholders


def test_numbered_and_named_placeholders_are_filled():
    assert fill("%1 of %2", 3, 7) == "3 of 7"
    assert fill("{file}, line {line}", file="a.csv", line=4) == "a.csv, line 4"
    assert fill("%2 before %1", "a", "b") == "b before a"  # a translation may move them
    assert fill("%1: {reason}", "net.json", reason="no such file") == "net.json: no such file"


@pytest.mark.parametrize("name", ["net%2.json", "net%1%1.json", "{line}.csv", "{{x}}.json", "%{file}}", "a}b{c"])
def test_a_file_name_with_placeholders_in_it_is_inserted_as_it_is(name):
    assert fill("%1: cannot be read (%2)", name, "denied") == f"{name}: cannot be read (denied)"
    assert fill("{file}, line {line}: bad", file=name, line=3) == f"{name}, line 3: bad"
    assert fill("{file}: {reason}", file="x", reason=name) == f"x: {name}"


def test_placeholders_without_a_value_stay_as_written():
    assert fill("%1 and %3", "a", "b") == "a and %3"
    assert fill("%0 and %1") == "%0 and %1"
    assert fill("{file}: {missing}", file="f") == "f: {missing}"
    assert fill("{file}") == "{file}"


def test_doubled_braces_are_literal_braces():
    assert fill("{{file}} is {file}", file="x") == "{file} is x"
    assert fill("{{") == "{" and fill("}}") == "}"
    assert fill("set {{%1}}", "a") == "set {a}"
    # A lone brace or a brace around something that is not a name is left alone.
    assert fill("{ file }, {1}, {", file="x") == "{ file }, {1}, {"


def test_values_are_inserted_with_str():
    assert fill("%1 / {n}", 0.5, n=None) == "0.5 / None"
    assert fill("{shape}", shape=(2, 3)) == "(2, 3)"


def test_placeholders_lists_every_one_sorted_with_repeats_and_without_literal_braces():
    assert placeholders("{file}, line {line}: %2 %1 %1 {{x}}") == ["%1", "%1", "%2", "{file}", "{line}"]
    assert placeholders("nothing here, {{ }} % {1}") == []


# Values may contain anything a template may: placeholder syntax, percent signs, braces.
_awkward = st.text(alphabet=st.sampled_from(list("%{}12ab_ {}")) | st.characters(), max_size=12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(first=_awkward, second=_awkward, named=_awkward)
def test_fill_never_substitutes_inside_an_inserted_value(first, second, named):
    template = "<%1|%2|{name}|{{lit}}>"
    filled = fill(template, first, second, name=named)
    assert filled == f"<{first}|{second}|{named}|{{lit}}>"


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    pieces=st.lists(
        st.sampled_from(["%1", "%2", "%3", "{a}", "{b}", "{{", "}}", "text ", "%", "{", "}"]), max_size=8
    ),
    a=_awkward,
    b=_awkward,
)
def test_fill_is_one_pass_over_any_template(pieces, a, b):
    """Whatever the template, each placeholder becomes its value once; nothing else changes."""
    template = "".join(pieces)
    values = {"%1": a, "%2": b, "{a}": b, "{b}": a, "{{": "{", "}}": "}"}
    expected = re.sub(r"%\d{1,2}|\{[A-Za-z_]\w*\}|\{\{|\}\}", lambda m: values.get(m.group(0), m.group(0)), template)
    assert fill(template, a, b, a=b, b=a) == expected


def template_offences(source: str) -> list[int]:
    """Lines of ``source`` that fill a template by chained ``.replace("%N", …)`` or ``.format`` on tr()."""
    import ast

    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name, receiver = node.func.attr, node.func.value
        placeholder_replace = name == "replace" and bool(node.args) and isinstance(node.args[0], ast.Constant) \
            and isinstance(node.args[0].value, str) and node.args[0].value.startswith("%")
        format_of_translation = name == "format" and isinstance(receiver, ast.Call) \
            and getattr(receiver.func, "attr", getattr(receiver.func, "id", "")) in ("tr", "translate")
        if placeholder_replace or format_of_translation:
            lines.append(node.lineno)
    return lines


def test_every_template_is_filled_by_fill_alone():
    """No chained ``.replace("%1", …)`` and no ``.format`` on a translated string anywhere in bpgui:
    those substitute inside inserted values (a file named ``net%2.json``) or break on braces."""
    from pathlib import Path

    import bpgui

    sources = sorted(Path(bpgui.__file__).parent.rglob("*.py"))
    assert len(sources) > 50
    offences = [f"{p.name}:{line}" for p in sources for line in template_offences(p.read_text(encoding="utf-8"))]
    assert offences == []


def test_the_template_scan_can_fail():
    bad = 'a = self.tr("%1 of %2").replace("%1", x)\nb = translate("C", "{x}").format(x=1)\nc = fill(t, x)\n'
    assert template_offences(bad) == [1, 2]
