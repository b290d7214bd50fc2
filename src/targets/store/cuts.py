"""What a write cut short leaves in the ledger, and how readers set it apart.

The tool appends each figure as one write under the lock, so a crash (kill -9, a power
cut) can leave only the tail of the file unfinished:

- a torn last entry: part of one entry's lines, or all of them but the line end. Every
  reader leaves it out and says so; a writer refuses to append after it (the cut line
  would make the whole file unreadable) until `targets check --repair` cuts it off.
- an import cut short: the kernel writes a long write page by page, so a crash inside
  an import's single write may leave a whole number of its entries. Every entry of a
  multi-entry write names its batch and the batch's size (`batch`, `batch_size`); a
  batch with fewer entries than its size is left out whole, and said, by every reader.

The ledger stays plain TOML that any TOML reader accepts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from targets.errors import LedgerError
from targets.messages import say as words

# What this run's reading left out, for the command to say once (app never prints).
_left_out: list[str] = []


def say(notes: list[str]) -> None:
    """Keep notes for the command to say, each once."""
    _left_out.extend(n for n in notes if n not in _left_out)


def unsay(start: str) -> None:
    """Forget the notes that begin with `start`: a refusal says it instead."""
    _left_out[:] = [n for n in _left_out if not n.startswith(start)]


def left_out() -> list[str]:
    """What reading the ledger left out since last asked: notes for the person."""
    said = list(_left_out)
    _left_out.clear()
    return said


def reader_notes(torn: str, cut: list[str]) -> list[str]:
    """What a report, a history or an export says it left out: the torn last entry, the
    imports cut short."""
    said = [words("cut.torn_left_out", torn=torn, repair=REPAIR)] if torn else []
    return said + cut


REPAIR = "`targets check --repair`"


def torn_note(path: Path, line: int, why: str) -> str:
    """The torn last entry in words (the language is decided before any reading)."""
    return words("cut.torn", path=path, line=line, why=why)


def batch_of(item: dict[str, Any]) -> tuple[str, int] | None:
    """The batch an entry of a multi-entry write belongs to, and the batch's size."""
    batch, size = item.get("batch"), item.get("batch_size")
    if batch is None and size is None:
        return None
    if not isinstance(batch, str) or not batch:
        raise LedgerError("cut.bad_batch")
    if isinstance(size, bool) or not isinstance(size, int) or size < 2:
        raise LedgerError("cut.bad_batch_size")
    return batch, size


def any_incomplete(batches: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether any batch holds fewer or more entries than it says."""
    return any(len(m) != m[0][1] or any(n != m[0][1] for _, n in m) for m in batches.values())


def incomplete(
    path: Path,
    batches: dict[str, list[tuple[int, int]]],
    at: list[int],
    starts: list[int],
    last_line: int,
    spans: list[tuple[int, int]],
) -> tuple[list[str], set[int]]:
    """The batches that do not hold as many entries as they say: an import cut short.
    Their entries are left out, all of them: an import is all or none."""
    notes: list[str] = []
    dropped: set[int] = set()
    after = {
        s: (starts[k + 1] - 1 if k + 1 < len(starts) else last_line) for k, s in enumerate(starts)
    }
    for batch, members in batches.items():
        sizes = {size for _, size in members}
        if len(sizes) == 1 and len(members) == sizes.pop():
            continue
        rows = [n for n, _ in members]
        dropped.update(rows)
        spans.extend((at[n], after.get(at[n], at[n])) for n in rows)
        size = max(size for _, size in members)
        notes.append(
            words(
                "cut.import",
                path=path,
                line=at[rows[0]],
                n=len(rows),
                size=size,
                batch=batch,
                repair=REPAIR,
            )
        )
    return notes, dropped
