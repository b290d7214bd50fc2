"""The workbook's machinery: formats, sheets written row by row, and the entries sheet.

XlsxWriter writes every workbook. A ledger may hold hundreds of thousands of entries,
though, and XlsxWriter spends some ten microseconds on a cell, more than LibreOffice
takes to convert the same CSV. So for the entries sheet XlsxWriter writes the header,
the column formats and the frozen pane, and the rows are streamed into its finished file
as plain XML afterwards (`splice`): inline strings, numbers, and dates as serial numbers
in the sheet's date formats, as XlsxWriter itself writes them. Text stays text: no cell
is ever a formula.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from targets.domain.entries import Entry

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

SHEETS = {
    "zh": {"report": "报告", "entries": "记录", "months": "逐月"},
    "en": {"report": "Report", "entries": "Entries", "months": "By month"},
}
# Status colours as in the printed page: text and fill.
COLOURS = {
    "met": ("#11602A", "#D3F5DC"),
    "on_track": ("#1A7F37", "#E6F6EA"),
    "behind": ("#8A5A00", "#FFF3C4"),
    "missed": ("#B42318", "#FFE0DE"),
    "no_data": ("#52606D", "#EEF1F4"),
    "no_target": ("#52606D", "#EEF1F4"),
}
PERCENT_FIGURE = "0.0"  # a figure in %: 6.5 stays 6.5
OTHER_FIGURE = "#,##0.##########"
COMPUTED = "#,##0.00"
SHARE = "0.0%"  # progress and schedule, kept as fractions


def cell_width(text: str) -> int:
    """Columns a text needs: a wide (Chinese) character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass
class Sheet:
    """A worksheet being written row by row, remembering how wide each column must be."""

    ws: Worksheet
    formats: dict[str, Format]
    widths: list[int]
    row: int = 0

    def put(self, values: Sequence[Any], styles: Sequence[str | None] = ()) -> None:
        """One row: text as text, never a formula; numbers as numbers; None empty."""
        for col, value in enumerate(values):
            style = styles[col] if col < len(styles) else None
            fmt = self.formats[style] if style else None
            if value is None or value == "":
                if fmt is not None:
                    self.ws.write_blank(self.row, col, None, fmt)
                continue
            if isinstance(value, str):
                self.ws.write_string(self.row, col, value, fmt)
                width = cell_width(value)
            else:
                self.ws.write_number(self.row, col, float(value), fmt)
                width = 10
            if col < len(self.widths) and width > self.widths[col]:
                self.widths[col] = width
        self.row += 1

    def finish(self, most: int = 50) -> None:
        for col, width in enumerate(self.widths):
            self.ws.set_column(col, col, min(width, most) + 2)


def _workbook(path: str, tmpdir: str, lang: str) -> tuple[Workbook, dict[str, Format]]:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        path,
        {
            "tmpdir": tmpdir,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    font = {"font_name": "等线" if lang == "zh" else "Calibri", "font_size": 11}
    formats = {
        "header": book.add_format({**font, "bold": True, "bg_color": "#EEF3F9", "bottom": 2}),
        "group": book.add_format({**font, "bold": True, "font_color": "#0B5CAD"}),
        "text": book.add_format({**font}),
        "wrap": book.add_format({**font, "text_wrap": True, "valign": "top"}),
        "percent": book.add_format({**font, "num_format": PERCENT_FIGURE}),
        "other": book.add_format({**font, "num_format": OTHER_FIGURE}),
        "computed": book.add_format({**font, "num_format": COMPUTED}),
        "share": book.add_format({**font, "num_format": SHARE}),
        "month": book.add_format({**font, "num_format": "yyyy-mm"}),
        "time": book.add_format({**font, "num_format": "yyyy-mm-dd hh:mm:ss"}),
        "integer": book.add_format({**font, "num_format": "0"}),
    }
    for status, (ink, fill) in COLOURS.items():
        formats[status] = book.add_format(
            {**font, "bold": True, "font_color": ink, "bg_color": fill}
        )
    return book, formats


def add_sheet(
    book: Workbook, formats: dict[str, Format], name: str, headers: Sequence[str]
) -> Sheet:
    ws = book.add_worksheet(name)
    ws.freeze_panes(1, 0)
    sheet = Sheet(ws, formats, [cell_width(h) for h in headers])
    sheet.put(headers, ["header"] * len(headers))
    return sheet


@dataclass(frozen=True)
class Splice:
    """Rows to stream into a sheet after XlsxWriter has written the workbook: the sheet's
    number (1 for the first), the XML of its rows, and the range they fill."""

    sheet: int
    rows: Callable[[], Iterable[str]]
    dimension: str


def workbook_bytes(
    write: Callable[[Workbook, dict[str, Format]], list[Splice]], lang: str
) -> bytes:
    """Write a workbook in a private temporary folder and return its bytes."""
    with tempfile.TemporaryDirectory(prefix="targets-xlsx-") as tmp:
        path = os.path.join(tmp, "book.xlsx")
        book, formats = _workbook(path, tmp, lang)
        splices = write(book, formats)
        book.close()
        if splices:
            path = splice(path, splices)
        with open(path, "rb") as f:
            return f.read()


# --- the entries sheet -----------------------------------------------------------------

CHINA = timezone(timedelta(hours=8))
EPOCH = datetime(1899, 12, 30)  # day 0 of a spreadsheet's dates
DAY = timedelta(days=1)
HEADERS = {
    "zh": ("指标", "期间", "数值", "记录时间", "来源", "备注", "地区", "撤回"),
    "en": ("target", "period", "value", "recorded_at", "source", "note", "region", "withdrawn"),
}
YES = {"zh": "是", "en": "true"}
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f]|_x[0-9A-Fa-f]{4}_|^\s|\s$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ESCAPE_LIKE = re.compile(r"(_x[0-9A-Fa-f]{4}_)")


