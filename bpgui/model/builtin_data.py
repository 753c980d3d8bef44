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
from bpgui.model.dataset import CLASSIFICATION, REGRESSION, Dataset, check_seed
from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError
from bpgui.model.seeding import DATA, DATA_SETS, rng_for
from bpgui.paths import resource_path

__all__ = ["BUILTIN_NAMES", "load_builtin", "load_dataset"]

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

_WATERMELON_FILES = {
    "watermelon3.0": "watermelon3.0.csv",
    "watermelon3.0alpha": "watermelon3.0alpha.csv",
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
    name: str, *, seed: int = 0, n_samples: int = 200, noise: float = 0.1
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
      :func:`load_csv` (id column dropped; classes ("否", "是")).
    * ``circle``, ``gauss``, ``spiral``, ``moons``, ``sine``: see the
      ``_make_*`` functions of this module for the geometry and ranges.

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
    if key in _LOGIC_TABLES:
        inputs, targets = _LOGIC_TABLES[key]
        d = len(inputs[0])
        return Dataset(
            name=key,
            inputs=np.array(inputs, dtype=np.float64),
            targets=np.array(targets, dtype=np.float64).reshape(-1, 1),
            feature_names=tuple(f"x_{i + 1}" for i in range(d)),
            target_names=("y_1",),
            task=CLASSIFICATION,
            class_names=("0", "1"),
            source="builtin",
        )
    if key in _WATERMELON_FILES:
        loaded = load_csv(resource_path("data", _WATERMELON_FILES[key]))
        return dataclasses.replace(loaded, name=key, source="builtin")
    return _GENERATORS[key](rng_for(seed, DATA, DATA_SETS[key]), n_samples, noise)


def load_dataset(
    name_or_path: str, *, seed: int = 0, n_samples: int = 200, noise: float = 0.1
) -> Dataset:
    """A built-in data set by name, else a CSV file by path.

    Built-in names win over files of the same name.  A string that is
    neither a built-in name nor an existing path raises :class:`DataError`
    listing the built-in names.  ``seed``, ``n_samples`` and ``noise`` are
    passed to :func:`load_builtin` and ignored for files.
    """
    if isinstance(name_or_path, str) and name_or_path.strip().casefold() in BUILTIN_NAMES:
        return load_builtin(name_or_path, seed=seed, n_samples=n_samples, noise=noise)
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
    return load_csv(name_or_path)

