"""Scripted use: ``python -m bpgui trace …``, ``worksheet …``, ``train …`` and ``screenshot …``.

Why one module of ~580 lines: it is the command line alone (the parser, each
sub-command's checks of its arguments, and the output, exit-code and Ctrl-C
rules they share); the work is done in ``model/``, ``screenshot`` in ``app.py``
and the worksheet's pages in ``views/handout_pdf.py``.

No sub-command opens a window; without one, ``python -m bpgui`` starts the GUI.
Results go to stdout (trace: JSON, written step by step), progress and errors
to stderr. Every refusal is one line on stderr, never a traceback. Exit codes:
0 done; 1 stdout was closed or full; 2 refused input or an error; 130
interrupted (Ctrl-C: ``train`` stops at the next safe point and still writes
``--out`` and ``--log``; ``trace`` closes its JSON after the last whole step;
a second Ctrl-C stops at once).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import re
import signal
import sys
import threading
import time
import typing
from collections.abc import Sequence
from types import FrameType, TracebackType

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
from .model.fileformat import NetworkFile, load_network, save_network
from .model.history import HistoryBounds
from .model.naming import parameter_specs
from .model.network import parse_hidden_sizes
from .model.numbers import DEFAULT_DIGITS, MAX_DIGITS, MIN_DIGITS
from .model.records import IterationRecord
from .model.training import DEFAULT_LEARNING_RATE, MODES, StopConditions, Trainer, TrainingConfig
from .session.data_notes import label_note
from .session.settings import build_network, check_size

#: ``screenshot`` refuses more iterations than this (about 8 minutes for XOR's 2-2-1 network) …
MAX_SCREENSHOT_STEPS = 10_000_000
#: … and a side longer than this many pixels (8192 × 8192 is a 256 MB picture).
MAX_SCREENSHOT_SIDE = 8192
#: ``screenshot --language`` (``views.language.LANGUAGES``; named here so that trace and train never import Qt).
SCREENSHOT_LANGUAGES = ("en", "zh_CN")
#: ``screenshot --tab`` (``app.SCREENSHOT_TABS``).
SCREENSHOT_TABS = ("curve", "learned", "surface")
#: ``screenshot --practice`` (``views.practice_shots.MODES``: the CLI must not import Qt to parse its options).
PRACTICE_MODES = ("predict", "worksheet", "bug")
#: ``screenshot --phase``: no network has more phases in one iteration (the exact count is checked with the network).
MAX_SCREENSHOT_PHASES = 10_000
#: ``worksheet`` refuses more iterations than this (each takes two or three pages).
MAX_WORKSHEET_STEPS = 100
#: ``worksheet --out``: what it writes (``views.handout_pdf.EXTENSIONS``).
WORKSHEET_EXTENSIONS = (".pdf", ".html")
#: ``screenshot --text-scale`` (``views.text_scale``).
MIN_SCREENSHOT_TEXT_SCALE, MAX_SCREENSHOT_TEXT_SCALE = 1.0, 2.5

EXIT_OUTPUT = 1  # stdout closed or full
EXIT_ERROR = 2  # refused input, or an error the user can fix (argparse uses 2 too)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C


class _Parser(argparse.ArgumentParser):
    """argparse whose errors are one line: ``bpgui train: error: … (see bpgui train --help)``."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {_one_line(message)} (see {self.prog} --help)\n")


class _OutputError(Exception):
    """Standard output is closed or full: the results cannot be delivered."""


