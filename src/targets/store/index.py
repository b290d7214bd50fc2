"""Derived caches beside the plan and the ledger, so a command need not re-parse them.

Never the source of truth: a cache is used only when it provably matches its file, and
is rebuilt from the file otherwise. A corrupt, foreign or unwritable cache only costs
time.

- The plan cache (`.targets.toml.cache`) holds the validated plan, keyed by a hash of
  the plan's bytes (the plan is small, so hashing it costs nothing) and by when the
  validation rules last changed.
- The ledger index holds every entry as a row, by year and by region, keyed by a hash
  of the ledger's bytes. Every command hashes the whole ledger (SHA-1 through a memory
  map: about 20 ms for a province's 35 MB) and uses the index only when the hash is the
  one it was built from, so an edit by hand is noticed whatever it keeps: the length, the
  modification time, and the change time on a file system that keeps none.
  `.actuals.toml.cache` is a small header (the hash, the size, and which file holds each
  year); `.actuals.toml.cache.d/` holds one file per year, named by a hash of its
  content, so a report reads one year and a record rewrites one year, not the index.
  Within a year each region's rows are packed apart (a command unpacks only the regions
  it asks for), with the order they came in, so that all of a year reads in file order.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import os
import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import _Hash as Hash

from targets import __version__

# Anything that changes what a cache holds or how it reads: the tool's version and the
# interpreter's (marshal's format follows it).
_KEY = (8, __version__, sys.version_info[:2])
# A year's file in the index folder: the year and the start of its content's hash.
_CHUNK = re.compile(r"[0-9]{1,4}-[0-9a-f]{24}")


def cache_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.cache")


def chunk_dir(path: Path) -> Path:
    """Where the ledger index keeps its years."""
    return path.with_name(f".{path.name}.cache.d")


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


# A year of the index: the regions in the order first met, each region's rows packed by
# marshal (unpacked when asked for), and for every row the number of its region.
class _Year:
    def __init__(self, regions: list[str], packed: list[bytes], order: array[int]) -> None:
        self.regions = regions
        self.packed: list[bytes | None] = list(packed)  # None once unpacked and changed
        self.unpacked: dict[int, list[Any]] = {}
        self.order = order
        self.at = {r: n for n, r in enumerate(regions)}

    @classmethod
    def empty(cls) -> _Year:
        return cls([], [], array("H"))

    def rows_of(self, n: int) -> list[Any]:
        got = self.unpacked.get(n)
        if got is None:
            packed = self.packed[n]
            got = self.unpacked[n] = list(marshal.loads(packed)) if packed else []
        return got

    def rows(self, regions: Sequence[str] | None) -> list[Any]:
        if regions is not None:
            return [row for r in regions if r in self.at for row in self.rows_of(self.at[r])]
        each = [iter(self.rows_of(n)) for n in range(len(self.regions))]
        return [next(each[n]) for n in self.order]  # back in file order

    def add(self, row: Any) -> None:
        region = row[_REGION] or ""
        n = self.at.get(region)
        if n is None:
            n = self.at[region] = len(self.regions)
            self.regions.append(region)
            self.packed.append(None)
            self.unpacked[n] = []
        self.rows_of(n).append(row)
        self.packed[n] = None
        self.order.append(n)

    def dump(self) -> bytes:
        packed = [
            p if p is not None else marshal.dumps(self.unpacked[n])
            for n, p in enumerate(self.packed)
        ]
        return marshal.dumps((self.regions, packed, self.order.tobytes()))

    @classmethod
    def load(cls, data: bytes) -> _Year | None:
        try:
            regions, packed, order_bytes = marshal.loads(data)
            order = array("H")
            order.frombytes(order_bytes)
        except (ValueError, EOFError, TypeError):
            return None
        if not (
            isinstance(regions, list)
            and isinstance(packed, list)
            and len(regions) == len(packed)
            and all(isinstance(r, str) for r in regions)
            and all(isinstance(p, bytes) for p in packed)
        ):
            return None
        return cls(regions, packed, order)


# Where a row keeps its year ("2023-03") and its region (None: the plan's own).
_PERIOD, _REGION = 1, 6


class LedgerIndex:
    """The ledger's rows by year and region, with the hash of the bytes they come from."""

    def __init__(self, hashed: Hash, size: int, years: dict[int, _Year]) -> None:
        self.hashed = hashed  # so that an append need not read the ledger again
        self.size = size
        self.years = years  # the years loaded (all of them when built from the file)
        self.names: dict[int, str] = {}  # each year's file in the index folder
        self._changed: set[int] = set()

    @classmethod
    def of(cls, rows: Iterable[Any], source: bytes) -> LedgerIndex:
        """The index of a ledger whose bytes are `source` and rows `rows`."""
        index = cls(_hasher(source), len(source), {})
        index._add(rows)
        return index

    def rows(self, year: int | None = None, regions: Sequence[str] | None = None) -> list[Any]:
        """The rows of one year (or of all), of the given regions (or all; "" is the plan's
        own region when an entry names none), in file order within each region, and in
        file order within a year when all regions are asked for."""
        if year is not None:
            got = self.years.get(year)
            return got.rows(regions) if got is not None else []
        return [row for y in sorted(self.years) for row in self.years[y].rows(regions)]

    def add(self, rows: Iterable[Any], appended: bytes) -> None:
        """Rows just appended to the ledger as the bytes `appended`."""
        self._add(rows)
        self.hashed = self.hashed.copy()
        self.hashed.update(appended)
        self.size += len(appended)

    def _add(self, rows: Iterable[Any]) -> None:
        for row in rows:
            year = int(row[_PERIOD][:4])
            got = self.years.get(year)
            if got is None:
                got = self.years[year] = _Year.empty()
            got.add(row)
            self._changed.add(year)


