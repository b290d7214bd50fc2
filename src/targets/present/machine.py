"""The machine formats: JSON and CSV, for scripts and other tools (SPEC §4, §5).

English keys and status codes, full precision, stable columns, in every language.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from targets.domain.entries import Entry
from targets.domain.plan import Target
from targets.evaluation.compare import Comparison, Placed
from targets.evaluation.history import History
from targets.evaluation.judge import Judgement, Report, Standing
from targets.present.formats import Options

TARGET_KEYS = (
    "id",
    "name",
    "name_en",
    "kind",
    "comparator",
    "value",
    "tolerance",
    "relative_to",
    "effective",
    "unit",
    "frequency",
    "period",
    "actual",
    "latest",
    "gap",
    "progress",
    "schedule",
    "required",
    "status",
    "department",
    "reachable",
    "previous",
    "change",
    "region",
    "rank",
    "rank_of",
    "rank_change",
    "reference_actual",
    "vs_reference",
    "projected_low",
    "projected_high",
    "outlook",
)
# The columns of the actuals export, which `targets import` reads back.
ENTRY_KEYS = ("target", "period", "value", "recorded_at", "source", "note", "region", "withdrawn")
COMPARE_KEYS = (
    "region",
    "reference",
    "period",
    "actual",
    "rank",
    "rank_of",
    "rank_change",
    "effective",
    "gap",
    "status",
    "vs_reference",
)
HISTORY_KEYS = ("period", "value", "recorded_at", "source", "note", "current", "withdrawn")


def _num(x: Decimal | None) -> float | None:
    """A plain JSON number; null for what a float cannot hold (JSON has no Infinity)."""
    if x is None:
        return None
    number = float(x)
    return number if math.isfinite(number) else None


def target_head(t: Target) -> dict[str, Any]:
    """The target's own fields, as the JSON shows them before any figure."""
    return {
        "id": t.id,
        "name": t.name,
        "name_en": t.name_en,
        "kind": t.kind,
        "comparator": t.comparator,
        "value": t.value,
        "tolerance": t.tolerance,
        "relative_to": t.relative_to,
        "unit": t.unit,
        "frequency": t.frequency,
    }


def target_object(j: Judgement, outlook: bool = True) -> dict[str, Any]:
    """One JSON target object, keys in the order of SPEC §5; the projection null where
    the office publishes no estimates (`outlook` false)."""
    head = target_head(j.target)
    figures = {
        "effective": _num(j.effective),
        "period": str(j.period) if j.period else None,
        "actual": _num(j.actual),
        "latest": _num(j.latest),
        "gap": _num(j.gap),
        "progress": _num(j.progress),
        "schedule": _num(j.schedule),
        "required": _num(j.required),
        "status": j.status,
        "department": j.target.department,
        "reachable": j.reachable,
        "previous": _num(j.previous),
        "change": _num(j.change),
        **standing_fields(j.standing),
        "projected_low": _num(j.projected_low) if outlook else None,
        "projected_high": _num(j.projected_high) if outlook else None,
        "outlook": j.outlook if outlook else None,
    }
    merged = {**head, **figures}
    return {key: merged[key] for key in TARGET_KEYS}


def standing_fields(s: Standing | None) -> dict[str, Any]:
    """Where the row's region stands among its peers (SPEC §6)."""
    if s is None:
        s = Standing("")
    return {
        "region": s.region or None,
        "rank": s.rank,
        "rank_of": s.rank_of,
        "rank_change": s.rank_change,
        "reference_actual": _num(s.reference_actual),
        "vs_reference": _num(s.vs_reference),
    }


def report_json(report: Report, options: Options) -> bytes:
    plan = report.plan
    doc = {
        "plan": {"id": plan.id, "name": plan.name, "region": plan.region, "year": plan.year},
        "region": report.region or plan.region,
        "as_of": str(report.as_of) if report.as_of else None,
        "known_on": report.known_on.isoformat() if report.known_on else None,
        "targets": [target_object(j, options.outlook) for j in report.rows],
    }
    return _json(doc)


