"""Formulas as objects: one expression both renders (rich text or plain Unicode) and evaluates.

Why one module (over 500 lines): the nodes render through each other's
precedence and parentheses; apart, each would import all the others.

Every closed form the app shows is built once from these nodes, so the text a
learner reads and the number beside it cannot drift apart::

    slope = Neg(Diff(Num(1), Pow(unit(1, 1, 2), 2)))    # ∂b_1/∂γ_1 of a tanh unit
    slope.html()      # '−(1 − <i>b</i><sub>1</sub>²)'
    slope.evaluate(env, {"k": 1})                        # −(1 − b_1²) for sample 1 of the batch

Rendering is precedence-aware: a node is put in parentheses exactly when the
node around it binds tighter (``b_1(1 − b_1)``, ``−(1 − b_1²)``,
``(y_j − ŷ_j)²``, ``(1 − y_1)/(1 − ŷ_1)``). Symbols carry the quantity of the
record they stand for (``Quantity``: an input, a unit's output, its net input,
a threshold, a weight, a delta, E_k, η …) and indices that are numbers (1-based)
or index letters ("h", "j") bound by a Σ or by the caller. The values come
from an ``Env`` (``closed_forms.RecordEnv`` reads an iteration's record); the
current sample is the binding of "k" (1-based position in the batch).

Formulas are language-neutral: the words around them are translated, the
formulas are the note's in both languages. No Qt here.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar, cast, overload

import numpy as np

from .activations import ACTIVATIONS
from .naming import delta_symbol, net_symbol, threshold_symbol, unit_symbol, weight_symbol
from .numbers import DEFAULT_DIGITS, MINUS, format_number

Bindings = Mapping[str, int]

# Precedence: how tightly a node binds. A child binding less tightly than its place needs is parenthesised.
SUM, PRODUCT, POWER, ATOM = 1, 2, 3, 4

# An anchor around a factor looks like the text around it (the panel lights the graph on hover instead).
ANCHOR_STYLE = "text-decoration: none"

_SUB = str.maketrans("0123456789hijklm,", "₀₁₂₃₄₅₆₇₈₉ₕᵢⱼₖₗₘ,")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


class Env(Protocol):
    """Where a formula's symbols get their numbers (an iteration's record, for the app)."""

    def value(self, kind: str, layer: int, indices: tuple[int, ...], sample: int) -> float: ...

    def size(self, kind: str, layer: int) -> int: ...  # how far an index runs: "units" of a layer, "batch"

    def activation(self, layer: int) -> str: ...  # the name of f in layer ``layer``


class Expr:
    """A node of a formula."""

    precedence = ATOM

    def html(self) -> str:
        return self._rendered("_html", True)

    def text(self) -> str:
        """Plain text with Unicode sub- and superscripts (for drawing on the canvas)."""
        return self._rendered("_text", False)

    def rendered(self, html: bool) -> str:
        """:meth:`html` or :meth:`text`: a node renders its parts through this, so a new node made of parts
        rendered before (a step's product of the selection's closed forms) renders only itself."""
        return self._rendered("_html" if html else "_text", html)

    def _rendered(self, key: str, html: bool) -> str:
        # A node is a value (frozen): rendered once. A selection's formulas live from step to step (the
        # chain's paths are built once per selection), so each step reads their text without rendering it.
        kept = self.__dict__.get(key)
        if kept is None:
            kept = self.__dict__[key] = self.render(html)
        return kept

    def render(self, html: bool) -> str:
        raise NotImplementedError

    def evaluate(self, env: Env, bind: Bindings) -> float:
        raise NotImplementedError

    def wrapped(self, html: bool, needs: int) -> str:
        """Rendered, in parentheses when it binds less tightly than ``needs``."""
        text = self.rendered(html)
        return f"({text})" if self.precedence < needs else text


def _index_text(indices: tuple[int | str, ...]) -> str:
    sep = "," if any(isinstance(i, int) and i >= 10 for i in indices) else ""
    return sep.join(str(i) for i in indices)


def _resolve(indices: tuple[int | str, ...], bind: Bindings) -> tuple[int, ...]:
    return tuple(i if isinstance(i, int) else bind[i] for i in indices)


@dataclass(frozen=True)
class Num(Expr):
    """A constant; ``label`` writes it (``½``, ``1``)."""

    value: float
    label: str = ""

    def render(self, html: bool) -> str:
        return self.label or f"{self.value:g}".replace("-", "−")

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.value


@dataclass(frozen=True)
class Value(Expr):
    """A number of the record written in the screen's one format (``numbers.format_number``) at ``digits``.

    It evaluates to the exact number, so a line such as ``α₁ = 0.3897 · 1 + 0.3009 · 0`` is worth
    what the record computed, whatever the digits shown. A negative value is parenthesised
    wherever a sign would be ambiguous (``0.3897 − (−0.4414)``, ``(−0.2) · 0``); see :func:`with_digits`.
    """

    value: float
    digits: int = DEFAULT_DIGITS

    def render(self, html: bool) -> str:
        return format_number(self.value, self.digits)

    def wrapped(self, html: bool, needs: int) -> str:
        text = self.rendered(html)
        return f"({text})" if text.startswith(MINUS) and needs > SUM else text

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.value


@dataclass(frozen=True)
class Quantity(Expr):
    """A symbol of the note standing for a number of the record: ``kind`` in ``layer`` with ``indices``.

    Kinds: input (x_i), target (y_j), output (b_h, ŷ_j; layer 0 is x_i), net (α_h, β_j),
    threshold (γ_h, θ_j), weight (v_ih, w_hj), delta (e_h, g_j), error (E_k), batch_error (E),
    eta (η), batch (B), parameter (a generic p).
    """

    kind: str
    base: str
    layer: int = 0
    indices: tuple[int | str, ...] = ()
    mark: int | None = None  # the hidden layer's superscript (k) in a deeper network

    def render(self, html: bool) -> str:
        sub = _index_text(self.indices)
        if html:
            sup = f"<sup>({self.mark})</sup>" if self.mark is not None else ""
            return f"<i>{self.base}</i>{sup}" + (f"<sub>{sub}</sub>" if sub else "")
        sup = f"({self.mark})".translate(_SUP) if self.mark is not None else ""
        return f"{self.base}{sup}{sub.translate(_SUB)}"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        fixed = self.__dict__.get("_fixed")  # indices that are all numbers need no binding (most, every step)
        if fixed is None:
            fixed = self.__dict__["_fixed"] = all(isinstance(i, int) for i in self.indices)
        indices = cast("tuple[int, ...]", self.indices) if fixed else _resolve(self.indices, bind)
        if self.kind == "error":  # E_k: its index is the sample
            return env.value("error", 0, (), indices[0])
        return env.value(self.kind, self.layer, indices, bind.get("k", 1))


@dataclass(frozen=True)
class Neg(Expr):
    operand: Expr
    precedence = SUM

    def render(self, html: bool) -> str:
        return "−" + self.operand.wrapped(html, PRODUCT)

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return -self.operand.evaluate(env, bind)


@dataclass(frozen=True)
class Add(Expr):
    left: Expr
    right: Expr
    precedence = SUM

    def render(self, html: bool) -> str:
        right = self.right.wrapped(html, PRODUCT if isinstance(self.right, Neg) else SUM)
        return f"{self.left.wrapped(html, SUM)} + {right}"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.left.evaluate(env, bind) + self.right.evaluate(env, bind)


@dataclass(frozen=True)
class Diff(Expr):
    left: Expr
    right: Expr
    precedence = SUM

    def render(self, html: bool) -> str:
        return f"{self.left.wrapped(html, SUM)} − {self.right.wrapped(html, PRODUCT)}"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.left.evaluate(env, bind) - self.right.evaluate(env, bind)


@dataclass(frozen=True)
class Mul(Expr):
    """A product: written side by side (``ŷ_j(1 − ŷ_j)``, ``w_hj g_j``) or, ``dotted``, with `` · ``.

    ``continued``: it continues a product written before it (``… · (−ŷ_1(1 − ŷ_1))``), so even its
    first factor keeps a leading sign in parentheses.
    """

    factors: tuple[Expr, ...]
    dotted: bool = False
    continued: bool = False
    refs: tuple[str, ...] = ()  # in rich text, each factor an anchor to where it lives ("unit:L:U", "link:I")
    precedence = PRODUCT

    def render(self, html: bool) -> str:
        parts: list[str] = []
        last = len(self.factors) - 1
        for n, f in enumerate(self.factors):
            if n == 0 and isinstance(f, Neg) and not self.continued:
                text = f.rendered(html)  # a leading sign: −a · b is (−a) · b
            elif (isinstance(f, (Div, SumOver)) and n < last) or isinstance(f, Div):
                text = f"({f.rendered(html)})"
            else:
                text = f.wrapped(html, PRODUCT)
            if parts and not self.dotted and not text.startswith("("):
                parts.append(" ")
            elif parts and self.dotted:
                parts.append(" · ")
            if html and n < len(self.refs) and self.refs[n]:
                text = f'<a href="{self.refs[n]}" style="{ANCHOR_STYLE}">{text}</a>'
            parts.append(text)
        return "".join(parts)

    def evaluate(self, env: Env, bind: Bindings) -> float:
        value = 1.0
        for f in self.factors:
            value *= f.evaluate(env, bind)
        return value


@dataclass(frozen=True)
class Div(Expr):
    numerator: Expr
    denominator: Expr
    precedence = PRODUCT

    def render(self, html: bool) -> str:
        return f"{self.numerator.wrapped(html, POWER)}/{self.denominator.wrapped(html, POWER)}"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.numerator.evaluate(env, bind) / self.denominator.evaluate(env, bind)


@dataclass(frozen=True)
class Pow(Expr):
    base: Expr
    exponent: int
    precedence = POWER

    def render(self, html: bool) -> str:
        exp = "²" if self.exponent == 2 else (f"<sup>{self.exponent}</sup>" if html else
                                               str(self.exponent).translate(_SUP))
        return self.base.wrapped(html, ATOM) + exp

    def evaluate(self, env: Env, bind: Bindings) -> float:
        try:
            return float(self.base.evaluate(env, bind) ** self.exponent)
        except OverflowError:  # a diverged value: as NumPy gives it, not an exception
            return math.inf


@dataclass(frozen=True)
class Apply(Expr):
    """``f(z)``, ``f′(z)`` with the activation of ``layer``, or ``ln(z)``."""

    function: str  # "f", "f′" or "ln"
    argument: Expr
    layer: int = 0

    def render(self, html: bool) -> str:
        name = self.function
        if html and name != "ln":
            name = f"<i>f</i>{name[1:]}"
        return f"{name}({self.argument.rendered(html)})"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        z = self.argument.evaluate(env, bind)
        if self.function == "ln":
            return math.log(z)
        act = ACTIVATIONS[env.activation(self.layer)]
        y = act.function(np.array([z]))
        if self.function == "f":
            return float(y[0])
        return float(act.slope_from_output(y)[0])


@dataclass(frozen=True)
class Positive(Expr):
    """Iverson's bracket ``[z > 0]``: 1 when the condition holds, else 0."""

    argument: Expr

    def render(self, html: bool) -> str:
        return f"[{self.argument.rendered(html)} {'&gt;' if html else '>'} 0]"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return 1.0 if self.argument.evaluate(env, bind) > 0.0 else 0.0


