"""`targets compare` for a terminal: one target across the regions, the plan's own region
standing out, the unranked with why, the reference marked at the end."""

from __future__ import annotations

from targets.evaluation.compare import Comparison
from targets.present import words
from targets.present.compare_rows import compare_cells, compare_headers, compare_title
from targets.present.formats import Options
from targets.present.plain import plain
from targets.present.terminal import draw


def compare_table(comparison: Comparison, options: Options) -> bytes:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    lang = options.lang
    plan = comparison.plan
    headers = compare_headers(comparison, lang)
    # one cell between columns, not three: nine regions and their figures fit 80 columns
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    table.add_column("", width=1, no_wrap=True)  # ▶ marks the plan's own region
    for i, header in enumerate(headers):
        folds = i == 3  # the goal wraps; names and figures never
        table.add_column(
            header,
            justify="right" if i in (2, 4, 7) else "left",
            overflow="fold",
            no_wrap=not folds,
        )
    lines = compare_cells(comparison, lang)
    for n, (placed, row) in enumerate(lines):
        own = placed.region == plan.region
        out = [Text(c, style="bold" if own else "") for c in row]
        if placed.standing.rank is None:
            out[0].stylize("dim")
        out[5] = Text(row[5], style=words.STYLE[placed.status])
        ends = n + 1 < len(lines) and placed.reference != lines[n + 1][0].reference
        table.add_row(Text("▶" if own else ""), *out, end_section=ends)
    note = OWN_NOTE[lang].format(plain(plan.region_label(plan.region, lang)))
    title = Text(compare_title(comparison, lang), style="bold")
    return draw(Group(title, table, Text(note, style="dim")), options)


OWN_NOTE = {"zh": "▶ {}（本计划所属地区）", "en": "▶ {}, the plan's own region"}
