"""Recording figures: one from the command line, or many from a CSV file, all or none.

Everything a figure must satisfy is checked before anything is written: the target is
the plan's, the period is in the plan's year and one its frequency takes, the value is a
finite number, and a second figure for a period is a revision only when asked for.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from targets.domain.entries import Entry, Key, Row, entry_from_row, in_force
from targets.domain.periods import label, names_one_month, spreadsheet_month
from targets.domain.plan import Plan
from targets.errors import RecordError, TargetsError
from targets.store import ledger_file as ledger


def parse_value(text: str) -> float:
    """A figure as typed (full-width digits too): a finite number; RecordError otherwise."""
    plain = unicodedata.normalize("NFKC", text).strip()  # ５．８ is 5.8, －０．３ is -0.3
    try:
        if "_" in plain:  # Python reads 1_000 as a number; nobody writes a figure so
            raise ValueError
        if any(unicodedata.category(c) == "No" for c in text):
            raise ValueError  # NFKC reads 5² as 52 and ① as 1: no figure is written so
        value = float(plain)
    except ValueError:
        hint = f" (write {plain[:-1]}: the unit comes from the plan)" if plain.endswith("%") else ""
        raise RecordError(f"value {text!r} is not a number{hint}") from None
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
    region: str | None = None,
) -> Entry:
    for name, text in (("source", source), ("note", note)):
        if text and not _encodes(text):
            raise RecordError(f"--{name} holds bytes that are not UTF-8 text")
    t = plan.target(target)
    return Entry(
        target=t.id,
        period=plan.period_for(t, period),
        value=parse_value(value),
        recorded_at=recorded_at or now(),
        source=source or None,
        note=note or None,
        region=None if region in (None, "", plan.region) else region,
    )


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def dec(x: float) -> Decimal:
    """A figure as the decimal a person wrote, for telling equal figures (as the judge does)."""
    return Decimal(repr(x))


@dataclass(frozen=True)
class Duplicate:
    """A figure for a period that already has one: in the ledger, or earlier in the batch."""

    index: int  # in the batch
    recorded: Entry | None  # the ledger's figure for the period, when that is the clash
    earlier: int  # otherwise the earlier figure's index in the batch

    def say(self, new: list[Entry], where: Callable[[int], str]) -> str:
        e = new[self.index]
        what = f"{e.target} {e.period}" + (f" of {e.region}" if e.region else "")
        if self.recorded is not None:
            old = self.recorded
            return (
                f"{what} already has {old.value:g} (recorded "
                f"{old.recorded_at:%Y-%m-%d %H:%M}); add --revise to record a correction"
            )
        return (
            f"{what} is already given on {where(self.earlier)};"
            " add --revise to take the later row as a correction"
        )


def duplicates(new: list[Entry], rows: list[Row], revise: bool, home: str) -> list[Duplicate]:
    """The figures of `new` that would need --revise, given the ledger's `rows`."""
    if revise:
        return []
    existing = {e.key(home): e for e in map(entry_from_row, rows)}
    found: list[Duplicate] = []
    seen: dict[Key, int] = {}
    for i, e in enumerate(new):
        key = e.key(home)
        if key in existing:
            found.append(Duplicate(i, existing[key], -1))
        elif key in seen:
            found.append(Duplicate(i, None, seen[key]))
        seen.setdefault(key, i)
    return found


@dataclass(frozen=True)
class Recorded:
    revised: bool  # the period had a figure before
    notes: list[str]  # what the person recording should know
    unchanged: Entry | None = None  # the same figure is in force already: nothing written


class _Unchanged(Exception):
    def __init__(self, entry: Entry) -> None:
        self.entry = entry


def record(plan: Plan, path: Path, entry: Entry, text: str, *, revise: bool = False) -> Recorded:
    """Append one figure to the ledger (`text`: its period as typed); the same figure
    as the one in force is no revision, and nothing is written."""
    earlier: list[Entry] = []
    key = entry.key(plan.region)

    def check(rows: list[Row]) -> None:
        earlier.extend(e for e in map(entry_from_row, rows) if e.key(plan.region) == key)
        current = in_force(earlier, plan.region).get(key)
        if current is not None and dec(current.value) == dec(entry.value):
            raise _Unchanged(current)
        if clash := duplicates([entry], rows, revise, plan.region):
            raise RecordError(clash[0].say([entry], str))

    try:
        ledger.append(path, [entry], check)
    except _Unchanged as same:
        return Recorded(True, [], same.entry)
    notes = [n for n in [rate_note(plan, entry, text, "")] if n]
    winner = in_force([*earlier, entry], plan.region)[key]
    if winner is not entry:
        notes.append(outranked_note("", entry, winner))
    return Recorded(bool(earlier), notes)


def rate_note(plan: Plan, entry: Entry, text: str, where: str) -> str | None:
    """For a monthly rate given a span of the year (2023, 2023-H1): which reading it is."""
    t = plan.target(entry.target)
    if t.kind != "rate" or t.frequency != "monthly" or names_one_month(text):
        return None
    month = label(entry.period, plan.language(None), cumulative=False)
    return (
        f"note: {where}{t.id} is a monthly rate, so {text!r} is taken as the reading for"
        f" {month}; the year's figure is the mean of the monthly readings"
    )


def outranked_note(where: str, entry: Entry, winner: Entry) -> str:
    """A figure that a figure recorded later outranks: the latest recording counts."""
    return (
        f"note: {where}{entry.target} {entry.period} = {entry.value:g} will not be in force:"
        f" {winner.value:g} was recorded later ({winner.recorded_at:%Y-%m-%d %H:%M}),"
        " and the latest recording counts"
    )


