"""Importing figures from a file (`targets import`): every row checked against the plan
and the ledger, then all of them recorded, or none. Rows the ledger already holds (the
same figure in force, or with --revise one since revised away) are counted, not recorded
again, so a cumulative sheet can be imported every month. The file formats themselves
are `targets.store.csv_in`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from targets.domain.entries import Entry, Key, Row, entry_from_row, in_force
from targets.domain.periods import spreadsheet_month
from targets.domain.plan import Plan
from targets.errors import RecordError, TargetsError
from targets.evaluation import plausibility
from targets.messages import Message, msg
from targets.recording import dec, duplicates, make_entry, outranked_note
from targets.store import ledger_file as ledger


@dataclass(frozen=True)
class CsvRows:
    entries: list[Entry]
    lines: list[int]  # the line of each entry in the file, for messages
    problems: list[tuple[int, Message]]  # (line, what is wrong) for each bad row
    notes: list[Message]  # what the person importing should know
    read_as: str | Message = "UTF-8"  # the encoding, or the sheet of a workbook
    place: str = "line"  # how a row is named: line (CSV) or row (xlsx)
    own_time: list[bool] = field(default_factory=list)  # the row gave its recorded_at


def read_csv(
    plan: Plan, name: str, data: bytes, sheet: str | None = None, region: str | None = None
) -> CsvRows:
    """Every good row of an import file (CSV or .xlsx) as an entry, and every bad one
    with its line; RecordError when the file as a whole cannot be read. `region` is the
    region of rows without a region cell (default: the plan's own); a cell wins over it."""
    from targets.store.csv_in import read_sheet

    read = read_sheet(name, data, sheet)
    rows = CsvRows([], [], list(read.problems), [], read.read_as, read.place)
    for line, cells in read.rows:
        try:
            entry = _entry(plan, cells, region)
        except TargetsError as e:
            rows.problems.extend((line, m) for m in e.messages)
            continue
        rows.entries.append(entry)
        rows.lines.append(line)
        rows.own_time.append(bool(cells.get("recorded_at", "").strip()))
    return rows


def _period_text(cell: str) -> str:
    """A period cell as a period: the dates a spreadsheet makes of `2023-03` are that month."""
    month = spreadsheet_month(cell)
    return str(month) if month is not None else cell.strip()


def _entry(plan: Plan, cells: dict[str, str], region: str | None = None) -> Entry:
    """One row; source and note are kept exactly as written, spaces and all. A region
    cell wins over `region`. A row with its own recorded_at is a ledger's history (an
    export): of another year or another plan's target, it is taken as it is (SPEC 4)."""
    try:
        return _plan_entry(plan, cells, region)
    except TargetsError:
        history = _history_entry(plan, cells)
        if history is None:
            raise
        return history


def _history_entry(plan: Plan, cells: dict[str, str]) -> Entry | None:
    """A row of an export that the plan does not claim (another year, another plan's
    target), taken as it is; None for a row the plan should judge."""
    from targets.domain.periods import parse_period
    from targets.errors import PeriodError
    from targets.recording import parse_value

    when = _recorded_at(cells.get("recorded_at", "").strip())
    target = cells["target"].strip()
    try:
        period = parse_period(cells["period"].strip())
    except PeriodError:
        return None
    claimed = any(t.id == target for t in plan.targets) and period.year == plan.year
    if when is None or claimed or not target:
        return None
    withdrawn = cells.get("withdrawn", "").strip().lower() == "true"
    region = cells.get("region", "").strip() or None
    return Entry(
        target=target,
        period=period,
        value=None if withdrawn else parse_value(cells["value"]),
        recorded_at=when,
        source=cells.get("source") or None,
        note=cells.get("note") or None,
        region=None if region in (None, plan.region) else region,
        withdrawn=withdrawn,
    )


def _plan_entry(plan: Plan, cells: dict[str, str], region: str | None = None) -> Entry:
    cell = cells.get("region", "").strip()
    target = plan.target(cells["target"].strip())
    value = cells["value"].strip()
    withdrawn = cells.get("withdrawn", "").strip().lower()
    if withdrawn not in ("", "true", "false"):
        raise RecordError("csv.withdrawn", text=withdrawn)
    if target.unit == "%" and value.endswith(("%", "％")):
        value = value[:-1]  # a percent cell saved as text reads as it shows: 6.5% is 6.5
    return make_entry(
        plan,
        target.id,
        _period_text(cells["period"]),
        value,
        source=cells.get("source"),
        note=cells.get("note"),
        recorded_at=_recorded_at(cells.get("recorded_at", "").strip()),
        region=plan.region_named(cell) if cell else region,
        withdrawn=withdrawn == "true",
    )


def _recorded_at(text: str) -> datetime | None:
    if not text:
        return None
    try:
        when = ledger.with_zone(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        raise RecordError("csv.recorded_at", text=text) from None
    offset = when.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        raise RecordError("csv.offset", text=text)
    return when


@dataclass(frozen=True)
class Imported:
    entries: list[Entry]  # what was (or, dry, would be) recorded
    notes: list[Message]  # revisions that will not be in force, for the person importing
    read_as: str | Message  # the encoding, or the sheet of a workbook
    unchanged: int  # rows equal to the figure in force: skipped
    stale: int  # with --revise, rows equal to a figure since revised away: skipped


@dataclass(frozen=True)
class _Batch:
    """What of an import file is new, given the ledger."""

    kept: list[int]  # indexes of the rows to record
    unchanged: int
    stale: int
    problems: list[tuple[int, Message]]  # withdrawals of no figure


def _sort_out(rows: CsvRows, existing: list[Row], revise: bool, home: str) -> _Batch:
    """Leave out the rows the ledger already says: equal (in decimal) to the figure in
    force, or with --revise to one since revised away; a row with its own recorded_at (a
    ledger's history) only when the very same entry is there. A withdrawal where none is
    in force is unchanged too; where no figure ever was, a problem."""
    ledger_entries = list(map(entry_from_row, existing))
    same = {_identity(e) for e in ledger_entries}
    current = in_force(ledger_entries, home)
    seen: dict[Key, set[Decimal | None]] = {}
    for e in ledger_entries:
        seen.setdefault(e.key(home), set()).add(dec(e.value))
    kept: list[int] = []
    problems: list[tuple[int, Message]] = []
    unchanged = stale = 0
    for i, e in enumerate(rows.entries):
        key = e.key(home)
        if rows.own_time[i]:
            if _identity(e) in same:
                unchanged += 1
            else:
                kept.append(i)
            continue
        now_in_force = current.get(key)
        if now_in_force is not None and dec(now_in_force.value) == dec(e.value):
            unchanged += 1  # the same figure, or a withdrawal of what is withdrawn already
            continue
        if e.withdrawn and now_in_force is None:
            problems.append((rows.lines[i], msg("withdraw.none", target=e.target, period=e.period)))
            continue
        if revise and not e.withdrawn and dec(e.value) in seen.get(key, set()):
            stale += 1
            continue
        kept.append(i)
        current[key] = e
        seen.setdefault(key, set()).add(dec(e.value))
    return _Batch(kept, unchanged, stale, problems)


def _identity(e: Entry) -> tuple[object, ...]:
    """What makes two entries the same entry: every field, the time as an instant (an
    export in China's time and a ledger in UTC name the same moment) and the figure in
    decimal."""
    value = None if e.value is None else dec(e.value)
    return (*e.to_row()[:2], value, e.recorded_at.astimezone(UTC), *e.to_row()[4:])


def import_csv(
    plan: Plan,
    path: Path,
    name: str,
    data: bytes,
    *,
    revise: bool = False,
    dry_run: bool = False,
    sheet: str | None = None,
    region: str | None = None,
) -> Imported:
    """Record every new row of the file, or none; with dry_run only check them. Every
    bad row is named, duplicates included, before anything is written; rows the ledger
    already holds are counted, not recorded again. `region` names the region of rows
    without a region cell (default: the plan's own)."""
    whose = plan.region_named(region) if region is not None else None
    read = read_csv(plan, name, data, sheet, whose)

    place = msg(f"place.{read.place}")

    def refuse(problems: list[tuple[int, Message]]) -> RecordError:
        said = [
            msg("csv.problem", name=name, place=place, line=line, problem=why)
            for line, why in sorted(problems, key=lambda p: p[0])
        ]
        return RecordError([*said, msg("csv.nothing_recorded", name=name)])

    def sort_out(existing: list[Row]) -> tuple[CsvRows, _Batch, list[tuple[int, Message]]]:
        batch = _sort_out(read, existing, revise, plan.region)
        rows = CsvRows(
            [read.entries[i] for i in batch.kept],
            [read.lines[i] for i in batch.kept],
            [],
            [],
            read.read_as,
            read.place,
            [read.own_time[i] for i in batch.kept],
        )

        def where(i: int) -> Message:
            return msg("csv.place", name=name, place=place, line=rows.lines[i])

        found = duplicates(rows.entries, existing, revise, plan.region)
        return rows, batch, [(rows.lines[d.index], d.say(rows.entries, where)) for d in found]

    existing = ledger.read_rows(path, plan.year)
    new, batch, clashes = sort_out(existing)
    if read.problems or batch.problems or clashes:
        raise refuse(read.problems + batch.problems + clashes)
    notes = read.notes + _outranked(new, existing, name, plan.region) + _doubts(plan, new, name)
    done = Imported(new.entries, notes, read.read_as, batch.unchanged, batch.stale)
    if dry_run or not new.entries:
        return done

    def check(existing: list[Row]) -> None:  # again under the lock: someone may have recorded
        again, batch, clashes = sort_out(existing)
        if batch.problems or clashes:
            raise refuse(batch.problems + clashes)
        if again.entries != new.entries:
            raise RecordError("csv.ledger_changed", name=name)

    ledger.append(path, new.entries, check)
    return done


def _doubts(plan: Plan, rows: CsvRows, name: str) -> list[Message]:
    """A warning for each figure that looks wrong for its target; recorded all the same."""
    place = msg(f"place.{rows.place}")
    said = (
        plausibility.warning(plan, e, msg("csv.where", name=name, place=place, line=line))
        for e, line in zip(rows.entries, rows.lines, strict=True)
    )
    return [warning for warning in said if warning is not None]


def _outranked(rows: CsvRows, existing: list[Row], name: str, home: str) -> list[Message]:
    """The file's last figure for a period that a figure recorded later will outrank:
    the newest recorded_at is in force, whatever the order of recording."""
    last = {e.key(home): (i, e) for i, e in enumerate(rows.entries)}
    winners = in_force([*map(entry_from_row, existing), *rows.entries], home)
    return [
        outranked_note(
            msg("csv.where", name=name, place=msg(f"place.{rows.place}"), line=rows.lines[i]),
            e,
            winners[key],
        )
        for key, (i, e) in last.items()
        if winners[key] is not e
    ]
