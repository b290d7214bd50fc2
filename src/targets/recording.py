"""Recording figures: one from the command line, or many from a CSV file, all or none.

Everything a figure must satisfy is checked before anything is written: the target is
the plan's, the period is in the plan's year and one its frequency takes, the value is a
finite number, and a second figure for a period is a revision only when asked for.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from targets.domain.entries import Entry, Key, Row, entry_from_row, in_force
from targets.domain.periods import label, names_one_month
from targets.domain.plan import Plan
from targets.errors import RecordError, TargetsError
from targets.store import ledger_file as ledger

CSV_REQUIRED = ("target", "period", "value")
CSV_OPTIONAL = ("source", "note", "recorded_at", "region")


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


@dataclass(frozen=True)
class Duplicate:
    """A figure for a period that already has one: in the ledger, or earlier in the batch."""

    index: int  # in the batch
    recorded: Entry | None  # the ledger's figure for the period, when that is the clash
    earlier: int  # otherwise the earlier figure's index in the batch

    def say(self, new: list[Entry], where: Callable[[int], str]) -> str:
        e = new[self.index]
        if self.recorded is not None:
            old = self.recorded
            return (
                f"{e.target} {e.period} already has {old.value:g} (recorded "
                f"{old.recorded_at:%Y-%m-%d %H:%M}); add --revise to record a correction"
            )
        return (
            f"{e.target} {e.period} is already given on {where(self.earlier)};"
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


def record(plan: Plan, path: Path, entry: Entry, text: str, *, revise: bool = False) -> Recorded:
    """Append one figure to the ledger (`text`: its period as typed)."""
    earlier: list[Entry] = []
    key = entry.key(plan.region)

    def check(rows: list[Row]) -> None:
        earlier.extend(e for e in map(entry_from_row, rows) if e.key(plan.region) == key)
        if clash := duplicates([entry], rows, revise, plan.region):
            raise RecordError(clash[0].say([entry], str))

    ledger.append(path, [entry], check)
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


def read_csv(plan: Plan, name: str, data: bytes) -> CsvRows:
    """Every good row of an import file as an entry, and every bad one with its line;
    RecordError when the file as a whole cannot be read."""
    import csv
    import io

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
            looks = " (it looks like GBK, Excel's 'CSV (逗号分隔)')"
        except UnicodeDecodeError:
            looks = ""
        raise RecordError(
            f"{name}, line {line}: not UTF-8 text{looks}; save it as 'CSV UTF-8 (逗号分隔)'"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
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
    problems: list[tuple[int, str]] = []
    notes: list[str] = []
    next_line = reader.line_num + 1  # where a row starts: a quoted cell may span lines
    line = next_line
    try:
        for row in reader:
            line, next_line = next_line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                cells = f"{len(row)} cell{'' if len(row) == 1 else 's'}"
                problems.append((line, f"{cells} where the header has {len(header)}"))
                continue
            try:
                entry = _entry(plan, dict(zip(header, row, strict=True)))
            except TargetsError as e:
                problems.append((line, str(e)))
                continue
            entries.append(entry)
            lines.append(line)
            note = rate_note(
                plan, entry, row[header.index("period")].strip(), f"{name}, line {line}: "
            )
            if note:
                notes.append(note)
    except csv.Error as e:  # a broken quote or an enormous cell: nothing after it can be read
        why = "a quote is opened and never closed" if "unexpected end" in str(e) else str(e)
        problems.append((next_line, why))
    return CsvRows(entries, lines, problems, notes)


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
        region=cells.get("region", "").strip() or None,
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
    entries: list[Entry]
    notes: list[str]  # revisions that will not be in force, for the person importing


def import_csv(
    plan: Plan, path: Path, name: str, data: bytes, *, revise: bool = False, dry_run: bool = False
) -> Imported:
    """Record every row of the file, or none; with dry_run only check them. Every bad
    row is named, duplicates included, before anything is written."""
    rows = read_csv(plan, name, data)

    def refuse(problems: list[tuple[int, str]]) -> RecordError:
        said = [f"{name}, line {line}: {why}" for line, why in sorted(problems)]
        return RecordError("\n".join([*said, f"{name}: nothing was recorded"]))

    def where(i: int) -> str:
        return f"{name}, line {rows.lines[i]}"

    def duplicate_rows(existing: list[Row]) -> list[tuple[int, str]]:
        found = duplicates(rows.entries, existing, revise, plan.region)
        return [(rows.lines[d.index], d.say(rows.entries, where)) for d in found]

    existing = ledger.read_rows(path, plan.year)
    problems = rows.problems + duplicate_rows(existing)
    if problems:
        raise refuse(problems)
    notes = rows.notes + _outranked(rows, existing, name, plan.region)
    if dry_run or not rows.entries:
        return Imported(rows.entries, notes)

    def check(existing: list[Row]) -> None:  # again under the lock: someone may have recorded
        if again := duplicate_rows(existing):
            raise refuse(again)

    ledger.append(path, rows.entries, check)
    return Imported(rows.entries, notes)


def _outranked(rows: CsvRows, existing: list[Row], name: str, home: str) -> list[str]:
    """The file's last figure for a period that a figure recorded later will outrank:
    the newest recorded_at is in force, whatever the order of recording."""
    last = {e.key(home): (i, e) for i, e in enumerate(rows.entries)}
    winners = in_force([*map(entry_from_row, existing), *rows.entries], home)
    return [
        outranked_note(f"{name}, line {rows.lines[i]}: ", e, winners[key])
        for key, (i, e) in last.items()
        if winners[key] is not e
    ]