def load_ledger(path: Path, f: IO[bytes], years: Iterable[int] | None) -> LedgerIndex | None:
    """The index of the open ledger `f` with `years` (None: all) loaded, if it holds the
    file's very bytes; else None."""
    header = _read(cache_path(path))
    if header is None:
        return None
    size = os.fstat(f.fileno()).st_size
    names = header.get("years")
    if header.get("size") != size or not isinstance(names, dict):
        return None
    hashed = hash_file(f, size)
    if header.get("digest") != hashed.hexdigest():
        return None
    index = LedgerIndex(hashed, size, {})
    index.names = names
    for year in names if years is None else years:
        name = names.get(year)
        if name is None:
            continue
        try:
            data = (chunk_dir(path) / str(name)).read_bytes()
        except (OSError, ValueError):
            return None
        got = _Year.load(data) if _chunk_name(year, data) == name else None
        if got is None:
            return None
        index.years[year] = got
    return index


def save_ledger(path: Path, index: LedgerIndex) -> None:
    """Keep `index` beside the ledger: the years it changed, then the header that names
    them; then the years no header names any longer go."""
    folder = chunk_dir(path)
    names = dict(index.names)
    for year in sorted(index._changed):
        data = index.years[year].dump()
        names[year] = _chunk_name(year, data)
        target = folder / names[year]
        if not target.exists():
            with contextlib.suppress(OSError):
                folder.mkdir(mode=0o700, exist_ok=True)
            if not _write_bytes(target, data):
                return
    header = {"key": _KEY, "size": index.size, "digest": index.hashed.hexdigest()}
    if not _write(cache_path(path), header | {"years": names}):
        return
    index.names, index._changed = names, set()
    keep = set(names.values())
    with contextlib.suppress(OSError):
        for old in os.listdir(folder):
            if _CHUNK.fullmatch(old) and old not in keep:
                with contextlib.suppress(OSError):
                    os.unlink(folder / old)


def hash_file(f: IO[bytes], size: int) -> Hash:
    """The hash of the first `size` bytes of the open file, read through a memory map."""
    hashed = hashlib.sha1(usedforsecurity=False)
    if size:
        with mmap.mmap(f.fileno(), size, access=mmap.ACCESS_READ) as view:
            hashed.update(view)
    return hashed


def _chunk_name(year: int, data: bytes) -> str:
    return f"{year}-{_hasher(data).hexdigest()[:24]}"


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


def _write(path: Path, data: dict[str, Any]) -> bool:
    return _write_bytes(path, marshal.dumps(data))


def _write_bytes(path: Path, data: bytes) -> bool:
    """Replace a cache file atomically; give up quietly (False) where it cannot be written."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(tmp, flags, 0o600)  # the figures are the user's: private like a cache
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True
