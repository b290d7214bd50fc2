"""Derived caches beside the plan and the ledger, so a command need not re-parse them.

Never the source of truth: a cache is used only when it provably matches its file, and
is rebuilt from the file otherwise. A corrupt, foreign or unwritable cache only costs
time.

- The plan cache (`.targets.toml.cache`) holds the validated plan, keyed by a hash of
  the plan's bytes (the plan is small, so hashing it costs nothing) and by when the
  validation rules last changed.
- The ledger index (`.actuals.toml.cache`) holds every entry as a row, year by year (a
  report or a record reads only its year), keyed by the ledger's identity and size and
  its modification and change times in nanoseconds. Any
  write, replacement or restore from a backup changes at least one of them (a restore
  that sets an older modification time still gets a new change time). Within two
  seconds of a change, when a coarse file-system clock could give a second write the
  same times, the index also keeps a hash of the ledger's bytes and checks it.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import _Hash as Hash

from targets import __version__

# Anything that changes what a cache holds or how it reads: the tool's version and the
# interpreter's (marshal's format follows it).
_KEY = (5, __version__, sys.version_info[:2])
# A window wider than any file-system clock tick (FAT's is two seconds).
RACY_NS = 2_000_000_000


def cache_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.cache")


def load_plan(path: Path, source: bytes) -> dict[str, Any] | None:
    """The validated plan data cached for exactly these bytes and rules, or None."""
    data = _read(cache_path(path))
    if data is None or data.get("digest") != _digest(source) or data.get("rules") != _rules():
        return None
    plan = data.get("plan")
    return plan if isinstance(plan, dict) else None


def save_plan(path: Path, source: bytes, plan: dict[str, Any]) -> None:
    data = {"key": _KEY, "digest": _digest(source), "rules": _rules(), "plan": plan}
    _write(cache_path(path), data)


def _rules() -> tuple[int, ...]:
    """When the checks of a plan last changed: a plan validated by other rules is
    validated again, version bump or not."""
    here = Path(__file__).parent
    try:
        files = (here / "schema.py", here.parent / "domain" / "plan.py")
        return tuple(os.stat(name).st_mtime_ns for name in files)
    except OSError:  # installed without its sources: the version says it all
        return ()


class LedgerIndex:
    """The ledger's rows, kept per year: a report or a record reads only its own year."""

    def __init__(self, years: dict[int, bytes], hashed: Hash | None = None) -> None:
        self.years = years
        self._loaded: dict[int, list[Any]] = {}  # years already unpacked
        # the hash of the ledger's bytes when they were read to build or check the index,
        # so that an append can hash the new content without reading the file again
        self.hashed = hashed

    def hash_after(self, appended: bytes) -> Hash | None:
        """The hash of the ledger once `appended` is added, if its bytes were hashed."""
        if self.hashed is None:
            return None
        hashed = self.hashed.copy()
        hashed.update(appended)
        return hashed

    @classmethod
    def of(cls, rows: list[Any], source: bytes | None = None) -> LedgerIndex:
        index = cls({}, _hasher(source) if source is not None else None)
        index.add(rows)
        return index

    def rows(self, year: int | None = None) -> list[Any]:
        """The rows of one year, or of all years, in file order within a year."""
        if year is not None:
            if year not in self.years:
                return []
            if year not in self._loaded:
                self._loaded[year] = list(marshal.loads(self.years[year]))
            return list(self._loaded[year])
        return [row for y in sorted(self.years) for row in marshal.loads(self.years[y])]

    def add(self, rows: list[Any]) -> None:
        by_year: dict[int, list[Any]] = {}
        for row in rows:
            by_year.setdefault(int(row[1][:4]), []).append(row)
        for year, new in by_year.items():
            self._loaded[year] = self.rows(year) + new
            self.years[year] = marshal.dumps(self._loaded[year])


def load_ledger(path: Path, stat: os.stat_result, f: IO[bytes]) -> LedgerIndex | None:
    """The index if it matches the open ledger `f` (whose state `stat` describes), else None."""
    data = _read(cache_path(path))
    if data is None or data.get("signature") != _signature(stat):
        return None
    digest, hashed = data.get("digest"), None
    if digest is not None:
        f.seek(0)
        hashed = _hasher(f.read())
        if hashed.hexdigest() != digest:
            return None
    years = data.get("years")
    return LedgerIndex(years, hashed) if isinstance(years, dict) else None


def save_ledger(path: Path, stat: os.stat_result, hashed: Hash | None, index: LedgerIndex) -> None:
    """Keep `index` as the content of the ledger whose state `stat` describes; `hashed`
    is the hash of that content, when the caller has it."""
    digest = None
    if time.time_ns() - stat.st_mtime_ns < RACY_NS:
        if hashed is None:
            try:
                source = path.read_bytes()
            except OSError:
                return
            if len(source) != stat.st_size:
                return  # the file moved on while we looked: leave the index to the next reader
            hashed = _hasher(source)
        digest = hashed.hexdigest()
    data = {"key": _KEY, "signature": _signature(stat), "digest": digest, "years": index.years}
    _write(cache_path(path), data)


def _signature(stat: os.stat_result) -> tuple[int, ...]:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def _digest(source: bytes) -> str:
    return _hasher(source).hexdigest()


def _hasher(source: bytes) -> Hash:
    return hashlib.sha1(source, usedforsecurity=False)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("key") != _KEY:
        return None
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    """Replace the cache atomically; give up quietly where it cannot be written."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(tmp, flags, 0o600)  # the figures are the user's: private like a cache
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump(data, f)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
