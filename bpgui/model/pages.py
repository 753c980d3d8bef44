"""Whether NumPy asks the kernel for transparent huge pages for the large arrays made in a piece of work.

NumPy asks for huge pages (``madvise(MADV_HUGEPAGE)``) for every array of 4 MB or more (on Linux; elsewhere it
never does). Where the kernel compacts memory to find them when such an array is first written (THP defrag
"madvise", as on the 2-core VM measured), the array can wait tens of milliseconds for it, at random: a Run
tick of a 10^6-parameter network (7.5 MB arrays) that computes in 3-5 ms took 20-45 ms now and then, and the
window waited 50-65 ms. Huge pages are not switched off for the whole process: an array bigger than glibc
keeps for reuse (32 MB) is new memory each time, and in small pages costs a fault every 4 KB (a 2-1000-1
decision map: 50 ms a surface with them, 147 without).

* :func:`small_pages`: no request for the arrays made inside (Run's ticks on the window's thread); the switch
  is the process's, and nothing else computes while a tick does. NumPy's own ``NUMPY_MADVISE_HUGEPAGE``, when
  set, is the user's choice and stands.
* :func:`small_pages_empty`: one new array without the request (the history's arrays, grown inside a tick).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import numpy as np
from numpy.typing import DTypeLike

__all__ = ["small_pages", "small_pages_empty"]

# NumPy's switch (private: absent, nothing is switched). Returns what it was.
_set_madvise_hugepage: Callable[[bool], bool] | None = getattr(
    importlib.import_module("numpy._core.multiarray"), "_set_madvise_hugepage", None)


@contextmanager
def small_pages(environ: Mapping[str, str] = os.environ) -> Iterator[None]:
    """NumPy's new arrays come without the huge-page request inside, and the request is as it was after;
    nothing is switched when ``environ`` holds ``NUMPY_MADVISE_HUGEPAGE`` (NumPy read it: the user chose)."""
    switch = _set_madvise_hugepage
    if switch is None or "NUMPY_MADVISE_HUGEPAGE" in environ:
        yield
        return
    before = switch(False)
    try:
        yield
    finally:
        switch(before)


def small_pages_empty(n: int, dtype: DTypeLike) -> np.ndarray:
    """``np.empty(n, dtype)`` without NumPy's request for transparent huge pages. A thinning writes ~10 MB of
    new arrays inside a Run tick: with the request that took 15 ms an array against 5."""
    with small_pages():
        return np.empty(n, dtype=dtype)
