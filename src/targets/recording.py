"""Recording figures: one from the command line, or many from a CSV file, all or none.

Everything a figure must satisfy is checked before anything is written: the target is
the plan's, the period is in the plan's year and one its frequency takes, the value is a
finite number, and a second figure for a period is a revision only when asked for.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from targets import ledger
from targets.errors import RecordError, TargetsError
from targets.ledger import Entry, Row
from targets.plan import Plan

CSV_REQUIRED = ("target", "period", "value")
CSV_OPTIONAL = ("source", "note", "recorded_at")


def parse_value(text: str) -> float:
    """A figure as typed: a finite number; RecordError otherwise."""
    try:
        if "_" in text:  # Python reads 1_000 as a number; nobody writes a figure so
            raise ValueError
        value = float(text.strip().replace("＋", "+").replace("－", "-"))
    except ValueError:
        raise RecordError(f"value {text!r} is not a number") from None
    if not math.isfinite(value):
        raise RecordError(f"value {text!r} is not a finite number")
    return value


def make_entry(
    plan: Plan,
    target: str,
    period: str,
    value: str,
    *,
    source: str | None = None,
    note: str | None = None,
    recorded_at: datetime | None = None,
) -> Entry:
    t = plan.target(target)
    return Entry(
        target=t.id,
        period=plan.period_for(t, period),
        value=parse_value(value),
        recorded_at=recorded_at or now(),
        source=source or None,
        note=note or None,
    )


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def duplicates_check(
    new: list[Entry], revise: bool, where: Callable[[int], str]
) -> Callable[[list[Row]], None]:
    """A check for `ledger.append`: refuse figures for periods that already have one,
    in the ledger or earlier among `new`, unless they are revisions."""

    def check(rows: list[Row]) -> None:
        if revise:
            return
        existing = {(r[0], r[1]): r for r in rows}
        problems = []
        seen: dict[tuple[str, str], int] = {}
        for i, e in enumerate(new):
            key = (e.target, str(e.period))
            if key in existing:
                old = existing[key]
                when = datetime.fromisoformat(old[3]).strftime("%Y-%m-%d %H:%M")
                problems.append(
                    f"{where(i)}{e.target} {e.period} already has {old[2]:g} (recorded {when});"
                    " add --revise to record a correction"
                )
            elif key in seen:
                earlier = where(seen[key]).rstrip(": ")
                problems.append(
                    f"{where(i)}{e.target} {e.period} is already given on {earlier};"
                    " add --revise to take the later row as a correction"
                )
            seen.setdefault(key, i)
        if problems:
            raise RecordError("\n".join(problems))

    return check


def record(plan: Plan, path: Path, entry: Entry, *, revise: bool = False) -> Entry:
    """Append one figure to the ledger."""
    ledger.append(path, [entry], duplicates_check([entry], revise, lambda i: ""))
    return entry


@dataclass(frozen=True)
class CsvRows:
    entries: list[Entry]
    lines: list[int]  # the line of each entry in the file, for messages


def read_csv(plan: Plan, name: str, data: bytes) -> CsvRows:
    """Every row of an import file as an entry; RecordError naming every bad line."""
    import csv
    import io

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise RecordError(
            f"{name}: not UTF-8 text (byte {e.start}); save it as CSV UTF-8"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error as e:
        raise RecordError(f"{name}, line 1: {e}") from None
    missing = [c for c in CSV_REQUIRED if c not in header]
    unknown = [c for c in header if c not in CSV_REQUIRED + CSV_OPTIONAL]
    if missing or unknown:
        wants = f"a header row with {', '.join(CSV_REQUIRED)} (optional: {', '.join(CSV_OPTIONAL)})"
        found = f"; unknown column {unknown[0]!r}" if unknown and not missing else ""
        raise RecordError(f"{name}, line 1: the file needs {wants}{found}")
    twice = next((c for c in header if header.count(c) > 1), None)
    if twice:
        raise RecordError(f"{name}, line 1: column {twice!r} is given twice")
    entries: list[Entry] = []
    lines: list[int] = []
    problems: list[str] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(
                    f"{name}, line {line}: {len(row)} cells where the header has {len(header)}"
                )
                continue
            try:
                entry = _entry(plan, dict(zip(header, row, strict=True)))
            except TargetsError as e:
                problems.append(f"{name}, line {line}: {e}")
                continue
            entries.append(entry)
            lines.append(line)
    except csv.Error as e:  # a broken quote or an enormous cell: nothing after it can be read
        problems.append(f"{name}, line {reader.line_num}: {e}")
    if problems:
        raise RecordError("\n".join(problems) + f"\n{name}: nothing was recorded")
    return CsvRows(entries, lines)


def _entry(plan: Plan, cells: dict[str, str]) -> Entry:
    """One CSV row; source and note are kept exactly as written, spaces and all."""
    return make_entry(
        plan,
        cells["target"].strip(),
        cells["period"].strip(),
        cells["value"].strip(),
        source=cells.get("source"),
        note=cells.get("note"),
        recorded_at=_recorded_at(cells.get("recorded_at", "").strip()),
    )


def _recorded_at(text: str) -> datetime | None:
    if not text:
        return None
    try:
        return ledger.with_zone(datetime.fromisoformat(text))
    except ValueError:
        raise RecordError(
            f"recorded_at {text!r} is not a date and time like 2023-04-20T10:00:00+08:00"
        ) from None


def import_csv(
    plan: Plan, path: Path, name: str, data: bytes, *, revise: bool = False, dry_run: bool = False
) -> list[Entry]:
    """Record every row of the file, or none; with dry_run only check them."""
    rows = read_csv(plan, name, data)
    duplicates = duplicates_check(rows.entries, revise, lambda i: f"{name}, line {rows.lines[i]}: ")

    def check(existing: list[Row]) -> None:
        try:
            duplicates(existing)
        except RecordError as e:
            raise RecordError(f"{e}\n{name}: nothing was recorded") from None

    if dry_run:
        check(ledger.read_rows(path, plan.year))
        return rows.entries
    if rows.entries:
        ledger.append(path, rows.entries, check)
    return rows.entries
