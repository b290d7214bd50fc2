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
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from targets.domain.entries import CHINA, FIELDS, Entry, Row, entry_from_row
from targets.domain.periods import parse_period
from targets.errors import LedgerError, PeriodError
from targets.store import index as cache
from targets.store.index import LedgerIndex

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
            return _index(path, f, None if year is None else [year])[0].rows(year, regions)
    except FileNotFoundError:
        require_folder(path)
        return []
    except OSError as e:  # a folder, no permission, a disk error
        raise LedgerError(f"{path}: cannot read the ledger ({e.strerror})") from None


def read_bytes(path: Path) -> bytes:
    """The ledger's bytes as they are between two appends (OSError as raised)."""
    with open_for_reading(path) as f:
        _lock(f.fileno(), shared=True)
        return f.read()


def open_for_reading(path: Path) -> BinaryIO:
    """The ledger open for reading; LedgerError for a device or a FIFO, which would
    never end or never answer."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    try:
        _regular(path, fd)
    except LedgerError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _index(path: Path, f: BinaryIO, years: Iterable[int] | None) -> tuple[LedgerIndex, int]:
    """The index of the open ledger with `years` loaded (None: all): the kept one when it
    holds the file's very bytes, else built anew from them; and how many of the file's
    bytes it describes (a hand edit may add more meanwhile)."""
    index = cache.load_ledger(path, f, years)
    if index is None:
        f.seek(0)
        source = f.read()
        collecting = gc.isenabled()
        gc.disable()  # a parse makes many small objects and no cycles: no need to look
        try:
            index = LedgerIndex.of(parse_ledger(path, source), source)
        finally:
            if collecting:
                gc.enable()
        # keyed by the hash and length of exactly these bytes: if the file grew while
        # it was read, the next reader sees another length and builds anew
        cache.save_ledger(path, index)
    return index, index.size


def read_entries(path: Path, year: int | None = None) -> list[Entry]:
    """The ledger's entries, optionally only those of one year, in file order."""
    return [entry_from_row(r) for r in read_rows(path, year)]


def parse_ledger(path: Path, source: bytes) -> list[Row]:
    """Parse and check the whole file; LedgerError naming file, line and field otherwise."""
    checked = check_ledger(path, source, lines=False)
    if checked.problems:
        raise LedgerError(checked.problems[0])
    return checked.rows


class LedgerCheck(NamedTuple):
    """What reading the whole ledger found."""

    rows: list[Row]
    problems: list[str]  # one line each, naming file and line
    lines: list[int]  # the line where each row's entry starts
    torn: bool  # the last entry is cut short, as a crash mid-append leaves it


