"""`targets compare` for a terminal: one target across the regions, the plan's own region
standing out, the unranked with why, the reference marked at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targets.evaluation.compare import Comparison
from targets.present import words
from targets.present.compare_rows import compare_cells, compare_headers, compare_title, sentence
from targets.present.formats import Options
from targets.present.terminal import draw

if TYPE_CHECKING:
    from rich.table import Table

# In a narrow terminal the goal gives way first, then the gap, then the change of rank:
# the rank, the region, its figure, its status and the difference from the province stay.
GIVE_WAY = (3, 4, 6)


def compare_table(comparison: Comparison, options: Options) -> bytes:
    from rich.console import Console, Group
    from rich.text import Text

    lang = options.lang
    dropped: list[int] = []
    table = _table(comparison, lang, dropped)
    for column in GIVE_WAY:
        natural = Console(width=10_000).measure(table).maximum
        if natural <= options.width:
            break
        dropped.append(column)
        table = _table(comparison, lang, dropped)
    note = sentence(comparison, lang)  # the plan's own region, as a briefing says it
    title = Text(compare_title(comparison, lang), style="bold")
    return draw(Group(title, table, Text(note, style="dim")), options)


def _table(comparison: Comparison, lang: str, dropped: list[int]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    plan = comparison.plan
    headers = compare_headers(comparison, lang)
    shown = [i for i in range(len(headers)) if i not in dropped]
    # one cell between columns, not three: nine regions and their figures fit 80 columns
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column("", width=1, no_wrap=True)  # ▶ marks the plan's own region
    for i in shown:
        table.add_column(
            headers[i],
            justify="right" if i in (2, 4, 7) else "left",
            overflow="fold",
            no_wrap=i != 3,  # the goal wraps; names and figures never
        )
    lines = compare_cells(comparison, lang)
    for n, (placed, row) in enumerate(lines):
        own = placed.region == plan.region
        cells = {i: Text(row[i], style="bold" if own else "") for i in shown}
        if placed.standing.rank is None:
            cells[0].stylize("dim")
        if 5 in cells:
            cells[5] = Text(row[5], style=words.STYLE[placed.status])
        ends = n + 1 < len(lines) and placed.reference != lines[n + 1][0].reference
        table.add_row(Text("▶" if own else ""), *cells.values(), end_section=ends)
    return table
