"""Whether NumPy asks the kernel for transparent huge pages for its large arrays (Linux; elsewhere it never does).

NumPy asks for huge pages (``madvise(MADV_HUGEPAGE)``) for every array of 4 MB or more. Where the kernel then
compacts memory to find them when the array is first written (THP defrag "madvise", as on the 2-core VM
measured), a new array can wait tens of milliseconds for it, at random: a Run tick of a 10^6-parameter network
(7.5 MB arrays) that computes in 3-5 ms took 20-45 ms now and then, and the window waited 50-65 ms. Huge pages
make a long pass over big arrays a little faster (an accumulated 784-128-10 × 10⁴ pass: 118 against 133 ms),
not worth a window that stalls.

* :func:`small_pages_empty`: one new array without the request (the history's arrays, which grow inside a tick).
* :func:`small_pages_from_now`: no request from now on, in this process (a session starts with it), unless the
  user chose with NumPy's own ``NUMPY_MADVISE_HUGEPAGE``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping

import numpy as np
from numpy.typing import DTypeLike

__all__ = ["small_pages_empty", "small_pages_from_now"]

# NumPy's switch (private: absent, nothing is switched). Returns what it was.
_set_madvise_hugepage: Callable[[bool], bool] | None = getattr(
    importlib.import_module("numpy._core.multiarray"), "_set_madvise_hugepage", None)


def small_pages_empty(n: int, dtype: DTypeLike) -> np.ndarray:
    """``np.empty(n, dtype)`` without NumPy's request for transparent huge pages, which is left as it was. A
    thinning writes ~10 MB of new arrays inside a Run tick: with the request that took 15 ms an array against 5."""
    if _set_madvise_hugepage is None:
        return np.empty(n, dtype=dtype)
    before = _set_madvise_hugepage(False)
    try:
        return np.empty(n, dtype=dtype)
    finally:
        _set_madvise_hugepage(before)


def small_pages_from_now(environ: Mapping[str, str] = os.environ) -> bool:
    """No huge-page request for NumPy's new arrays from now on, in this process; not when ``environ`` holds
    ``NUMPY_MADVISE_HUGEPAGE`` (NumPy read it: the user's choice stands). True if it switched them off."""
    if _set_madvise_hugepage is None or "NUMPY_MADVISE_HUGEPAGE" in environ:
        return False
    _set_madvise_hugepage(False)
    return True
