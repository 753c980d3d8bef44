"""Regenerate the screenshots in docs/screens/: the window at the sizes, text scales and languages a
classroom projects it at, plus presentation mode, a forward phase with a unit's arithmetic, the chain
rule's paths, what the network learned, the error surface, each practice mode (predict, worksheet, find the
bug) and two lessons.

    python tools/docs_screenshots.py            # all of them (about a minute)
    python tools/docs_screenshots.py --list     # the file names and their commands

Each picture is ``python -m bpgui screenshot`` with the options written in its name's row below, so
anyone can make the same picture by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screens"

SIZES = ("1024x768", "1280x800", "1920x1080")
SCALES = ("1.0", "1.75")
LANGUAGES = ("en", "zh_CN")


def shots() -> list[tuple[str, list[str]]]:
    """(file name, screenshot options) for every picture."""
    found = []
    for size in SIZES:
        for scale in SCALES:
            for language in LANGUAGES:
                name = f"window-{size}-{scale.replace('.', '')}-{language}.png"
                found.append((name, ["--steps", "3", "--phase", "2", "--select", "v_11", "--size", size,
                                     "--text-scale", scale, "--language", language]))
    for language in LANGUAGES:
        found.append((f"presentation-1024x768-{language}.png",
                      ["--steps", "3", "--phase", "2", "--select", "w_11", "--size", "1024x768", "--presentation",
                       "--language", language]))
        found.append((f"learned-1280x800-{language}.png",
                      ["--steps", "2000", "--size", "1280x800", "--tab", "learned", "--language", language]))
    found.append(("watermelon-19-5-1-1280x800-en.png",
                  ["--data", "watermelon3.0", "--hidden", "5", "--steps", "3", "--size", "1280x800"]))
    found.append(("deep-2-8-4-1-1280x800-en.png", ["--hidden", "8,4", "--steps", "3", "--size", "1280x800"]))
    for size in ("1280x800", "1024x768"):  # the error surface over v_11 and w_11 with 200 iterations' path (issue 14)
        for language in LANGUAGES:
            found.append((f"surface-{size}-{language}.png",
                          ["--steps", "200", "--tab", "surface", "--select", "v_11", "--select2", "w_11", "--size",
                           size, "--language", language]))
    for mode in ("predict", "worksheet", "bug"):  # Practice: each mode left mid-way (views/practice_shots.py)
        for size in ("1280x800", "1024x768"):
            for language in LANGUAGES:
                found.append((f"practice-{mode}-{size}-{language}.png",
                              ["--practice", mode, "--size", size, "--language", language]))
    for lesson, step in (("05-one-iteration", 2), ("07-standard-vs-accumulated", 2)):  # Help → Lessons
        for size in ("1280x800", "1024x768"):
            for language in LANGUAGES:
                found.append((f"lesson-{lesson[:2]}-{size}-{language}.png",
                              ["--lesson", f"resources/lessons/{lesson}.json", "--lesson-step", str(step), "--size",
                               size, "--language", language]))
    return found


def main(argv: list[str]) -> int:
    if "--list" in argv:
        for name, options in shots():
            sys.stdout.write(f"{name}: python -m bpgui screenshot {name} {' '.join(options)}\n")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for name, options in shots():
        command = [sys.executable, "-m", "bpgui", "screenshot", str(OUT / name), *options]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.stderr.write(f"{name}: {done.stderr.strip()}\n")
            return 1
        sys.stdout.write(f"{OUT / name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