@dataclass(frozen=True)
class SumOver(Expr):
    """``Σ_index body``, the index running over the units of ``layer`` (or, ``over="batch"``, the samples)."""

    index: str
    body: Expr
    layer: int = 0
    over: str = "units"
    precedence = PRODUCT

    def render(self, html: bool) -> str:
        sub = f"<sub>{self.index}</sub>" if html else self.index.translate(_SUB)
        return f"Σ{sub} {self.body.wrapped(html, PRODUCT)}"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        total = 0.0
        for i in range(1, env.size(self.over, self.layer) + 1):
            total += self.body.evaluate(env, {**bind, self.index: i})
        return total


class LazyTerms(Sequence[Expr]):
    """A long sequence of terms made only when read (a 784-term sum writes five of them).

    It reads as a tuple of :class:`Expr` (length, index, slice, iteration, equality with any sequence of the
    same terms); :func:`with_digits` asks it for its terms at other digits (``at_digits``).
    """

    def term(self, i: int) -> Expr:
        raise NotImplementedError

    def at_digits(self, digits: int) -> LazyTerms:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> Expr: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Expr, ...]: ...

    def __getitem__(self, i: int | slice) -> Expr | tuple[Expr, ...]:
        if isinstance(i, slice):
            return tuple(self.term(n) for n in range(len(self))[i])
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        return self.term(i % n)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (tuple, LazyTerms)) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} terms)"


