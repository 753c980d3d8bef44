"""Error messages are translatable templates: English by str(), translated by translate_error.

Every error of bad user input is raised with an English template wrapped in
``QT_TRANSLATE_NOOP("Errors", ...)`` (so lupdate extracts it) plus named
fields; the GUI translates the template and then fills the fields in.
"""

from __future__ import annotations

import ast
import copy
import string
from pathlib import Path

import numpy as np
import pytest

import bpgui.model
from bpgui.model import errors
from bpgui.model.datasets import Dataset, load_builtin, load_csv, load_dataset, train_test_split
from bpgui.model.errors import (
    QT_TRANSLATE_NOOP,
    BpguiError,
    ConfigError,
    DataError,
    DivergenceError,
    NetworkFileError,
    translate_error,
)
from bpgui.model.fileformat import load_network, network_from_dict
from bpgui.model.network import Network, parse_hidden_sizes, validate_structure
from bpgui.model.training import StopConditions, Trainer, TrainingConfig

MODEL_DIR = Path(bpgui.model.__file__).resolve().parent
ERROR_CLASSES = {"BpguiError", "DataError", "NetworkFileError", "ConfigError", "DivergenceError"}
FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    """The field names a str.format template uses (``{file}``, ``{eta:g}`` → file, eta)."""
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in FORMATTER.parse(template) if field is not None}


def shout(context: str, text: str) -> str:
    """A stand-in translation: the template's own words in capitals, its ``{fields}`` untouched."""
    assert context == "Errors"
    out = []
    for literal, field, spec, conversion in FORMATTER.parse(text):
        out.append(literal.upper().replace("{", "{{").replace("}", "}}"))
        if field is not None:
            out.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


# ---------------------------------------------------------------------------
# (a) representative bad inputs
# ---------------------------------------------------------------------------

GOOD_DOC = {"format": "bpgui.network", "version": 1,
            "layers": [{"units": 2}, {"units": 1, "activation": "sigmoid"}]}


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def diverge(tmp_path):
    data = Dataset("big", np.array([[1e200, 1e200]]), np.array([[1.0]]), ("a", "b"), ("y",), "regression")
    trainer = Trainer(Network.initialise((2, 1), activations="linear"), data,
                      config=TrainingConfig(learning_rate=1e200))
    trainer.step()


CASES = {
    # name: (error class, action(tmp_path), fragment of the English message)
    "missing csv": (DataError, lambda p: load_csv(p / "no such.csv"), "file not found"),
    "ragged row": (DataError, lambda p: load_csv(write(p, "ragged.csv", "a,b,y\n1,2,1\n1,2\n")),
                   "line 3: the row has 2 cells, the header has 3"),
    "text in a numeric column": (DataError,
                                 lambda p: load_csv(write(p, "text.csv", "a,b,y\n1,2,1\n1,x,0\n3,4,1\n5,6,0\n")),
                                 "line 3, column 2 (b): 'x' is not a number (text in a numeric feature column)"),
    "nan in a csv": (DataError, lambda p: load_csv(write(p, "nan.csv", "a,y\n1,1\nnan,0\n")),
                     "line 3, column 1 (a): 'nan' is not a finite number"),
    "one class only": (DataError, lambda p: load_csv(write(p, "one.csv", "a,y\n1,yes\n2,yes\n")),
                       "column 2 (y): only one class (yes) in the labels"),
    "empty cell": (DataError, lambda p: load_csv(write(p, "gap.csv", "a,b,y\n1,,1\n2,3,0\n")),
                   "line 2, column 2 (b): empty value"),
    "duplicate column": (DataError, lambda p: load_csv(write(p, "dup.csv", "a,a,y\n1,2,1\n")),
                         "duplicate column name 'a' (columns 1 and 2)"),
    "not utf-8 nor gbk": (DataError, lambda p: load_csv(write(p, "bytes.csv", b"a,y\n\xff\xff\xff,1\n")),
                          "neither UTF-8 nor GBK"),
    "unknown data set": (DataError, lambda p: load_dataset(str(p / "nowhere{x}.csv")),
                         "not a built-in data set and no such file"),
    "split of one row": (DataError, lambda p: train_test_split(load_builtin("xor").subset([0]), 0.5, 0),
                         "a train/test split needs at least 2"),
    "bad json": (NetworkFileError, lambda p: load_network(write(p, "bad.json", '{"format": ,}')),
                 "line 1, column 12: not valid JSON"),
    "missing network file": (NetworkFileError, lambda p: load_network(p / "gone.json"), "no such file"),
    "bad key in a network file": (NetworkFileError,
                                  lambda p: network_from_dict({**GOOD_DOC, "wieghts": []}, "net.json"),
                                  "net.json: wieghts: unknown key (allowed: "),
    "literal braces in a template": (NetworkFileError,
                                     lambda p: network_from_dict({**GOOD_DOC, "layers": [3, {"units": 1}]}, "net.json"),
                                     'expected an object such as {"units": 2, "activation": "sigmoid"}'),
    "wrong matrix in a network file": (NetworkFileError,
                                       lambda p: network_from_dict({**GOOD_DOC, "weights": [[[1], [1, 2]]]}, "n"),
                                       "n: weights[0][1]: expected a list of 1 numbers"),
    "unknown activation": (ConfigError, lambda p: validate_structure((2, 1), ("softmax",), "squared_error"),
                           "layer 1: activation must be one of sigmoid, tanh, relu, linear, got 'softmax'"),
    "eta <= 0": (ConfigError, lambda p: TrainingConfig(learning_rate=-0.5),
                 "the learning rate η must be a positive finite number, got -0.5"),
    "bad batch size": (ConfigError, lambda p: TrainingConfig(mode="minibatch", batch_size=0),
                       "the batch size must be a positive whole number, got 0"),
    "bad hidden sizes": (ConfigError, lambda p: parse_hidden_sizes("8, four"),
                         "'four' in '8, four' is not one"),
    "bad stop condition": (ConfigError, lambda p: StopConditions(max_epochs=0), "got 0"),
    "wrong test set": (ConfigError,
                       lambda p: Trainer(Network.initialise((2, 2, 1)), load_builtin("xor"), test=load_builtin("sine")),
                       "the test set 'sine' has 1 inputs and 1 outputs, but the network is 2-2-1"),
    "no fields": (ConfigError, lambda p: Trainer(Network.initialise((2, 2, 1)), load_builtin("xor")).step_back(),
                  "already at iteration 0: there is nothing to step back to"),
    "divergence": (DivergenceError, diverge,
                   "iteration 1 produced a non-finite error or parameter (η = 1e+200); it was not applied"),
}


