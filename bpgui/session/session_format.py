"""The session file: a whole run, so that opening it shows the same iteration, bit for bit.

```
{"format": "bpgui.session", "version": 1,
 "settings": {"hidden": [2], "mode": "standard", "learning_rate": 1.0, ...},   (every Settings field but data)
 "data": {"builtin": "xor"}  or  {"csv": "<the file's text>", "name": "melons.csv", "path": "/home/…/melons.csv"},
 "start": {"network": {a network file's object}, "mode": "standard", "learning_rate": 1.0,
           "batch_size": 8, "shuffle": true},
 "changes": [{"t": 40, "epoch": 10, "cursor": 0, "mode": "standard", "learning_rate": 0.5,
              "batch_size": 8, "shuffle": true, "parameters": [[3, 0.25]]}],
 "end": 120, "t": 100, "phase": 2,
 "marks": [{"t": 40, "label": "η = %1", "args": ["0.5"]}],
 "selected": -1, "state_sha256": "…",
 "bug": null  or  {"rule": "eta_twice", "settings": {…}, "start": {"mode": …, …}, "changes": […], "end": 9, "t": 9,
                   "marks": […]},
 "practice": {a practice book, PracticeBook.to_data()},
 "runs": [{"name": "A", "colour": 0, "origin": null, "shown": true},            (only with forks: 2 to 4)
          {"name": "B", "colour": 1, "origin": ["A", 30], "settings": {…}, "start": {"network": null, "mode": …},
           "changes": […], "end": 80, "t": 80, "marks": […]}]}
```

Training is a function of where it starts (``start``: iteration 0's network and settings), the data, the seed
and the changes made by hand on the way (``changes``: at iteration t the state became this epoch, cursor and
settings, with these parameters set), so the file keeps those and opening it replays them up to ``end`` and
goes to ``t``: the same arithmetic, the same bits. ``parameters`` lists only the values that differ from the
replayed state at t, each written with ``repr`` precision. ``marks`` are the error curve's notes where a
setting changed (their templates are the app's own, refused otherwise). ``phase`` is the phase of iteration
t + 1 shown (null: whole iterations). ``state_sha256`` is the parameters'
bytes at t: opening says so if a replay on another machine gave other bits. ``bug`` is the run a planted bug
trains (``model.practice``), from the same iteration 0's network, kept as the real run is; the real run is the
one at the top level. ``runs`` lists the session's runs side by side (issue 14's forks) in their order: the
one ``shown`` is the top level's; each other is kept as the top level is (``start.network`` null: the top
level's iteration 0 network), replayed on its own with the same data and seed.

Reading is strict: anything but a session this version wrote, of any type or size, is refused with a
``DataError`` that names the key (``changes[2].parameters[0]``), and nothing is changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model.builtin_data import BUILTIN_NAMES
from ..model.errors import QT_TRANSLATE_NOOP, BpguiError, DataError, Phrase, bad_value
from ..model.fileformat import network_from_dict, network_to_dict
from ..model.iteration import TrainingState
from ..model.network import Network
from ..model.practice.planted import RULES
from ..model.training_config import MODES, TrainingConfig
from .messages import Message
from .settings import FORK_LABELS, MODE_NAMES, Settings, change_labels, readable_setting

__all__ = ["FORMAT", "VERSION", "Change", "PlantedRun", "RunEntry", "SessionDocument", "document_from_data",
           "document_to_data", "state_digest"]

FORMAT = "bpgui.session"
VERSION = 1
_KEYS = {"format", "version", "settings", "data", "start", "changes", "end", "t", "phase", "per_output", "marks",
         "selected", "bug", "state_sha256", "practice", "runs"}
MAX_RUNS = 4
_CONFIG = ("mode", "learning_rate", "batch_size", "shuffle")
#: The longest run a file may ask to replay (more would hold the window for hours).
MAX_END = 100_000_000
MAX_CSV_CHARACTERS = 200_000_000


@dataclass(frozen=True)
class Change:
    """At iteration ``t`` the state became ``epoch``, ``cursor`` and ``config``, with ``parameters``
    (canonical index, value) set on the state training had reached."""

    t: int
    epoch: int
    cursor: int
    config: TrainingConfig
    parameters: tuple[tuple[int, float], ...]

    def applied_to(self, state: TrainingState) -> TrainingState:
        """``state`` (the replay at t) as the change left it."""
        flat = state.network.flat
        if self.parameters:
            flat = flat.copy()
            for index, value in self.parameters:
                flat[index] = value
            flat.setflags(write=False)
        return state._replace(epoch=self.epoch, cursor=self.cursor, config=self.config,
                              network=state.network.with_flat(flat) if self.parameters else state.network)


@dataclass(frozen=True)
class PlantedRun:
    """The run a planted bug trains, beside the real one (same data, seed and iteration 0's network)."""

    rule: str
    settings: Settings
    start_config: TrainingConfig
    changes: tuple[Change, ...]
    end: int
    t: int
    marks: tuple[tuple[int, Message], ...]
    found: bool = False  # the learner has named it


@dataclass(frozen=True)
class RunEntry:
    """One of the session's runs side by side: the shown one (``settings`` None: the top level's run) or
    another, kept as the top level is (``start_network`` None: the top level's)."""

    name: str
    colour: int
    origin: tuple[str, int] | None
    settings: Settings | None = None
    start_network: Network | None = None
    start_config: TrainingConfig | None = None
    changes: tuple[Change, ...] = ()
    end: int = 0
    t: int = 0
    marks: tuple[tuple[int, Message], ...] = ()
    differs: tuple[Message, ...] = ()  # what the fork changed from its origin (``forking.fork_differs``)


@dataclass(frozen=True)
class SessionDocument:
    settings: Settings  # ``data`` is the built-in name, or the CSV's original path (see ``csv_text``)
    csv_text: str | None  # the CSV's content when the data are a file
    csv_name: str | None
    start_network: Network
    start_config: TrainingConfig
    changes: tuple[Change, ...]
    end: int
    t: int
    marks: tuple[tuple[int, Message], ...]
    selected: int
    bug: PlantedRun | None
    state_sha256: str | None
    practice: object | None
    phase: int | None = None  # the phase of iteration t + 1 shown, mid-iteration (None: whole iterations)
    per_output: bool = False  # the phases follow one output at a time (View → Follow one output at a time)
    runs: tuple[RunEntry, ...] = ()  # with forks: every run in order (the shown one's ``settings`` None)


def state_digest(network: Network) -> str:
    """The parameters' bytes, hashed (little-endian float64 in the canonical order)."""
    return hashlib.sha256(np.ascontiguousarray(network.flat, dtype="<f8").tobytes()).hexdigest()


def differing(before: Network, after: Network) -> tuple[tuple[int, float], ...]:
    """The parameters of ``after`` whose bits differ from ``before``'s (−0.0 and 0.0 differ)."""
    a, b = before.flat.view(np.int64), after.flat.view(np.int64)
    return tuple((int(i), float(after.flat[i])) for i in np.flatnonzero(a != b))


def _config_data(config: TrainingConfig) -> dict[str, Any]:
    return {name: getattr(config, name) for name in _CONFIG}


def _message_data(message: Message) -> dict[str, Any]:
    return {"label": message.template, "args": [a if isinstance(a, int) else str(a) for a in message.args]}


def _settings_data(settings: Settings) -> dict[str, Any]:
    data = dataclasses.asdict(settings)
    data.pop("data")
    data["hidden"] = list(data["hidden"])
    return data


def _changes_data(changes: tuple[Change, ...]) -> list[dict[str, Any]]:
    return [{"t": c.t, "epoch": c.epoch, "cursor": c.cursor, **_config_data(c.config),
             "parameters": [[i, v] for i, v in c.parameters]} for c in changes]


def _planted_data(run: PlantedRun) -> dict[str, Any]:
    return {"rule": run.rule, "settings": _settings_data(run.settings), "start": _config_data(run.start_config),
            "changes": _changes_data(run.changes), "end": run.end, "t": run.t,
            "marks": [{"t": t, **_message_data(m)} for t, m in run.marks], "found": run.found}


def document_to_data(doc: SessionDocument) -> dict[str, Any]:
    """The file's JSON object (every float exact: JSON numbers written with ``repr``)."""
    path = doc.settings.data
    data: dict[str, Any] = ({"builtin": path} if doc.csv_text is None else
                            {"csv": doc.csv_text, "name": doc.csv_name or "data.csv", "path": path})
    return {
        "format": FORMAT, "version": VERSION,
        "settings": _settings_data(doc.settings),
        "data": data,
        "start": {"network": network_to_dict(doc.start_network), **_config_data(doc.start_config)},
        "changes": _changes_data(doc.changes),
        "end": doc.end, "t": doc.t, "phase": doc.phase, "per_output": doc.per_output,
        "marks": [{"t": t, **_message_data(m)} for t, m in doc.marks],
        "selected": doc.selected, "bug": None if doc.bug is None else _planted_data(doc.bug),
        "state_sha256": doc.state_sha256,
        **({} if doc.practice is None else {"practice": doc.practice}),
        **({"runs": [_run_data(r) for r in doc.runs]} if doc.runs else {}),
    }


def _run_data(run: RunEntry) -> dict[str, Any]:
    head = {"name": run.name, "colour": run.colour, "origin": None if run.origin is None else list(run.origin),
            "differs": [_message_data(m) for m in run.differs]}
    if run.settings is None or run.start_config is None:
        return {**head, "shown": True}
    return {**head, "settings": _settings_data(run.settings),
            "start": {"network": None if run.start_network is None else network_to_dict(run.start_network),
                      **_config_data(run.start_config)},
            "changes": _changes_data(run.changes), "end": run.end, "t": run.t,
            "marks": [{"t": t, **_message_data(m)} for t, m in run.marks]}


# ---- reading -------------------------------------------------------------------------------------------
def _object(source: str, key: str, value: object, keys: Sequence[str], optional: Sequence[str] = ()) -> Mapping:
    if not isinstance(value, Mapping):
        raise bad_value(source, key, Phrase(QT_TRANSLATE_NOOP("Errors", "an object")), value)
    unknown = sorted(str(k) for k in value if k not in keys and k not in optional)
    if unknown:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: unknown key (allowed: {allowed})"),
                        source=source, key=f"{key}.{unknown[0]}" if key else unknown[0],
                        allowed=", ".join(sorted([*keys, *optional])))
    for name in keys:
        if name not in value:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: missing"), source=source,
                            key=f"{key}.{name}" if key else name)
    return value