@dataclass(frozen=True)
class CsvRows:
    entries: list[Entry]
    lines: list[int]  # the line of each entry in the file, for messages
    problems: list[tuple[int, str]]  # (line, what is wrong) for each bad row
    notes: list[str]  # what the person importing should know
    read_as: str = "UTF-8"  # the encoding, or the sheet of a workbook
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
            rows.problems.append((line, str(e)))
            continue
        rows.entries.append(entry)
        rows.lines.append(line)
        rows.own_time.append(bool(cells.get("recorded_at", "").strip()))
        where = f"{name}, {read.place} {line}: "
        if note := rate_note(plan, entry, _period_text(cells["period"]), where):
            rows.notes.append(note)
    return rows


def _period_text(cell: str) -> str:
    """A period cell as a period: the dates a spreadsheet makes of `2023-03` are that month."""
    month = spreadsheet_month(cell)
    return str(month) if month is not None else cell.strip()


def _entry(plan: Plan, cells: dict[str, str], region: str | None = None) -> Entry:
    """One row; source and note are kept exactly as written, spaces and all. A region
    cell wins over `region`."""
    cell = cells.get("region", "").strip()
    target = plan.target(cells["target"].strip())
    value = cells["value"].strip()
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
    )


def _recorded_at(text: str) -> datetime | None:
    if not text:
        return None
    try:
        when = ledger.with_zone(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        raise RecordError(
            f"recorded_at {text!r} is not a date and time like 2023-04-20T10:00:00+08:00"
        ) from None
    offset = when.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        raise RecordError(f"recorded_at {text!r}: a UTC offset is hours and minutes, like +08:00")
    return when


@dataclass(frozen=True)
class Imported:
    entries: list[Entry]  # what was (or, dry, would be) recorded
    notes: list[str]  # revisions that will not be in force, for the person importing
    read_as: str  # the encoding, or the sheet of a workbook
    unchanged: int  # rows equal to the figure in force: skipped
    stale: int  # with --revise, rows equal to a figure since revised away: skipped


@dataclass(frozen=True)
class _Batch:
    """What of an import file is new, given the ledger."""

    kept: list[int]  # indexes of the rows to record
    unchanged: int
    stale: int


def _sort_out(rows: CsvRows, existing: list[Row], revise: bool, home: str) -> _Batch:
    """Leave out the rows the ledger already says: equal (in decimal) to the figure in
    force, or with --revise to one since revised away; a row with its own recorded_at (a
    ledger's history) only when the very same entry is there."""
    ledger_entries = list(map(entry_from_row, existing))
    same = {e.to_row() for e in ledger_entries}
    current = in_force(ledger_entries, home)
    seen: dict[Key, set[Decimal]] = {}
    for e in ledger_entries:
        seen.setdefault(e.key(home), set()).add(dec(e.value))
    kept: list[int] = []
    unchanged = stale = 0
    for i, e in enumerate(rows.entries):
        key = e.key(home)
        if rows.own_time[i]:
            if e.to_row() in same:
                unchanged += 1
            else:
                kept.append(i)
            continue
        now_in_force = current.get(key)
        if now_in_force is not None and dec(now_in_force.value) == dec(e.value):
            unchanged += 1
            continue
        if revise and dec(e.value) in seen.get(key, set()):
            stale += 1
            continue
        kept.append(i)
        current[key] = e
        seen.setdefault(key, set()).add(dec(e.value))
    return _Batch(kept, unchanged, stale)


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

    def refuse(problems: list[tuple[int, str]]) -> RecordError:
        said = [f"{name}, {read.place} {line}: {why}" for line, why in sorted(problems)]
        return RecordError("\n".join([*said, f"{name}: nothing was recorded"]))

    def sort_out(existing: list[Row]) -> tuple[CsvRows, _Batch, list[tuple[int, str]]]:
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

        def where(i: int) -> str:
            return f"{name}, {read.place} {rows.lines[i]}"

        found = duplicates(rows.entries, existing, revise, plan.region)
        return rows, batch, [(rows.lines[d.index], d.say(rows.entries, where)) for d in found]

    existing = ledger.read_rows(path, plan.year)
    new, batch, clashes = sort_out(existing)
    if read.problems or clashes:
        raise refuse(read.problems + clashes)
    notes = read.notes + _outranked(new, existing, name, plan.region)
    done = Imported(new.entries, notes, read.read_as, batch.unchanged, batch.stale)
    if dry_run or not new.entries:
        return done

    def check(existing: list[Row]) -> None:  # again under the lock: someone may have recorded
        again, _, clashes = sort_out(existing)
        if clashes:
            raise refuse(clashes)
        if again.entries != new.entries:
            raise RecordError(f"{name}: the ledger changed while importing; nothing was recorded")

    ledger.append(path, new.entries, check)
    return done


def _outranked(rows: CsvRows, existing: list[Row], name: str, home: str) -> list[str]:
    """The file's last figure for a period that a figure recorded later will outrank:
    the newest recorded_at is in force, whatever the order of recording."""
    last = {e.key(home): (i, e) for i, e in enumerate(rows.entries)}
    winners = in_force([*map(entry_from_row, existing), *rows.entries], home)
    return [
        outranked_note(f"{name}, {rows.place} {rows.lines[i]}: ", e, winners[key])
        for key, (i, e) in last.items()
        if winners[key] is not e
    ]
