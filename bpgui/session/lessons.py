"""Lessons: the note's story as data files, each step setting the app's state and saying what to look at.

```
{"format": "bpgui.lesson", "version": 1,
 "title": {"en": "Why XOR needs a hidden layer", "zh_CN": "为什么异或需要隐层"},
 "steps": [
   {"title": {"en": "…", "zh_CN": "…"},
    "text": {"en": "What to look at.\\n\\n- what to try", "zh_CN": "…"},
    "state": {"example": "xor", "settings": {"learning_rate": 0.5}, "steps": 40, "phase": 2,
              "select": "v_11", "tab": "curve", "predict": false},
    "expect": {"t": 40, "phase": 2}}]}
```

A step's ``state`` is absolute: it starts from the example named (or the default settings), changes the
``settings`` given (every key a settings-panel key; ``data`` a built-in set), optionally uses a fixed
``network`` (a network file's object), then goes ``steps`` iterations and ``phase`` phases into the next and
selects the parameter named as ``trace`` names it (``v_11``, ``θ_1``). The window's part: ``tab`` (the right
panel: ``curve`` or ``learned``), ``perceptron`` (the perceptron lab on ``and``/``or``/``not``/``xor`` and
``perceptron_steps`` of its steps) and ``predict`` (Practice → Predict). ``expect`` is what the step's tests
check it reaches. Texts are plain paragraphs (blank lines between) and ``- `` bullets, in English and Chinese
(``zh_CN``), both required. Reading is strict: anything else is refused naming the key, and nothing changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model.builtin_data import BUILTIN_NAMES
from ..model.errors import QT_TRANSLATE_NOOP, DataError, Phrase, bad_value
from ..model.fileformat import network_from_dict, read_json_document
from ..model.naming import parameter_specs
from ..model.network import Network
from .settings import EXAMPLES, Settings, readable_setting

__all__ = ["FORMAT", "LANGUAGES", "Lesson", "LessonState", "LessonStep", "lesson_from_data", "parameter_named",
           "read_lesson"]

FORMAT = "bpgui.lesson"
VERSION = 1
LANGUAGES = ("en", "zh_CN")
TABS = ("curve", "learned")
PERCEPTRON_PROBLEMS = ("and", "or", "not", "xor")
MAX_STEPS = 100_000  # iterations a step may ask for (a lesson opens in a moment, not a minute)
MAX_LESSON_STEPS = 200
MAX_TEXT = 20_000
_TOO_DEEP = QT_TRANSLATE_NOOP("Errors", "{file}: nested too deeply to be a lesson")


@dataclass(frozen=True)
class LessonState:
    example: str | None = None
    settings: tuple[tuple[str, Any], ...] = ()
    network: Network | None = None
    steps: int = 0
    phase: int = 0
    select: str | None = None
    tab: str | None = None
    perceptron: str | None = None
    perceptron_steps: int = 0
    predict: bool = False

    def settings_for(self) -> Settings:
        """The settings the step trains with: the example's (or the defaults) with ``settings`` changed."""
        base = EXAMPLES[self.example] if self.example is not None else Settings()
        return dataclasses.replace(base, **dict(self.settings))


@dataclass(frozen=True)
class LessonStep:
    title: Mapping[str, str]
    text: Mapping[str, str]
    state: LessonState
    expect: Mapping[str, Any]


@dataclass(frozen=True)
class Lesson:
    title: Mapping[str, str]
    steps: tuple[LessonStep, ...]
    source: str

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title["en"]


def parameter_named(layer_sizes: Sequence[int], name: str) -> int | None:
    """The canonical index of the parameter ``trace`` calls ``name`` (``v_11``, ``θ_1``) or drawn so."""
    for index, spec in enumerate(parameter_specs(layer_sizes)):
        if name in (spec.name, spec.symbol.unicode):
            return index
    return None


def _object(source: str, key: str, value: object, required: Sequence[str], optional: Sequence[str] = ()) -> Mapping:
    if not isinstance(value, Mapping):
        raise bad_value(source, key or "(top level)", Phrase(QT_TRANSLATE_NOOP("Errors", "an object")), value)
    for name in value:
        if name not in required and name not in optional:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: unknown key (allowed: {allowed})"),
                            source=source, key=f"{key}.{name}" if key else str(name),
                            allowed=", ".join([*required, *optional]))
    for name in required:
        if name not in value:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: missing"), source=source,
                            key=f"{key}.{name}" if key else name)
    return value


