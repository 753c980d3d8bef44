"""What a learner sets, the worked examples, and the network those settings build.

The settings panel shows a :class:`Settings`, the Examples menu offers
:data:`EXAMPLES`, and both the window and the command line build their
networks with :func:`build_network` (one place decides the output unit and the
size limit). No Qt here. The size limits themselves are the model's
(``model.network.check_size``: network files meet them too), re-exported here.
"""

from __future__ import annotations

import dataclasses
import json
import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model.activations import ACTIVATIONS, LOSSES
from ..model.dataset import LABEL_TYPES
from ..model.datasets import Dataset
from ..model.errors import QT_TRANSLATE_NOOP, ConfigError
from ..model.network import INITIALISATIONS, MAX_HIDDEN_LAYERS, Network
from ..model.network import MAX_PARAMETERS as MAX_PARAMETERS
from ..model.network import check_size as check_size
from ..model.network import parameter_count as parameter_count
from ..model.training import DEFAULT_LEARNING_RATE, MODES
from .messages import Message


@dataclass(frozen=True)
class Settings:
    """Everything a learner sets in the settings panel (and the window remembers)."""

    data: str = "xor"  # a built-in name or a CSV path
    test_fraction: float = 0.0
    hidden: tuple[int, ...] = (2,)
    activation: str = "sigmoid"  # hidden layers; the output is sigmoid (classification) or linear
    loss: str = "squared_error"
    mode: str = "standard"
    batch_size: int = 8
    learning_rate: float = DEFAULT_LEARNING_RATE
    shuffle: bool = True
    seed: int = 0
    init: str = "uniform"
    target_error: float | None = 0.01
    max_epochs: int | None = None
    label_type: str = "auto"  # a CSV's label column: "auto", "classes" or "number"


#: The largest seed the settings panel offers (and remembers).
MAX_SEED = 2**31 - 1
#: The largest test split the settings panel offers (and remembers).
MAX_TEST_FRACTION = 0.9


def _whole(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _real(value: object) -> bool:
    """A finite real number that a float holds as it is (an integer too large for a float is not one: it would
    overflow; nor is one a float would round, such as 2⁵³ + 1: it would come back changed)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    try:
        if isinstance(value, numbers.Integral) and float(value) != value:
            return False
        return math.isfinite(value)
    except OverflowError:
        return False


def check_settings(settings: Settings) -> Settings:
    """``settings`` with plain Python numbers and a tuple of hidden sizes, or ConfigError naming the
    first value the settings panel could not show that the model does not refuse by itself.

    The model explains its own refusals of a batch size, an epoch limit, data and layer sizes when the
    network is built; this refuses what would otherwise slip through it or crash it: data that is not
    text, hidden sizes that are not a list, a test split past the panel's 0.9, a shuffle that is not
    on or off, a seed past the panel's range, a choice the network would not use (so the model would
    not check it), and an η or target error that is a truth value or an integer too large for a float.
    """
    s = settings
    if not isinstance(s.data, str):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the data set must be a built-in name or a file path, "
                                                      "got {got}"), got=_short(s.data))
    if not isinstance(s.hidden, tuple | list):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the hidden layer sizes must be a list of whole numbers, "
                                                      "got {got}"), got=_short(s.hidden))
    if not (_real(s.test_fraction) and 0 <= s.test_fraction <= MAX_TEST_FRACTION):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the test split must be a fraction from 0 to {limit}, "
                                                      "got {got}"),
                          limit=MAX_TEST_FRACTION, got=_short(s.test_fraction))
    if not isinstance(s.shuffle, bool):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "shuffle must be on or off, got {got}"), got=_short(s.shuffle))
    if not (_whole(s.seed) and 0 <= s.seed <= MAX_SEED):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the seed must be a whole number from 0 to {limit}, got {got}"),
                          limit=MAX_SEED, got=_short(s.seed))
    # A choice the network does not use (an activation without hidden layers, a loss or a label type
    # for regression) is not checked by the model, so here, mostly in the model's own words.
    choices = (
        (s.activation, ACTIVATIONS, QT_TRANSLATE_NOOP("Errors", "the activation must be one of {allowed}, got {got}")),
        (s.loss, LOSSES, QT_TRANSLATE_NOOP("Errors", "loss must be one of {allowed}, got {got}")),
        (s.mode, MODES, QT_TRANSLATE_NOOP("Errors", "mode must be one of {allowed}, got {got}")),
        (s.init, INITIALISATIONS, QT_TRANSLATE_NOOP("Errors", "init must be one of {allowed}, got {got}")),
    )
    for value, allowed, template in choices:
        if not (isinstance(value, str) and value in allowed):
            raise ConfigError(template, allowed=", ".join(allowed), got=_short(value))
    if not (isinstance(s.label_type, str) and s.label_type in LABEL_TYPES):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the label type must be one of {types}, not {label_type}"),
                          types=", ".join(LABEL_TYPES), label_type=_short(s.label_type))
    # The model's own words for these two, said before a number too large for a float reaches it.
    if not (_real(s.learning_rate) and s.learning_rate > 0):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the learning rate η must be a positive finite number, "
                                                      "got {got}"), got=_short(s.learning_rate))
    if s.target_error is not None and not (_real(s.target_error) and s.target_error >= 0):
        raise ConfigError(QT_TRANSLATE_NOOP("Errors", "the target error must be a number ≥ 0, got {got}"),
                          got=_short(s.target_error))

    def plain(value: Any) -> Any:
        """numpy's numbers as Python's (what the panel and the remembered settings hold); the model
        refuses anything else when the network is built."""
        if _whole(value):
            return int(value)
        if _real(value):
            return float(value)
        return value

    return dataclasses.replace(
        s, hidden=tuple(plain(n) for n in s.hidden),
        test_fraction=float(s.test_fraction), seed=int(s.seed), batch_size=plain(s.batch_size),
        learning_rate=float(s.learning_rate),
        target_error=None if s.target_error is None else float(s.target_error), max_epochs=plain(s.max_epochs),
    )


def _short(value: object) -> str:
    """``repr(value)``, cut short (a hostile value may be huge)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


