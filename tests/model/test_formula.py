"""Formula objects render with the right parentheses, and what they render is what they evaluate."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bpgui.model import closed_forms as cf
from bpgui.model.formula import ONE, Add, Diff, Div, Expr, Mul, Neg, Num, Pow, Quantity, unit

TANH = cf.Shape((2, 2, 1), ("tanh", "sigmoid"), "squared_error")
RELU = cf.Shape((2, 2, 1), ("relu", "sigmoid"), "squared_error")
B1 = "<i>b</i><sub>1</sub>"


def test_tanhs_threshold_factor_is_minus_one_minus_b_squared_in_parentheses():
    slope = cf.slope(TANH, 1, 1)
    assert slope.html() == f"1 − {B1}²"
    assert Neg(slope).html() == f"−(1 − {B1}²)"
    assert Neg(slope).text() == "−(1 − b₁²)"
    # In a product the factor keeps its parentheses (the old panel wrote "· 1 − b₁² ·").
    assert Mul((Num(0.5), slope, unit(0, 1, 2)), dotted=True).html() == f"0.5 · (1 − {B1}²) · <i>x</i><sub>1</sub>"


def test_relus_factor_subtracts_the_threshold():
    assert cf.slope(RELU, 1, 1).html() == "[<i>α</i><sub>1</sub> − <i>γ</i><sub>1</sub> &gt; 0]"
    assert cf.slope(RELU, 1, 1).text() == "[α₁ − γ₁ > 0]"


def test_precedence_writes_the_notes_forms():
    b = unit(1, 1, 2)
    assert cf.slope(cf.Shape((2, 2, 1), ("sigmoid", "sigmoid"), "squared_error"), 1, 1).html() == f"{B1}(1 − {B1})"
    assert Neg(Mul((b, Diff(ONE, b)))).text() == "−b₁(1 − b₁)"
    assert Mul((Num(2), Neg(b)), dotted=True, continued=True).text() == "2 · (−b₁)"
    assert Mul((Neg(b), Num(2)), dotted=True).text() == "−b₁ · 2"
    assert Diff(b, Diff(b, ONE)).text() == "b₁ − (b₁ − 1)"
    assert Diff(Diff(b, ONE), b).text() == "b₁ − 1 − b₁"
    assert Pow(Diff(b, ONE), 2).text() == "(b₁ − 1)²"
    assert Div(Diff(ONE, b), Mul((b, b))).text() == "(1 − b₁)/(b₁ b₁)"
    assert Add(b, Neg(b)).text() == "b₁ + (−b₁)"
    assert Neg(Neg(b)).text() == "−(−b₁)"
    assert cf.loss_slope(cf.Shape((2, 1), ("sigmoid",), "cross_entropy"), 1).closed.text() == \
        "−y₁/ŷ₁ + (1 − y₁)/(1 − ŷ₁)"


def test_deeper_layers_carry_their_superscript_and_a_net_without_hidden_layer_reads_x():
    deep = cf.Shape((2, 3, 2, 1), ("sigmoid",) * 3, "squared_error")
    assert cf.forward_net(deep, 2).text() == "α⁽²⁾ₕ = Σᵢ v⁽²⁾ᵢₕ b⁽¹⁾ᵢ"
    assert cf.forward_net(deep, 3).text() == "βⱼ = Σₕ wₕⱼ b⁽²⁾ₕ"
    flat = cf.Shape((3, 2), ("sigmoid",), "squared_error")
    assert cf.forward_net(flat, 1).text() == "βⱼ = Σᵢ wᵢⱼ xᵢ"
    assert cf.sample_gradient(flat, 1, "i", "j").text() == "∂Eₖ/∂wᵢⱼ = −gⱼ xᵢ"


# Render, read back as Python, evaluate: the parentheses must give the value the object computes.
VALUES = {"a": 0.5, "b": 1.5, "c": 2.5, "d": 3.25}


class Values:
    def value(self, kind: str, layer: int, indices: tuple[int, ...], sample: int) -> float:
        return VALUES[kind]

    def size(self, kind: str, layer: int) -> int:
        return 2

    def activation(self, layer: int) -> str:
        return "sigmoid"


atoms = st.one_of(st.sampled_from([Num(1.0), Num(2.0), Num(3.0)]),
                  st.sampled_from([Quantity(k, k, 0, (1,)) for k in VALUES]))
expressions = st.deferred(lambda: _expressions)
_expressions = st.recursive(atoms, lambda inner: st.one_of(
    inner.map(Neg),
    st.tuples(inner, inner).map(lambda t: Add(*t)),
    st.tuples(inner, inner).map(lambda t: Diff(*t)),
    st.tuples(inner, inner).map(lambda t: Div(*t)),
    inner.map(lambda e: Pow(e, 2)),
    st.tuples(st.lists(inner, min_size=2, max_size=3), st.booleans(), st.booleans())
    .map(lambda t: Mul(tuple(t[0]), dotted=t[1], continued=t[2])),
), max_leaves=10)


def as_python(text: str) -> str:
    text = re.sub(r"([abcd])₁", r"\1", text).replace("−", "-").replace(" · ", "*").replace("²", "**2")
    text = re.sub(r"([\w)])\(", r"\1*(", text)  # juxtaposition before a bracket
    while (spaced := re.sub(r"([\w)]) +([\w(])", r"\1*\2", text)) != text:  # juxtaposition with a space
        text = spaced
    return text


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")  # the recursive strategy's long repr
@settings(max_examples=300, deadline=None, derandomize=True)
@given(expressions)
def test_what_is_rendered_evaluates_to_what_the_object_computes(expr: Expr):
    try:
        value = expr.evaluate(Values(), {})
    except (ZeroDivisionError, OverflowError):
        assume(False)
    assume(math.isfinite(value) and abs(value) < 1e12)
    try:
        read = eval(as_python(expr.text()), {}, dict(VALUES))  # noqa: S307 - our own rendered arithmetic
    except (ZeroDivisionError, OverflowError):
        pytest.fail(f"{expr.text()} divides by zero where the object does not")
    assert math.isclose(read, value, rel_tol=1e-9, abs_tol=1e-9), expr.text()


def test_a_new_node_of_parts_rendered_before_renders_only_itself(monkeypatch):
    """A step's product of the selection's closed forms is a new node; its parts keep their renderings."""
    slope = cf.slope(TANH, 1, 1)
    parts = (Neg(slope), Quantity("weight", "w", 2, (1, 1)), Div(ONE, Pow(unit(1, 1, 2), 2)))
    first = Mul(parts, dotted=True, refs=("unit:1:0", "", "link:3"))
    html, text = first.html(), first.text()

    def refuse(self, html):
        raise AssertionError(f"{self!r} rendered again")

    for part in parts:
        monkeypatch.setattr(type(part), "render", refuse)
    again = Mul(parts, dotted=True, refs=("unit:1:0", "", "link:3"))
    assert again.html() == html and again.text() == text  # the same text, the parts not rendered again
    monkeypatch.undo()
    fresh = Mul((Neg(cf.slope(TANH, 1, 1)), Quantity("weight", "w", 2, (1, 1)), Div(ONE, Pow(unit(1, 1, 2), 2))),
                dotted=True, refs=("unit:1:0", "", "link:3"))
    assert fresh.html() == html and fresh.text() == text  # and what a node rendered afresh writes
