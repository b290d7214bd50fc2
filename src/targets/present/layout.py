"""How words and figures fit a terminal's columns: where a phrase may break, the widest
piece of it that must not, and a bar chart in cells."""

from __future__ import annotations

from decimal import Decimal

from targets.domain.plan import Target
from targets.evaluation.judge import dec
from targets.present import words

# The report's columns, in order; the rank stands beside the status.
COLUMNS = (
    "name",
    "goal",
    "period",
    "actual",
    "gap",
    "status",
    "rank",
    "needs",
    "outlook",
    "trend",
)


def longest_word(text: str) -> int:
    """The widest piece of text that must not break: words, and Chinese phrases between
    their soft breaks."""
    from rich.cells import cell_len

    pieces = text.replace(words.SOFT, " ").split()
    return max((cell_len(p) for p in pieces), default=0)


def soft_break(text: str, width: int) -> str:
    """Each line as many of its pieces (between soft breaks) as fit the column."""
    from rich.cells import cell_len

    out: list[str] = []
    for line in text.splitlines():
        pieces = line.split(words.SOFT)
        current = pieces[0]
        for piece in pieces[1:]:
            if cell_len(current + piece) <= width:
                current += piece
            else:
                out.append(current)
                current = piece
        out.append(current)
    return "\n".join(out)


def bars(target: Target, values: list[Decimal], width: int = 16) -> dict[int, str]:
    """A bar per figure, on one scale with the target line (┃) where there is a value."""
    if not values:
        return {}
    mark = dec(target.value) if target.value is not None else None
    scale = [*values, Decimal(0)] + ([mark] if mark is not None else [])
    lo, hi = min(scale), max(scale)
    span = (hi - lo) or Decimal(1)

    def pos(x: Decimal) -> int:
        return int((x - lo) / span * width + Decimal("0.5"))

    out: dict[int, str] = {}
    for i, v in enumerate(values):
        cells = [" "] * (width + 1)
        start, end = sorted((pos(Decimal(0)), pos(v)))
        for k in range(start, end):
            cells[k] = "█"
        if mark is not None:
            cells[min(pos(mark), width)] = "┃"
        out[i] = "".join(cells).rstrip()
    return out
