"""Scripted use: trace and train print exactly what the engine computed."""

import csv
import json
import subprocess
import sys

import numpy as np
import pytest

from bpgui.cli import main
from bpgui.model.fileformat import load_network

EXAMPLE = {
    "format": "bpgui.network", "version": 1,
    "layers": [{"units": 2}, {"units": 2, "activation": "sigmoid"}, {"units": 2, "activation": "sigmoid"}],
    "weights": [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]],
    "thresholds": [[-0.35, -0.35], [-0.60, -0.60]],
    "loss": "squared_error", "learning_rate": 0.5,
}


@pytest.fixture()
def example_file(tmp_path):
    path = tmp_path / "net.json"
    path.write_text(json.dumps(EXAMPLE))
    return path


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_trace_prints_the_worked_example(capsys, example_file):
    code, out, _ = run_cli(capsys, "trace", example_file, "--input", "0.05,0.10", "--target", "0.01,0.99",
                           "--steps", "2")
    assert code == 0
    doc = json.loads(out)
    assert doc["format"] == "bpgui.trace" and doc["version"] == 1 and len(doc["steps"]) == 2
    first = doc["steps"][0]
    assert first["iteration"] == 1 and first["input"] == [0.05, 0.10] and first["target"] == [0.01, 0.99]
    assert round(first["error"], 12) == 0.298371108760
    assert len(first["layers"]) == 2 and set(first["layers"][0]) == {"net", "output", "delta"}
    names = [p["name"] for p in first["parameters"]]
    assert names == ["v_11", "v_12", "v_21", "v_22", "γ_1", "γ_2", "w_11", "w_12", "w_21", "w_22", "θ_1", "θ_2"]
    v11 = first["parameters"][0]
    assert v11 == {**v11, "layer": 1, "kind": "weight", "from": 1, "to": 1, "value": 0.15}
    assert round(v11["gradient"], 12) == 0.000438567734
    assert round(v11["update"], 12) == -0.000219283867
    assert round(v11["new_value"], 9) == 0.149780716
    theta = first["parameters"][-1]
    assert theta["kind"] == "threshold" and theta["from"] is None and theta["to"] == 2
    # Iteration 2 starts from iteration 1's new values.
    second = doc["steps"][1]
    assert [p["value"] for p in second["parameters"]] == [p["new_value"] for p in first["parameters"]]
    assert second["error"] < first["error"]


def test_trace_learning_rate_override_and_full_precision(capsys, example_file):
    _, out, _ = run_cli(capsys, "trace", example_file, "--input", "0.05,0.10", "--target", "0.01,0.99",
                        "--learning-rate", "0.25")
    p = json.loads(out)["steps"][0]["parameters"][0]
    assert p["update"] == -0.25 * p["gradient"]
    assert p["new_value"] == 0.15 + p["update"]  # repr round-trip: every bit printed


@pytest.mark.parametrize("args, message", [
    (["--input", "0.05", "--target", "0.01,0.99"], "--input has 1 values"),
    (["--input", "0.05,abc", "--target", "0.01,0.99"], "--input must be numbers"),
    (["--input", "0.05,0.1", "--target", "0.01,0.99", "--steps", "0"], "--steps"),
])
def test_trace_bad_arguments_name_the_problem(capsys, example_file, args, message):
    code, out, err = run_cli(capsys, "trace", example_file, *args)
    assert code == 2 and out == "" and message in err


def test_trace_bad_network_file_names_the_key(capsys, tmp_path):
    bad = dict(EXAMPLE, weights=[[[0.15, 0.25], [0.20, "x"]], [[0.40, 0.50], [0.45, 0.55]]])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    code, out, err = run_cli(capsys, "trace", path, "--input", "0,0", "--target", "0,0")
    assert code == 2 and "weights[0][1][1]" in err and "bad.json" in err and out == ""


def test_train_xor_writes_network_and_log(capsys, tmp_path):
    out_file, log_file = tmp_path / "trained.json", tmp_path / "log.csv"
    code, out, err = run_cli(capsys, "train", "--hidden", "2", "--data", "xor", "--epochs", "3000",
                             "--target-error", "0.01", "--out", out_file, "--log", log_file)
    assert code == 0
    assert "training 2-2-1 on xor" in err
    assert "stopped: target_error" in out and "training accuracy: 1.0000" in out
    trained = load_network(out_file).network
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    assert list((trained.predict(x)[:, 0] >= 0.5).astype(int)) == [0, 1, 1, 0]
    rows = list(csv.reader(log_file.open()))
    assert rows[0][:3] == ["epoch", "error", "accuracy"]
    errors = [float(r[1]) for r in rows[1:]]
    assert rows[1][0] == "0" and errors[-1] <= 0.01 < errors[-2]
    reported = float(out.split("training error E: ")[1].split()[0])
    assert reported == pytest.approx(errors[-1], rel=1e-9)