@dataclass(frozen=True)
class Series(Expr):
    """``t_1 + t_2 + … + t_n`` written out, or, past ``head + 2`` terms, its first ``head`` terms, "…" and the last.

    It always evaluates every term: a 784-input unit shows five terms and is worth the whole sum.
    """

    terms: tuple[Expr, ...] | LazyTerms
    head: int = 3
    precedence = SUM

    @property
    def summarised(self) -> bool:
        return len(self.terms) > self.head + 2

    def render(self, html: bool) -> str:
        if self.summarised:  # only the terms written are rendered (or, lazy terms, made)
            terms = self.terms
            shown = [*(t.wrapped(html, SUM) for t in terms[: self.head]), "…", terms[-1].wrapped(html, SUM)]
        else:
            shown = [t.wrapped(html, SUM) for t in self.terms]
        out = ""
        for n, text in enumerate(shown):
            if n == 0:
                out = text
            elif text.startswith(MINUS) and text != "…":
                out += f" + ({text})"
            else:
                out += f" + {text}"
        return out or "0"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return math.fsum(t.evaluate(env, bind) for t in self.terms)


@dataclass(frozen=True)
class Derivative(Expr):
    """``∂of/∂wrt``, written as a derivative, worth its closed form ``closed``."""

    of: Expr
    wrt: Expr
    closed: Expr

    def render(self, html: bool) -> str:
        return f"∂{self.of.wrapped(html, ATOM)}/∂{self.wrt.wrapped(html, ATOM)}"

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.closed.evaluate(env, bind)