def check_ledger(path: Path, source: bytes, lines: bool = True) -> LedgerCheck:
    """Every entry and every problem of the ledger file (and where each entry starts,
    unless `lines` is false)."""
    import tomllib

    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.end < len(source) or source.endswith(b"\n"):
            return LedgerCheck([], [f"{path}: not UTF-8 text (byte {e.start})"], [], False)
        text = source[: e.start].decode("utf-8-sig", "replace") + "\ufffd"  # cut mid-character
    if text and not text.endswith("\n"):
        n = len(text.splitlines())
        return LedgerCheck([], [_torn(path, text, n, "the file ends mid-line")], [], True)
    from targets.store import layout  # only when the ledger is parsed, not read from the index

    fast = layout.read(text, _period)  # the tool's own layout, read fast
    if fast is not None:
        return LedgerCheck(fast, [], _starts(text.splitlines()) if lines else [], False)
    lines_of = text.splitlines()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        return LedgerCheck([], [f"{path}: not valid TOML: {e}"], [], False)  # e names the line
    problems = [
        f"{path}: unknown table [{key}] (the ledger holds [[actual]] entries only)"
        for key in data
        if key != "actual"
    ]
    raw = data.get("actual", [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        return LedgerCheck([], [f"{path}: write entries as [[actual]] tables"], [], False)
    starts = _starts(lines_of)
    rows: list[Row] = []
    at: list[int] = []
    torn = False
    for i, item in enumerate(raw):
        line = starts[i] if i < len(starts) else 0
        where = f"{path}, line {line} (entry {i + 1})" if line else f"{path} (entry {i + 1})"
        try:
            rows.append(_row(item))
            at.append(line)
        except _Missing as e:
            torn = i == len(raw) - 1
            problems.append(_torn(path, text, len(lines_of), str(e)) if torn else f"{where}: {e}")
        except LedgerError as e:
            problems.append(f"{where}: {e}")
    return LedgerCheck(rows, problems, at, torn)


def _starts(lines: list[str]) -> list[int]:
    """The line where each entry starts."""
    return [n + 1 for n, line in enumerate(lines) if _ENTRY_HEADER.match(line)]


class _Missing(LedgerError):
    """A required field is absent: in the last entry, the mark of a write cut short."""


def torn_start(text: str) -> int:
    """The line where a cut-short last entry begins: the first line after the longest
    run of whole, valid entries. Everything before it is intact."""
    import tomllib

    lines = text.splitlines(keepends=True)
    for n in range(len(lines) - 1, -1, -1):
        if not lines[n].lstrip().startswith("["):
            continue
        try:
            data = tomllib.loads("".join(lines[:n]))
            for item in data.get("actual", []):
                _row(item)
        except (tomllib.TOMLDecodeError, LedgerError, TypeError, AttributeError):
            continue
        return n + 1
    return 1


def _torn(path: Path, text: str, line: int, why: str) -> str:
    return (
        f"{path}, line {line}: the last entry (from line {torn_start(text)}) is incomplete, "
        f"as a write cut short leaves it ({why}); `targets check` says how to repair it"
    )


def _row(item: dict[str, Any]) -> Row:
    """One entry of the file as a row, checked field by field."""
    unknown = [k for k in item if k not in FIELDS]
    if unknown:
        raise LedgerError(f"unknown field {unknown[0]}")
    for name in ("target", "period", "value", "recorded_at"):
        if name not in item:
            raise _Missing(f"{name} is missing")
    target, value, when = item["target"], item["value"], item["recorded_at"]
    if not isinstance(target, str) or not target:
        raise LedgerError(f"target must be a target id, not {target!r}")
    if not isinstance(item["period"], str):
        raise LedgerError(f'period must be text like "2023-03", not {item["period"]!r}')
    try:
        period = parse_period(item["period"])
    except PeriodError as e:
        raise LedgerError(str(e)) from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise LedgerError(f"value must be a finite number, not {value!r}")
    if not isinstance(when, datetime):
        shown = when.isoformat() if hasattr(when, "isoformat") else repr(when)
        raise LedgerError(
            f"recorded_at must be a date and time like 2023-04-20T10:00:00+08:00, not {shown}"
        )
    for name in ("source", "note", "region"):
        if item.get(name) is not None and not isinstance(item[name], str):
            raise LedgerError(f"{name} must be text, not {item[name]!r}")
    try:
        recorded_at = with_zone(when).isoformat()
    except (ValueError, OverflowError):
        raise LedgerError(f"recorded_at {when.isoformat()} is out of range") from None
    return (
        target,
        str(period),
        float(value),
        recorded_at,
        item.get("source"),
        item.get("note"),
        item.get("region"),
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


def format_entry(entry: Entry) -> str:
    """One entry as a TOML block; recorded_at last, so a cut-short write always shows."""
    import tomli_w

    given = {**vars(entry), "period": str(entry.period)}
    fields = {name: given[name] for name in FIELDS if given[name] not in (None, "")}
    # tomli_w writes a table of scalars as one `key = value` line each, quoted and escaped,
    # in the order given. The `[[actual]]` header is ours: how tomli_w lays out an array of
    # tables has changed between its versions, and people read and append to this by hand.
    return "\n[[actual]]\n" + tomli_w.dumps(fields)


# How often a recorder reopens a ledger that was replaced while it waited for the lock.
REOPENS = 10


@contextmanager
def locked(path: Path) -> Iterator[int]:
    """The ledger opened for appending, held under an exclusive lock, and still the file
    at `path` once the lock is held.

    While a recorder waits, another program may replace the ledger (an editor's save, a
    sync client, a restore: a rename over the path) or delete it. A figure written into
    the old file would be acknowledged and lost, so a replaced ledger is opened again and
    a deleted one refused.
    """
    require_folder(path)
    for _ in range(REOPENS):
        try:
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | _NONBLOCK, 0o644)
        except OSError as e:
            require_folder(path)
            raise LedgerError(
                f"{path}: cannot open the ledger for writing ({e.strerror})"
            ) from None
        try:
            _regular(path, fd)
            _lock(fd)
            held = os.fstat(fd)
            try:
                now = os.stat(path)
            except OSError:
                now = None
            if now is None:
                raise LedgerError(
                    f"{path}: the ledger was removed while this waited for it; nothing was recorded"
                )
            if (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
                yield fd
                return
        finally:
            os.close(fd)  # closing releases the lock
    raise LedgerError(f"{path}: the ledger kept being replaced; nothing was recorded")


# A FIFO opened without it would wait for a writer for ever.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def require_folder(path: Path) -> None:
    """Refuse a ledger whose folder is missing (an unmounted share, a typo): creating
    the folder would start an empty ledger where the real one was meant to be."""
    folder = path.parent
    if not folder.is_dir():
        raise LedgerError(
            f"{path}: the folder {folder} does not exist (point --ledger or TARGETS_LEDGER"
            " at the ledger, or create the folder)"
        )


def _regular(path: Path, fd: int) -> None:
    """Refuse a ledger that is a device, a FIFO or a socket: reading one never ends."""
    import errno
    import stat

    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):  # said as the system says it, for reading and writing alike
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(mode):
        raise LedgerError(f"{path}: the ledger is not a regular file")


def _write_all(path: Path, fd: int, size: int, data: bytes) -> None:
    """Append `data` whole and make it durable, or leave the file at its old `size`.

    Cutting back what this very write added, while the lock is still held, is not an
    edit: no one has read those bytes, and every figure recorded before stays as it was.
    """
    try:
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(28, "the disk took only part of it")
        os.fsync(fd)
    except OSError as e:
        try:
            os.ftruncate(fd, size)
        except OSError:
            pass
        raise LedgerError(
            f"{path}: nothing was recorded: the write failed ({e.strerror})"
        ) from None


def _lock(fd: int, shared: bool = False) -> None:
    """Wait for the lock on the open ledger; closing the file releases it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        if shared:
            return  # Windows locks are mandatory: a reader holding one would block readers
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)


def append(path: Path, entries: Iterable[Entry], check: Any = None) -> list[Entry]:
    """Append entries as one write under the lock.

    `check(rows)` sees the ledger's rows of the entries' years as they are once the lock
    is held (so two people recording at once cannot both pass a duplicate check) and
    may raise to refuse; nothing is written then.
    """
    new = list(entries)
    if check is not None and not path.exists():
        check([])  # refuse before creating a ledger that would stay empty
    with locked(path) as fd:
        years = sorted({e.period.year for e in new})
        with os.fdopen(os.dup(fd), "rb") as f:
            index, described = _index(path, f, years)
        if check is not None:
            check([row for year in years for row in index.rows(year)])
        block = "".join(format_entry(e) for e in new)
        size = os.fstat(fd).st_size  # more than `described` if someone appended by hand
        if size == 0:
            block = HEADER + block
        data = block.encode("utf-8")
        _write_all(path, fd, size, data)
        after = os.fstat(fd)
        if after.st_size == described + len(data):  # the index has read every other byte
            index.add([e.to_row() for e in new], data)
            cache.save_ledger(path, index)
    return new