#: Settings whose change needs a new network (and so a reset); the others
#: apply from the current iteration on.
STRUCTURAL = ("data", "test_fraction", "hidden", "activation", "loss", "seed", "init", "label_type")

#: How each structural setting is named when a change re-initialises the network.
STRUCTURAL_NAMES = {
    "data": QT_TRANSLATE_NOOP("TrainingController", "data set"),
    "test_fraction": QT_TRANSLATE_NOOP("TrainingController", "test split"),
    "hidden": QT_TRANSLATE_NOOP("TrainingController", "hidden layers"),
    "activation": QT_TRANSLATE_NOOP("TrainingController", "activation"),
    "loss": QT_TRANSLATE_NOOP("TrainingController", "loss"),
    "seed": QT_TRANSLATE_NOOP("TrainingController", "seed"),
    "init": QT_TRANSLATE_NOOP("TrainingController", "initialisation"),
    "label_type": QT_TRANSLATE_NOOP("TrainingController", "label type"),
}


def structural_changes(old: Settings, new: Settings) -> list[str]:
    """The names of the structural settings that differ between ``old`` and ``new``."""
    return [name for name in STRUCTURAL if getattr(new, name) != getattr(old, name)]


def change_labels(old: Settings, new: Settings) -> list[Message]:
    """What the error curve writes where a setting changed mid-run (η, mode, batch, shuffle, stops)."""
    labels = []
    if new.learning_rate != old.learning_rate:
        labels.append(Message("info", QT_TRANSLATE_NOOP("TrainingController", "η = %1"), (f"{new.learning_rate:g}",)))
    if new.mode != old.mode:
        labels.append(Message("info", MODE_NAMES.get(new.mode, new.mode)))
    if new.batch_size != old.batch_size and new.mode == "minibatch":
        labels.append(Message("info", QT_TRANSLATE_NOOP("TrainingController", "B = %1"), (new.batch_size,)))
    if new.shuffle != old.shuffle:
        labels.append(Message("info", QT_TRANSLATE_NOOP("TrainingController", "shuffled") if new.shuffle
                              else QT_TRANSLATE_NOOP("TrainingController", "in file order")))
    if new.target_error != old.target_error:
        labels.append(Message("info", QT_TRANSLATE_NOOP("TrainingController", "no target E"))
                      if new.target_error is None else
                      Message("info", QT_TRANSLATE_NOOP("TrainingController", "stop at E ≤ %1"),
                              (f"{new.target_error:g}",)))
    if new.max_epochs != old.max_epochs:
        labels.append(Message("info", QT_TRANSLATE_NOOP("TrainingController", "no epoch limit"))
                      if new.max_epochs is None else
                      Message("info", QT_TRANSLATE_NOOP("TrainingController", "at most %1 epochs"),
                              (new.max_epochs,)))
    return labels


#: How a training mode is named where a change is marked.
MODE_NAMES = {
    "standard": QT_TRANSLATE_NOOP("TrainingController", "standard BP"),
    "accumulated": QT_TRANSLATE_NOOP("TrainingController", "accumulated BP"),
    "minibatch": QT_TRANSLATE_NOOP("TrainingController", "mini-batch BP"),
}


#: The Examples menu: network, data and settings in one click.
EXAMPLES: dict[str, Settings] = {
    "xor": Settings(),  # the note's XOR problem, its 2-2-1 network, standard BP
    "watermelon3.0": Settings(data="watermelon3.0", hidden=(5,), target_error=None, max_epochs=300),
    "watermelon3.0alpha": Settings(data="watermelon3.0alpha", hidden=(5,), target_error=None, max_epochs=300),
}