class _CtrlC:
    """While active, the first Ctrl-C only sets :attr:`pressed` (the loop stops at its next safe point);
    a second raises KeyboardInterrupt at once. Outside the main thread it does nothing."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous: object = None
        self._installed = False

    def __enter__(self) -> _CtrlC:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._installed:
            previous = self._previous if self._previous is not None else signal.default_int_handler
            signal.signal(signal.SIGINT, previous)  # type: ignore[arg-type]
            self._installed = False


def _one_line(text: str) -> str:
    """Line breaks (and the blanks around them) become one space; leading blanks stay."""
    return re.sub(r"\s*[\r\n]+\s*", " ", str(text)).rstrip()


def _say(text: str) -> None:
    """One line on stderr (nothing if stderr itself is gone)."""
    try:
        if sys.stderr is not None:
            print(_one_line(text), file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _output_reason(exc: BaseException) -> str:
    if isinstance(exc, BrokenPipeError):
        return "the reader closed the pipe"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return _one_line(str(exc)) or type(exc).__name__


def _write(text: str) -> None:
    """Write to stdout; a closed or full stdout becomes an _OutputError."""
    out = sys.stdout
    if out is None:
        raise _OutputError("standard output is closed")
    try:
        out.write(text)
    except (OSError, ValueError) as exc:  # ValueError: "I/O operation on closed file"
        raise _OutputError(_output_reason(exc)) from None


def _flush() -> None:
    out = sys.stdout
    if out is None:
        return
    try:
        out.flush()
    except (OSError, ValueError) as exc:
        raise _OutputError(_output_reason(exc)) from None


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so that Python's flush at exit does not fail again (and print)."""
    try:
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)
    except (AttributeError, OSError, ValueError):
        pass


