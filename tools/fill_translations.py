"""Fill unfinished entries of the Chinese .ts from a table of translations (source → translation).

    python tools/fill_translations.py FILE.json   # {"English source": "中文", ...}

Edits the .ts as text (keeps lupdate's layout); only entries still marked
unfinished are touched. Run tools/update_translations.py --build after it.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "bpgui_zh_CN.ts"


def main() -> int:
    table = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    text = TS.read_text(encoding="utf-8")
    done = 0
    for source, translation in table.items():
        # lupdate writes ' as &apos; and " as &quot;; an unfinished entry may hold a guess.
        escaped = html.escape(source, quote=False).replace("'", "&apos;").replace('"', "&quot;")
        comments = r"(?:<(?:extra)?comment>.*?</(?:extra)?comment>\s*)*"
        pattern = re.compile(r"(<source>" + re.escape(escaped) + r"</source>\s*" + comments + r")"
                             r"<translation type=\"unfinished\">[^<]*</translation>", re.S)
        filled = "<translation>" + html.escape(translation, quote=False) + "</translation>"
        text, n = pattern.subn(lambda m, filled=filled: m.group(1) + filled, text)
        done += n
    TS.write_text(text, encoding="utf-8")
    print(f"filled {done} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
