"""Import files as cells: CSV (UTF-8, with or without a byte-order mark, or the GBK /
GB18030 of Chinese Excel and WPS) and .xlsx workbooks, with English or Chinese headers.

This module knows file formats only; what a row means for the plan is
`targets.recording`'s business. Every cell comes back as the text a person sees in the
sheet: a percent-formatted 6.5% is `6.5`, a date cell is its ISO date and time.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from targets.errors import RecordError
from targets.messages import Message, msg

REQUIRED = ("target", "period", "value")
OPTIONAL = ("source", "note", "recorded_at", "region", "withdrawn")

# Every header a column may carry, Chinese as the bureau and Chinese Excel write them.
_HEADERS = {
    "target": ("target", "指标", "指标名称"),
    "period": ("period", "期间", "时间", "时期"),
    "value": ("value", "数值", "数据"),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "备注"),
    "recorded_at": ("recorded_at", "记录时间"),
    "region": ("region", "地区"),
    "withdrawn": ("withdrawn", "撤回", "已撤回"),
}
_COLUMN = {h: column for column, names in _HEADERS.items() for h in names}

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the .xls of Excel 97-2003


@dataclass(frozen=True)
class Sheet:
    """The rows of an import file, each as cells by column name."""

    read_as: str | Message  # what was read: "UTF-8", "GBK", "GB18030" or "sheet 'Sheet1'"
    place: str  # how a row is named in messages: "line" (CSV) or "row" (xlsx)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (line, cells)
    problems: list[tuple[int, Message]] = field(default_factory=list)  # rows not read as cells


def read_sheet(name: str, data: bytes, sheet: str | None = None) -> Sheet:
    """The file's rows, empty rows and empty trailing columns left out; RecordError when
    the file as a whole cannot be read (encoding, header, not a workbook)."""
    if data.startswith(_OLE):
        raise RecordError("csv.xls", name=name)
    if data.startswith(_ZIP) or name.lower().endswith((".xlsx", ".xlsm")):
        return _xlsx(name, data, sheet)
    if sheet is not None:
        raise RecordError("csv.sheet_of_csv", name=name)
    return _csv(name, data)


def _csv(name: str, data: bytes) -> Sheet:
    import csv
    import io

    text, read_as = _decode(name, data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    broken: list[tuple[int, Message]] = []

    def rows() -> Iterator[tuple[int, list[str]]]:
        next_line = 1  # where a row starts: a quoted cell may span lines
        try:
            for row in reader:
                line, next_line = next_line, reader.line_num + 1
                yield line, row
        except csv.Error as e:  # a broken quote or an enormous cell: nothing after it reads
            unclosed = "unexpected end" in str(e)
            why = msg("csv.open_quote") if unclosed else msg("library.said", text=str(e))
            broken.append((next_line, why))

    try:
        sheet = _cells(name, rows(), Sheet(read_as, "line"))
    except RecordError:
        if broken:
            line, why = broken[0]
            place = msg("place.line")
            raise RecordError(
                "csv.problem", name=name, place=place, line=line, problem=why
            ) from None
        raise
    sheet.problems.extend(broken)
    return sheet


def _decode(name: str, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in: UTF-8 first (a GBK file
    is almost never valid UTF-8), then GBK, then its superset GB18030."""
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as e:
        first = e
    for encoding in ("gbk", "gb18030"):
        try:
            return data.decode(encoding), encoding.upper()
        except UnicodeDecodeError:
            continue
    line = data[: first.start].count(b"\n") + 1
    raise RecordError("csv.not_text", name=name, line=line)


def _xlsx(name: str, data: bytes, sheet: str | None) -> Sheet:
    import io
    import warnings
    import zipfile

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # a style the reader does not know is no problem here
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise RecordError("csv.not_xlsx", name=name, why=str(e)) from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            have = ", ".join(repr(s) for s in book.sheetnames)
            raise RecordError("csv.no_sheet", name=name, sheet=sheet, have=have)
        rows = ((n, [_shown(c) for c in row]) for n, row in enumerate(ws.iter_rows(), start=1))
        return _cells(name, rows, Sheet(msg("csv.sheet", title=ws.title), "row"))
    finally:
        book.close()


def _shown(cell: Any) -> str:
    """A cell's value as the sheet shows it: 6.5% is 6.5, a date its ISO form."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, int | float):
        number = Decimal(repr(value))
        if "%" in (getattr(cell, "number_format", None) or ""):
            number *= 100
        return _plain(number)
    return str(value)


def _plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 6.5, 120, 0.25."""
    return format(number.normalize(), "f")


def _cells(name: str, rows: Iterable[tuple[int, list[str]]], sheet: Sheet) -> Sheet:
    """Cells by column name for every non-empty row under the header (the first
    non-empty row)."""
    header: list[str] | None = None
    for line, row in rows:
        width = 0 if header is None else len(header)
        while len(row) > width and not row[-1].strip():
            row = row[:-1]  # empty cells past the header: columns nobody filled
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = _header(name, sheet.place, line, row)
            continue
        if len(row) != len(header):
            sheet.problems.append((line, msg("csv.cells", n=len(row), header=len(header))))
            continue
        sheet.rows.append((line, dict(zip(header, row, strict=True))))
    if header is None:
        raise _needs(name, sheet.place, 1, "")
    return sheet


def _needs(name: str, place: str, line: int, unknown: Message | str) -> RecordError:
    return RecordError(
        "csv.header",
        name=name,
        place=msg(f"place.{place}"),
        line=line,
        required=", ".join(REQUIRED),
        optional=", ".join(OPTIONAL),
        unknown=unknown,
    )


def _header(name: str, place: str, line: int, row: list[str]) -> list[str]:
    given = [_key(h) for h in row]
    header = [_COLUMN.get(h, h) for h in given]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [g for g, h in zip(given, header, strict=True) if h not in _HEADERS]
    if missing or unknown:
        found = msg("csv.header.unknown", column=unknown[0]) if unknown and not missing else ""
        raise _needs(name, place, line, found)
    twice = next((g for g, h in zip(given, header, strict=True) if header.count(h) > 1), None)
    if twice:
        raise RecordError(
            "csv.column_twice", name=name, place=msg(f"place.{place}"), line=line, column=twice
        )
    return header


def _key(header: str) -> str:
    return unicodedata.normalize("NFKC", header).strip().lower()
