"""Memory and step-back latency of the training history.

Trains XOR 2-2-1 with standard BP for N iterations (default 10^6) and prints:
  * the memory the history holds: the growth of the process's resident set
    over the run (Linux /proc), and the trainer's own account of its arrays
    and checkpoints, against the issue's budget of 64 MB for 10^6 iterations;
  * how long step back to a random earlier iteration takes (replay from the
    checkpoint before it), beside the time of one forward iteration;
  * the slowest step back found a iterations back, for a = 10^3 … N: old
    checkpoints are thinned with age (``model/history.py``), so going far back
    replays further.
Run:  python benchmarks/history_memory.py [N]   (N > 2^20 also shows the error curve thinned)
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fmt, per_call_seconds

from bpgui.model.datasets import load_builtin
from bpgui.model.network import Network
from bpgui.model.training import Trainer


def resident_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    data = load_builtin("xor")
    trainer = Trainer(Network.initialise((2, 2, 1)), data)
    trainer.advance(10, use_stop_conditions=False)  # warm every code path first
    trainer.reset()
    gc.collect()
    base = resident_bytes()
    start = time.perf_counter()
    trainer.advance(n, use_stop_conditions=False)
    elapsed = time.perf_counter() - start
    gc.collect()
    held = resident_bytes() - base
    budget = 64 * 2**20 * n / 1_000_000
    print(f"{n:,} iterations of XOR 2-2-1 in {elapsed:.1f} s ({n / elapsed:,.0f} iterations/s)")
    print(f"resident set grew {held / 2**20:.1f} MiB; the trainer accounts for "
          f"{trainer.history_nbytes / 2**20:.1f} MiB ({len(trainer.epochs):,} epoch rows, "
          f"{len(trainer._checkpoints):,} checkpoints, {len(trainer.iteration_errors):,} error points); "
          f"budget {budget / 2**20:.0f} MiB → "
          f"{'within' if max(held, trainer.history_nbytes) <= budget else 'OVER'}")

    rng = np.random.default_rng(0)
    targets = iter(rng.integers(1, n, 10_000))
    t_back = per_call_seconds(lambda: trainer.goto(int(next(targets))), min_time=0.5)
    trainer.goto(n // 2)
    t_step = per_call_seconds(trainer.step, min_time=0.5)
    print(f"step back to a random iteration: {fmt(t_back)}  (one forward step {fmt(t_step)};"
          f" ×{t_back / t_step:.0f}, checkpoint interval {trainer.checkpoint_interval})")
    trainer.goto(n)
    ages = [a for a in (10**3, 10**4, 10**5, 10**6, 10**7, 10**8) if a <= n]
    for age in ages:
        worst = 0.0
        for offset in np.linspace(0, min(age, n - age), 8, dtype=int):  # the gap after a checkpoint is the worst
            target = max(0, n - age - int(offset))
            start = time.perf_counter()
            trainer.goto(target)
            worst = max(worst, time.perf_counter() - start)
        print(f"step back {age:>11,} iterations: slowest of 8 {fmt(worst)}")


if __name__ == "__main__":
    main()
