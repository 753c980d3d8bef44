"""One honest harness for issue 11's table: every figure beside its reference, in one process.

    python benchmarks/run.py [--json FILE] [--rounds N] [--quick] [--no-gui] [--run-seconds S]

Cases are interleaved over ``--rounds`` rounds (at least 5 unless ``--quick``: project A, reference
A, project B, … then again), medians are kept, and ``ratio`` is always the project's time divided by
the reference's (below 1 is faster; for a rate, time per item). PyTorch, when installed, runs on ONE
thread. Nothing here passes or fails: "met?" compares with the issue's target. ``--quick`` uses few
rounds and small networks (784-32-10 for the model figures, 64-16-10 in the window) for the test.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402
from references import torch_or_none  # noqa: E402

#: name → (what the target is on: "value" or "ratio", "<=" or ">=", limit, the issue's words)
TARGETS: dict[str, tuple[str, str, float, str]] = {
    "run_max_gap_ms": ("value", "<=", 50.0, "≤ 50 ms, with ≥ 20 repaints/s"),
    "selected_step_ratio": ("ratio", "<=", 1.1, "≤ 1.1×"),
    "step_back_784_ms": ("value", "<=", 50.0, "≤ 50 ms"),
    "step_784_vs_numpy": ("ratio", "<=", 1.5, "≤ 1.5×"),
    "tiny_vs_torch_1thread": ("ratio", "<=", 0.25, "≥ 4× faster (ratio ≤ 0.25)"),
    "tiny_vs_python_floats": ("ratio", "<=", 10.0, "≤ 10×"),
    "accumulated_with_target_vs_numpy": ("ratio", "<=", 1.15, "≤ 1.15×"),
    "step_repaint_221_ms": ("value", "<=", 10.0, "≤ 10 ms"),
    "step_repaint_784_ms": ("value", "<=", 20.0, "≤ 20 ms"),
    "run_xor_iterations_per_s": ("value", ">=", 30_000.0, "≥ 30,000 it/s while ≥ 30 repaints/s"),
    "decision_map_frames_per_s": ("value", ">=", 30.0, "≥ 30 frames/s"),
}
ORDER = list(TARGETS)


def judge(row: dict[str, Any]) -> dict[str, Any]:
    on, op, limit, words = TARGETS[row["name"]]
    row["target"] = words
    row["target_on"], row["target_op"], row["target_limit"] = on, op, limit
    x = row.get(on)
    if x is None:
        row["met"] = None
    else:
        met = x <= limit if op == "<=" else x >= limit
        if row["name"] == "run_max_gap_ms" and row.get("repaints_per_s") is not None:
            met = met and row["repaints_per_s"] >= 20
        if row["name"] == "run_xor_iterations_per_s" and row.get("repaints_per_s") is not None:
            met = met and row["repaints_per_s"] >= 30
        row["met"] = bool(met)
    return row


def machine(torch: Any) -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(), "platform": platform.platform(), "processor": platform.processor(),
        "python": platform.python_version(), "numpy": np.__version__,
        "torch": None if torch is None else f"{torch.__version__} (1 thread)",
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def number(x: float | None) -> str:
    if x is None:
        return "—"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.4g}"


def table(rows: list[dict[str, Any]]) -> str:
    head = ("name", "value", "unit", "reference", "reference_value", "ratio", "target", "met?")
    body = [(r["name"], number(r["value"]), r["unit"], r["reference"], number(r["reference_value"]),
             "—" if r["ratio"] is None else f"{r['ratio']:.3g}", r["target"],
             "skipped" if r.get("skipped") else ("yes" if r["met"] else "NO")) for r in rows]
    widths = [max(len(str(line[i])) for line in (head, *body)) for i in range(len(head))]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(line, widths)) for line in (head, *body)]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    notes = [f"  {r['name']}: {r['what']}" for r in rows]
    return "\n".join([*lines, "", "what each measures:", *notes])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-gui", action="store_true", help="skip the window figures")
    parser.add_argument("--run-seconds", type=float, help="how long Run lasts per gap sample (default 2)")
    args = parser.parse_args(argv)
    rounds = args.rounds or (2 if args.quick else 5)
    if rounds < 1:
        parser.error("--rounds must be at least 1")
    torch = torch_or_none()
    print(f"{os.cpu_count()} CPUs, Python {platform.python_version()}, NumPy {np.__version__}; "
          + ("PyTorch not installed: its figure is skipped" if torch is None
             else f"PyTorch {torch.__version__} on 1 thread (torch.set_num_threads(1))")
          + f"; {rounds} interleaved rounds, medians", flush=True)
    import model_figures

    rows = model_figures.measure(torch, quick=args.quick, rounds=rounds)
    if args.no_gui:
        note = "window figures skipped (--no-gui)"
        rows += [model_figures.skipped(name, "", note) for name in ORDER if name not in {r["name"] for r in rows}]
    else:
        import gui_figures

        seconds = args.run_seconds or (0.3 if args.quick else 2.0)
        rows += gui_figures.measure(quick=args.quick, rounds=rounds, run_seconds=seconds)
    rows = sorted((judge(r) for r in rows), key=lambda r: ORDER.index(r["name"]))
    print(table(rows), flush=True)
    if args.json:
        from bpgui.model.atomic import write_text_atomically

        report = {"machine": machine(torch), "date": datetime.datetime.now(datetime.UTC).isoformat(),
                  "rounds": rounds, "quick": args.quick, "figures": rows}
        write_text_atomically(args.json, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
