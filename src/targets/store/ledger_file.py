"""The ledger: every figure ever recorded (`actuals.toml`), append-only.

A correction is a new entry for the same target and period; the newest `recorded_at`
wins (file order breaks ties). The tool only ever appends a whole entry with one write,
under a lock, and never truncates or rewrites the file. Reading goes through a derived
index (`targets.cache`), so a large ledger is parsed once, not on every command.
"""

from __future__ import annotations

import gc
import math
import os
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from targets.domain.entries import CHINA, FIELDS, Entry, Row, entry_from_row
from targets.domain.periods import parse_period
from targets.errors import LedgerError, PeriodError
from targets.messages import Message, msg, say
from targets.store import cuts
from targets.store import index as cache
from targets.store.index import LedgerIndex
from targets.store.ledger_lock import _lock, open_for_reading, require_folder
from targets.store.ledger_lock import locked as locked  # the lock, for those who append

HEADER = (
    "# Figures recorded with `targets`. Append-only: a correction is a new entry for the\n"
    "# same target and period (`targets record … --revise`); the newest recorded_at wins.\n"
)
_ENTRY_HEADER = re.compile(r"\s*\[\[\s*actual\s*\]\]")


def read_rows(
    path: Path, year: int | None = None, regions: Sequence[str] | None = None
) -> list[Row]:
    """The ledger's entries (of one year, or all; of some regions, "" standing for the
    plan's own when an entry names none, or all), in file order; [] without a ledger."""
    try:
        with open_for_reading(path) as f:
            _lock(f.fileno(), shared=True)  # an append in progress finishes first
            return _index(path, f, None if year is None else [year]).found.rows(year, regions)
    except FileNotFoundError:
        require_folder(path)
        return []
    except OSError as e:  # a folder, no permission, a disk error
        raise LedgerError("ledger.cannot_read", path=path, why=e.strerror) from None


class _Indexed(NamedTuple):
    found: LedgerIndex
    described: int  # how many of the file's bytes it describes (a hand edit may add more)
    torn: str  # a cut-short last entry (no entry may be appended after it), or ""
    whole: bool  # nothing was left out: the index may be saved


def _index(path: Path, f: BinaryIO, years: Iterable[int] | None) -> _Indexed:
    """The index of the open ledger with `years` loaded (None: all): the kept one when it
    holds the file's very bytes, else built anew from them.

    What a write cut short left (a torn last entry, an import's incomplete batch) is left
    out, said through `cuts.left_out()`, and keeps the index from being saved: the ledger
    is read afresh until `targets check --repair` puts it right.
    """
    index = cache.load_ledger(path, f, years)
    if index is not None:
        return _Indexed(index, index.size, "", True)
    f.seek(0)
    source = f.read()
    collecting = gc.isenabled()
    gc.disable()  # a parse makes many small objects and no cycles: no need to look
    try:
        checked = check_ledger(path, source, lines=False)
    finally:
        if collecting:
            gc.enable()
    if checked.problems:
        raise LedgerError(checked.problems[0])
    index = LedgerIndex.of(checked.rows, source)
    notes = cuts.reader_notes(checked.torn, checked.cut)
    cuts.say(notes)
    if not notes:
        # keyed by the hash and length of exactly these bytes: if the file grew while
        # it was read, the next reader sees another length and builds anew
        cache.save_ledger(path, index)
    return _Indexed(index, index.size, checked.torn, not notes)


def read_entries(path: Path, year: int | None = None) -> list[Entry]:
    """The ledger's entries, optionally only those of one year, in file order."""
    return [entry_from_row(r) for r in read_rows(path, year)]


def parse_ledger(path: Path, source: bytes) -> list[Row]:
    """Parse and check the whole file: its complete entries; LedgerError naming file,
    line and field otherwise."""
    checked = check_ledger(path, source, lines=False)
    if checked.problems:
        raise LedgerError(checked.problems[0])
    return checked.rows


class LedgerCheck(NamedTuple):
    """What reading the whole ledger found."""

    rows: list[Row]  # every complete entry
    problems: list[Message | str]  # one line each, naming file and line: the file cannot be read
    lines: list[int]  # the line where each row's entry starts
    torn: str  # the last entry is cut short, as a crash mid-append leaves it; or ""
    cut: list[str] = []  # the imports cut short whose entries are left out
    spans: list[tuple[int, int]] = []  # the lines (from, to) of what is left out


