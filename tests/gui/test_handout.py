"""``python -m bpgui worksheet``: the handout's numbers are trace's, formatted as the app formats them.

The HTML and the PDF are read by ``handout_reading`` (beside this file).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from handout_reading import pdf_pages, read_html, trace_numbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFontDatabase

from bpgui.cli import main
from bpgui.model.numbers import format_number
from bpgui.views.language import current_language

# The classic worked example (Mazur), shipped as examples/two-two-two.json (thresholds = −biases).
EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "examples" / "two-two-two.json").read_text("utf-8"))
SAMPLE = ["--input", "0.05,0.10", "--target", "0.01,0.99"]


@pytest.fixture()
def network(tmp_path, qapp):
    path = tmp_path / "net.json"
    path.write_text(json.dumps(EXAMPLE))
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def trace(capsys, network, *extra) -> list[dict]:
    code, out, _ = run(capsys, "trace", network, *SAMPLE, *extra)
    assert code == 0
    return json.loads(out)["steps"]


def test_the_pdf_reader_reads_what_qt_wrote(tmp_path, qapp):
    """The reader itself: a document of known words comes back as those words, on its two pages."""
    from bpgui.views.handout_pdf import pdf_bytes

    html = '<p>alpha 0.2984 −0.1385</p><p style="page-break-before: always">second page ŷ</p>'
    pages = pdf_pages(pdf_bytes(html))
    assert len(pages) == 2
    assert "".join(pages[0]) == "alpha 0.2984 −0.1385"
    assert "second page ŷ" in "".join(pages[1])


# ---- (1) every number is trace's ----------------------------------------------------------------------
@pytest.mark.parametrize("digits", [4, 7])
def test_every_number_of_the_sheet_is_traces_formatted_as_the_app_does(capsys, tmp_path, network, digits):
    steps = trace(capsys, network)
    out = tmp_path / "sheet.html"
    code, stdout, err = run(capsys, "worksheet", network, *SAMPLE, "--out", out, "--digits", digits)
    assert (code, err) == (0, "") and stdout.strip() == str(out)
    cells = read_html(out).cells
    expected = {("v", 1, key): format_number(v, digits) for key, v in trace_numbers(steps[0], 0.5).items()}
    assert cells == expected  # every number of the step, each once, and nothing else
    assert cells[("v", 1, "error")] == {4: "0.2984", 7: "0.2983711"}[digits]  # the published E = 0.298371109
    assert cells[("v", 1, "w_11:new_value")] == {4: "0.3589", 7: "0.3589165"}[digits]  # w5⁺ = 0.35891648


def test_the_sheet_lays_out_the_notes_formulas(capsys, tmp_path, network):
    out = tmp_path / "sheet.html"
    assert run(capsys, "worksheet", network, *SAMPLE, "--out", out)[0] == 0
    text = out.read_text(encoding="utf-8")
    for formula in ("<i>α</i><sub>1</sub> = Σ<sub>i</sub> <i>v</i><sub>i1</sub> <i>x</i><sub>i</sub>",
                    "<i>g</i><sub>1</sub> = <i>ŷ</i><sub>1</sub>(1 − <i>ŷ</i><sub>1</sub>)(<i>y</i><sub>1</sub> − "
                    "<i>ŷ</i><sub>1</sub>)",
                    "∂<i>E</i><sub>k</sub>/∂<i>w</i><sub>11</sub> = −<i>g</i><sub>1</sub> <i>b</i><sub>1</sub>",
                    "= 0.15 · 0.05 + 0.2 · 0.1"):  # α₁ with its numbers
        assert formula in text
    assert text.count('<img src="data:image/png;base64,') == 1  # the network drawing, in the file itself
    headings = [h for tag, h, _ in read_html(out).headings if tag == "h3"]
    assert headings == ["Given", "Forward pass", "Error", "Backward pass", "Gradients and updates", "New values"]


# ---- (2) --steps 2 ---------------------------------------------------------------------------------------
def test_two_steps_two_iterations_the_second_from_the_firsts_new_values(capsys, tmp_path, network):
    steps = trace(capsys, network, "--steps", "2")
    out = tmp_path / "sheet.html"
    assert run(capsys, "worksheet", network, *SAMPLE, "--steps", "2", "--out", out)[0] == 0
    page = read_html(out)
    assert {t for _, t, _ in page.cells} == {1, 2}
    for t, step in enumerate(steps, 1):
        for key, v in trace_numbers(step, 0.5).items():
            assert page.cells[("v", t, key)] == format_number(v), (t, key)
    names = [p["name"] for p in steps[0]["parameters"]]
    assert all(page.cells[("v", 2, f"{n}:value")] == page.cells[("v", 1, f"{n}:new_value")] for n in names)
    assert page.cells[("v", 2, "error")] != page.cells[("v", 1, "error")]
    second = [h for h in page.headings if h[0] == "h2"][1]
    assert second[1].startswith("Iteration t = 2") and second[2]  # on a new page


# ---- (3) --blank ---------------------------------------------------------------------------------------
def test_a_blank_sheet_leaves_the_cells_and_keys_every_number_at_the_end(capsys, tmp_path, network):
    steps = trace(capsys, network, "--steps", "2")
    out = tmp_path / "blank.html"
    assert run(capsys, "worksheet", network, *SAMPLE, "--steps", "2", "--blank", "--out", out)[0] == 0
    page = read_html(out)
    given = {"input:1", "input:2", "target:1", "target:2", "eta"} | {f"{p['name']}:value"
                                                                    for p in steps[0]["parameters"]}
    for (kind, t, key), text in page.cells.items():
        if kind == "v":  # only what iteration 1 starts from is written; iteration 2's start is 1's answers
            assert (text != "") == (key in given and (t == 1 or not key.endswith(":value"))), (t, key, text)
    key = {(t, k): text for (kind, t, k), text in page.cells.items() if kind == "key"}
    for t, step in enumerate(steps, 1):
        for k, v in trace_numbers(step, 0.5).items():
            if k not in given:
                assert key[(t, k)] == format_number(v), (t, k)
    first_key = next(i for i, c in enumerate(page.order) if c[0] == "key")
    assert all(c[0] == "key" for c in page.order[first_key:])  # the key comes last …
    assert ("h2", "Answer key", True) in page.headings  # … on a new page


# ---- (4) the PDF -------------------------------------------------------------------------------------
def test_the_pdf_holds_every_number_on_a4_pages(capsys, tmp_path, network):
    steps = trace(capsys, network)
    out = tmp_path / "sheet.pdf"
    assert run(capsys, "worksheet", network, *SAMPLE, "--out", out)[0] == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"/MediaBox [0 0 595" in data  # A4: 595 × 842 points
    pages = pdf_pages(data)
    assert 2 <= len(pages) <= 6
    runs = [r for page in pages for r in page]
    for key, v in trace_numbers(steps[0], 0.5).items():
        assert format_number(v) in runs, key  # each number is a text run of its own
    assert "".join(pages[0]).startswith("Backpropagation worksheet")


def test_a_blank_pdf_keeps_its_answers_to_the_last_pages(capsys, tmp_path, network):
    steps = trace(capsys, network)
    blank = tmp_path / "blank.pdf"
    assert run(capsys, "worksheet", network, *SAMPLE, "--blank", "--out", blank)[0] == 0
    pages = pdf_pages(blank.read_bytes())
    start = next(n for n, page in enumerate(pages) if "Answer key" in page)
    assert start > 0 and pages[start][0] == "Answer key"  # the key opens its page
    asked, key = {r for p in pages[:start] for r in p}, {r for p in pages[start:] for r in p}
    for name in ("error", "delta:2:1", "delta:1:2"):
        value = format_number(trace_numbers(steps[0], 0.5)[name])
        assert value not in asked and value in key, name
    for p in steps[0]["parameters"]:
        assert format_number(p["gradient"]) in key and format_number(p["new_value"]) in key


# ---- (5) languages -------------------------------------------------------------------------------------
def test_in_chinese_the_sheet_speaks_chinese_and_the_language_is_put_back(capsys, tmp_path, network):
    assert current_language() == "en"
    out, pdf = tmp_path / "sheet.html", tmp_path / "sheet.pdf"
    assert run(capsys, "worksheet", network, *SAMPLE, "--language", "zh_CN", "--out", out)[0] == 0
    assert run(capsys, "worksheet", network, *SAMPLE, "--language", "zh_CN", "--out", pdf)[0] == 0
    assert current_language() == "en"
    text = out.read_text(encoding="utf-8")
    assert "标准BP算法" in text and "均方误差" in text  # the settings panel's words for the mode and the loss
    headings = read_html(out).headings
    assert headings[0] == ("h1", "反向传播练习表", False)
    assert all(re.search("[\u4e00-\u9fff]", heading) for _, heading, _ in headings), headings
    if any("CJK SC" in family for family in QFontDatabase.families()):
        assert b"NotoSansCJKsc" in pdf.read_bytes() or b"CJK" in pdf.read_bytes()
    english = tmp_path / "en.html"
    assert run(capsys, "worksheet", network, *SAMPLE, "--out", english)[0] == 0
    assert read_html(english).cells == read_html(out).cells  # the same numbers in either language


class Marked(QTranslator):
    """Every handout word translated to itself behind a mark: shows which words go through translation."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return "译:" + source if context == "Handout" else ""

    def isEmpty(self):
        return False


