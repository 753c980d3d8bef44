"""A learner's practice: worksheet answers and predictions, checked, scored and kept (issue 12).

:class:`PracticeBook` grades what the learner typed for a cell of an iteration's worksheet
(``model.practice``: the cell's formula over the record, the precision typed, the known mistakes its
number matches) and keeps every check. Answers are filed under the iteration's *fingerprint*: its t and
what it started from (the parameters, the sample(s), η and the mode), so a step back reopens an
iteration's sheet with the learner's answers, while a reset with another seed or an edit that changes
iteration t gives a fresh sheet for the new t (the old answers stay in the book and in the score).
Nothing is ever dropped: the score counts every check; a language switch changes no number here.

The book is plain data (:meth:`PracticeBook.to_data` / :meth:`PracticeBook.from_data`, JSON-safe), for
the session files to come; loading refuses anything malformed with an error naming the key, and loads
nothing then. No Qt here: each mistake's sentence is a template the controller translates.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from ..model import closed_forms as cf
from ..model.errors import Phrase, bad_value
from ..model.practice import mistakes as mk
from ..model.practice.grading import Verdict, grade
from ..model.practice.planted import RULES
from ..model.practice.worksheet import Cell, Sheet, worksheet
from ..model.records import IterationRecord
from .messages import QT_TRANSLATE_NOOP

# What each known mistake is, in a sentence for the learner (context "TrainingController").
MISTAKE_TEXTS = {
    mk.SIGN: QT_TRANSLATE_NOOP("TrainingController", "The update's sign is flipped: the update goes down the "
                                                     "gradient, Δp = −η ∂E/∂p."),
    mk.GRADIENT_SIGN: QT_TRANSLATE_NOOP("TrainingController", "The gradient's sign is flipped: ∂Eₖ/∂wₕⱼ = −gⱼ bₕ and "
                                                              "∂Eₖ/∂vᵢₕ = −eₕ xᵢ."),
    mk.NO_SLOPE: QT_TRANSLATE_NOOP("TrainingController", "f′ is left out: the delta needs the slope of the "
                                                         "unit's activation (for the sigmoid, ŷⱼ(1 − ŷⱼ) or "
                                                         "bₕ(1 − bₕ))."),
    mk.UPDATED_W: QT_TRANSLATE_NOOP("TrainingController", "eₕ used the already updated wₕⱼ: the backward "
                                                          "pass uses the weights of the forward pass, before "
                                                          "any update."),
    mk.NO_ETA: QT_TRANSLATE_NOOP("TrainingController", "η is forgotten: the update is Δp = −η ∂E/∂p."),
    mk.SWAPPED: QT_TRANSLATE_NOOP("TrainingController", "The wrong end of the weight: ∂Eₖ/∂vᵢₕ takes xᵢ "
                                                        "(the input it comes from), not bₕ; ∂Eₖ/∂wₕⱼ takes "
                                                        "bₕ, not ŷⱼ."),
    mk.ADDED: QT_TRANSLATE_NOOP("TrainingController", "The threshold is added instead of subtracted: "
                                                      "bₕ = f(αₕ − γₕ), ŷⱼ = f(βⱼ − θⱼ), and so ∂Eₖ/∂γₕ = +eₕ, "
                                                      "∂Eₖ/∂θⱼ = +gⱼ."),
    mk.HALF_KEPT: QT_TRANSLATE_NOOP("TrainingController", "The ½ of Eₖ is kept: it only cancels the 2 of the "
                                                          "square's derivative, so gⱼ has no ½."),
}

# Find the bug: each planted rule, as the list the learner names it from (context "TrainingController").
BUG_TEXTS = {
    "no_slope": QT_TRANSLATE_NOOP("TrainingController", "f′ dropped: the deltas leave out the slope of the "
                                                        "activation"),
    "update_sign": QT_TRANSLATE_NOOP("TrainingController", "The update's sign flipped: Δp = +η ∂E/∂p"),
    "updated_weights": QT_TRANSLATE_NOOP("TrainingController", "eₕ computed with the already updated wₕⱼ"),
    "threshold_sign": QT_TRANSLATE_NOOP("TrainingController", "The thresholds' gradients with their sign "
                                                              "flipped"),
    "eta_twice": QT_TRANSLATE_NOOP("TrainingController", "η applied twice: Δp = −η·η ∂E/∂p"),
    "wrong_index": QT_TRANSLATE_NOOP("TrainingController", "The hidden sum over the wrong index: every eₕ "
                                                           "sums all of the next layer's weights"),
}

PREDICTION = "predict:"  # a prediction's key: this, then its cell's key (apart from the worksheet's answers)
FORMAT = "bpgui-practice"
VERSION = 1


def fingerprint(record: IterationRecord, activations: tuple[str, ...] = (), loss: str = "") -> str:
    """What iteration ``record`` started from, as a short hex digest (with its t, the key of its answers):
    its parameters, sample(s), η, mode, shape, activations and loss."""
    h = hashlib.sha1(usedforsecurity=False)
    for part in (record.flat_values, record.sample_indices, record.inputs, record.targets):
        h.update(memoryview(part.astype(float, copy=False).tobytes()))
    h.update(repr((record.iteration, record.learning_rate, record.mode, tuple(record.layer_sizes),
                   tuple(activations), loss)).encode())
    return h.hexdigest()[:20]


@dataclass(frozen=True)
class Check:
    """One answer checked: for cell ``key`` of iteration ``iteration`` (fingerprint ``iteration_id``)."""

    iteration: int
    iteration_id: str
    key: str
    quantity: str
    text: str
    right: bool
    value: float  # the true value
    gap: float  # typed − true (±inf for a typed number beyond a float; NaN when not known: a sign, a file)
    mistakes: tuple[str, ...]  # the known mistakes the typed number matches (only when wrong)


# (field, type, may it be missing) for reading a check back
_FIELDS: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("iteration", int), ("iteration_id", str), ("key", str), ("quantity", str), ("text", str), ("right", bool),
    ("value", (int, float)), ("gap", (int, float, type(None))), ("mistakes", list))


class PracticeBook:
    """See the module: every check, and the latest answer of each cell of each iteration."""

    def __init__(self) -> None:
        self._checks: list[Check] = []
        self._latest: dict[tuple[str, str], Check] = {}
        self._sheets: dict[tuple[str, int | None], Sheet] = {}  # a few recent sheets, built once each
        self._bugs: list[tuple[str, str]] = []  # Find the bug: (the rule planted, the rule named), in order

    # ---- checking ----------------------------------------------------------------------------
    def sheet(self, record: IterationRecord, activations: tuple[str, ...], loss: str,
              focus: int | None = None) -> Sheet:
        """The worksheet of ``record`` (``focus``: the selected parameter, for a big network)."""
        key = (fingerprint(record, activations, loss), focus)
        sheet = self._sheets.get(key)
        if sheet is None:
            if len(self._sheets) > 8:
                self._sheets.clear()
            sheet = self._sheets[key] = worksheet(record, activations, loss, focus)
        return sheet

    def check(self, record: IterationRecord, activations: tuple[str, ...], loss: str, key: str, text: str,
              focus: int | None = None, as_key: str | None = None, shown_digits: int | None = None) -> Check:
        """Grade ``text`` as the learner's value of cell ``key``; keep and return the check (filed under
        ``as_key``: a prediction is "predict:" and the cell's key, apart from the worksheet's answer).
        ``shown_digits``: the numbers the learner works from are shown at these digits; an answer computed
        from them (every symbol of the formula rounded so) is right too, or anything between the two.

        Raises ``AnswerError`` (not a number, too few digits) or ``KeyError`` (no such cell) and keeps
        nothing then.
        """
        sheet = self.sheet(record, activations, loss, focus)
        cell = sheet.cell(key)
        fp = fingerprint(record, activations, loss)
        latest = self._latest.get((fp, as_key or key))
        if latest is not None and latest.text == text.strip():  # Enter again on the same answer: once
            return latest
        verdict = grade(text, cell.value)
        if not verdict.right and shown_digits is not None:
            verdict = _from_shown(text, cell, record, activations, shown_digits, verdict)
        names: tuple[str, ...] = ()
        if not verdict.right:
            names = tuple(m.name for m in mk.diagnose(text, cell, mk.mistakes(cell, record, activations, loss)))
        gap = verdict.gap
        check = Check(sheet.iteration, fp, as_key or key, cell.quantity, verdict.answer.text,
                      verdict.right, cell.value, gap, names)
        self.keep(check)
        return check

    def keep(self, check: Check) -> None:
        """Keep ``check`` (graded here, or elsewhere: a sign or a comparison predicted, a file read back)."""
        self._checks.append(check)
        self._latest[(check.iteration_id, check.key)] = check

    def name_bug(self, planted: str, named: str) -> bool:
        """Keep the learner's naming of a planted bug; True if it is the one."""
        self._bugs.append((planted, named))
        return planted == named

    @property
    def bugs(self) -> tuple[tuple[str, str], ...]:
        return tuple(self._bugs)

    # ---- reading -----------------------------------------------------------------------------
    def answers(self, record: IterationRecord, activations: tuple[str, ...], loss: str) -> dict[str, Check]:
        """The latest check of each cell of ``record``'s iteration (what its sheet shows filled in)."""
        fp = fingerprint(record, activations, loss)
        return {key: c for (f, key), c in self._latest.items() if f == fp and not key.startswith(PREDICTION)}

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(self._checks)

    def score(self) -> tuple[int, int]:
        """(right, checked) of the worksheet's answers over the whole session (predictions: their own)."""
        made = [c for c in self._checks if not c.key.startswith(PREDICTION)]
        return sum(c.right for c in made), len(made)

    def prediction_score(self) -> tuple[int, int]:
        """(right, made) of the predictions alone."""
        made = [c for c in self._checks if c.key.startswith(PREDICTION)]
        return sum(c.right for c in made), len(made)

    def missed(self, predictions: bool = False) -> list[tuple[str, int]]:
        """The quantities answered wrong on the worksheet (``predictions``: predicted wrong), most often first
        (ties in the order they were first checked)."""
        made = [c for c in self._checks if c.key.startswith(PREDICTION) == predictions]
        counts = Counter(c.quantity for c in made if not c.right)
        order = {q: n for n, q in enumerate(dict.fromkeys(c.quantity for c in made))}
        return sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))

    def mistakes_made(self) -> list[tuple[str, int]]:
        """The known mistakes the wrong answers matched, most often first."""
        counts = Counter(name for c in self._checks for name in c.mistakes)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    # ---- plain data --------------------------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        """Every check, JSON-safe (an infinite gap as the largest float of its sign, an unknown one as null)."""
        rows = []
        for c in self._checks:
            row = asdict(c)
            row["mistakes"] = list(c.mistakes)
            # past a float (a typed 9.9e400) the largest float of that sign, so the side is kept; unknown: null
            row["gap"] = None if math.isnan(c.gap) else max(-sys.float_info.max, min(sys.float_info.max, c.gap))
            rows.append(row)
        return {"format": FORMAT, "version": VERSION, "checks": rows,
                "bugs": [{"planted": p, "named": n} for p, n in self._bugs]}

    @classmethod
    def from_data(cls, data: object, source: str = "practice") -> PracticeBook:
        """A book from :meth:`to_data`'s output; ``DataError`` naming ``source`` and the key of anything
        malformed (and no book then)."""
        if not isinstance(data, Mapping):
            raise bad_value(source, "(top level)", Phrase(QT_TRANSLATE_NOOP("Errors", "an object")), data)
        if data.get("format") != FORMAT:
            raise bad_value(source, "format", repr(FORMAT), data.get("format"))
        if data.get("version") != VERSION or isinstance(data.get("version"), bool):
            raise bad_value(source, "version", str(VERSION), data.get("version"))
        rows = data.get("checks")
        if not isinstance(rows, list):
            raise bad_value(source, "checks", Phrase(QT_TRANSLATE_NOOP("Errors", "a list")), rows)
        book = cls()
        for n, row in enumerate(rows):
            book.keep(_check_from(row, source, f"checks[{n}]"))
        bugs = data.get("bugs", [])
        if not isinstance(bugs, list):
            raise bad_value(source, "bugs", Phrase(QT_TRANSLATE_NOOP("Errors", "a list")), bugs)
        for n, bug in enumerate(bugs):
            if not isinstance(bug, Mapping):
                raise bad_value(source, f"bugs[{n}]", Phrase(QT_TRANSLATE_NOOP("Errors", "an object")), bug)
            for field in ("planted", "named"):
                if bug.get(field) not in RULES:
                    raise bad_value(source, f"bugs[{n}].{field}", Phrase(
                        QT_TRANSLATE_NOOP("Errors", "one of {choices}"), choices=", ".join(RULES)), bug.get(field))
            book._bugs.append((bug["planted"], bug["named"]))
        return book


