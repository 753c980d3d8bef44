"""The command line under hostile input: every refusal is one line on stderr and a non-zero exit,
never a traceback; Ctrl-C, a closed or a full stdout lose nothing that was done.

Behaviour of the process (signals, pipes, /dev/full, Qt's warnings) is tested on ``python -m bpgui``
in a subprocess; everything else in process, through ``bpgui.cli.main``.
"""

import json
import os
import signal
import subprocess
import sys
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpgui.cli import MAX_SCREENSHOT_SIDE, MAX_SCREENSHOT_STEPS, main
from bpgui.model.fileformat import load_network

NETWORK = {
    "format": "bpgui.network", "version": 1,
    "layers": [{"units": 2}, {"units": 2, "activation": "sigmoid"}, {"units": 2, "activation": "sigmoid"}],
    "weights": [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]],
    "thresholds": [[-0.35, -0.35], [-0.60, -0.60]],
    "loss": "squared_error", "learning_rate": 0.5,
}
HUGE_CSV = "a,b,y\n-1e308,0,0\n1e308,1,1\n0,0.5,1\n1,-1e308,0\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "net.json").write_text(json.dumps(NETWORK))
    (folder / "huge.csv").write_text(HUGE_CSV)
    (folder / "sub").mkdir()
    return folder


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, *args) -> str:
    """Run, expect exit 2 and nothing on stdout; the one line on stderr."""
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == "", (code, out, err)
    lines = err.splitlines()
    assert lines and "error:" in lines[-1] and "Traceback" not in err
    return lines[-1]


def subprocess_env():
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "0"}


def bpgui(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "bpgui", *map(str, args)], env=subprocess_env(), **kwargs)


def one_error_line(err: str) -> str:
    assert "Traceback" not in err and "Exception ignored" not in err, err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1, err
    return errors[0]


# ---- outputs are checked before any work ------------------------------------------------------
def test_outputs_are_checked_before_training(capsys, files):
    base = ("train", "--hidden", "2", "--data", "xor", "--epochs", "1")
    assert "--out is empty" in refused(capsys, *base, "--out", "")
    assert "--log is empty" in refused(capsys, *base, "--log", "  ")
    assert "is a folder" in refused(capsys, *base, "--out", files / "sub")
    assert "does not exist" in refused(capsys, *base, "--log", files / "no-such-folder" / "log.csv")
    assert "not an ordinary file" in refused(capsys, *base, "--out", os.devnull)
    assert "the same file" in refused(capsys, *base, "--out", files / "a.json", "--log", files / "." / "a.json")
    # Refused before training: nothing printed but the error, no "training …" line.
    code, _, err = run_cli(capsys, *base, "--out", "")
    assert code == 2 and "training" not in err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_refused_before_training(capsys, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert "not writable" in refused(capsys, "train", "--hidden", "2", "--data", "xor", "--out", locked / "n.json")


def test_hostile_values_are_one_line_refusals(capsys, files):
    base = ("train", "--data", "xor", "--epochs", "1")
    assert "'²'" in refused(capsys, *base, "--hidden", "²")
    assert "bpgui handles at most 5,000,000" in refused(capsys, *base, "--hidden", "100000,100000")
    assert "--seed must be 0 or more" in refused(capsys, "train", "--hidden", "2", "--data", files / "huge.csv",
                                                 "--seed", "-1")
    assert "--data is empty" in refused(capsys, "train", "--hidden", "2", "--data", "")
    assert "NETWORK.json is empty" in refused(capsys, "trace", "", "--input", "1,1", "--target", "1,1")
    assert "NUL character" in refused(capsys, "train", "--hidden", "2", "--data", "xor", "--out", "a\x00b")
    assert "NUL character" in refused(capsys, "train", "--hidden", "2", "--data", "a\x00b")
    assert "NUL character" in refused(capsys, "trace", "a\x00b", "--input", "1,1", "--target", "1,1")
    line = refused(capsys, *base, "--hidden", "2", "--epochs", "many")
    assert line.startswith("bpgui train: error: argument --epochs") and line.endswith("(see bpgui train --help)")


def test_a_network_file_past_the_size_limit_is_refused(capsys, tmp_path):
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"format": "bpgui.network", "version": 1,
                                "layers": [{"units": 2}, *[{"units": 1200, "activation": "sigmoid"}] * 5,
                                           {"units": 2}]}))  # 5,770,802 parameters
    assert "bpgui handles at most" in refused(capsys, "trace", path, "--input", "1,1", "--target", "1,1")