def raised(name: str, tmp_path: Path) -> BpguiError:
    kind, action, fragment = CASES[name]
    with pytest.raises(kind) as info:
        action(tmp_path)
    exc = info.value
    assert fragment in str(exc), (fragment, str(exc))
    return exc


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_error_is_a_template_filled_with_fields(name, tmp_path):
    exc = raised(name, tmp_path)
    assert isinstance(exc.template, str) and isinstance(exc.fields, dict)
    assert placeholders(exc.template) == set(exc.fields), "every field is used and every placeholder has a value"
    assert str(exc) == exc.template.format(**exc.fields)
    # The English "translation" gives the English message.
    assert translate_error(exc, lambda context, text: text) == str(exc)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_template_is_translated_and_the_values_are_not(name, tmp_path):
    exc = raised(name, tmp_path)
    shown = translate_error(exc, shout)
    assert shown == shout("Errors", exc.template).format(**exc.fields)
    for value in exc.fields.values():
        assert format(value) in shown  # e.g. a file name keeps its lower-case letters
    if not exc.fields:
        assert shown == str(exc).upper()


def test_a_field_value_is_never_translated(tmp_path):
    exc = raised("ragged row", tmp_path)
    assert exc.fields["file"] == str(tmp_path / "ragged.csv")
    shown = translate_error(exc, shout)
    assert shown == f"{tmp_path / 'ragged.csv'}, LINE 3: THE ROW HAS 2 CELLS, THE HEADER HAS 3"


def test_a_translation_can_reorder_the_fields(tmp_path):
    exc = raised("ragged row", tmp_path)
    chinese = {exc.template: "{file} 第 {line} 行：表头有 {expected} 列，这一行有 {cells} 列"}
    shown = translate_error(exc, lambda context, text: chinese.get(text, text))
    assert shown == f"{tmp_path / 'ragged.csv'} 第 3 行：表头有 3 列，这一行有 2 列"


# ---------------------------------------------------------------------------
# (b) a broken translation falls back to the English message
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("broken", [
    lambda context, text: "{nope}",
    lambda context, text: text.upper(),  # {FILE} is not a field
    lambda context, text: "{",
    lambda context, text: "}{0}",
    lambda context, text: None,
    lambda context, text: "",
    lambda context, text: 1 / 0,
], ids=["unknown field", "capitalised field", "stray brace", "positional", "none", "empty", "raises"])
def test_a_broken_translation_falls_back_to_the_english_message(broken, tmp_path):
    for name in ("ragged row", "bad json", "divergence", "bad hidden sizes"):
        exc = raised(name, tmp_path)
        assert translate_error(exc, broken) == str(exc)


def test_anything_but_a_templated_error_is_shown_as_it_is():
    assert translate_error(ValueError("plain {x}"), lambda c, t: "X") == "plain {x}"
    assert translate_error(OSError(2, "gone"), lambda c, t: "X") == str(OSError(2, "gone"))


def test_a_finished_message_without_fields_is_kept_exactly():
    # Code outside the model may still raise with a finished message (a path with braces, a repr).
    for message in ("C:/data/{x}.json: bad", "got '{{'", "}{", "plain"):
        exc = ConfigError(message)
        assert str(exc) == message and exc.template == message and exc.fields == {}
        assert translate_error(exc, lambda context, text: text) == message


def test_the_marker_returns_its_text():
    assert QT_TRANSLATE_NOOP("Errors", "{file}: file not found") == "{file}: file not found"


