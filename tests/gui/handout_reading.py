"""Reading a worksheet handout back, for the tests: its HTML's number cells, its PDF's text, trace's numbers.

The HTML is read with html.parser (each number sits in a ``<td class="v"|"key" data-t data-key>``); the
PDF with the small reader below (Qt writes each text run as glyph codes between BT and ET, and a
ToUnicode map per font). PySide6.QtPdf (QPdfDocument) is not in PySide6-Essentials, which the project
installs, so it cannot read the PDF here.
"""

from __future__ import annotations

import re
import zlib
from html.parser import HTMLParser

from bpgui.cli import record_to_trace_step
from bpgui.model.records import IterationRecord


# ---- reading the HTML ----------------------------------------------------------------------------------
class Cells(HTMLParser):
    """Every number cell: (class, iteration, key) → text, in document order; headings and page breaks."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, int, str], str] = {}
        self.order: list[tuple[str, int, str]] = []
        self.headings: list[tuple[str, str, bool]] = []  # (tag, text, starts a new page)
        self._open: tuple[str, int, str] | None = None
        self._heading: tuple[str, bool] | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and a.get("class") in ("v", "key"):
            self._open, self._text = (a["class"], int(a["data-t"]), a["data-key"]), ""
        elif tag in ("h1", "h2", "h3", "th"):
            self._heading, self._text = (tag, "page-break-before: always" in (a.get("style") or "")), ""

    def handle_data(self, data):
        if self._open is not None or self._heading is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "td" and self._open is not None:
            assert self._open not in self.cells, f"two cells {self._open}"
            self.cells[self._open] = self._text.strip().replace("\xa0", "")
            self.order.append(self._open)
            self._open = None
        elif self._heading is not None and tag == self._heading[0]:
            self.headings.append((tag, self._text.strip(), self._heading[1]))
            self._heading = None


def read_html(path) -> Cells:
    cells = Cells()
    cells.feed(path.read_text(encoding="utf-8"))
    return cells


def record_numbers(record: IterationRecord) -> dict[str, float]:
    """Every number of an iteration's record (its first sample), keyed as the handout keys its cells."""
    return trace_numbers(record_to_trace_step(record), record.learning_rate)


def trace_numbers(step: dict, eta: float) -> dict[str, float]:
    """Every number of one trace step, keyed as the handout keys its cells."""
    numbers = {f"input:{i}": v for i, v in enumerate(step["input"], 1)}
    numbers |= {f"target:{j}": v for j, v in enumerate(step["target"], 1)}
    numbers["eta"] = eta
    numbers["error"] = step["error"]
    for layer, values in enumerate(step["layers"], 1):
        for field in ("net", "output", "delta"):
            numbers |= {f"{field}:{layer}:{u}": v for u, v in enumerate(values[field], 1)}
    for p in step["parameters"]:
        numbers |= {f"{p['name']}:{field}": p[field] for field in ("value", "gradient", "update", "new_value")}
    return numbers


# ---- reading the PDF -----------------------------------------------------------------------------------
def pdf_pages(data: bytes) -> list[list[str]]:
    """Each page's text runs (one per BT … ET), read through the fonts' ToUnicode maps."""
    objects = {int(n): body for n, body in re.findall(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)}

    def stream(n: int) -> bytes:
        body = objects[n]
        raw = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S).group(1)
        return zlib.decompress(raw) if b"/FlateDecode" in body else raw

    def unicode_map(font: int) -> dict[int, str]:
        ref = re.search(rb"/ToUnicode (\d+) 0 R", objects[font])
        cmap, table = stream(int(ref.group(1))).decode("latin-1"), {}
        for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
            for lo, hi, dest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
                codes = range(int(lo, 16), int(hi, 16) + 1)
                if dest.startswith("["):
                    table |= {c: chr(int(u, 16)) for c, u in zip(codes, re.findall(r"<([0-9A-Fa-f]+)>", dest))}
                else:
                    table |= {c: chr(int(dest[1:-1], 16) + k) for k, c in enumerate(codes)}
        for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
            table |= {int(c, 16): chr(int(u, 16)) for c, u in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block)}
        return table

    kids = re.search(rb"/Type /Pages\s*/Kids\s*\[(.*?)\]", data, re.S).group(1)
    pages = []
    for page in (int(n) for n in re.findall(rb"(\d+) 0 R", kids)):
        contents = int(re.search(rb"/Contents (\d+) 0 R", objects[page]).group(1))
        resources = objects[int(re.search(rb"/Resources (\d+) 0 R", objects[page]).group(1))]
        fonts = {name.decode(): unicode_map(int(n)) for name, n in re.findall(rb"/(F\d+) (\d+) 0 R", resources)}
        runs, font = [], {}
        for block in re.findall(rb"BT(.*?)ET", stream(contents), re.S):
            text = ""
            for name, glyphs in re.findall(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj", block):
                if name:
                    font = fonts[name.decode()]
                else:
                    text += "".join(font.get(int(glyphs[i:i + 4], 16), "?") for i in range(0, len(glyphs), 4))
            runs.append(text.replace("\t", " "))  # Qt maps the space glyph to U+0009 (the same glyph)
        pages.append(runs)
    return pages