def test_screenshot_limits_are_refused_before_qt(capsys, tmp_path):
    out = tmp_path / "s.png"
    assert "at most 8192x8192" in refused(capsys, "screenshot", out, "--size", f"{MAX_SCREENSHOT_SIDE + 1}x800")
    assert f"{MAX_SCREENSHOT_STEPS:,}" in refused(capsys, "screenshot", out, "--steps", 10**12)
    assert "--data is empty" in refused(capsys, "screenshot", out, "--data", "")
    assert "is a folder" in refused(capsys, "screenshot", tmp_path)
    assert not out.exists()


def test_a_closed_stdout_is_one_line(capsys, files, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["trace", str(files / "net.json"), "--input", "1,1", "--target", "1,1"]) == 1
    assert capsys.readouterr().err.strip() == "bpgui trace: error: cannot write the output: standard output is closed"


# ---- trace streams its steps -------------------------------------------------------------------
class Sink:
    """A stdout that keeps only the length of what it was given."""

    def __init__(self):
        self.length = 0

    def write(self, text):
        self.length += len(text)
        return len(text)

    def flush(self):
        pass


def _trace_peak(files, monkeypatch, steps: int) -> int:
    sink = Sink()
    monkeypatch.setattr(sys, "stdout", sink)
    tracemalloc.start()
    try:
        assert main(["trace", str(files / "net.json"), "--input", "1,1", "--target", "1,1", "--steps", str(steps)]) == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_trace_streams_so_its_memory_does_not_grow_with_the_steps(files, monkeypatch):
    # Each step is ~8 KB as Python objects: holding 300 of them would add ~2.4 MB to the peak.
    few, many = _trace_peak(files, monkeypatch, 20), _trace_peak(files, monkeypatch, 300)
    assert many - few < 500_000, (few, many)


def test_streamed_trace_is_one_json_document(capsys, files):
    code, out, _ = run_cli(capsys, "trace", files / "net.json", "--input", "0.05,0.10", "--target", "0.01,0.99",
                           "--steps", "3")
    assert code == 0 and out.endswith("]}\n")
    doc = json.loads(out)
    assert [s["iteration"] for s in doc["steps"]] == [1, 2, 3]
    # Byte for byte what one json.dump of the whole document writes.
    assert out == json.dumps(doc, ensure_ascii=False) + "\n"


