"""Where the shipped resources (data sets, translations, icons) live.

In a source checkout they are in ``resources/`` beside the package; an
installed wheel carries the same folder as ``bpgui/resources``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding ``data/``, ``translations/`` and ``icons/``."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "data").is_dir():
            return candidate
    raise FileNotFoundError(
        f"bpgui's resources folder was not found beside {_PACKAGE_DIR}"
    )


def resource_path(*parts: str) -> Path:
    """Path of one shipped resource, e.g. ``resource_path("data", "xor.csv")``."""
    return resources_dir().joinpath(*parts)
