"""Issue 11: a wide unit's forward pass makes only the terms it writes, and reads exactly as the whole
tuple of terms it replaced (built here the old way, as the reference)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpgui.model import closed_forms as cf
from bpgui.model.backprop import compute_step, make_record
from bpgui.model.formula import Eq, LazyTerms, Mul, Series, Value, unit, weight, with_digits
from bpgui.model.forward_arithmetic import HEAD, Products, WeightedInputs, forward_arithmetic
from bpgui.model.network import Network


def _record(sizes, seed=0):
    net = Network.initialise(sizes, seed=seed)
    rng = np.random.default_rng(seed)
    x, y = rng.normal(size=(1, sizes[0])), rng.uniform(size=(1, sizes[-1]))
    rec = make_record(compute_step(net, x, y, 0.5), net, iteration=1, epoch=1, mode="standard", learning_rate=0.5,
                      sample_indices=np.array([0]), inputs=x, targets=y)
    return net, rec


def _eager_net_line(rec, activations, layer, u, digits):
    """The weighted-sum line as it was built before: every term a Mul of Values, evaluated factor by factor."""
    n = len(rec.layer_sizes) - 1
    env, bind, j = cf.RecordEnv(rec, activations), {"k": 1}, u + 1
    symbols = tuple(Mul((weight(layer, i, j, n), unit(layer - 1, i, n)), dotted=True)
                    for i in range(1, rec.layer_sizes[layer - 1] + 1))
    numbers = tuple(Mul(tuple(Value(f.evaluate(env, bind), digits) for f in s.factors), dotted=True) for s in symbols)
    from bpgui.model.formula import net
    return Eq((net(layer, j, n), Series(symbols, HEAD), Series(numbers, HEAD),
               Value(float(rec.layers[layer - 1].net[0, u]), digits)))


@pytest.mark.parametrize("sizes,layer,u", [((784, 8, 10), 1, 7), ((784, 8, 10), 2, 3), ((5, 2, 1), 1, 0),
                                           ((2, 2, 1), 1, 1), ((19, 12, 3), 2, 2)])
@pytest.mark.parametrize("digits", [1, 4, 9, 17])
def test_the_lazy_line_reads_and_evaluates_as_the_eager_one(sizes, layer, u, digits):
    net, rec = _record(sizes)
    env = cf.RecordEnv(rec, net.activations)
    eager = _eager_net_line(rec, net.activations, layer, u, digits)
    lazy = forward_arithmetic(rec, net.activations, layer, u, digits=digits).lines[0]
    assert lazy.html() == eager.html() and lazy.text() == eager.text()
    assert lazy == eager and hash(lazy) == hash(eager)
    for a, b in zip(lazy.sides, eager.sides, strict=True):
        assert a.evaluate(env, {"k": 1}) == b.evaluate(env, {"k": 1})  # bitwise: the same terms, the same fsum
    # at other digits, as the panel asks for them
    other = forward_arithmetic(rec, net.activations, layer, u).at_digits(digits).lines[0]
    assert other.html() == eager.html() and with_digits(eager, 4) == forward_arithmetic(
        rec, net.activations, layer, u).lines[0]


def test_a_784_term_sum_makes_only_the_terms_it_writes(monkeypatch):
    net, rec = _record((784, 8, 10))
    made = []
    original = Products.term

    def term(self, i):
        made.append(i)
        return original(self, i)

    monkeypatch.setattr(Products, "term", term)
    fa = forward_arithmetic(rec, net.activations, 1, 0)
    assert made == []  # building reads the record's numbers, makes no term
    fa.at_digits(7).lines[0].html()
    assert sorted(made) == [0, 1, 2, 783]  # HEAD terms and the last
    assert isinstance(fa.lines[0].sides[1].terms, WeightedInputs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=30),
       st.integers(1, 17), st.integers(-40, 40))
def test_lazy_terms_read_as_their_tuple(values, digits, index):
    left = tuple(values)
    right = tuple(reversed(values))
    lazy = Products(left, right, digits)
    eager = tuple(Mul((Value(a, digits), Value(b, digits)), dotted=True) for a, b in zip(left, right))
    assert isinstance(lazy, LazyTerms) and len(lazy) == len(eager) and tuple(lazy) == eager
    assert lazy == eager and eager == lazy and lazy[1:4] == eager[1:4] and lazy[::-1] == eager[::-1]
    if -len(eager) <= index < len(eager):
        assert lazy[index] == eager[index]
    else:
        with pytest.raises(IndexError):
            lazy[index]
    assert lazy.at_digits(digits) is lazy and tuple(lazy.at_digits(3)) == tuple(with_digits(t, 3) for t in eager)
    assert Series(lazy, HEAD).render(True) == Series(eager, HEAD).render(True)


def test_a_steps_derivation_evaluates_each_factor_once_without_hashing_a_formula(monkeypatch):
    """A formula's hash walks its whole tree: a step's chain rule was mostly hashing. Each factor of the chain
    (the same objects from step to step) is evaluated once, found again by identity; the numbers are the same."""
    from bpgui.model import formula
    from bpgui.model.derivation import derive

    net, rec = _record((6, 5, 4), seed=3)
    index = net.n_parameters - 4 - 5 * 4 - 3  # γ_2: a sum over the 4 outputs
    before = derive(rec, index, net.activations, net.loss)
    assert before.sum_index == "j" and len(before.terms) == 4
    evaluated: list[int] = []
    evaluate = formula.Derivative.evaluate

    def counted(self, env, bind):
        evaluated.append(id(self))
        return evaluate(self, env, bind)

    def refuse(self):
        raise AssertionError("a formula was hashed")

    monkeypatch.setattr(formula.Derivative, "evaluate", counted)
    monkeypatch.setattr(formula.Derivative, "__hash__", refuse)
    again = derive(rec, index, net.activations, net.loss)
    assert again.value == before.value and [[f.value for f in t] for t in again.terms] == [
        [f.value for f in t] for t in before.terms]
    assert len(evaluated) == len(set(evaluated))  # none twice
    assert set(evaluated) >= {id(f.derivative) for term in again.terms for f in term}