def build_network(data: Dataset, hidden: Sequence[int], *, activation: str = "sigmoid",
                  loss: str = "squared_error", seed: int = 0, init: str = "uniform",
                  output_activation: str | None = None) -> Network:
    """A fresh network shaped for ``data``, drawn from ``seed``.

    The output unit is sigmoid for classification and linear for regression
    unless ``output_activation`` says otherwise; the automatic linear output
    takes the squared error whatever ``loss`` says. Refused with a ConfigError past :data:`MAX_PARAMETERS`.
    """
    sizes = (data.n_inputs, *hidden, data.n_outputs)
    check_size(sizes)
    if output_activation is None:
        output_activation = "sigmoid" if data.task == "classification" else "linear"
        if output_activation != "sigmoid":
            loss = "squared_error"  # cross-entropy needs a sigmoid output
    acts = (activation,) * len(hidden) + (output_activation,)
    return Network.initialise(sizes, activations=acts, loss=loss, seed=seed, init=init)


def network_for_settings(data: Dataset, settings: Settings) -> Network:
    """The network the settings panel describes, for the training set ``data``."""
    return build_network(data, settings.hidden, activation=settings.activation, loss=settings.loss,
                         seed=settings.seed, init=settings.init)


def settings_to_json(settings: Settings) -> str:
    return json.dumps(dataclasses.asdict(settings), ensure_ascii=False)


def readable_setting(name: str, value: object) -> bool:
    """Whether ``value`` is one the settings panel could show for the setting ``name``."""
    def whole(v: object, low: int, high: int) -> bool:
        return isinstance(v, int) and not isinstance(v, bool) and low <= v <= high

    real = _real  # also refuses an integer too large for a float (JSON may hold one)

    choices: dict[str, Sequence[str]] = {"activation": tuple(ACTIVATIONS), "loss": LOSSES, "mode": MODES,
                                         "init": INITIALISATIONS, "label_type": LABEL_TYPES}
    if name in choices:
        return isinstance(value, str) and value in choices[name]
    checks = {
        "data": lambda v: isinstance(v, str) and 0 < len(v) <= 4096 and "\0" not in v,
        "test_fraction": lambda v: real(v) and 0 <= v <= MAX_TEST_FRACTION,
        "hidden": lambda v: (isinstance(v, list) and len(v) <= MAX_HIDDEN_LAYERS
                             and all(whole(n, 1, MAX_PARAMETERS) for n in v)),
        "batch_size": lambda v: whole(v, 1, 1_000_000),
        "learning_rate": lambda v: real(v) and v > 0,
        "shuffle": lambda v: isinstance(v, bool),
        "seed": lambda v: whole(v, 0, MAX_SEED),
        "target_error": lambda v: v is None or (real(v) and v >= 0),
        "max_epochs": lambda v: v is None or whole(v, 1, 100_000_000),
    }
    return bool(checks[name](value))


def settings_from_json(text: str, problems: list[str] | None = None) -> Settings:
    """Settings remembered between sessions; anything unreadable falls back to the defaults.

    Never raises. A document that is not a JSON object gives the defaults; a
    setting whose value the settings panel could not show (a wrong type, a
    choice that does not exist, a number out of range) gets its default and
    the others are kept. Unknown keys (a newer version's) and missing ones (an
    older version's) are not problems. The names of the settings that were
    replaced (``"settings"`` for the whole document) are appended to ``problems``.
    """
    found: list[str] = [] if problems is None else problems
    if not text:
        return Settings()
    try:
        data = json.loads(text)
    except Exception:  # ValueError, RecursionError (deep nesting), MemoryError: never stop the window
        data = None
    if not isinstance(data, dict):
        found.append("settings")
        return Settings()
    kept: dict[str, object] = {}
    for field in dataclasses.fields(Settings):
        if field.name not in data:
            continue
        value = data[field.name]
        if not readable_setting(field.name, value):
            found.append(field.name)
        elif field.name == "hidden":
            kept["hidden"] = tuple(value)  # a list of ints, checked above
        elif field.name in ("test_fraction", "learning_rate") or (field.name == "target_error" and value is not None):
            kept[field.name] = float(value)  # a finite number, checked above
        else:
            kept[field.name] = value
    return Settings(**kept)  # type: ignore[arg-type]  # every value checked by _readable


#: What a structural fork changed, as the runs list says it (a session file keeps these templates).
FORK_LABELS = {
    "sigmoid": QT_TRANSLATE_NOOP("TrainingController", "activation sigmoid"),
    "tanh": QT_TRANSLATE_NOOP("TrainingController", "activation tanh"),
    "relu": QT_TRANSLATE_NOOP("TrainingController", "activation ReLU"),
    "linear": QT_TRANSLATE_NOOP("TrainingController", "activation linear"),
    "squared_error": QT_TRANSLATE_NOOP("TrainingController", "loss: squared error"),
    "cross_entropy": QT_TRANSLATE_NOOP("TrainingController", "loss: cross-entropy"),
}


def fork_differs(old: Settings, new: Settings) -> tuple[Message, ...]:
    """What a fork with ``new`` changes from ``old`` ("η = 2", "accumulated BP", "activation tanh")."""
    said = list(change_labels(old, new))
    if new.activation != old.activation and new.activation in FORK_LABELS:
        said.append(Message("info", FORK_LABELS[new.activation]))
    if new.loss != old.loss and new.loss in FORK_LABELS:
        said.append(Message("info", FORK_LABELS[new.loss]))
    return tuple(said)