def _check_output(path: str | None, what: str) -> None:
    """Refuse an output file that cannot be written, before any work is done."""
    if path is None:
        return
    if not path.strip():
        raise ConfigError(f"{what} is empty: give a file name")
    if "\x00" in path:
        raise ConfigError(f"{what} {path!r} contains a NUL character")
    if os.path.isdir(path):
        raise ConfigError(f"{what} {path!r} is a folder; give a file name")
    if os.path.lexists(path) and not os.path.isfile(path):
        raise ConfigError(f"{what} {path!r} exists and is not an ordinary file")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ConfigError(f"{what} {path!r}: the folder {folder!r} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ConfigError(f"{what} {path!r}: the folder {folder!r} is not writable")


def _check_not_empty(name: str | None, what: str, wanted: str) -> None:
    if name is not None and not name.strip():
        raise ConfigError(f"{what} is empty: give {wanted}")
    if name is not None and "\x00" in name:
        raise ConfigError(f"{what} {name!r} contains a NUL character")


def _check_seed(seed: int) -> None:
    if seed < 0:
        raise ConfigError(f"--seed must be 0 or more, got {seed}")


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


def _step_json(step: dict) -> str:
    try:
        return json.dumps(step, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise ConfigError(f"iteration {step['iteration']} gave a number that is not finite; try a smaller "
                          "--learning-rate") from None


def _load_network_file(path: str) -> NetworkFile:
    """A network file, refused past the window's size limit (:func:`bpgui.session.settings.check_size`)."""
    _check_not_empty(path, "NETWORK.json", "a network file")
    loaded = load_network(path)
    check_size(loaded.network.layer_sizes)
    return loaded


def _one_sample_trainer(args: argparse.Namespace) -> Trainer:
    """Standard BP on the one sample ``--input``/``--target`` from NETWORK.json at ``--learning-rate``
    (trace's and worksheet's): every value refused naming it, before any work."""
    loaded = _load_network_file(args.network)
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
    return Trainer(net, sample, config=TrainingConfig(mode="standard", learning_rate=eta, shuffle=False))


def run_trace(args: argparse.Namespace) -> int:
    trainer = _one_sample_trainer(args)
    # Streamed: one step at a time, never the whole list in memory; the same bytes as one json.dump.
    done = 0
    with _CtrlC() as ctrl_c:
        _write('{"format": "bpgui.trace", "version": 1, "steps": [')
        while done < args.steps and not ctrl_c.pressed:
            _write((", " if done else "") + _step_json(record_to_trace_step(trainer.step())))
            done += 1
        _write("]}\n")
    if ctrl_c.pressed:
        _say(f"bpgui trace: interrupted after {done} of {args.steps} steps; the JSON holds those {done}")
        return EXIT_INTERRUPTED
    return 0


def run_worksheet(args: argparse.Namespace) -> int:
    _check_output(args.out, "--out")
    if not args.out.lower().endswith(WORKSHEET_EXTENSIONS):
        raise ConfigError(f"--out {args.out!r} must end in .pdf or .html")
    if not MIN_DIGITS <= args.digits <= MAX_DIGITS:
        raise ConfigError(f"--digits must be from {MIN_DIGITS} to {MAX_DIGITS}, got {args.digits}")
    if args.steps > MAX_WORKSHEET_STEPS:
        raise ConfigError(f"--steps must be at most {MAX_WORKSHEET_STEPS} for a worksheet, got {args.steps}")
    trainer = _one_sample_trainer(args)
    records = [trainer.step() for _ in range(args.steps)]
    for record in records:
        _step_json(record_to_trace_step(record))  # refuses a number that is not finite, as trace does
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import application  # only this sub-command and screenshot need Qt
    from .views.handout_pdf import write_worksheet

    application([sys.argv[0]])
    net = trainer.network
    write_worksheet(args.out, records, net.activations, net.loss, digits=args.digits, blank=args.blank,
                    language=args.language)
    _write(f"{args.out}\n")
    return 0


def _next_chunk(chunk: int, seconds: float) -> int:
    """Iterations per slice of training: about a tenth of a second each, so Ctrl-C and progress stay prompt."""
    if seconds < 0.05 and chunk < 1 << 16:
        return chunk * 2
    if seconds > 0.2 and chunk > 1:
        return chunk // 2
    return chunk


def run_train(args: argparse.Namespace) -> int:
    # Everything that can be refused is refused before any work.
    _check_not_empty(args.network, "NETWORK.json", "a network file")
    _check_not_empty(args.data, "--data", "a built-in data set name or a CSV file")
    _check_seed(args.seed)
    _check_output(args.out, "--out")
    _check_output(args.log, "--log")
    if args.out and args.log and os.path.abspath(args.out) == os.path.abspath(args.log):
        raise ConfigError(f"--out and --log are the same file {args.out!r}")
    hidden = parse_hidden_sizes(args.hidden) if not args.network else ()
    data = load_dataset(args.data, seed=args.seed, label_type=args.label_type)
    note = label_note(data)
    how = "inferred" if data.label_type_inferred else "chosen"
    _say(f"labels: {note.english() if note else f'read as {data.label_type} ({how})'}")
    train, test = train_test_split(data, args.test_fraction, args.seed) if args.test_fraction else (data, None)
    if args.network:
        loaded = _load_network_file(args.network)
        network, file_eta = loaded.network, loaded.learning_rate
    else:
        network = build_network(train, hidden, activation=args.activation, output_activation=args.output_activation,
                                loss=args.loss, seed=args.seed, init=args.init)
        file_eta = None
    eta = args.learning_rate if args.learning_rate is not None else (file_eta or DEFAULT_LEARNING_RATE)
    config = TrainingConfig(mode=args.mode, learning_rate=eta, batch_size=args.batch_size, shuffle=not args.no_shuffle)
    stop = StopConditions(target_error=args.target_error, max_epochs=args.epochs)
    # The per-epoch log keeps every epoch (the window's history thins old rows; a log must not).
    trainer = Trainer(network, train, config=config, seed=args.seed, test=test, stop=stop,
                      bounds=HistoryBounds(exact_epoch_rows=None))

    shape = "-".join(map(str, network.layer_sizes))
    reason: str | None = None
    chunk = 64
    with _CtrlC() as ctrl_c:  # before the first line, so a Ctrl-C after it always stops cleanly
        _say(f"training {shape} on {data.name} ({train.n_samples} samples), {args.mode} BP, η = {eta:g}")
        last_report = time.monotonic()
        while reason is None:
            started = time.monotonic()
            _, reason = trainer.advance(chunk)
            if reason is None and ctrl_c.pressed:
                reason = "interrupted"
            now = time.monotonic()
            chunk = _next_chunk(chunk, now - started)
            if reason is None and now - last_report >= 1.0:
                last_report = now
                _say(f"  epoch {trainer.state.epoch}/{args.epochs}  E = {trainer.epoch_error():.6g}")

    log = trainer.epochs
    final = len(log) - 1
    has_test = trainer.test_set is not None
    stopped = "interrupted (Ctrl-C)" if reason == "interrupted" else reason
    lines = [
        f"network: {shape}",
        f"stopped: {stopped} after {trainer.state.epoch} epochs ({trainer.iteration} iterations)",
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
    _write("\n".join(lines) + "\n")
    if reason == "interrupted":
        written = " and ".join(f for f in (args.out, args.log) if f)
        _say("bpgui train: interrupted; " + (f"wrote what was trained so far to {written}" if written
                                             else "nothing saved (no --out or --log)"))
        return EXIT_INTERRUPTED
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
        row = [str(int(log.epoch[e])), cell(log.error[e]), cell(log.accuracy[e]), str(int(log.iteration[e]))]
        if trainer.test_set is not None:
            row += [cell(log.test_error[e]), cell(log.test_accuracy[e])]
        writer.writerow(row)
    return buffer.getvalue()


#: The sub-commands (``build_parser``'s); anything else in the first place is a file for the window to open.
COMMANDS = ("trace", "train", "screenshot", "worksheet")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bpgui", description="Watch and step through backpropagation. "
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

    p = sub.add_parser("worksheet", help="trace's iterations as a handout to work by hand: PDF or HTML")
    p.add_argument("network", metavar="NETWORK.json")
    p.add_argument("--input", required=True, help="comma-separated x, e.g. 0.05,0.10")
    p.add_argument("--target", required=True, help="comma-separated y, e.g. 0.01,0.99")
    p.add_argument("--steps", type=int, default=1, help=f"iterations (default 1, at most {MAX_WORKSHEET_STEPS})")
    p.add_argument("--learning-rate", type=float, default=None,
                   help=f"η (default: the file's, else {DEFAULT_LEARNING_RATE:g})")
    p.add_argument("--out", required=True, metavar="SHEET.pdf|SHEET.html", help="the handout, by its extension")
    p.add_argument("--blank", action="store_true", help="empty cells to fill; the answer key on the last pages")
    p.add_argument("--digits", type=int, default=DEFAULT_DIGITS,
                   help=f"significant digits of every number ({MIN_DIGITS}-{MAX_DIGITS}, default {DEFAULT_DIGITS}, "
                        "as the window's)")
    p.add_argument("--language", choices=SCREENSHOT_LANGUAGES, default="en", help="default en")
    p.set_defaults(run=run_worksheet)

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
    p.add_argument("--seed", type=int, default=0, help="0 or more (default 0)")
    p.add_argument("--test-fraction", type=float, default=0.0, help="hold out this fraction as a test set")
    p.add_argument("--no-shuffle", action="store_true", help="keep the file order in every epoch")
    p.add_argument("--out", help="save the trained network here (also when Ctrl-C stops the training)")
    p.add_argument("--log", help="write per-epoch error and accuracy to this CSV")
    p.set_defaults(run=run_train)
    p = sub.add_parser("screenshot", help="render the window offscreen after N iterations and save a PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("--data", default="xor", help="a built-in set or a CSV file (default xor)")
    p.add_argument("--hidden", default="2", help="hidden layer sizes (default 2)")
    p.add_argument("--steps", type=int, default=0,
                   help=f"iterations before the picture (default 0, at most {MAX_SCREENSHOT_STEPS:,})")
    p.add_argument("--size", default="1280x800",
                   help=f"window size WxH (default 1280x800; 200x150 to {MAX_SCREENSHOT_SIDE}x{MAX_SCREENSHOT_SIDE})")
    p.add_argument("--phase", type=int, default=0, metavar="N",
                   help="then N phase steps of the next iteration (default 0; at most its number of phases)")
    p.add_argument("--select", metavar="NAME",
                   help="then select a parameter by the name trace gives it, e.g. v_11, w_11, γ_2, θ_1, v^(1)_11")
    p.add_argument("--select2", metavar="NAME", help="the error surface's second parameter (named as --select)")
    p.add_argument("--text-scale", metavar="S",
                   help="text size, 1.0 to 2.5 or 100%% to 250%% (default: the window's, 1.0)")
    p.add_argument("--language", choices=SCREENSHOT_LANGUAGES, default="en", help="default en")
    p.add_argument("--tab", choices=SCREENSHOT_TABS, default=None,
                   help="the right-hand tab: the error curve, what it learned or the error surface (default: the "
                        "window's)")
    p.add_argument("--presentation", action="store_true", help="in presentation mode (large text, the class's "
                   "layout), at --size rather than full screen")
    p.add_argument("--practice", choices=PRACTICE_MODES, default=None,
                   help="a practice mode left mid-way: predict, worksheet or bug (find the bug)")
    p.add_argument("--lesson", metavar="LESSON.json", help="then follow this lesson (e.g. one of resources/lessons)")
    p.add_argument("--lesson-step", type=int, default=1, metavar="N",
                   help="the lesson's step to show (default 1; the lesson sets the network, iteration and view)")
    p.set_defaults(run=run_screenshot)
    return parser


def _screenshot_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ConfigError(f"--size must look like 1280x800, got {text!r}") from None
    if width < 200 or height < 150:
        raise ConfigError(f"--size must be at least 200x150, got {text!r}")
    if width > MAX_SCREENSHOT_SIDE or height > MAX_SCREENSHOT_SIDE:
        raise ConfigError(f"--size must be at most {MAX_SCREENSHOT_SIDE}x{MAX_SCREENSHOT_SIDE}, got {text!r}")
    return width, height


def _screenshot_text_scale(text: str | None) -> float | None:
    """``1.75``, ``175%`` or ``175 %`` as a scale within 1.0–2.5 (None: not given)."""
    if text is None:
        return None
    body = text.strip()
    percent = body.endswith("%")
    try:
        scale = float(body[:-1] if percent else body) / (100.0 if percent else 1.0)
    except ValueError:
        raise ConfigError(f"--text-scale must be a number such as 1.75 or a percentage such as 175%, "
                          f"got {text!r}") from None
    if not MIN_SCREENSHOT_TEXT_SCALE <= scale <= MAX_SCREENSHOT_TEXT_SCALE:  # NaN fails too
        raise ConfigError(f"--text-scale must be from 1.0 to 2.5 (100% to 250%), got {text!r}")
    return scale


def run_screenshot(args: argparse.Namespace) -> int:
    width, height = _screenshot_size(args.size)
    if not 0 <= args.steps <= MAX_SCREENSHOT_STEPS:
        raise ConfigError(f"--steps must be from 0 to {MAX_SCREENSHOT_STEPS:,}, got {args.steps}")
    if not 0 <= args.phase <= MAX_SCREENSHOT_PHASES:
        raise ConfigError(f"--phase must be 0 or more (at most the phases of one iteration), got {args.phase}")
    scale = _screenshot_text_scale(args.text_scale)
    _check_not_empty(args.select, "--select", "a parameter name such as v_11")
    _check_not_empty(args.select2, "--select2", "a parameter name such as w_11")
    _check_output(args.out, "OUT.png")
    _check_not_empty(args.data, "--data", "a built-in data set name or a CSV file")
    hidden = parse_hidden_sizes(args.hidden)
    from .app import screenshot  # only this sub-command needs Qt

    def progress(done: int) -> None:
        _say(f"  {done:,}/{args.steps:,} iterations")

    screenshot(args.out, data=args.data, hidden=hidden, steps=args.steps, size=(width, height), progress=progress,
               phase=args.phase, select=args.select, text_scale=scale, language=args.language, tab=args.tab,
               presentation=args.presentation, practice=args.practice, lesson=args.lesson,
               lesson_step=args.lesson_step, select2=args.select2)
    _write(f"{args.out}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    if given and not given[0].startswith("-") and given[0] not in COMMANDS:
        from .app import main as gui_main  # `python -m bpgui FILE`: the window, on that file

        return gui_main([sys.argv[0], *given])
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2, one line already on stderr)
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if args.command is None:
        from .app import main as gui_main  # only the GUI path imports Qt

        return gui_main()
    name = f"bpgui {args.command}"
    try:
        code = args.run(args)
        _flush()
        return int(code)
    except KeyboardInterrupt:
        _say(f"{name}: interrupted")
        return EXIT_INTERRUPTED
    except BpguiError as exc:
        _say(f"{name}: error: {exc}")
        return EXIT_ERROR
    except _OutputError as exc:
        _silence_stdout()
        _say(f"{name}: error: cannot write the output: {exc}")
        return EXIT_OUTPUT
    except MemoryError:
        _say(f"{name}: error: not enough memory for this")
        return EXIT_ERROR
