"""Reading a CSV file into a header and rows of stripped cells.

The first half of CSV import (:mod:`bpgui.model.csv_import` is the second):
bytes to text (UTF-8 with or without BOM, else GBK, or the encoding asked
for), text to rows by the ``csv`` module, and the checks that need no
knowledge of what the cells mean: a header of at least 2 distinct, non-empty
names, every row as wide as the header, at least one data row.  Every
problem raises :class:`~bpgui.model.errors.DataError` naming the file as
given and, where it applies, the 1-based line (the header is line 1).

This module is pure standard library: it must never import Qt.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bpgui.model.errors import QT_TRANSLATE_NOOP, DataError

__all__ = ["Row", "decode_text", "read_rows"]

#: A data row: the 1-based line where it starts and its stripped cells.
Row = tuple[int, list[str]]


def decode_text(data: bytes, where: str, encoding: str | None) -> str:
    """``data`` as text: in ``encoding`` if given, else UTF-8 (BOM allowed), else GBK."""
    def bad_line(exc: UnicodeDecodeError) -> int:
        return data.count(b"\n", 0, exc.start) + 1

    if encoding is not None:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}: unknown encoding {encoding}"), file=where, encoding=repr(encoding)
            ) from None
        except UnicodeDecodeError as exc:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: the file is not valid {encoding} text"),
                file=where, line=bad_line(exc), encoding=encoding,
            ) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gbk")
            except UnicodeDecodeError:
                raise DataError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{file}: the file is neither UTF-8 nor GBK text (the first "
                        "bad byte is on line {line}); save it as UTF-8 CSV",
                    ),
                    file=where, line=bad_line(utf8_error),
                ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_rows(path: Path, where: str, encoding: str | None) -> tuple[list[str], list[Row]]:
    """Header and data rows of a CSV file, cells stripped, blank rows skipped.

    Returns ``(header, rows)`` where ``rows`` is a list of
    ``(line, cells)``; ``line`` is the 1-based line where the row starts.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: file not found"), file=where) from None
    except IsADirectoryError:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: is a folder, not a file"), file=where) from None
    except OSError as exc:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "{file}: cannot read the file ({reason})"),
            file=where, reason=str(exc.strerror or exc),
        ) from None
    text = decode_text(data, where, encoding)

    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
    header: list[str] | None = None
    header_line = 0
    rows: list[Row] = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: not valid CSV ({reason})"),
                file=where, line=reader.line_num, reason=str(exc),
            ) from None
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue  # a blank line (or one of empty cells only)
        if header is None:
            header, header_line = cells, start
        else:
            rows.append((start, cells))
    if header is None:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "{file}: the file is empty (a header row is required)"), file=where
        )

    if len(header) < 2:
        raise DataError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file}, line {line}: the header has {columns} column; at least 2 are needed "
                "(features and a label). Is the file comma-separated?",
            ),
            file=where, line=header_line, columns=len(header),
        )
    seen: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        if not name:
            raise DataError(
                QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: empty column name"),
                file=where, line=header_line, column=number,
            )
        if name in seen:
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file}, line {line}: duplicate column name {name} (columns {first} and {second})",
                ),
                file=where, line=header_line, name=repr(name), first=seen[name], second=number,
            )
        seen[name] = number
    for line, cells in rows:
        if len(cells) != len(header):
            raise DataError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file}, line {line}: the row has {cells} cells, the header has {expected}",
                ),
                file=where, line=line, cells=len(cells), expected=len(header),
            )
    if not rows:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "{file}: no data rows (only the header)"), file=where)
    return header, rows

