"""The ledger's lock, and opening the ledger so that what is locked is the ledger.

Readers take a shared lock and writers an exclusive one, so a reader never sees half an
append. A writer, once it holds the lock, makes sure the file it holds is still the file
at the path; a ledger that is a device or a FIFO is refused, never waited on; a ledger
whose folder is missing is refused, never created with its folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from targets.errors import LedgerError


def read_bytes(path: Path) -> bytes:
    """The ledger's bytes as they are between two appends (OSError as raised)."""
    with open_for_reading(path) as f:
        _lock(f.fileno(), shared=True)
        return f.read()


def open_for_reading(path: Path, what: str = "ledger") -> BinaryIO:
    """The ledger (or plan) open for reading; LedgerError for a device or a FIFO, which
    would never end or never answer."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    try:
        _regular(path, fd, what)
    except LedgerError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


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
            raise LedgerError("ledger.cannot_open", path=path, why=e.strerror) from None
        try:
            _regular(path, fd)
            _lock(fd)
            held = os.fstat(fd)
            try:
                now = os.stat(path)
            except OSError:
                now = None
            if now is None:
                raise LedgerError("ledger.removed", path=path)
            if (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
                yield fd
                return
        finally:
            os.close(fd)  # closing releases the lock
    raise LedgerError("ledger.replaced", path=path)


# A FIFO opened without it would wait for a writer for ever.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def require_folder(path: Path) -> None:
    """Refuse a ledger whose folder is missing (an unmounted share, a typo): creating
    the folder would start an empty ledger where the real one was meant to be."""
    folder = path.parent
    if not folder.is_dir():
        raise LedgerError("ledger.no_folder", path=path, folder=folder)


def _regular(path: Path, fd: int, what: str = "ledger") -> None:
    """Refuse a ledger that is a device, a FIFO or a socket: reading one never ends."""
    import errno
    import stat

    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):  # said as the system says it, for reading and writing alike
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(mode):
        raise LedgerError("plan.not_regular" if what == "plan" else "ledger.not_regular", path=path)


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