def test_train_from_network_file_with_test_split(capsys, tmp_path):
    net = {"format": "bpgui.network", "version": 1, "seed": 3,
           "layers": [{"units": 2}, {"units": 5, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]}
    path = tmp_path / "n.json"
    path.write_text(json.dumps(net))
    log_file = tmp_path / "log.csv"
    code, out, _ = run_cli(capsys, "train", path, "--data", "moons", "--mode", "minibatch", "--batch-size", "16",
                           "--epochs", "20", "--test-fraction", "0.25", "--log", log_file, "--learning-rate", "0.5")
    assert code == 0 and "test accuracy:" in out
    header = next(csv.reader(log_file.open()))
    assert header == ["epoch", "error", "accuracy", "iteration", "test_error", "test_accuracy"]
    rows = list(csv.reader(log_file.open()))[1:]
    assert len(rows) == 21 and int(rows[-1][3]) == 20 * 10  # 150 training samples / 16 → 10 batches


@pytest.mark.parametrize("args, message", [
    (["--hidden", "0", "--data", "xor"], "positive whole numbers"),
    (["--hidden", "abc", "--data", "xor"], "positive whole numbers"),
    (["--hidden", "2", "--data", "no-such-set"], "no-such-set"),
    (["--hidden", "2", "--data", "xor", "--learning-rate", "-1"], "learning rate"),
    (["--hidden", "2", "--data", "xor", "--epochs", "0"], "maximum number of epochs"),
])
def test_train_bad_arguments_name_the_problem(capsys, tmp_path, args, message):
    out_file = tmp_path / "never.json"
    code, out, err = run_cli(capsys, "train", *args, "--out", out_file)
    assert code == 2 and message in err and out == ""
    assert not out_file.exists()


def test_python_dash_m_runs_a_sub_command_without_a_window(example_file):
    result = subprocess.run(
        [sys.executable, "-m", "bpgui", "trace", str(example_file), "--input", "0.05,0.10", "--target", "0.01,0.99"],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(result.stdout)["steps"][0]["parameters"][0]["name"] == "v_11"


def write_digits(tmp_path, count=20):
    path = tmp_path / "digits.csv"
    path.write_text("a,b,digit\n" + "".join(f"{k % 3},{k % 5},{k % 10}\n" for k in range(count)), encoding="utf-8")
    return path


def test_train_reads_a_digit_column_as_classes_and_says_so(capsys, tmp_path):
    code, out, err = run_cli(capsys, "train", "--hidden", "3", "--data", write_digits(tmp_path), "--epochs", "2")
    assert code == 0
    assert "network: 2-3-10" in out and "training accuracy" in out
    assert ("labels: label column 'digit' read as 10 classes (whole numbers, 10 distinct values); "
            "choose 'number' to treat it as a number") in err


def test_train_label_type_number_overrides(capsys, tmp_path):
    code, out, err = run_cli(capsys, "train", "--hidden", "3", "--data", write_digits(tmp_path), "--epochs", "2",
                             "--label-type", "number")
    assert code == 0
    assert "network: 2-3-1" in out and "accuracy" not in out
    assert "labels: label column 'digit' read as a number, as chosen" in err


def test_train_label_type_classes_overrides(capsys, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("a,y\n" + "".join(f"{k},{k}\n" for k in range(25)), encoding="utf-8")
    code, out, err = run_cli(capsys, "train", "--hidden", "2", "--data", path, "--epochs", "1")
    assert code == 0 and "network: 1-2-1" in out and "read as a number (whole numbers, but 25 distinct" in err
    code, out, err = run_cli(capsys, "train", "--hidden", "2", "--data", path, "--epochs", "1",
                             "--label-type", "classes")
    assert code == 0 and "network: 1-2-25" in out and "read as 25 classes, as chosen" in err


def test_train_says_how_a_built_in_set_is_read(capsys):
    code, _, err = run_cli(capsys, "train", "--hidden", "2", "--data", "xor", "--epochs", "1")
    assert code == 0 and "labels: read as classes (inferred)" in err
    code, out, err = run_cli(capsys, "train", "--hidden", "2", "--data", "xor", "--epochs", "1",
                             "--label-type", "number")
    assert code == 0 and "label column 'y_1' read as a number, as chosen" in err and "accuracy" not in out


def test_train_label_type_refusals(capsys, tmp_path):
    code, out, err = run_cli(capsys, "train", "--hidden", "2", "--data", "sine", "--label-type", "classes")
    assert code == 2 and out == "" and "built-in data set 'sine' has numeric targets" in err
    code, out, err = run_cli(capsys, "train", "--hidden", "2", "--data", "xor", "--label-type", "digits")
    assert code == 2 and out == "" and "invalid choice: 'digits'" in err and len(err.splitlines()) == 1


def test_train_hidden_sizes_with_spaces(capsys):
    code, out, _ = run_cli(capsys, "train", "--hidden", "3 2", "--data", "xor", "--epochs", "1")
    assert code == 0 and "network: 2-3-2-1" in out
