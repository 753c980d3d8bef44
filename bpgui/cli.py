"""Scripted use: ``python -m bpgui trace …`` and ``python -m bpgui train …``.

No sub-command opens a window; without one, ``python -m bpgui`` starts the GUI.
Results go to stdout (trace: JSON), progress and errors to stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
import time
from collections.abc import Sequence

import numpy as np

from .model.atomic import write_text_atomically
from .model.datasets import (
    BUILTIN_NAMES,
    LABEL_AUTO,
    LABEL_TYPES,
    MAX_INTEGER_CLASSES,
    Dataset,
    load_dataset,
    train_test_split,
)
from .model.errors import BpguiError, ConfigError
from .model.fileformat import load_network, save_network
from .model.naming import parameter_specs
from .model.network import parse_hidden_sizes
from .model.records import IterationRecord
from .model.training import DEFAULT_LEARNING_RATE, MODES, StopConditions, Trainer, TrainingConfig
from .session.data_notes import label_note
from .session.settings import build_network


def _floats(text: str, what: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        raise ConfigError(f"{what} must be numbers separated by commas, got {text!r}") from None
    if not all(math.isfinite(v) for v in values):
        raise ConfigError(f"{what} must be finite numbers, got {text!r}")
    return values


def record_to_trace_step(record: IterationRecord) -> dict:
    """One iteration in the ``bpgui.trace`` format (first sample of its batch)."""
    specs = parameter_specs(record.layer_sizes)
    values, grads = record.flat_values.tolist(), record.flat_gradients.tolist()
    updates, new = record.flat_updates.tolist(), record.flat_new_values.tolist()
    params = [
        {"name": s.name, "layer": s.layer, "kind": s.kind, "from": s.source, "to": s.target,
         "value": values[n], "gradient": grads[n], "update": updates[n], "new_value": new[n]}
        for n, s in enumerate(specs)
    ]
    return {
        "iteration": record.iteration,
        "input": record.inputs[0].tolist(),
        "target": record.targets[0].tolist(),
        "layers": [
            {"net": lv.net[0].tolist(), "output": lv.output[0].tolist(), "delta": lv.delta[0].tolist()}
            for lv in record.layers
        ],
        "error": record.error,
        "parameters": params,
    }


def run_trace(args: argparse.Namespace) -> int:
    loaded = load_network(args.network)
    net = loaded.network
    x = _floats(args.input, "--input")
    y = _floats(args.target, "--target")
    if len(x) != net.layer_sizes[0]:
        raise ConfigError(f"--input has {len(x)} values but the network has {net.layer_sizes[0]} inputs")
    if len(y) != net.layer_sizes[-1]:
        raise ConfigError(f"--target has {len(y)} values but the network has {net.layer_sizes[-1]} outputs")
    if args.steps < 1:
        raise ConfigError(f"--steps must be at least 1, got {args.steps}")
    eta = args.learning_rate if args.learning_rate is not None else (loaded.learning_rate or DEFAULT_LEARNING_RATE)
    sample = Dataset(
        name="trace", inputs=np.array([x]), targets=np.array([y]),
        feature_names=tuple(f"x_{i + 1}" for i in range(len(x))),
        target_names=tuple(f"y_{j + 1}" for j in range(len(y))), task="regression",
    )
    trainer = Trainer(net, sample, config=TrainingConfig(mode="standard", learning_rate=eta, shuffle=False))
    steps = [record_to_trace_step(trainer.step()) for _ in range(args.steps)]
    json.dump({"format": "bpgui.trace", "version": 1, "steps": steps}, sys.stdout, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")
    return 0


def run_train(args: argparse.Namespace) -> int:
    data = load_dataset(args.data, seed=args.seed, label_type=args.label_type)
    note = label_note(data)
    how = "inferred" if data.label_type_inferred else "chosen"
    print(f"labels: {note.english() if note else f'read as {data.label_type} ({how})'}", file=sys.stderr)
    train, test = train_test_split(data, args.test_fraction, args.seed) if args.test_fraction else (data, None)
    if args.network:
        loaded = load_network(args.network)
        network, file_eta = loaded.network, loaded.learning_rate
    else:
        hidden = parse_hidden_sizes(args.hidden)
        network = build_network(train, hidden, activation=args.activation, output_activation=args.output_activation,
                                loss=args.loss, seed=args.seed, init=args.init)
        file_eta = None
    eta = args.learning_rate if args.learning_rate is not None else (file_eta or DEFAULT_LEARNING_RATE)
    config = TrainingConfig(mode=args.mode, learning_rate=eta, batch_size=args.batch_size, shuffle=not args.no_shuffle)
    stop = StopConditions(target_error=args.target_error, max_epochs=args.epochs)
    trainer = Trainer(network, train, config=config, seed=args.seed, test=test, stop=stop)

    shape = "-".join(map(str, network.layer_sizes))
    print(f"training {shape} on {data.name} ({train.n_samples} samples), {args.mode} BP, η = {eta:g}", file=sys.stderr)
    last_report = time.monotonic()
    while True:
        _, reason = trainer.advance(4096)
        now = time.monotonic()
        if reason is not None:
            break
        if now - last_report >= 1.0:
            last_report = now
            print(f"  epoch {trainer.state.epoch}/{args.epochs}  E = {trainer.epoch_error():.6g}", file=sys.stderr)

    log = trainer.epochs
    final = len(log) - 1
    has_test = trainer.test_set is not None
    lines = [
        f"network: {shape}",
        f"stopped: {reason} after {trainer.state.epoch} epochs ({trainer.iteration} iterations)",
        f"training error E: {log.error[final]:.10g}",
    ]
    if train.task == "classification":
        lines.append(f"training accuracy: {log.accuracy[final]:.4f}")
    if has_test:
        lines.append(f"test error E: {log.test_error[final]:.10g}")
        if train.task == "classification":
            lines.append(f"test accuracy: {log.test_accuracy[final]:.4f}")
    if args.out:
        save_network(args.out, trainer.network, learning_rate=eta, seed=args.seed)
        lines.append(f"saved: {args.out}")
    if args.log:
        write_text_atomically(args.log, epoch_log_csv(trainer))
        lines.append(f"log: {args.log}")
    print("\n".join(lines))
    return 0


def epoch_log_csv(trainer: Trainer) -> str:
    """``epoch,error,accuracy[,test_error,test_accuracy]``, one row per epoch (row 0: before training)."""
    log = trainer.epochs
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["epoch", "error", "accuracy", "iteration"]
    if trainer.test_set is not None:
        header += ["test_error", "test_accuracy"]
    writer.writerow(header)

    def cell(v: float) -> str:
        return "" if math.isnan(v) else repr(float(v))

    for e in range(len(log)):
        row = [str(e), cell(log.error[e]), cell(log.accuracy[e]), str(int(log.iteration[e]))]
        if trainer.test_set is not None:
            row += [cell(log.test_error[e]), cell(log.test_accuracy[e])]
        writer.writerow(row)
    return buffer.getvalue()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bpgui", description="Watch and step through backpropagation. "
                                     "Without a sub-command the window opens.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("trace", help="repeat standard BP on one sample and print every number as JSON")
    p.add_argument("network", metavar="NETWORK.json")
    p.add_argument("--input", required=True, help="comma-separated x, e.g. 0.05,0.10")
    p.add_argument("--target", required=True, help="comma-separated y, e.g. 0.01,0.99")
    p.add_argument("--steps", type=int, default=1, help="iterations (default 1)")
    p.add_argument("--learning-rate", type=float, default=None,
                   help=f"η (default: the file's, else {DEFAULT_LEARNING_RATE:g})")
    p.set_defaults(run=run_trace)

    p = sub.add_parser("train", help="train a network on a data set and report the result")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("network", nargs="?", metavar="NETWORK.json")
    src.add_argument("--hidden", help="hidden layer sizes, e.g. 4 or 8,4 (a new seeded network)")
    p.add_argument("--data", required=True, help=f"a built-in set ({', '.join(BUILTIN_NAMES)}) or a CSV file")
    p.add_argument("--label-type", choices=LABEL_TYPES, default=LABEL_AUTO,
                   help="read the label column as classes or as a number (default auto: whole numbers with at "
                        f"most {MAX_INTEGER_CLASSES} distinct values are classes)")
    p.add_argument("--mode", choices=MODES, default="standard")
    p.add_argument("--batch-size", type=int, default=8, help="B for mini-batch mode (default 8)")
    p.add_argument("--epochs", type=int, default=1000, help="maximum epochs (default 1000)")
    p.add_argument("--target-error", type=float, default=None, help="stop once E ≤ this")
    p.add_argument("--learning-rate", type=float, default=None,
                   help=f"η (default: the file's, else {DEFAULT_LEARNING_RATE:g})")
    p.add_argument("--activation", default="sigmoid", help="hidden activation: sigmoid, tanh, relu, linear")
    p.add_argument("--output-activation", default=None, help="default: sigmoid (classification) or linear (regression)")
    p.add_argument("--loss", default="squared_error", help="squared_error or cross_entropy")
    p.add_argument("--init", default="uniform", help="uniform or xavier")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--test-fraction", type=float, default=0.0, help="hold out this fraction as a test set")
    p.add_argument("--no-shuffle", action="store_true", help="keep the file order in every epoch")
    p.add_argument("--out", help="save the trained network here")
    p.add_argument("--log", help="write per-epoch error and accuracy to this CSV")
    p.set_defaults(run=run_train)
    p = sub.add_parser("screenshot", help="render the window offscreen after N iterations and save a PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--data", default="xor", help="a built-in set or a CSV file (default xor)")
    p.add_argument("--hidden", default="2", help="hidden layer sizes (default 2)")
    p.add_argument("--steps", type=int, default=0, help="iterations before the picture (default 0)")
    p.add_argument("--size", default="1280x800", help="window size WxH (default 1280x800)")
    p.set_defaults(run=run_screenshot)
    return parser


def run_screenshot(args: argparse.Namespace) -> int:
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise ConfigError(f"--size must look like 1280x800, got {args.size!r}") from None
    if width < 200 or height < 150:
        raise ConfigError(f"--size must be at least 200x150, got {args.size!r}")
    if args.steps < 0:
        raise ConfigError(f"--steps must be 0 or more, got {args.steps}")
    hidden = parse_hidden_sizes(args.hidden)
    from .app import screenshot  # only this sub-command needs Qt

    screenshot(args.out, data=args.data, hidden=hidden, steps=args.steps, size=(width, height))
    print(args.out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .app import main as gui_main  # only the GUI path imports Qt

        return gui_main()
    try:
        return args.run(args)
    except BpguiError as exc:
        print(f"bpgui {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