@dataclass(frozen=True)
class Delta(Expr):
    """``Δp``, worth ``closed`` (``−η ∂E/∂p``)."""

    of: Expr
    closed: Expr

    def render(self, html: bool) -> str:
        return "Δ" + self.of.wrapped(html, ATOM)

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.closed.evaluate(env, bind)


@dataclass(frozen=True)
class Eq(Expr):
    """``a = b = …``: a definition; it is worth its last side."""

    sides: tuple[Expr, ...]
    precedence = 0

    def render(self, html: bool) -> str:
        return " = ".join(s.rendered(html) for s in self.sides)

    def evaluate(self, env: Env, bind: Bindings) -> float:
        return self.sides[-1].evaluate(env, bind)

    @property
    def lhs(self) -> Expr:
        return self.sides[0]

    @property
    def rhs(self) -> Expr:
        return self.sides[-1]


E = TypeVar("E", bound=Expr)


def with_digits(expr: E, digits: int) -> E:
    """``expr`` with every :class:`Value` in it written at ``digits`` significant digits."""
    if isinstance(expr, Value):
        return dataclasses.replace(expr, digits=digits)
    changes: dict[str, object] = {}
    for f in dataclasses.fields(expr):  # type: ignore[arg-type]
        old = getattr(expr, f.name)
        if isinstance(old, Expr):
            new: object = with_digits(old, digits)
        elif isinstance(old, LazyTerms):
            new = old.at_digits(digits)
        elif isinstance(old, tuple) and any(isinstance(v, Expr) for v in old):
            new = tuple(with_digits(v, digits) if isinstance(v, Expr) else v for v in old)
        else:
            continue
        if new is not old:
            changes[f.name] = new
    return dataclasses.replace(expr, **changes) if changes else expr  # type: ignore[type-var]


# The note's symbols, named as bpgui.model.naming names them (superscripts for deeper networks).

def unit(layer: int, index: int | str, n_layers: int) -> Quantity:
    """x_i (layer 0), b_h or b^(k)_h (hidden), ŷ_j (output)."""
    s = unit_symbol(layer, 1, n_layers)
    return Quantity("output", s.base, layer, (index,), s.layer)


def net(layer: int, index: int | str, n_layers: int) -> Quantity:
    s = net_symbol(layer, 1, n_layers)
    return Quantity("net", s.base, layer, (index,), s.layer)


def threshold(layer: int, index: int | str, n_layers: int) -> Quantity:
    s = threshold_symbol(layer, 1, n_layers)
    return Quantity("threshold", s.base, layer, (index,), s.layer)


def weight(layer: int, source: int | str, target: int | str, n_layers: int) -> Quantity:
    s = weight_symbol(layer, 1, 1, n_layers)
    return Quantity("weight", s.base, layer, (source, target), s.layer)


def delta(layer: int, index: int | str, n_layers: int) -> Quantity:
    s = delta_symbol(layer, 1, n_layers)
    return Quantity("delta", s.base, layer, (index,), s.layer)


def target(index: int | str) -> Quantity:
    return Quantity("target", "y", 0, (index,))


def sample_error(index: int | str = "k") -> Quantity:
    return Quantity("error", "E", 0, (index,))


BATCH_ERROR = Quantity("batch_error", "E")
ETA = Quantity("eta", "η")
BATCH = Quantity("batch", "B")
ONE = Num(1.0)
HALF = Num(0.5, "½")
