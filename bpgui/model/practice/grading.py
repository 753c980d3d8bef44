"""Grading a typed answer: does it match a value to the precision the learner typed? No Qt, no NumPy.

Issue 12: "a value counts as right when it matches to the precision the learner typed (e.g. "0.42"
matches 0.4219; at least 2 significant digits are required)". The rule, exactly:

**Reading** (:func:`parse_answer`). The text is what a learner types, in either language: spaces around
it; a sign ``+``, ``-`` or ``−`` (U+2212); a decimal point ``.`` (a Chinese IME's fullwidth ``．``, ``。``,
``－``, ``＋`` and digits ``０``–``９`` are read as their ASCII forms: Unicode NFKC); a comma as the
decimal point only when it is the one comma and there is no dot (``0,42`` = 0.42); an exponent as
``4.2e-3``, ``4.2E-3``, ``4.2×10⁻³`` (as :func:`~bpgui.model.numbers.format_number` writes it),
``4.2x10^-3``, ``4.2*10^-3`` or ``4.2·10⁻³``. It gives an :class:`Answer`: the exact decimal value,
``digits`` = the significant digits typed (leading zeros are not significant; zeros between or after
nonzero digits are: ``4.20`` has 3, ``420`` has 3) and ``exponent`` = the power of ten of the last digit
typed (``0.42`` → −2, ``420`` → 0, ``4.2e-3`` → −4). Anything else (empty, ``abc``, ``1.2.3``, ``nan``,
``inf``, an exponent beyond ±400, more than 40 characters) raises :class:`AnswerError`.

**Grading** (:func:`grade`). With u = 10^exponent the answer is right when it is the true value

- *rounded* to u: |typed − true| ≤ u/2 · (1 + 10⁻⁹) (a tie counts either way, also one that is a tie
  only up to the float's last bit), or
- *truncated* toward zero at u (a learner who cuts digits off is not wrong), or
- within 2⁻⁴⁸ of the value, relative (16 or more digits typed say nothing past a float's precision).

The comparison is exact: the typed text as a decimal, the true value as its exact binary expansion
(``Decimal(value)``), both as fractions; never float arithmetic on the typed text. So ``0.42`` matches
0.4219 (rounded) and 0.4279 (truncated), not 0.4151 or 0.4351; ``-0.42`` never matches a positive value.
Fewer than two significant digits raise :class:`AnswerError`, except a typed zero (``0``, ``0.0``,
``-0``): it is right exactly when the value is 0.0 (a record has exact zeros: ∂E_k/∂v_11 = 0 when
x_1 = 0) and wrong otherwise; and for a value of exactly 0 any other number is wrong, not refused. A NaN
or infinite value is not gradable (``ValueError``; the caller never asks).

:func:`rounded_text` writes a value as a learner would type it to a number of significant digits (plain
ASCII), and :func:`grade` accepts it for every finite value and 2 to 17 digits.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..errors import QT_TRANSLATE_NOOP, BpguiError

__all__ = ["MAX_EXPONENT", "MAX_LENGTH", "MIN_DIGITS", "Answer", "AnswerError", "Verdict", "grade",
           "parse_answer", "rounded_text"]

MIN_DIGITS = 2  # significant digits an answer needs (a typed zero excepted)
MAX_LENGTH = 40  # characters, after the spaces around it are taken off
MAX_EXPONENT = 400  # the largest typed power of ten, either sign
_TIE = 1 + Fraction(1, 10**9)  # a tie up to the float's last bit counts as a tie
_FLOAT_NOISE = Fraction(1, 2**48)  # ~3.6e-15 relative: a few units of a float64's last bit

_SUPERSCRIPTS = re.compile("[⁺⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_PLAIN = str.maketrans("⁺⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "+-0123456789")
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<whole>[0-9]*)(?:\.(?P<fraction>[0-9]*))?"
    r"(?:[eE](?P<e>[+-]?[0-9]+)|\s*[×xX*·⋅∙]\s*10\^(?P<power>[+-]?[0-9]+))?"
)


class AnswerError(BpguiError):
    """A typed answer that cannot be graded: not a number, or fewer than two significant digits."""


@dataclass(frozen=True)
class Answer:
    """A typed number: its exact ``value``, its significant ``digits`` (0 for a zero), the power of ten
    of its last typed digit (``exponent``) and the ``text`` as typed (spaces around it taken off)."""

    value: Decimal
    digits: int
    exponent: int
    text: str

    @property
    def is_zero(self) -> bool:
        return self.digits == 0


@dataclass(frozen=True)
class Verdict:
    """How an answer fared: ``right``, the ``answer``, ``gap`` = typed − true (a float) and the value."""

    right: bool
    answer: Answer
    gap: float
    true_value: float


def _shown(text: str) -> str:
    """The text for a message: quoted, a long one cut short."""
    return repr(text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH] + "…")


def _not_a_number(text: str) -> AnswerError:
    return AnswerError(
        QT_TRANSLATE_NOOP("Errors", "{text} is not a number; type one such as 0.42, -1.5 or 4.2e-3"),
        text=_shown(text),
    )


def _normalised(text: str) -> str:
    """``text`` in ASCII where a learner's keyboard differs: superscript powers as ``^…``, fullwidth
    forms (NFKC), ``−`` and ``。`` as ``-`` and ``.``, a lone decimal comma as a dot."""
    text = _SUPERSCRIPTS.sub(lambda m: "^" + m.group(0).translate(_PLAIN), text)
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.replace("\u2212", "-").replace("\u3002", ".")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return text


def parse_answer(text: str) -> Answer:
    """The number ``text`` stands for, with the precision it was typed to (see the module)."""
    typed = text.strip()
    if len(typed) > MAX_LENGTH:
        raise _not_a_number(typed)
    plain = _normalised(typed)
    match = _NUMBER.fullmatch(plain) if len(plain) <= MAX_LENGTH else None
    if match is None or not (match["whole"] or match["fraction"]):
        raise _not_a_number(typed)
    power = int(match["e"] or match["power"] or 0)
    if abs(power) > MAX_EXPONENT:
        raise _not_a_number(typed)
    whole, fraction = match["whole"], match["fraction"] or ""
    exponent = power - len(fraction)
    value = Decimal(f"{match['sign']}{whole}{fraction}E{exponent}")  # its own exponent is the typed one
    return Answer(value, len((whole + fraction).lstrip("0")), exponent, typed)


def grade(text: str, value: float) -> Verdict:
    """Whether ``text`` is ``value`` rounded or truncated at the last digit typed (see the module).

    Raises :class:`AnswerError` for a text that is not a number or has fewer than two significant
    digits (a zero excepted), ``ValueError`` for a NaN or infinite ``value``.
    """
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"a {value} value cannot be graded")
    answer = parse_answer(text)
    gap = float(answer.value) - value
    if answer.is_zero:
        return Verdict(value == 0.0, answer, gap, value)
    if answer.digits < MIN_DIGITS:
        if value == 0.0:  # a number other than zero typed for an exact zero: wrong, at any precision
            return Verdict(False, answer, gap, value)
        raise AnswerError(
            QT_TRANSLATE_NOOP("Errors", "{text} has too few significant digits; type at least two (0.42, not 0.4)"),
            text=_shown(answer.text),
        )
    typed, true = Fraction(answer.value), Fraction(value)
    unit = Fraction(10) ** answer.exponent
    # Past a float's own precision (16 digits and more) the last digits typed say nothing: a value pasted
    # from a calculator is right within a few units of the float's last bit.
    rounded = abs(typed - true) <= max(unit / 2 * _TIE, abs(true) * _FLOAT_NOISE)
    truncated = typed == math.trunc(true / unit) * unit
    return Verdict(rounded or truncated, answer, gap, value)


def rounded_text(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant digits as a learner would type it, in plain ASCII.

    ``0.4219``, ``-0.0042``, ``4.2e-07``; trailing zeros are kept (they are typed precision), a zero
    has no sign. ``grade(rounded_text(v, d), v).right`` for every finite ``v`` and 2 ≤ d ≤ 17.
    """
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"a {value} value has no rounded text")
    text = format(value, f"#.{max(1, int(digits))}g")
    mantissa, e, power = text.partition("e")
    mantissa = mantissa.rstrip(".") or "0"
    if value == 0.0:
        mantissa = mantissa.lstrip("-")
    return mantissa + e + power