_EXPECTED = {"iteration": Phrase(QT_TRANSLATE_NOOP("Errors", "a whole number ≥ 0")),
             "right": Phrase(QT_TRANSLATE_NOOP("Errors", "true or false")),
             "value": Phrase(QT_TRANSLATE_NOOP("Errors", "a finite number")),
             "gap": Phrase(QT_TRANSLATE_NOOP("Errors", "a finite number or null")),
             "mistakes": Phrase(QT_TRANSLATE_NOOP("Errors", "a list")),
             **{name: Phrase(QT_TRANSLATE_NOOP("Errors", "text")) for name in ("iteration_id", "key", "quantity",
                                                                               "text")}}


class _ShownEnv(cf.RecordEnv):
    """The record's numbers as the window writes them: each rounded to ``digits`` significant digits."""

    def __init__(self, record: IterationRecord, activations: tuple[str, ...], digits: int) -> None:
        super().__init__(record, activations)
        self.digits = digits

    def value(self, kind: str, layer: int, indices: tuple[int, ...], sample: int) -> float:
        return float(f"{super().value(kind, layer, indices, sample):.{self.digits}g}")


def _from_shown(text: str, cell: Cell, record: IterationRecord, activations: tuple[str, ...], digits: int,
                verdict: Verdict) -> Verdict:
    """``verdict`` made right when ``text`` is the cell computed from the numbers as shown at ``digits``
    (or lies between that and the true value): working from the numbers on screen is not wrong."""
    try:
        shown = float(cell.formula.rhs.evaluate(_ShownEnv(record, activations, digits), {"k": 1}))
        alt = grade(text, shown)
    except (ArithmeticError, ValueError):
        return verdict
    typed = float(verdict.answer.value)
    between = min(shown, cell.value) <= typed <= max(shown, cell.value)
    return dataclasses.replace(verdict, right=True) if alt.right or between else verdict