# ---- the process: Ctrl-C, closed pipe, full disk, Qt's noise ------------------------------------
def test_ctrl_c_during_train_writes_what_was_trained(tmp_path):
    out, log = tmp_path / "n.json", tmp_path / "log.csv"
    process = bpgui("train", "--hidden", "2", "--data", "xor", "--epochs", 10**9, "--out", out, "--log", log,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    for line in process.stderr:  # wait for the first progress line
        seen.append(line)
        if line.startswith("training "):
            break
    process.send_signal(signal.SIGINT)
    stdout, rest = process.communicate(timeout=20)
    err = "".join(seen) + rest
    assert process.returncode == 130, err
    assert "Traceback" not in err and "interrupted; wrote what was trained so far" in err
    assert "stopped: interrupted (Ctrl-C)" in stdout
    iterations = int(stdout.split("(")[2].split(" iterations")[0])
    assert load_network(out).network.layer_sizes == (2, 2, 1)
    rows = log.read_text().splitlines()
    assert rows[0].startswith("epoch,error") and int(rows[-1].split(",")[-1]) <= iterations


def test_ctrl_c_during_trace_leaves_valid_json(files):
    process = bpgui("trace", files / "net.json", "--input", "1,1", "--target", "1,1", "--steps", 10**9,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    first = process.stdout.read(64)  # it has started writing steps
    process.send_signal(signal.SIGINT)
    rest, err = process.communicate(timeout=20)
    assert process.returncode == 130
    doc = json.loads(first + rest)
    assert len(doc["steps"]) >= 1
    assert f"interrupted after {len(doc['steps'])} of" in one_line_of(err.decode())


def one_line_of(err: str) -> str:
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    return err


def test_a_pipe_closed_early_is_one_line(files):
    process = bpgui("trace", files / "net.json", "--input", "1,1", "--target", "1,1", "--steps", 100000,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(10) == b'{"format":'
    process.stdout.close()  # as `| head -c 10` does
    err = process.stderr.read().decode()
    assert process.wait(timeout=20) == 1
    assert one_error_line(err) == "bpgui trace: error: cannot write the output: the reader closed the pipe"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_stdout_is_one_line(files):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "bpgui", "train", "--hidden", "2", "--data", "xor",
                               "--epochs", "2"], stdout=full, stderr=subprocess.PIPE, text=True,
                              env=subprocess_env(), timeout=20)
    assert done.returncode == 1
    assert "No space left on device" in one_error_line(done.stderr)


def test_screenshot_is_quiet_and_survives_a_huge_range(tmp_path, files):
    out = tmp_path / "s.png"
    done = subprocess.run([sys.executable, "-m", "bpgui", "screenshot", str(out), "--data", str(files / "huge.csv"),
                           "--size", "400x300"], capture_output=True, text=True, env=subprocess_env(), timeout=30)
    assert done.returncode == 0 and done.stderr == "", done.stderr  # no Qt warning, no traceback
    assert done.stdout == f"{out}\n" and out.stat().st_size > 0


# ---- anything typed: exit 0, or 2 with one line ---------------------------------------------------
_VALUES = st.sampled_from(["", " ", "²", "-1", "0", "1", "2", "0.5", "nan", "inf", "-inf", "1e308", "-0", "x",
                           "1,1", "1,,1", "2 3", "100000,100000", "4", ",", "1e-320", "９", "\x00"])
_VALUES = _VALUES | st.text(max_size=6)
_TRAIN_OPTIONS = ["--hidden", "--data", "--label-type", "--mode", "--batch-size", "--target-error",
                  "--learning-rate", "--activation", "--output-activation", "--loss", "--init", "--seed",
                  "--test-fraction", "--out", "--log"]
_TRACE_OPTIONS = ["--input", "--target", "--learning-rate", "--steps"]


def _large_number(text: str) -> bool:
    try:
        return abs(int(text)) > 10
    except ValueError:
        return False


def _check_outcome(run, capsys) -> None:
    """Exit 0, or 2 with exactly one error line; never a traceback."""
    try:
        code = run()
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        code = exc.code
    _out, err = capsys.readouterr()
    assert code in (0, 2), (code, err)
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == (1 if code else 0), err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_train_never_crashes_on_hostile_arguments(capsys, files, data):
    args = ["train", "--hidden", "2", "--data", "xor"]
    for option in data.draw(st.lists(st.sampled_from(_TRAIN_OPTIONS), max_size=4)):
        value = data.draw(_VALUES)
        if option in ("--out", "--log") and value.strip() and "\x00" not in value:
            value = str(files / "sub" / value.replace("/", "_"))  # never beside the sources
        if option == "--data" and value.strip():
            value = data.draw(st.sampled_from([value, str(files / "huge.csv"), str(files), "spiral"]))
        if option == "--hidden" and value.strip() in ("1e308", "100000,100000") and data.draw(st.booleans()):
            value = "3"
        args += [option, value]
    args += ["--epochs", "2"]
    _check_outcome(lambda: main(args), capsys)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_trace_never_crashes_on_hostile_arguments(capsys, files, data):
    network = data.draw(st.sampled_from([str(files / "net.json"), str(files), "", "missing.json",
                                         str(files / "huge.csv")]))
    args = ["trace", network, "--input", "1,1", "--target", "1,1"]
    for option in data.draw(st.lists(st.sampled_from(_TRACE_OPTIONS), max_size=3)):
        value = data.draw(_VALUES)
        if option == "--steps" and _large_number(value):
            value = "3"  # a long trace is not what this test is about
        args += [option, value]
    _check_outcome(lambda: main(args), capsys)
