"""Refresh the Chinese translation source and build the shipped .qm file.

    python tools/update_translations.py          # lupdate: new strings into the .ts (kept translations stay)
    python tools/update_translations.py --build  # also lrelease: .ts → .qm (shipped in resources/)

The .ts is the source a translator edits; the .qm is what the app loads.
The test suite fails if a translatable string lacks its Chinese translation.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "bpgui_zh_CN.ts"


def sources() -> list[str]:
    # The model marks its error templates with QT_TRANSLATE_NOOP("Errors", …) (no Qt import);
    # the views and the controller call tr()/translate().
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "bpgui").rglob("*.py"))


def main() -> int:
    subprocess.run(["pyside6-lupdate", *sources(), "-no-obsolete", "-target-language", "zh_CN", "-ts", str(TS)],
                   cwd=ROOT, check=True)
    if "--build" in sys.argv:
        subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