def check_ledger(path: Path, source: bytes, lines: bool = True) -> LedgerCheck:
    """Every complete entry and every problem of the ledger file (and where each entry
    starts, unless `lines` is false); what a write cut short left is set apart (`torn`,
    `cut`), not a problem."""
    import tomllib

    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.end < len(source) or source.endswith(b"\n"):
            return LedgerCheck([], [msg("file.not_utf8", path=path, byte=e.start)], [], "")
        text = source[: e.start].decode("utf-8-sig", "replace") + "\ufffd"  # cut mid-character
    if text and not text.endswith("\n"):
        return _without_torn_tail(path, text)
    from targets.store import layout  # only when the ledger is parsed, not read from the index

    found: dict[str, list[tuple[int, int]]] = {}  # an import's name → (row, size) of each entry
    fast = layout.read(text, _period, found)  # the tool's own layout, read fast
    if fast is not None and not cuts.any_incomplete(found):
        return LedgerCheck(fast, [], _starts(text_lines(text)) if lines else [], "")
    lines_of = text_lines(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        why = str(e)  # names the line
        return LedgerCheck([], [msg("file.not_toml", path=path, why=why)], [], "")
    except RecursionError:
        deep = msg("file.too_deep")
        return LedgerCheck([], [msg("file.not_toml", path=path, why=deep)], [], "")
    except ValueError:  # an integer of thousands of digits: Python refuses to read it
        huge = msg("file.huge_number")
        return LedgerCheck([], [msg("file.not_toml", path=path, why=huge)], [], "")
    problems: list[Message | str] = [
        msg("ledger.unknown_table", path=path, table=key) for key in data if key != "actual"
    ]
    raw = data.get("actual", [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        return LedgerCheck([], [msg("ledger.entries_as_tables", path=path)], [], "")
    starts = _starts(lines_of)
    rows: list[Row] = []
    at: list[int] = []
    batches: dict[str, list[tuple[int, int]]] = {}  # id → (row, size) of each entry
    torn = ""
    spans: list[tuple[int, int]] = []
    for i, item in enumerate(raw):
        line = starts[i] if i < len(starts) else 0
        where = "ledger.entry" if line else "ledger.entry_no_line"
        try:
            row = _row(item)
            batch = cuts.batch_of(item)
        except _Missing as e:
            if i == len(raw) - 1 and line:
                torn = cuts.torn_note(path, line, str(e))
                spans.append((line, len(lines_of)))
            else:
                problems.append(msg(where, path=path, line=line, n=i + 1, problem=e.messages[0]))
            continue
        except LedgerError as e:
            problems.append(msg(where, path=path, line=line, n=i + 1, problem=e.messages[0]))
            continue
        if batch is not None:
            batches.setdefault(batch[0], []).append((len(rows), batch[1]))
        rows.append(row)
        at.append(line)
    cut, dropped = cuts.incomplete(path, batches, at, starts, len(lines_of), spans)
    if dropped:
        rows = [r for n, r in enumerate(rows) if n not in dropped]
        at = [a for n, a in enumerate(at) if n not in dropped]
    return LedgerCheck(rows, problems, at, torn, cut, spans)


def text_lines(text: str) -> list[str]:
    """The lines of TOML text, each with its end: TOML ends a line at \\n alone, where
    str.splitlines would also break at a \\x85 or \\u2028 inside a string."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _without_torn_tail(path: Path, text: str) -> LedgerCheck:
    """The file ends mid-line: what comes before the last entry, which a write cut short
    (the tool writes every entry with its line end)."""
    lines = text_lines(text)
    start = next((n for n in range(len(lines) - 1, -1, -1) if lines[n].lstrip()[:1] == "["), 0)
    before = check_ledger(path, "".join(lines[:start]).encode("utf-8"))
    torn = cuts.torn_note(path, start + 1, say("ledger.ends_mid_line"))
    if before.torn:  # two cut entries are no cut write: a hand edit gone wrong
        return before._replace(problems=[*before.problems, before.torn, torn], torn="")
    return before._replace(torn=torn, spans=[*before.spans, (start + 1, len(lines))])


def _starts(lines: list[str]) -> list[int]:
    """The line where each entry starts."""
    return [n + 1 for n, line in enumerate(lines) if _ENTRY_HEADER.match(line)]


class _Missing(LedgerError):
    """A required field is absent: in the last entry, the mark of a write cut short."""


def _row(item: dict[str, Any]) -> Row:
    """One entry of the file as a row, checked field by field."""
    unknown = [k for k in item if k not in FIELDS]
    if unknown:
        raise LedgerError("ledger.unknown_field", name=unknown[0])
    withdrawn = item.get("withdrawn", False)  # a withdrawal has no value (SPEC 1.2)
    for name in ("target", "period", "value", "recorded_at"):
        if name not in item and not (name == "value" and withdrawn is True):
            raise _Missing("ledger.missing_field", name=name)
    target, value, when = item["target"], item.get("value"), item["recorded_at"]
    if not isinstance(target, str) or not target:
        raise LedgerError("ledger.bad_target", value=target)
    if not isinstance(item["period"], str):
        raise LedgerError("ledger.bad_period", value=item["period"])
    try:
        period = parse_period(item["period"])
    except PeriodError as e:
        raise LedgerError(e.messages) from None
    if not isinstance(withdrawn, bool):
        raise LedgerError("ledger.bad_withdrawn", value=withdrawn)
    if withdrawn and value is not None:
        raise LedgerError("ledger.withdrawal_value")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**308:
        raise LedgerError("ledger.huge_value", digits=len(str(abs(value))))
    if not withdrawn and (
        isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
    ):
        raise LedgerError("ledger.bad_value", value=value)
    if not isinstance(when, datetime):
        shown = when.isoformat() if hasattr(when, "isoformat") else repr(when)
        raise LedgerError("ledger.bad_recorded_at", value=shown)
    for name in ("source", "note", "region"):
        if item.get(name) is not None and not isinstance(item[name], str):
            raise LedgerError("ledger.not_text", name=name, value=item[name])
    try:
        recorded_at = with_zone(when).isoformat()
    except (ValueError, OverflowError):
        raise LedgerError("ledger.out_of_range", value=when.isoformat()) from None
    return (
        target,
        str(period),
        None if value is None else float(value),
        recorded_at,
        item.get("source"),
        item.get("note"),
        item.get("region"),
        withdrawn,
    )


def _period(text: str) -> str:
    """A period as written, in its canonical form; ValueError when it is none."""
    try:
        return str(parse_period(text))
    except PeriodError as e:
        raise ValueError(str(e)) from None


def with_zone(when: datetime) -> datetime:
    """A time without a UTC offset is read in China's time (SPEC §7), whatever this
    machine's zone: the same ledger orders its revisions the same way everywhere."""
    return when if when.tzinfo is not None else when.replace(tzinfo=CHINA)


def format_entry(entry: Entry, batch: tuple[str, int] | None = None) -> str:
    """One entry as a TOML block; recorded_at last, so a cut-short write always shows.
    An entry of a multi-entry write names its `batch` and the batch's size: a reader
    counts them, and an import cut short is recognised and left out whole."""
    import tomli_w

    named = {"batch": batch[0], "batch_size": batch[1]} if batch else {}
    given = {**vars(entry), "period": str(entry.period), "batch": None, "batch_size": None}
    given.update(named)
    # empty fields are left out, and so is `withdrawn = false` (`is`: 0.0 == False)
    fields = {k: v for k in FIELDS if (v := given[k]) not in (None, "") and v is not False}
    # tomli_w writes a table of scalars as one `key = value` line each, quoted and escaped,
    # in the order given. The `[[actual]]` header is ours: how tomli_w lays out an array of
    # tables has changed between its versions, and people read and append to this by hand.
    return "\n[[actual]]\n" + tomli_w.dumps(fields)


def _write_all(path: Path, fd: int, size: int, data: bytes) -> None:
    """Append `data` whole and make it durable, or leave the file at its old `size`.

    Cutting back what this very write added, while the lock is still held, is not an
    edit: no one has read those bytes, and every figure recorded before stays as it was.
    """
    try:
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(28, msg("ledger.partial_write").render())
        os.fsync(fd)
    except OSError as e:
        try:
            os.ftruncate(fd, size)
        except OSError:
            pass
        raise LedgerError("ledger.write_failed", path=path, why=e.strerror) from None


def append(
    path: Path,
    entries: Iterable[Entry],
    check: Any = None,
    regions: Sequence[str] | None = None,
) -> list[Entry]:
    """Append entries as one write under the lock.

    `check(rows)` sees the ledger's rows of the entries' years (of `regions` only, when
    given: "" for entries that name no region) as they are once the lock is held (so two
    people recording at once cannot both pass a duplicate check) and may raise to refuse;
    nothing is written then.
    """
    new = list(entries)
    if check is not None and not path.exists():
        check([])  # refuse before creating a ledger that would stay empty
    with locked(path) as fd:
        years = sorted({e.period.year for e in new})
        with os.fdopen(os.dup(fd), "rb") as f:
            index, described, torn, whole = _index(path, f, years)
        if torn:  # appended after it, the cut line would make the whole file unreadable
            cuts.unsay(torn)  # the refusal says it
            raise LedgerError("ledger.torn_refused", torn=torn, repair=cuts.REPAIR)
        if check is not None:
            check([row for year in years for row in index.rows(year, regions)])
        batch = (os.urandom(8).hex(), len(new)) if len(new) > 1 else None
        block = "".join(format_entry(e, batch) for e in new)
        size = os.fstat(fd).st_size  # more than `described` if someone appended by hand
        if size == 0:
            block = HEADER + block
        data = block.encode("utf-8")
        _write_all(path, fd, size, data)
        after = os.fstat(fd)
        if whole and after.st_size == described + len(data):  # it read every other byte
            index.add([e.to_row() for e in new], data)
            cache.save_ledger(path, index)
    return new
