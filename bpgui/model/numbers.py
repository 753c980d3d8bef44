"""How bpgui writes a number on screen: one format for every view.

The network, the table, tooltips, the chain rule, captions, the status line
and picture exports all call :func:`format_number` with the one Digits setting
(significant digits). It writes

- a true minus sign (``−0.3897``, U+2212), never a hyphen;
- no ``−0``: a value that rounds to zero at the digits shown is ``0``;
- an exponent, as a superscript power of ten, where ``g`` formatting would
  switch to one: tiny values (``9.574×10⁻⁵``) and values of ``10^digits`` or
  more (``1.235×10⁶``);
- ``inf``, ``−inf`` and ``nan`` as ``∞``, ``−∞`` and ``NaN``.

Files meant to be read back (CSV, JSON) keep every digit instead; this is the
screen's format. No Qt here.
"""

from __future__ import annotations

import math

__all__ = [
    "DEFAULT_DIGITS", "MAX_DIGITS", "MIN_DIGITS", "exact_number", "format_factor", "format_number", "superscript",
]

DEFAULT_DIGITS = 4
MIN_DIGITS, MAX_DIGITS = 1, 17  # 17 significant digits round-trip every float64
MINUS = "\u2212"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def superscript(number: int) -> str:
    """``-5`` → ``⁻⁵``."""
    return str(int(number)).translate(_SUPERSCRIPT)


def format_number(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """``value`` to ``digits`` significant digits in the screen's one format (see the module)."""
    digits = min(MAX_DIGITS, max(MIN_DIGITS, int(digits)))
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else MINUS + "∞"
    text = f"{value:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}×10{superscript(int(exponent))}"
    if text.startswith("-"):
        body = text[1:]
        # −0, −0.000 …: nothing but zeros after the sign reads as a bug to a learner.
        if not body.strip("0.") or body.split("×")[0].strip("0.") == "":
            return "0"
        text = MINUS + body
    return text


def format_factor(value: float, digits: int = DEFAULT_DIGITS) -> str:
    """A number as a factor of a product: negatives in parentheses (``0.5 · (−0.25)``)."""
    text = format_number(value, digits)
    return f"({text})" if text.startswith(MINUS) else text


def exact_number(value: float) -> str:
    """``value`` in the screen's format with as many digits as it takes to read it back exactly.

    (``0.1`` stays ``0.1``, η = 0.5 is never rounded.) Tooltips and editors use it; cells use the Digits.
    """
    value = float(value)
    if not math.isfinite(value):
        return format_number(value)
    digits = next((d for d in range(1, MAX_DIGITS) if float(f"{value:.{d}g}") == value), MAX_DIGITS)
    return format_number(value, digits)
