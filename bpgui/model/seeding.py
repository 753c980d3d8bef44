"""Every random choice flows from one integer seed.

Each use gets its own stream, ``default_rng([seed, purpose, ...])``, so that
initialising the weights never shifts the order in which samples are drawn,
drawing a data set never decides which rows are held out for testing, and
nothing ever touches NumPy's global random state.

The purposes are fixed numbers: changing one changes every stream drawn for
it, so a new use takes a new number rather than reusing one.

* ``INIT`` - the initial weights and thresholds of a network;
* ``ORDER`` - the order in which training visits the samples
  (``extra``: the block of epochs);
* ``SPLIT`` - which rows a train/test split holds out;
* ``DATA`` - the points of a generated built-in data set
  (``extra``: the set's number in :data:`DATA_SETS`).
"""

from __future__ import annotations

import numpy as np

__all__ = ["DATA", "DATA_SETS", "INIT", "ORDER", "SPLIT", "rng_for"]

INIT = 1
ORDER = 2
SPLIT = 3
DATA = 4

#: The number of each generated data set's own stream under ``DATA``.
DATA_SETS: dict[str, int] = {"circle": 1, "gauss": 2, "spiral": 3, "moons": 4, "sine": 5}


def rng_for(seed: int, purpose: int, *extra: int) -> np.random.Generator:
    """A generator for one purpose (``INIT``, ``ORDER``, ``SPLIT``, ``DATA``) of ``seed``."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    return np.random.default_rng([int(seed), purpose, *map(int, extra)])