def test_every_heading_goes_through_translation(capsys, tmp_path, network, qapp):
    marked = Marked()
    QCoreApplication.installTranslator(marked)
    try:
        out = tmp_path / "blank.html"
        assert run(capsys, "worksheet", network, *SAMPLE, "--steps", "2", "--blank", "--out", out)[0] == 0
    finally:
        QCoreApplication.removeTranslator(marked)
    headings = read_html(out).headings
    assert len(headings) > 10 and all(text.startswith("译:") for _, text, _ in headings), headings
    text = out.read_text(encoding="utf-8")
    for paragraph in re.findall(r"<p[^>]*>(.*?)</p>", text, re.S):
        assert paragraph.startswith(("译:", "<img")), paragraph


# ---- (6) refusals --------------------------------------------------------------------------------------
@pytest.mark.parametrize("args, message", [
    (["--out", "{tmp}/sheet.txt"], "--out"),
    (["--out", "{tmp}/sheet"], "--out"),
    (["--out", "{tmp}/no such folder/sheet.pdf"], "--out"),
    (["--out", "{tmp}"], "--out"),
    (["--out", ""], "--out"),
    (["--out", "{tmp}/s.pdf", "--digits", "0"], "--digits"),
    (["--out", "{tmp}/s.pdf", "--digits", "18"], "--digits"),
    (["--out", "{tmp}/s.pdf", "--steps", "0"], "--steps"),
    (["--out", "{tmp}/s.pdf", "--steps", "101"], "--steps"),
    (["--out", "{tmp}/s.pdf", "--steps", "two"], "--steps"),
    (["--out", "{tmp}/s.pdf", "--learning-rate", "-0.5"], "learning rate"),
    (["--out", "{tmp}/s.pdf", "--learning-rate", "nan"], "learning rate"),
    (["--out", "{tmp}/s.pdf", "--language", "fr"], "--language"),
])
def test_bad_arguments_are_refused_naming_them_and_nothing_is_written(capsys, tmp_path, network, args, message):
    folder = tmp_path / "out"
    folder.mkdir()
    args = [a.replace("{tmp}", str(folder)) for a in args]
    code, out, err = run(capsys, "worksheet", network, *SAMPLE, *args)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1, err
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("which, text, message", [
    ("--input", "0.05", "--input has 1 values"),
    ("--input", "0.05,abc", "--input must be numbers"),
    ("--target", "0.01,0.99,0.5", "--target has 3 values"),
    ("--target", "0.01,inf", "--target must be finite"),
])
def test_a_bad_sample_is_refused_and_the_old_file_stays(capsys, tmp_path, network, which, text, message):
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"the old sheet")
    values = dict(zip(SAMPLE[::2], SAMPLE[1::2])) | {which: text}
    code, stdout, err = run(capsys, "worksheet", network, *[x for kv in values.items() for x in kv], "--out", out)
    assert code == 2 and stdout == "" and message in err
    assert out.read_bytes() == b"the old sheet"


# Any text, or numbers that may be fine, too many, too few, huge, infinite or not a number.
SAMPLE_TEXT = st.one_of(st.text(max_size=24), st.lists(st.floats(width=32), max_size=3).map(
    lambda values: ",".join(map(repr, values))))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=SAMPLE_TEXT, y=SAMPLE_TEXT)
def test_any_sample_text_makes_a_sheet_or_a_refusal_naming_it(capsys, tmp_path, network, x, y):
    out = tmp_path / "any.html"
    out.unlink(missing_ok=True)
    code = main(["worksheet", str(network), "--input", x, "--target", y, "--out", str(out)])
    _, err = capsys.readouterr()
    if code == 0:
        cells = read_html(out).cells
        assert cells[("v", 1, "input:1")] == format_number(float(x.split(",")[0]))
    else:
        assert code == 2 and ("--input" in err or "--target" in err or "not finite" in err), err
        assert not out.exists()