def compare_object(p: Placed) -> dict[str, Any]:
    """One region's line of a comparison, keys in the order of SPEC §6."""
    j = p.judgement
    return {
        "region": p.region,
        "reference": p.reference,
        "period": str(j.period) if j is not None and j.period else None,
        "actual": _num(j.actual) if j is not None else None,
        "rank": p.standing.rank,
        "rank_of": p.standing.rank_of,
        "rank_change": p.standing.rank_change,
        "effective": _num(j.effective) if j is not None else None,
        "gap": _num(j.gap) if j is not None else None,
        "status": p.status,
        "vs_reference": _num(p.standing.vs_reference),
    }


def compare_json(comparison: Comparison, options: Options) -> bytes:
    doc = {
        "target": target_head(comparison.target),
        "as_of": str(comparison.as_of) if comparison.as_of else None,
        "regions": [compare_object(p) for p in comparison.lines],
    }
    return _json(doc)


def compare_csv(comparison: Comparison, options: Options) -> bytes:
    rows = (
        [str(v).lower() if isinstance(v, bool) else v for v in compare_object(p).values()]
        for p in comparison.lines
    )
    return to_csv(COMPARE_KEYS, rows, excel=options.excel).encode()


# What a spreadsheet reads as the start of a formula (a tab or CR before one too).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def inert(cell: Any) -> Any:
    """A cell bound for a spreadsheet that can never run as a formula: text beginning
    with = + - @ (or a tab or CR) gets a leading apostrophe; a number, negative or not,
    stays a number."""
    if isinstance(cell, str) and cell.startswith(_FORMULA) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def to_csv(header: Iterable[str], rows: Iterable[Iterable[Any]], *, excel: bool = False) -> str:
    """CSV text; for Excel a byte-order mark and CRLF so that Chinese shows, and no cell
    that Excel would run as a formula."""
    out = io.StringIO()
    ending = "\r\n" if excel else "\n"
    writer = csv.writer(out, lineterminator=ending)
    # csv quotes only what contains the line ending; a lone \r in a note must be quoted too
    quoted = csv.writer(out, lineterminator=ending, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for row in rows:
        cells = ["" if v is None else v for v in row]
        if excel:
            cells = [inert(v) for v in cells]
        bare_cr = any(isinstance(v, str) and "\r" in v for v in cells)
        (quoted if bare_cr else writer).writerow(cells)
    return ("\ufeff" if excel else "") + out.getvalue()


def report_csv(report: Report, options: Options) -> bytes:
    rows = (_csv_cells(target_object(j, options.outlook).values()) for j in report.rows)
    return to_csv(TARGET_KEYS, rows, excel=options.excel).encode()


def _csv_cells(values: Iterable[Any]) -> list[Any]:
    """Booleans spelled as SPEC §4 says (true / false), not Python's True / False."""
    return [str(v).lower() if isinstance(v, bool) else v for v in values]


def actuals_csv(entries: list[Entry], options: Options) -> bytes:
    """Every entry, oldest first, in the columns `targets import` reads back."""
    ordered = sorted(enumerate(entries), key=lambda p: (p[1].recorded_at, p[0]))
    rows = (
        (
            e.target,
            str(e.period),
            _value(e.value),
            e.recorded_at.isoformat(),
            e.source,
            e.note,
            e.region,
            str(e.withdrawn).lower(),
        )
        for _, e in ordered
    )
    return to_csv(ENTRY_KEYS, rows, excel=options.excel).encode()


def history_json(history: History, options: Options) -> bytes:
    doc = {
        "target": target_head(history.target),
        "entries": [
            {
                "period": str(line.entry.period),
                "value": line.entry.value,
                "recorded_at": line.entry.recorded_at.isoformat(),
                "source": line.entry.source,
                "note": line.entry.note,
                "current": line.current,
                "withdrawn": line.entry.withdrawn,
            }
            for line in history.lines
        ],
    }
    return _json(doc)


def history_csv(history: History, options: Options) -> bytes:
    rows = (
        (
            str(line.entry.period),
            _value(line.entry.value),
            line.entry.recorded_at.isoformat(),
            line.entry.source,
            line.entry.note,
            str(line.current).lower(),
            str(line.entry.withdrawn).lower(),
        )
        for line in history.lines
    )
    return to_csv(HISTORY_KEYS, rows, excel=options.excel).encode()


def _value(x: float | None) -> str:
    """A figure as CSV writes it: full precision, and an empty cell for a withdrawal."""
    return "" if x is None else repr(x)


def _json(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode()