def _texts(source: str, key: str, value: object) -> dict[str, str]:
    texts = _object(source, key, value, LANGUAGES)
    for language in LANGUAGES:
        text = texts[language]
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT or "\0" in text:
            raise bad_value(source, f"{key}.{language}", Phrase(
                QT_TRANSLATE_NOOP("Errors", "text of at most {limit} characters"), limit=f"{MAX_TEXT:,}"), text)
    return {language: texts[language] for language in LANGUAGES}


def _whole(source: str, key: str, value: object, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        raise bad_value(source, key, Phrase(
            QT_TRANSLATE_NOOP("Errors", "a whole number from {low} to {high}"), low=0, high=f"{high:,}"), value)
    return value


def _choice(source: str, key: str, value: object, allowed: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise bad_value(source, key, Phrase(
            QT_TRANSLATE_NOOP("Errors", "one of {choices}"), choices=", ".join(allowed)), value)
    return value


def _name(source: str, key: str, value: object) -> str | None:
    if value is not None and (not isinstance(value, str) or not 0 < len(value) <= 40):
        raise bad_value(source, key, Phrase(QT_TRANSLATE_NOOP("Errors", "a parameter's name, e.g. v_11")), value)
    return value


def _state(source: str, key: str, value: object) -> LessonState:
    keys = ("example", "settings", "network", "steps", "phase", "select", "tab", "perceptron", "perceptron_steps",
            "predict")
    data = _object(source, key, value, (), keys)
    example = None if data.get("example") is None else _choice(source, f"{key}.example", data["example"],
                                                                tuple(EXAMPLES))
    names = [f.name for f in dataclasses.fields(Settings)]
    changes = _object(source, f"{key}.settings", data.get("settings", {}), (), names)
    settings: list[tuple[str, Any]] = []
    for name, item in changes.items():
        if not readable_setting(name, item) or (name == "data" and item.strip().casefold() != item):
            raise bad_value(source, f"{key}.settings.{name}", Phrase(
                QT_TRANSLATE_NOOP("Errors", "a value the settings panel offers")), item)
        settings.append((name, tuple(item) if name == "hidden" else
                         float(item) if isinstance(item, int) and name in ("learning_rate", "test_fraction",
                                                                           "target_error") else item))
    network = None
    if data.get("network") is not None:
        network = network_from_dict(data["network"], f"{source}: {key}.network").network
    predict = data.get("predict", False)
    if not isinstance(predict, bool):
        raise bad_value(source, f"{key}.predict", Phrase(QT_TRANSLATE_NOOP("Errors", "true or false")), predict)
    state = LessonState(
        example=example, settings=tuple(settings), network=network,
        steps=_whole(source, f"{key}.steps", data.get("steps", 0), MAX_STEPS),
        phase=_whole(source, f"{key}.phase", data.get("phase", 0), 64),
        select=_name(source, f"{key}.select", data.get("select")),
        tab=None if data.get("tab") is None else _choice(source, f"{key}.tab", data["tab"], TABS),
        perceptron=None if data.get("perceptron") is None else _choice(source, f"{key}.perceptron",
                                                                       data["perceptron"], PERCEPTRON_PROBLEMS),
        perceptron_steps=_whole(source, f"{key}.perceptron_steps", data.get("perceptron_steps", 0), 10_000),
        predict=predict,
    )
    chosen = state.settings_for()  # every key checked above
    if chosen.data.strip().casefold() not in BUILTIN_NAMES:
        raise bad_value(source, f"{key}.settings.data", Phrase(
            QT_TRANSLATE_NOOP("Errors", "a built-in data set")), chosen.data)
    if state.select is not None and network is not None and parameter_named(network.layer_sizes,
                                                                            state.select) is None:
        raise bad_value(source, f"{key}.select", Phrase(
            QT_TRANSLATE_NOOP("Errors", "a parameter of the network, e.g. v_11")), state.select)
    return state


def lesson_from_data(value: object, source: str) -> Lesson:
    """A lesson from its JSON object; ``DataError`` naming ``source`` and the key of anything wrong."""
    if isinstance(value, Mapping) and value.get("format") != FORMAT:  # first: another kind of file says so
        raise bad_value(source, "format", repr(FORMAT), value.get("format"))
    data = _object(source, "", value, ("format", "version", "title", "steps"))
    version = data["version"]
    if isinstance(version, bool) or version != VERSION:
        raise bad_value(source, "version", str(VERSION), version)
    rows = data["steps"]
    if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_LESSON_STEPS:
        raise bad_value(source, "steps", Phrase(
            QT_TRANSLATE_NOOP("Errors", "a list of 1 to {limit} steps"), limit=MAX_LESSON_STEPS), rows)
    steps = []
    for n, row in enumerate(rows):
        key = f"steps[{n}]"
        step = _object(source, key, row, ("title", "text"), ("state", "expect"))
        expect = _object(source, f"{key}.expect", step.get("expect", {}), (), ("t", "phase", "selected", "data",
                                                                                "hidden", "perceptron"))
        steps.append(LessonStep(_texts(source, f"{key}.title", step["title"]), _texts(source, f"{key}.text",
                                                                                      step["text"]),
                                _state(source, f"{key}.state", step.get("state", {})), dict(expect)))
    return Lesson(_texts(source, "title", data["title"]), tuple(steps), source)


def read_lesson(path: str) -> Lesson:
    """A lesson file, validated (``DataError`` naming the file and the line, column or key)."""
    return lesson_from_data(read_json_document(path, DataError, _TOO_DEEP), path)



class LessonWalk:
    """A lesson followed: the step shown, and how each step visited looked when the learner left it.

    Next and Back are exact, as step back is: going back to a step (or forward again to one already
    visited) restores the run as the learner left it there, bit for bit (``SessionFiles.snapshot`` /
    ``restore``); a step not yet visited is set as the lesson describes it. Closing the lesson brings back
    the run the learner had before it began. ``session`` is a ``TrainingSession`` (typed loosely: this
    module is imported by it)."""

    def __init__(self, session: Any, lesson: Lesson, carried: LessonWalk | None = None) -> None:
        """``carried``: a lesson followed until now, whose learner's run (from before it) this one keeps."""
        self._session = session
        self.lesson = lesson
        self.index = -1
        self._left: dict[int, Any] = {}  # step → the run as the learner left it (a SessionDocument)
        self._before: Any
        self._path: str | None
        self._reached: str | None
        self._written = 0
        if carried is not None:
            self._before, self._path, self._reached = carried._before, carried._path, carried._reached
            self._written = carried._written
        else:
            self._before = session.snapshot()  # the learner's own run, back when the lesson closes
            self._path = session.session_path  # and the file Save writes (a step forgets it): one reached
            self._reached, self._written = session.reached_path, len(session.written)  # or written meanwhile

    @property
    def keeps_learners_run(self) -> bool:
        """Closing brings back the learner's run (not when it could not be kept: its data file changed)."""
        return self._before is not None

    @property
    def step(self) -> LessonStep:
        return self.lesson.steps[self.index]

    def visited(self, index: int) -> bool:
        """Whether going to ``index`` brings it back as the learner left it (else as the lesson sets it)."""
        return index in self._left or index == self.index

    def go(self, index: int) -> bool:
        """To step ``index``: restored as it was left, else set as the lesson says. False if refused."""
        if not 0 <= index < len(self.lesson.steps):
            return False
        if self.index >= 0:
            self._left[self.index] = self._session.snapshot()
        kept = self._left.get(index)
        done = (self._session.restore(kept, source=self.lesson.source) if kept is not None
                else self._session.apply_lesson_state(self.lesson.steps[index].state))
        if done:
            self.index = index
        return done

    def restart(self) -> bool:
        """This step again as the lesson describes it (what the learner did here is forgotten)."""
        self._left.pop(self.index, None)
        return self._session.apply_lesson_state(self.step.state)

    def close(self) -> bool:
        """Back to the run the learner had before the lesson (and to the file Save session writes)."""
        if self._before is None:
            return True

        def back() -> None:
            session, path = self._session, self._path
            if path is not None and path != self._reached and path not in session.written[self._written:]:
                path = self._reached  # a save queued as the lesson began, never written: not a file of this run
            session.session_path = session.reached_path = path

        return bool(self._session.restore(self._before, on_done=back))
