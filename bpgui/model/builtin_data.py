"""The built-in data sets: truth tables, the watermelon tables, generated sets.

Built-in sets (:data:`BUILTIN_NAMES`, see :func:`load_builtin`):

* ``xor``, ``and``, ``or``, ``not`` - the four (two) rows of a truth table;
* ``watermelon3.0``, ``watermelon3.0alpha`` - the shipped CSV files of
  the textbook (Zhou Zhihua, *Machine Learning*, tables 4.3 and 4.5);
* ``circle``, ``gauss``, ``spiral``, ``moons`` - random 2-D binary
  classification sets in the spirit of TensorFlow Playground, but scaled
  to about [-1.5, 1.5] so that sigmoid units are not saturated;
* ``sine`` - 1-D regression, y = sin x + noise.

Each generated set draws only from its own stream of the seed,
``rng_for(seed, DATA, n)`` (:mod:`bpgui.model.seeding`): the same seed
gives bitwise identical arrays, the stream is not the one a train/test
split of the same seed uses, and the global NumPy random state is never
touched.

This module is pure NumPy + standard library: it must never import Qt.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from pathlib import Path

import numpy as np

from bpgui.model.csv_import import load_csv
from bpgui.model.dataset import (
    CLASSIFICATION,
    LABEL_AUTO,
    LABEL_NUMBER,
    REGRESSION,
    Dataset,
    LabelReading,
    check_label_type,
    check_seed,
)
from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError
from bpgui.model.seeding import DATA, DATA_SETS, rng_for
from bpgui.paths import resource_path

__all__ = ["BUILTIN_NAMES", "LANGUAGES", "load_builtin", "load_dataset"]

BUILTIN_NAMES: tuple[str, ...] = (
    "xor",
    "and",
    "or",
    "not",
    "watermelon3.0",
    "watermelon3.0alpha",
    "circle",
    "gauss",
    "spiral",
    "moons",
    "sine",
)

_LOGIC_TABLES: dict[str, tuple[list[list[float]], list[float]]] = {
    "xor": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]),
    "and": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]),
    "or": ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1]),
    "not": ([[0], [1]], [1, 0]),
}

#: The languages of the watermelon tables: the shipped file of each.
LANGUAGES = ("zh_CN", "en")

_WATERMELON_FILES = {
    ("watermelon3.0", "zh_CN"): "watermelon3.0.csv",
    ("watermelon3.0", "en"): "watermelon3.0.en.csv",
    ("watermelon3.0alpha", "zh_CN"): "watermelon3.0alpha.csv",
    ("watermelon3.0alpha", "en"): "watermelon3.0alpha.en.csv",
}

_MAX_SAMPLES = 1_000_000


def _check_builtin_parameters(seed: object, n_samples: object, noise: object) -> tuple[int, int, float]:
    """``(seed, n_samples, noise)`` as int, int, float, or :class:`DataError` naming the bad one."""
    seed = check_seed(seed)
    if (
        isinstance(n_samples, bool)
        or not isinstance(n_samples, numbers.Integral)
        or not 2 <= int(n_samples) <= _MAX_SAMPLES
    ):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "n_samples must be a whole number from 2 to {most}, not {n_samples}"),
            most=_MAX_SAMPLES, n_samples=repr(n_samples),
        )
    if (
        isinstance(noise, bool)
        or not isinstance(noise, numbers.Real)
        or not math.isfinite(noise)
        or noise < 0
    ):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "noise must be a finite number >= 0, not {noise}"),
            noise=repr(noise),
        )
    return seed, int(n_samples), float(noise)


def _table_language(language: object) -> str:
    """The watermelon table for a window language: Chinese for ``zh*``, English for any other code."""
    if not isinstance(language, str) or not language.strip():
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "the language must be a language code such as en or zh_CN, not {language}"),
            language=repr(language),
        )
    return "zh_CN" if language.strip().casefold().replace("-", "_").startswith("zh") else "en"


def _with_label_type(data: Dataset, label_type: str) -> Dataset:
    """A built-in set read as ``label_type``: binary classes may be read as a number, not the reverse."""
    label_type = check_label_type(label_type)
    inferred = label_type == LABEL_AUTO
    if label_type in (LABEL_AUTO, data.label_type):
        reading = LabelReading(
            data.target_names[0], data.label_type, inferred, "builtin" if inferred else "chosen",
            len(np.unique(data.targets[:, 0])),
        )
        return dataclasses.replace(data, label=reading)
    if label_type == LABEL_NUMBER:
        reading = LabelReading(data.target_names[0], LABEL_NUMBER, False, "chosen", len(np.unique(data.targets)))
        return dataclasses.replace(data, task=REGRESSION, class_names=(), label=reading)
    raise DataError(
        QT_TRANSLATE_NOOP(
            "Errors", "built-in data set {name} has numeric targets; they cannot be read as classes"
        ),
        name=repr(data.name),
    )


def _binary_2d(
    name: str, points: np.ndarray, labels: np.ndarray, rng: np.random.Generator
) -> Dataset:
    """Shuffle rows with ``rng`` and wrap a 2-D binary classification set."""
    order = rng.permutation(points.shape[0])
    return Dataset(
        name=name,
        inputs=points[order],
        targets=labels[order].reshape(-1, 1),
        feature_names=("x_1", "x_2"),
        target_names=("y_1",),
        task=CLASSIFICATION,
        class_names=("0", "1"),
        source="builtin",
    )


def _class_sizes(n_samples: int) -> tuple[int, int]:
    """(negatives, positives): balanced, an odd extra row goes to class 0."""
    positives = n_samples // 2
    return n_samples - positives, positives


def _make_circle(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Class 1 in the disc r <= 0.5, class 0 in the ring 0.7 <= r <= 1.0.

    Radius and angle are uniform; each coordinate then gets Gaussian jitter
    of standard deviation ``noise``.  Without noise the points lie in
    [-1, 1]², with the default noise 0.1 within about [-1.3, 1.3]².
    """
    n0, n1 = _class_sizes(n_samples)
    radius = np.concatenate([rng.uniform(0.7, 1.0, n0), rng.uniform(0.0, 0.5, n1)])
    angle = rng.uniform(0.0, 2.0 * np.pi, n_samples)
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    points = points + noise * rng.normal(size=points.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("circle", points, labels, rng)


def _make_gauss(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Two round Gaussian blobs: class 1 around (0.5, 0.5), class 0 around (-0.5, -0.5).

    The standard deviation of each coordinate is ``0.2 + noise`` (0.3 by
    default), so most points lie within about [-1.4, 1.4]².
    """
    n0, n1 = _class_sizes(n_samples)
    centres = np.concatenate([np.full((n0, 2), -0.5), np.full((n1, 2), 0.5)])
    points = centres + (0.2 + noise) * rng.normal(size=centres.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("gauss", points, labels, rng)


def _make_spiral(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Two interleaved spirals of 1.75 turns each, radius growing from 0 to 1.

    A point at parameter t ~ U[0, 1] sits at radius t and angle
    1.75·2π·t (class 1) or that plus π (class 0); each coordinate then gets
    Gaussian jitter of standard deviation ``noise``.  Points lie within
    [-1, 1]² before the jitter.
    """
    n0, n1 = _class_sizes(n_samples)
    t = rng.uniform(0.0, 1.0, n_samples)
    shift = np.concatenate([np.full(n0, np.pi), np.zeros(n1)])
    angle = 1.75 * 2.0 * np.pi * t + shift
    points = np.column_stack([t * np.sin(angle), t * np.cos(angle)])
    points = points + noise * rng.normal(size=points.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("spiral", points, labels, rng)


def _make_moons(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Two interleaving half circles of radius 1 (as scikit-learn's ``make_moons``).

    Class 0 is the upper moon (cos θ, sin θ), class 1 the lower one
    (1 - cos θ, 0.5 - sin θ), θ ~ U[0, π]; the picture is then centred by
    subtracting (0.5, 0.25), so without noise x ∈ [-1.5, 1.5] and
    y ∈ [-0.75, 0.75].  Each coordinate gets Gaussian jitter of standard
    deviation ``noise``.
    """
    n0, n1 = _class_sizes(n_samples)
    theta = rng.uniform(0.0, np.pi, n_samples)
    t0, t1 = theta[:n0], theta[n0:]
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    points = np.concatenate([upper, lower]) - np.array([0.5, 0.25])
    points = points + noise * rng.normal(size=points.shape)
    labels = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _binary_2d("moons", points, labels, rng)


def _make_sine(rng: np.random.Generator, n_samples: int, noise: float) -> Dataset:
    """Regression: x ~ U[-π, π], y = sin x + noise·N(0, 1) (rows not sorted)."""
    x = rng.uniform(-np.pi, np.pi, n_samples)
    y = np.sin(x) + noise * rng.normal(size=n_samples)
    return Dataset(
        name="sine",
        inputs=x.reshape(-1, 1),
        targets=y.reshape(-1, 1),
        feature_names=("x_1",),
        target_names=("y_1",),
        task=REGRESSION,
        class_names=(),
        source="builtin",
    )


_GENERATORS = {
    "circle": _make_circle,
    "gauss": _make_gauss,
    "spiral": _make_spiral,
    "moons": _make_moons,
    "sine": _make_sine,
}


def load_builtin(
    name: str,
    *,
    seed: int = 0,
    n_samples: int = 200,
    noise: float = 0.1,
    language: str = "zh_CN",
    label_type: str = LABEL_AUTO,
) -> Dataset:
    """One of the built-in data sets listed in :data:`BUILTIN_NAMES`.

    ``name`` is matched ignoring case and surrounding spaces.  ``seed``,
    ``n_samples`` and ``noise`` only affect the random sets (circle, gauss,
    spiral, moons, sine) but are checked for every name: ``seed`` a whole
    number >= 0, ``n_samples`` from 2 to 1,000,000, ``noise`` finite and
    >= 0.  Random classification sets have ``n_samples`` rows, half of each
    class (an odd extra row is class 0), in shuffled order; inputs are
    named ("x_1", "x_2"), the target ("y_1",), classes ("0", "1").

    * ``xor``/``and``/``or``: inputs (0,0), (0,1), (1,0), (1,1) in that order;
      ``not``: inputs (0,), (1,) with targets 1, 0.
    * ``watermelon3.0``/``watermelon3.0alpha``: the shipped CSV files read by
      :func:`load_csv` (id column dropped) in ``language``: ``"zh_CN"``
      (the default; any code starting with ``zh``) has Chinese feature
      names and classes ("否", "是"), any other code the English file
      (classes ("no", "yes")).  The numbers are the same in both.
    * ``circle``, ``gauss``, ``spiral``, ``moons``, ``sine``: see the
      ``_make_*`` functions of this module for the geometry and ranges.

    ``label_type`` (``"auto"``, ``"classes"``, ``"number"``): the
    classification sets may be read as a number (one output, the 0/1
    targets as values); the regression set ``sine`` cannot be read as
    classes.  The set's ``label`` records the choice.  Display names for
    the window: ``bpgui.session.data_notes.BUILTIN_DISPLAY_NAMES``.

    Raises :class:`DataError` for an unknown name (listing the built-in
    names) or an invalid parameter.
    """
    key = name.strip().casefold() if isinstance(name, str) else None
    if key not in BUILTIN_NAMES:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "unknown built-in data set {name}; the built-in data sets are: {names}"),
            name=repr(name), names=", ".join(BUILTIN_NAMES),
        )
    seed, n_samples, noise = _check_builtin_parameters(seed, n_samples, noise)
    label_type = check_label_type(label_type)
    table_language = _table_language(language)
    if key in _LOGIC_TABLES:
        inputs, targets = _LOGIC_TABLES[key]
        d = len(inputs[0])
        logic = Dataset(
            name=key,
            inputs=np.array(inputs, dtype=np.float64),
            targets=np.array(targets, dtype=np.float64).reshape(-1, 1),
            feature_names=tuple(f"x_{i + 1}" for i in range(d)),
            target_names=("y_1",),
            task=CLASSIFICATION,
            class_names=("0", "1"),
            source="builtin",
        )
        return _with_label_type(logic, label_type)
    if (key, table_language) in _WATERMELON_FILES:
        loaded = load_csv(resource_path("data", _WATERMELON_FILES[key, table_language]))
        return _with_label_type(dataclasses.replace(loaded, name=key, source="builtin"), label_type)
    return _with_label_type(_GENERATORS[key](rng_for(seed, DATA, DATA_SETS[key]), n_samples, noise), label_type)


def load_dataset(
    name_or_path: str,
    *,
    seed: int = 0,
    n_samples: int = 200,
    noise: float = 0.1,
    language: str = "zh_CN",
    label_type: str = LABEL_AUTO,
) -> Dataset:
    """A built-in data set by name, else a CSV file by path.

    Built-in names win over files of the same name.  A string that is
    neither a built-in name nor an existing path raises :class:`DataError`
    listing the built-in names.  ``seed``, ``n_samples``, ``noise`` and
    ``language`` are passed to :func:`load_builtin` and ignored for files;
    ``label_type`` (``"auto"``, ``"classes"``, ``"number"``) is passed to
    both :func:`load_builtin` and :func:`load_csv`.
    """
    label_type = check_label_type(label_type)
    if isinstance(name_or_path, str) and name_or_path.strip().casefold() in BUILTIN_NAMES:
        return load_builtin(
            name_or_path, seed=seed, n_samples=n_samples, noise=noise, language=language, label_type=label_type
        )
    try:
        exists = Path(name_or_path).exists()
    except (TypeError, ValueError, OSError):
        exists = False
    if not exists:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Errors", "{file}: not a built-in data set and no such file; the built-in data sets are: {names}"
            ),
            file=str(name_or_path), names=", ".join(BUILTIN_NAMES),
        )
    return load_csv(name_or_path, label_type=label_type)

