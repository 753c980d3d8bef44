"""Every random choice flows from one integer seed.

Each use gets its own stream, ``default_rng([seed, purpose, ...])``, so that
initialising the weights never shifts the order in which samples are drawn,
and nothing ever touches NumPy's global random state.
"""

from __future__ import annotations

import numpy as np

INIT = 1
ORDER = 2
SPLIT = 3


def rng_for(seed: int, purpose: int, *extra: int) -> np.random.Generator:
    """A generator for one purpose (``INIT``, ``ORDER``, ``SPLIT``) of ``seed``."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    return np.random.default_rng([int(seed), purpose, *map(int, extra)])
