"""File → Export worksheet (``views.handout_export``): the handout of the iteration the window shows."""

from __future__ import annotations

import pytest
from handout_reading import pdf_pages, read_html, record_numbers

from bpgui.model.numbers import format_number
from bpgui.model.practice.planted import THRESHOLD_SIGN
from bpgui.views.handout_export import export_worksheet


@pytest.fixture()
def messages(window, monkeypatch):
    """What the window said (level, text)."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_message", lambda level, text: said.append((level, text)))
    return said


def expected_cells(record, digits: int) -> dict[tuple[str, int, str], str]:
    return {("v", record.iteration, key): format_number(v, digits) for key, v in record_numbers(record).items()}


def test_the_file_holds_the_numbers_of_the_iteration_the_window_shows(window, tmp_path, messages):
    c = window.controller
    for _ in range(3):
        c.step()
    window.set_digits(6)
    record = c.display_record()
    assert record.iteration == 3
    out = tmp_path / "sheet.html"
    assert export_worksheet(window, str(out))
    assert read_html(out).cells == expected_cells(record, 6)
    assert [level for level, _ in messages] == ["info"]  # "written to …", no refusal


def test_at_t_0_the_file_is_the_next_iterations_as_the_window_previews_it(window, tmp_path, messages):
    c = window.controller
    assert c.iteration == 0 and c.showing_preview
    out = tmp_path / "sheet.pdf"
    assert export_worksheet(window, str(out), blank=True)
    record = c.display_record()
    assert record.iteration == 1
    pages = pdf_pages(out.read_bytes())
    start = next(n for n, page in enumerate(pages) if "Answer key" in page)
    key = {run for page in pages[start:] for run in page}
    for name, value in record_numbers(record).items():
        if name.endswith((":gradient", ":new_value")) or name == "error":
            assert format_number(value, window.digits()) in key, name
    c.step()  # the file was the iteration that came next
    assert c.display_record().error == record.error


@pytest.mark.parametrize("name", ["sheet.txt", "sheet.pdf.bak"])
def test_a_name_that_is_neither_pdf_nor_html_is_refused(window, tmp_path, messages, name):
    folder = tmp_path / "out"
    folder.mkdir()
    assert not export_worksheet(window, str(folder / name))
    assert list(folder.iterdir()) == []
    assert len(messages) == 1 and messages[0][0] == "error" and name in messages[0][1] and ".pdf" in messages[0][1]


def test_a_folder_that_is_not_there_is_refused_naming_the_file(window, tmp_path, messages):
    path = tmp_path / "gone" / "sheet.pdf"
    assert not export_worksheet(window, str(path))
    assert not path.parent.exists()
    assert len(messages) == 1 and messages[0][0] == "error" and str(path) in messages[0][1]


def test_with_a_planted_bug_nothing_is_written(window, tmp_path, messages):
    window.controller.plant_bug(THRESHOLD_SIGN)
    messages.clear()
    out = tmp_path / "sheet.html"
    assert not export_worksheet(window, str(out))
    assert not out.exists()
    assert len(messages) == 1 and messages[0][0] == "error" and "bug" in messages[0][1]
    window.controller.remove_bug()
    assert export_worksheet(window, str(out)) and out.exists()


def test_a_batchs_sheet_is_its_first_sample_with_the_batchs_mean_gradient(window, tmp_path, messages):
    c = window.controller
    assert c.update_settings(mode="accumulated")
    c.step()
    record = c.display_record()
    assert record.batch_size == 4  # XOR's four samples
    out = tmp_path / "sheet.html"
    assert export_worksheet(window, str(out))
    cells = read_html(out).cells
    expected = expected_cells(record, window.digits())
    expected.pop(("v", record.iteration, "error"))  # E over the batch: not a cell; Eₖ of sample 1 is
    assert {k: v for k, v in cells.items() if k in expected} == expected
    t = record.iteration
    assert cells[("v", t, "sample_error")] == format_number(record.sample_errors[0], window.digits())
    assert {k for k in cells if k not in expected} == {("v", t, "sample_error")} | {
        ("v", t, f"{spec.name}:sample_gradient") for spec in record.specs}


def test_a_written_worksheet_says_where_it_went(window, tmp_path):
    from bpgui.views.handout_export import export_worksheet

    path = tmp_path / "sheet.html"
    assert export_worksheet(window, str(path))
    assert path.exists() and str(path) in window.status_area.message_text()