def _check_from(row: object, source: str, where: str) -> Check:
    if not isinstance(row, Mapping):
        raise bad_value(source, where, Phrase(QT_TRANSLATE_NOOP("Errors", "an object")), row)
    values: dict[str, Any] = {}
    for name, kind in _FIELDS:
        value: Any = row.get(name)
        ok = isinstance(value, kind) and not (isinstance(value, bool) and name != "right")
        if ok and name == "iteration":
            ok = value >= 0
        if ok and name in ("value", "gap") and value is not None:
            try:  # an integer beyond a float, or an infinite gap, is no number a check holds
                ok = math.isfinite(float(value))
            except OverflowError:
                ok = False
        if not ok:
            raise bad_value(source, f"{where}.{name}", _EXPECTED[name], value)
        values[name] = value
    gap = values["gap"]
    values["gap"] = math.nan if gap is None else float(gap)
    values["value"] = float(values["value"])
    names = values["mistakes"]
    for k, name in enumerate(names):
        if not isinstance(name, str) or name not in MISTAKE_TEXTS:
            choices = ", ".join(sorted(MISTAKE_TEXTS))
            raise bad_value(source, f"{where}.mistakes[{k}]",
                            Phrase(QT_TRANSLATE_NOOP("Errors", "one of {choices}"), choices=choices), name)
    values["mistakes"] = tuple(names)
    return Check(**values)