def serial(when: datetime) -> float:
    """A date as a spreadsheet serial number, in China's time (where the figures are
    published): a number in a date format is what a date cell is."""
    if when.tzinfo is not None:
        when = when.astimezone(CHINA).replace(tzinfo=None)
    return (when - EPOCH) / DAY


def text_cell(ref: str, text: str) -> str:
    """An inline string cell. Control characters are written as Excel writes them
    (_x000D_), and a literal `_x000D_` has its underscore escaped, so the text reads
    back as it was."""
    if _SPECIAL.search(text):
        text = _ESCAPE_LIKE.sub(r"_x005F\1", text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = _CONTROL.sub(lambda m: f"_x{ord(m[0]):04X}_", text)
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def entries_sheet(
    book: Workbook,
    formats: dict[str, Format],
    entries: Sequence[Entry],
    lang: str,
    region: str | None = None,
) -> Splice:
    """Add the entries sheet (header, widths, formats) and say what rows go into it.
    `region` names the region of entries that carry none (the report's own plan)."""
    headers = HEADERS[lang]
    ws = book.add_worksheet(SHEETS[lang]["entries"])
    ws.freeze_panes(1, 0)
    for col, header in enumerate(headers):
        ws.write_string(0, col, header, formats["header"])
    ordered = [e for _, e in sorted(enumerate(entries), key=lambda p: (p[1].recorded_at, p[0]))]
    texts = {t for e in ordered for t in (e.target, e.source, e.note, _region(e, region)) if t}
    width = {t: cell_width(t) for t in texts}
    widths = [cell_width(h) for h in headers]
    for e in ordered:
        for col, t in ((0, e.target), (4, e.source), (5, e.note), (6, _region(e, region))):
            if t and width[t] > widths[col]:
                widths[col] = width[t]
    widths[1], widths[2], widths[3] = max(widths[1], 8), max(widths[2], 8), max(widths[3], 19)
    kinds = {1: formats["month"], 3: formats["time"]}
    for col, w in enumerate(widths):
        ws.set_column(col, col, min(w, 40) + 2, kinds.get(col, formats["text"]))
    yes = YES[lang]
    number = len(book.worksheets())

    def rows() -> Iterator[str]:
        # the formats have their numbers once the workbook is written (the columns use them)
        month, time = formats["month"].xf_index, formats["time"].xf_index
        assert month is not None and time is not None
        months: dict[tuple[int, int], str] = {}
        for n, e in enumerate(ordered, start=2):
            p = (e.period.year, e.period.month)
            if p not in months:
                months[p] = repr(serial(datetime(p[0], p[1], 1)))
            cells = [
                f'<row r="{n}">',
                text_cell(f"A{n}", e.target),
                f'<c r="B{n}" s="{month}"><v>{months[p]}</v></c>',
            ]
            withdrawn = bool(getattr(e, "withdrawn", False))
            if not withdrawn:
                cells.append(f'<c r="C{n}"><v>{e.value!r}</v></c>')
            cells.append(f'<c r="D{n}" s="{time}"><v>{serial(e.recorded_at)!r}</v></c>')
            if e.source:
                cells.append(text_cell(f"E{n}", e.source))
            if e.note:
                cells.append(text_cell(f"F{n}", e.note))
            own = _region(e, region)
            if own:
                cells.append(text_cell(f"G{n}", own))
            if withdrawn:
                cells.append(text_cell(f"H{n}", yes))
            cells.append("</row>")
            yield "".join(cells)

    return Splice(number, rows, f"A1:H{len(ordered) + 1}")


def _region(e: Entry, region: str | None) -> str | None:
    own: str | None = getattr(e, "region", None)
    return own or region


def splice(path: str, splices: Iterable[Splice]) -> str:
    """Stream each splice's rows into its sheet of the workbook at `path`; the path of
    the new workbook (beside it)."""
    wanted = {f"xl/worksheets/sheet{s.sheet}.xml": s for s in splices}
    out = path + ".spliced.xlsx"
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            s = wanted.get(info.filename)
            if s is None:
                target.writestr(info, data, zipfile.ZIP_DEFLATED)
                continue
            xml = data.decode("utf-8")
            xml = re.sub(
                r'<dimension ref="[^"]*"/>', f'<dimension ref="{s.dimension}"/>', xml, count=1
            )
            xml = xml.replace("<sheetData/>", "<sheetData></sheetData>")
            head, tail = xml.split("</sheetData>", 1)
            with target.open(info.filename, "w", force_zip64=True) as f:
                f.write(head.encode("utf-8"))
                chunk: list[str] = []
                for row in s.rows():
                    chunk.append(row)
                    if len(chunk) == 4096:
                        f.write("".join(chunk).encode("utf-8"))
                        chunk.clear()
                f.write("".join(chunk).encode("utf-8"))
                f.write(b"</sheetData>" + tail.encode("utf-8"))
    os.replace(out, path)
    return path