def test_copies_keep_the_template_and_fields(tmp_path):
    exc = raised("ragged row", tmp_path)
    twin = copy.deepcopy(exc)
    assert type(twin) is DataError
    assert (twin.template, twin.fields, str(twin), twin.args) == (exc.template, exc.fields, str(exc), exc.args)


def test_errors_are_still_value_errors():
    for kind in (DataError, NetworkFileError, ConfigError, DivergenceError):
        assert issubclass(kind, BpguiError) and issubclass(kind, ValueError)


# ---------------------------------------------------------------------------
# (c) a source scan: no untranslatable message can sneak into the model
# ---------------------------------------------------------------------------


def model_sources() -> list[Path]:
    files = sorted(MODEL_DIR.rglob("*.py"))
    assert any(p.name == "datasets.py" for p in files)
    return files


def error_names(tree: ast.Module) -> set[str]:
    """The names the error classes go by in a module (``DataError``, or an ``as`` alias)."""
    names = set(ERROR_CLASSES)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.update(alias.asname for alias in node.names if alias.name in ERROR_CLASSES and alias.asname)
    return names


def called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def marker_text(node: ast.AST) -> str | None:
    """The template of ``QT_TRANSLATE_NOOP("Errors", "literal")``, else None."""
    if (isinstance(node, ast.Call) and called_name(node) == "QT_TRANSLATE_NOOP" and not node.keywords
            and len(node.args) == 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
            and node.args[0].value == "Errors"):
        return node.args[1].value
    return None


def scan() -> tuple[list[str], int, set[str]]:
    problems, constructions, templates = [], 0, set()
    for path in model_sources():
        if path.name == "errors.py":
            continue  # the definitions themselves
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))  # parsed, never run
        names = error_names(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.name}:{node.lineno}"
            if called_name(node) == "QT_TRANSLATE_NOOP" and marker_text(node) is None:
                problems.append(f"{where}: QT_TRANSLATE_NOOP needs (\"Errors\", a string literal)")
            if called_name(node) not in names:
                continue
            constructions += 1
            template = marker_text(node.args[0]) if len(node.args) == 1 else None
            if template is None:
                problems.append(f"{where}: the message is not one QT_TRANSLATE_NOOP(\"Errors\", \"...\") template")
                continue
            templates.add(template)
            try:
                used = placeholders(template)
            except ValueError as exc:
                problems.append(f"{where}: {template!r} is not a valid str.format template ({exc})")
                continue
            given = {k.arg for k in node.keywords if k.arg is not None}
            spread = any(k.arg is None for k in node.keywords)  # **fields: checked at run time
            if not used <= given and not spread:
                problems.append(f"{where}: {template!r} has no value for {sorted(used - given)}")
            if given - used:
                problems.append(f"{where}: {template!r} does not use {sorted(given - used)}")
            if not node.keywords and ("{" in template or "}" in template):
                problems.append(f"{where}: a template without fields must not contain braces")
            if any(field.isdigit() or field == "" for field in used):
                problems.append(f"{where}: {template!r} has a positional field; name every field")
    return problems, constructions, templates


def test_every_model_error_is_raised_with_a_translatable_template():
    problems, constructions, templates = scan()
    assert not problems, "\n".join(problems)
    assert constructions >= 100 and len(templates) >= 90  # the scan does look at the real raises


def test_every_raise_in_the_model_is_a_template_or_a_re_raise():
    """``raise XError(...)`` is covered above; other raises of a name are re-raises or plain ValueErrors."""
    for path in model_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = called_name(node.exc)
                if name in ERROR_CLASSES:
                    assert node.exc.args and marker_text(node.exc.args[0]) is not None, f"{path.name}:{node.lineno}"


def test_the_scan_catches_an_untranslatable_message():
    bad = [
        'raise DataError(f"{where}: file not found")',
        'raise DataError("{file}: gone", file=where)',
        'raise ConfigError(QT_TRANSLATE_NOOP("Errors", text), got=1)',
        'raise ConfigError(QT_TRANSLATE_NOOP("Other", "got {got}"), got=1)',
        'raise errors.NetworkFileError("plain")',
    ]
    for source in bad:
        call = ast.parse(source).body[0].exc
        assert called_name(call) in ERROR_CLASSES
        assert marker_text(call.args[0]) is None, source
    good = ast.parse('raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: " "gone"), file=where)').body[0].exc
    assert marker_text(good.args[0]) == "{file}: gone"


def test_the_error_module_defines_the_marker_lupdate_looks_for():
    assert errors.QT_TRANSLATE_NOOP is QT_TRANSLATE_NOOP
    assert QT_TRANSLATE_NOOP.__name__ == "QT_TRANSLATE_NOOP"
    assert errors.CONTEXT == "Errors"


def test_divergence_keeps_the_eta_format(tmp_path):
    exc = raised("divergence", tmp_path)
    assert exc.fields["eta"] == "1e+200" and "(η = {eta})" in exc.template
