"""`targets check --repair`: put right what a write cut short left in the ledger.

The one time the tool rewrites the ledger, and only to remove what no one was ever told
was recorded: a torn last entry (or, when that entry is whole but for its line end, to
add the line end), and the entries of an import cut short. A copy of the file as it was
is kept beside it first; the repaired file then replaces the ledger in one rename, under
the ledger's lock, so a recorder waiting for the lock records into the repaired file.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from targets.errors import LedgerError
from targets.messages import Message, msg
from targets.store import ledger_file as ledger
from targets.store import ledger_lock

# The line the tool writes last in an entry, whole: a recorded_at with its UTC offset. Cut
# anywhere shorter, no line of an entry is both valid and whole (`value = 6` from 6.1,
# `recorded_at = 2023-07-17T10:00:00` without its offset), so only this one is completed.
_WHOLE_LAST_LINE = re.compile(rb"\nrecorded_at = [0-9T:. -]+(?:[+-][0-9]{2}:[0-9]{2}|Z)\Z")


class Repaired(NamedTuple):
    done: list[Message]  # what was put right, for the person
    copy: Path | None  # the original kept, when anything was changed


def repair(path: Path) -> Repaired:
    """Mend the ledger at `path`; nothing happens when it has nothing to mend or holds
    a problem a cut write does not leave (that is for a person to fix)."""
    if not path.exists():
        return Repaired([], None)
    with ledger_lock.locked(path) as fd:
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read()
        fixed, done = _mended(path, data)
        if not done:
            return Repaired([], None)
        copy = _keep_copy(path, data)
        _replace(path, fixed, os.fstat(fd).st_mode & 0o777)
    return Repaired(done, copy)


def _mended(path: Path, data: bytes) -> tuple[bytes, list[Message]]:
    """The ledger's bytes with every cut write taken out, and what was done."""
    checked = ledger.check_ledger(path, data)
    if checked.problems or not (checked.torn or checked.cut):
        return data, []
    done: list[Message] = []
    if checked.torn and _WHOLE_LAST_LINE.search(data):
        whole = ledger.check_ledger(path, data + b"\n")
        if not whole.problems and not whole.torn:  # every field is there but the line end
            data, checked = data + b"\n", whole
            done.append(msg("repair.line_end"))
    if checked.torn:
        done.append(msg("repair.torn"))
    if checked.cut:
        n = len(checked.spans) - bool(checked.torn)
        one = len(checked.cut) == 1
        done.append(
            msg("repair.import" if one else "repair.imports", n=n, imports=len(checked.cut))
        )
    if not checked.spans:
        return data, done
    text = data.decode("utf-8-sig", "replace")
    lines = ledger.text_lines(text)
    gone: set[int] = set()
    for first, last in checked.spans:
        gone.update(range(first - 1, last))
        before = first - 2  # the blank line the tool writes before each entry
        if before >= 0 and not lines[before].strip() and before - 1 not in gone:
            gone.add(before)
    kept = "".join(line for n, line in enumerate(lines) if n not in gone)
    return kept.encode("utf-8"), done


def _keep_copy(path: Path, data: bytes) -> Path:
    """The ledger as it was, beside it, never over another file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        copy = path.with_name(f"{path.name}.before-repair-{stamp}{f'-{n}' if n else ''}")
        try:
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as e:
            raise LedgerError("repair.no_copy", path=copy, why=e.strerror) from None
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return copy
    raise LedgerError("repair.too_many_copies", path=path)


def _replace(path: Path, data: bytes, mode: int) -> None:
    tmp = path.with_name(f".{path.name}.repair-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise LedgerError("repair.failed", path=path, why=e.strerror) from None