def _whole(source: str, key: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise bad_value(source, key, Phrase(
            QT_TRANSLATE_NOOP("Errors", "a whole number from {low} to {high}"), low=low, high=f"{high:,}"), value)
    return value


def _real(source: str, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(float(value)):
        raise bad_value(source, key, Phrase(QT_TRANSLATE_NOOP("Errors", "a finite number")), value)
    return float(value)


def _config(source: str, key: str, data: Mapping) -> TrainingConfig:
    mode = data["mode"]
    if mode not in MODES:
        raise bad_value(source, f"{key}.mode", Phrase(
            QT_TRANSLATE_NOOP("Errors", "one of {choices}"), choices=", ".join(MODES)), mode)
    shuffle = data["shuffle"]
    if not isinstance(shuffle, bool):
        raise bad_value(source, f"{key}.shuffle", Phrase(QT_TRANSLATE_NOOP("Errors", "true or false")), shuffle)
    eta = _real(source, f"{key}.learning_rate", data["learning_rate"])
    batch = _whole(source, f"{key}.batch_size", data["batch_size"], 1, 1_000_000)
    try:
        return TrainingConfig(mode=mode, learning_rate=eta, batch_size=batch, shuffle=shuffle)
    except BpguiError as exc:  # η ≤ 0, say
        raise bad_value(source, f"{key}.learning_rate", Phrase(
            QT_TRANSLATE_NOOP("Errors", "a number > 0")), data["learning_rate"]) from exc


def _settings(source: str, value: object, data_name: str, key: str = "settings") -> Settings:
    names = [f.name for f in dataclasses.fields(Settings) if f.name != "data"]
    data = _object(source, key, value, names)
    kept: dict[str, Any] = {"data": data_name}
    for name in names:
        item = data[name]
        if not readable_setting(name, item):
            raise bad_value(source, f"{key}.{name}", Phrase(
                QT_TRANSLATE_NOOP("Errors", "a value the settings panel offers")), item)
        kept[name] = tuple(item) if name == "hidden" else (
            float(item) if name in ("test_fraction", "learning_rate") or (name == "target_error" and item is not None)
            else item)
    return Settings(**kept)


#: The error curve's notes a file may hold: the templates the app writes (see ``settings.change_labels``).
def _known_labels() -> set[str]:
    a, b = Settings(), Settings(learning_rate=0.5, mode="minibatch", batch_size=3, shuffle=False, target_error=None,
                                max_epochs=5)
    c = Settings(target_error=0.5)
    labels = {m.template for m in change_labels(a, b) + change_labels(b, a) + change_labels(b, c)}
    return labels | set(MODE_NAMES.values()) | set(FORK_LABELS.values())


_LABELS = _known_labels()


def _label(source: str, key: str, row: Mapping) -> Message:
    """A note the app writes (``label`` one of its templates, ``args`` a short list) as a ``Message``."""
    if row["label"] not in _LABELS:
        raise bad_value(source, f"{key}.label", Phrase(
            QT_TRANSLATE_NOOP("Errors", "a note bpgui writes")), row["label"])
    args = row["args"]
    if (not isinstance(args, list) or len(args) > 2
            or not all((isinstance(a, str) and len(a) <= 40) or (isinstance(a, int) and not isinstance(a, bool))
                       for a in args)):
        raise bad_value(source, f"{key}.args", Phrase(
            QT_TRANSLATE_NOOP("Errors", "a short list of words or whole numbers")), args)
    return Message("info", row["label"], tuple(args))


def _marks(source: str, value: object, end: int, where: str = "marks") -> tuple[tuple[int, Message], ...]:
    out = []
    for n, item in enumerate(_list(source, where, value)):
        key = f"{where}[{n}]"
        row = _object(source, key, item, ("t", "label", "args"))
        out.append((_whole(source, f"{key}.t", row["t"], 0, end), _label(source, key, row)))
    return tuple(out)


def _list(source: str, key: str, value: object) -> list:
    if not isinstance(value, list):
        raise bad_value(source, key, Phrase(QT_TRANSLATE_NOOP("Errors", "a list")), value)
    return value


def _changes(source: str, value: object, n_parameters: int, end: int, where: str = "changes") -> tuple[Change, ...]:
    if not isinstance(value, list):
        raise bad_value(source, where, Phrase(QT_TRANSLATE_NOOP("Errors", "a list")), value)
    out: list[Change] = []
    for n, item in enumerate(value):
        key = f"{where}[{n}]"
        row = _object(source, key, item, ("t", "epoch", "cursor", *_CONFIG, "parameters"))
        low = out[-1].t + 1 if out else 1
        t = _whole(source, f"{key}.t", row["t"], low, end)
        epoch = _whole(source, f"{key}.epoch", row["epoch"], 0, MAX_END)
        cursor = _whole(source, f"{key}.cursor", row["cursor"], 0, MAX_END)
        params = row["parameters"]
        if not isinstance(params, list) or len(params) > n_parameters:
            raise bad_value(source, f"{key}.parameters", Phrase(
                QT_TRANSLATE_NOOP("Errors", "a list of at most {limit} [index, value]"), limit=f"{n_parameters:,}"),
                            params)
        pairs = []
        for m, pair in enumerate(params):
            at = f"{key}.parameters[{m}]"
            if not isinstance(pair, list) or len(pair) != 2:
                raise bad_value(source, at, Phrase(QT_TRANSLATE_NOOP("Errors", "[index, value]")), pair)
            pairs.append((_whole(source, at + "[0]", pair[0], 0, n_parameters - 1), _real(source, at + "[1]", pair[1])))
        out.append(Change(t, epoch, cursor, _config(source, key, row), tuple(pairs)))
    return tuple(out)


def _planted(source: str, value: object, data_name: str, n_parameters: int) -> PlantedRun:
    row = _object(source, "bug", value, ("rule", "settings", "start", "changes", "end", "t", "marks"), ("found",))
    found = row.get("found", False)
    if not isinstance(found, bool):
        raise bad_value(source, "bug.found", Phrase(QT_TRANSLATE_NOOP("Errors", "true or false")), found)
    if row["rule"] not in RULES:
        raise bad_value(source, "bug.rule", Phrase(
            QT_TRANSLATE_NOOP("Errors", "one of {choices}"), choices=", ".join(RULES)), row["rule"])
    end = _whole(source, "bug.end", row["end"], 0, MAX_END)
    return PlantedRun(
        rule=row["rule"], settings=_settings(source, row["settings"], data_name, "bug.settings"),
        start_config=_config(source, "bug.start", _object(source, "bug.start", row["start"], _CONFIG)),
        changes=_changes(source, row["changes"], n_parameters, end, "bug.changes"), end=end,
        t=_whole(source, "bug.t", row["t"], 0, end), marks=_marks(source, row["marks"], end, "bug.marks"),
        found=found)


def document_from_data(value: object, source: str) -> SessionDocument:
    """A session read back from its JSON object; ``DataError`` naming ``source`` and the key."""
    if not isinstance(value, Mapping):
        raise bad_value(source, "(top level)", Phrase(QT_TRANSLATE_NOOP("Errors", "an object")), value)
    if value.get("format") != FORMAT:  # first: another kind of file, or a newer one, says so
        raise bad_value(source, "format", repr(FORMAT), value.get("format"))
    version = value.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version != VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise DataError(QT_TRANSLATE_NOOP("Errors", "{source}: {key}: this file was written by a newer bpgui "
                                                        "(version {got}); this one reads version {version}"),
                            source=source, key="version", got=version, version=VERSION)
        raise bad_value(source, "version", str(VERSION), version)
    data = _object(source, "", value, ("format", "version", "settings", "data", "start", "changes", "end", "t"),
                   ("phase", "per_output", "marks", "selected", "bug", "state_sha256", "practice", "runs"))
    where = data["data"]
    if isinstance(where, Mapping) and "builtin" in where:
        where = _object(source, "data", where, ("builtin",))
        if (not isinstance(where["builtin"], str) or not readable_setting("data", where["builtin"])
                or where["builtin"].strip().casefold() not in BUILTIN_NAMES):
            raise bad_value(source, "data.builtin", Phrase(
                QT_TRANSLATE_NOOP("Errors", "a built-in data set's name")), where["builtin"])
        data_name, csv_text, csv_name = where["builtin"], None, None
    else:
        where = _object(source, "data", where, ("csv", "name", "path"))
        for name, limit in (("csv", MAX_CSV_CHARACTERS), ("name", 255), ("path", 4096)):
            item = where[name]
            if not isinstance(item, str) or not 0 < len(item) <= limit or "\0" in item:
                raise bad_value(source, f"data.{name}", Phrase(QT_TRANSLATE_NOOP("Errors", "text")), item)
        data_name, csv_text, csv_name = where["path"], where["csv"], where["name"]
    settings = _settings(source, data["settings"], data_name)
    start = _object(source, "start", data["start"], ("network", *_CONFIG))
    network = network_from_dict(start["network"], f"{source}: start.network").network
    if network.layer_sizes[1:-1] != settings.hidden:
        raise bad_value(source, "start.network.layers", Phrase(
            QT_TRANSLATE_NOOP("Errors", "hidden layers {hidden} as settings.hidden"), hidden=list(settings.hidden)),
                        list(network.layer_sizes))
    end = _whole(source, "end", data["end"], 0, MAX_END)
    t = _whole(source, "t", data["t"], 0, end)
    phase = None if data.get("phase") is None else _whole(source, "phase", data["phase"], 0, 1_000)
    per_output = data.get("per_output", False)
    if not isinstance(per_output, bool):
        raise bad_value(source, "per_output", Phrase(QT_TRANSLATE_NOOP("Errors", "true or false")), per_output)
    selected = _whole(source, "selected", data.get("selected", -1), -1, network.n_parameters - 1)
    bug = None if data.get("bug") is None else _planted(source, data["bug"], data_name, network.n_parameters)
    digest = data.get("state_sha256")
    if digest is not None and (not isinstance(digest, str) or len(digest) != 64
                               or any(ch not in "0123456789abcdef" for ch in digest)):
        raise bad_value(source, "state_sha256", Phrase(QT_TRANSLATE_NOOP("Errors", "64 hexadecimal digits")), digest)
    return SessionDocument(
        settings=settings, csv_text=csv_text, csv_name=csv_name, start_network=network,
        start_config=_config(source, "start", start),
        changes=_changes(source, data["changes"], network.n_parameters, end),
        end=end, t=t, marks=_marks(source, data.get("marks", []), end), selected=selected, bug=bug,
        state_sha256=digest, practice=data.get("practice"), phase=phase, per_output=per_output,
        runs=() if data.get("runs") is None else _runs(source, data["runs"], data_name, network, settings),
    )


def _runs(source: str, value: object, data_name: str, first: Network, top: Settings) -> tuple[RunEntry, ...]:
    if not isinstance(value, list) or not 2 <= len(value) <= MAX_RUNS:
        raise bad_value(source, "runs", Phrase(QT_TRANSLATE_NOOP("Errors", "a list of 2 to {most} runs"),
                                               most=MAX_RUNS), value)
    out: list[RunEntry] = []
    for n, item in enumerate(value):
        key = f"runs[{n}]"
        shown = isinstance(item, Mapping) and item.get("shown") is True
        row = _object(source, key, item, ("name", "colour", "origin", "shown") if shown else
                      ("name", "colour", "origin", "settings", "start", "changes", "end", "t", "marks"), ("differs",))
        noted = enumerate(_list(source, f"{key}.differs", row.get("differs", [])))
        differs = tuple(_label(source, f"{key}.differs[{m}]",
                               _object(source, f"{key}.differs[{m}]", d, ("label", "args"))) for m, d in noted)
        name = row["name"]
        if not isinstance(name, str) or not 0 < len(name.strip()) <= 40 or any(r.name == name for r in out):
            raise bad_value(source, f"{key}.name", Phrase(QT_TRANSLATE_NOOP("Errors", "a name of 1 to 40 "
                                                                                      "characters, not used twice")),
                            name)
        colour = _whole(source, f"{key}.colour", row["colour"], 0, MAX_RUNS - 1)
        if any(r.colour == colour for r in out):
            raise bad_value(source, f"{key}.colour", Phrase(QT_TRANSLATE_NOOP("Errors", "a colour no other run "
                                                                                        "has")), colour)
        origin = row["origin"]
        if origin is not None:
            if (not isinstance(origin, list) or len(origin) != 2 or not isinstance(origin[0], str)
                    or not 0 < len(origin[0]) <= 40):
                raise bad_value(source, f"{key}.origin", Phrase(QT_TRANSLATE_NOOP("Errors", "null or [name, t]")),
                                origin)
            origin = (origin[0], _whole(source, f"{key}.origin[1]", origin[1], 0, MAX_END))
        if shown:
            out.append(RunEntry(name, colour, origin, differs=differs))
            continue
        settings = _settings(source, row["settings"], data_name, f"{key}.settings")
        for shared in ("test_fraction", "hidden", "seed", "init", "label_type"):  # a fork shares data and shape
            if getattr(settings, shared) != getattr(top, shared):
                raise bad_value(source, f"{key}.settings.{shared}", Phrase(QT_TRANSLATE_NOOP(
                    "Errors", "settings.{name} of the run shown ({value})"), name=shared,
                    value=repr(getattr(top, shared))), getattr(settings, shared))
        start = _object(source, f"{key}.start", row["start"], ("network", *_CONFIG))
        network = None if start["network"] is None else network_from_dict(
            start["network"], f"{source}: {key}.start.network").network
        if network is not None and network.layer_sizes != first.layer_sizes:
            raise bad_value(source, f"{key}.start.network.layers", Phrase(QT_TRANSLATE_NOOP(
                "Errors", "the layers of start.network")), list(network.layer_sizes))
        trains = network or first  # the network this run trains: its hidden activation and loss are the settings'
        if any(a != settings.activation for a in trains.activations[:-1]):
            raise bad_value(source, f"{key}.settings.activation", Phrase(QT_TRANSLATE_NOOP(
                "Errors", "the activation of its network ({value})"), value=trains.activations[0]),
                settings.activation)
        if settings.loss != trains.loss:
            raise bad_value(source, f"{key}.settings.loss", Phrase(QT_TRANSLATE_NOOP(
                "Errors", "the loss of its network ({value})"), value=trains.loss), settings.loss)
        end = _whole(source, f"{key}.end", row["end"], 0, MAX_END)
        out.append(RunEntry(
            name, colour, origin, settings=settings, start_network=network,
            start_config=_config(source, f"{key}.start", start),
            changes=_changes(source, row["changes"], first.n_parameters, end, f"{key}.changes"), end=end,
            t=_whole(source, f"{key}.t", row["t"], 0, end), marks=_marks(source, row["marks"], end, f"{key}.marks"),
            differs=differs))
    if sum(r.settings is None for r in out) != 1:
        raise bad_value(source, "runs", Phrase(QT_TRANSLATE_NOOP("Errors", "exactly one run with \"shown\": "
                                                                           "true")), len(out))
    return tuple(out)
