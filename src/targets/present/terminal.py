"""Tables for a terminal, drawn with rich: the report, one target's history, the plan.

rich counts terminal cells, so Chinese aligns; names fold, figures never break.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from targets.domain.plan import Plan, Target
from targets.evaluation.history import History
from targets.evaluation.judge import Judgement, Report, Status, dec
from targets.present import words
from targets.present.formats import Options
from targets.present.plain import plain
from targets.present.rows import (
    by_department,
    cells,
    has_standing,
    standing,
    standing_header,
    title,
)

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def status_text(status: str, lang: str, terse: bool = False) -> Text:
    from rich.text import Text

    said = words.SYMBOL[status] if terse else f"{words.SYMBOL[status]} {words.STATUS[lang][status]}"
    return Text(said, style=words.STYLE[status])


def report_table(report: Report, options: Options) -> bytes:
    return draw(report_renderable(report, options.lang, options.by, options.width), options)


def history_table(history: History, options: Options) -> bytes:
    return draw(history_renderable(history, options.lang, options.width), options)


def list_table(plan: Plan, options: Options) -> bytes:
    return draw(list_renderable(plan, options.lang), options)


def draw(renderable: RenderableType, options: Options) -> bytes:
    """What rich prints for a terminal of the options' width and colours, as bytes in the
    terminal's encoding."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        color_system=options.color_system,  # type: ignore[arg-type]
        force_terminal=options.color_system is not None,
        soft_wrap=False,
        legacy_windows=False,
    )
    console.print(renderable)
    return buffer.getvalue().encode(options.encoding, "replace")


def report_renderable(
    report: Report, lang: str, by: str | None = None, width: int = 100
) -> RenderableType:
    """The report for a terminal `width` cells wide: figures never break; names and
    goals fold; in a narrow terminal the trend goes, then the goal joins the name."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    groups: list[tuple[str | None, list[Judgement]]] = [(None, list(report.rows))]
    if by == "department":
        groups = by_department(report.rows, lang)
    rows = [(j, [plain(c) for c in cells(j, report.plan, lang)]) for _, js in groups for j in js]
    headers = list(words.HEADERS[lang])
    ranked = has_standing(report)  # 8: rank and the difference from the reference
    headers.append(plain(standing_header(report.plan, lang)) if ranked else "")
    texts = {
        id(j): c[:5]
        + [f"{words.SYMBOL[j.status]} {words.STATUS[lang][j.status]}"]
        + c[5:]
        + [standing(j, lang)]
        for j, c in rows
    }

    def natural(i: int) -> int:
        lines = headers[i].splitlines() + [ln for c in texts.values() for ln in c[i].splitlines()]
        return max(cell_len(ln) for ln in lines)

    # the rank stands beside the status
    columns = [0, 1, 2, 3, 4, 5, *([8] if ranked else []), 6, 7]
    # column: the narrowest it may fold to (names, goals and needs fold, at spaces first)
    flexible = {0: 8 if lang == "zh" else 12, 1: 6, 6: 8}
    merged = terse = under = False
    spare = chrome = fixed = 0
    steps = ("all", "no trend", "goal under name", "rank under status", "status as a symbol")
    for step in steps:
        if step == "no trend":
            columns.remove(7)
        elif step == "goal under name":
            columns.remove(1)
            merged = True
        elif step == "rank under status":
            if not ranked:
                continue
            columns.remove(8)
            under = True
            headers[5] = f"{headers[5]}\n{headers[8]}"
            for c in texts.values():
                c[5] = "\n".join(x for x in (c[5], c[8]) if x)
        elif step == "status as a symbol":
            terse = True
            headers[5] = headers[8] if under else ""
            for c in texts.values():
                c[5] = "\n".join(x for x in (c[5][:1], c[8] if under else "") if x)
        chrome = 3 * (len(columns) - 1)  # padding either side of a one-cell divider
        fixed = sum(natural(i) for i in columns if i not in flexible)
        spare = width - chrome - fixed
        least = sum(m for i, m in flexible.items() if i in columns)
        if step == "all" and ranked:  # with a rank to show, the trend goes before names fold
            least += natural(0) - flexible[0]
        if spare >= least:
            break
    flex = [i for i in columns if i in flexible]
    wanted = {i: natural(i) for i in flex}
    widths: dict[int, int | None] = dict.fromkeys(columns)
    if sum(wanted.values()) > spare:
        # each its narrowest; then the needs whole, as they are short; then what is left
        # in proportion to what name and goal still want, the name counting double
        widths.update({i: min(flexible[i], wanted[i]) for i in flex})
        left = max(spare - sum(w or 0 for w in widths.values()), 0)
        if 6 in flex:
            extra = min(wanted[6] - (widths[6] or 0), left)
            widths[6] = (widths[6] or 0) + extra
            left -= extra
        more = {i: (wanted[i] - (widths[i] or 0)) * (2 if i == 0 else 1) for i in flex if i != 6}
        for i, want in more.items():
            widths[i] = (widths[i] or 0) + left * want // (sum(more.values()) or 1)

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i in columns:
        table.add_column(
            headers[i],
            overflow="fold" if i in flexible else "ellipsis",
            no_wrap=i not in flexible,
            justify="right" if i in (3, 4) else "left",
            width=widths[i],
        )
    for n, (name, js) in enumerate(groups):
        if name is not None:
            table.add_row(Text(plain(name), style="bold cyan"))
        for k, j in enumerate(js):
            row = texts[id(j)]
            out = [Text(row[i]) for i in columns]
            out[columns.index(5)] = status_text(j.status, lang, terse)
            if under and row[8]:
                out[columns.index(5)].append("\n" + row[8])
            if merged:
                out[0] = Text(row[0]) + Text("\n" + row[1], style="dim")
            table.add_row(*out, end_section=k == len(js) - 1 and n < len(groups) - 1)
    return Group(
        Text(plain(title(report, lang)), style="bold"),
        table,
        Text(words.summary(report.counts(), lang)),
    )


def history_renderable(history: History, lang: str, width: int = 100) -> RenderableType:
    """The year's figures period by period, revisions marked, with a bar chart that
    narrows, then goes, in a narrow terminal; figures never break."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    plan, target = history.plan, history.target
    current = [line.entry for line in history.lines if line.judgement is not None]  # figures
    rows: list[tuple[list[str], Status | None]] = []
    for line in history.lines:
        e, is_current, j = line.entry, line.current, line.judgement
        remark = plain(" · ".join(x for x in (e.source, e.note) if x))
        cells = [
            words.period_label(e.period, target, lang),
            plain(words.with_unit(e.value, target.unit, lang)),
            "",
            words.WITHDRAWN[lang] if e.withdrawn else words.REVISED[lang],
            e.recorded_at.strftime("%Y-%m-%d %H:%M"),
            remark,
            plain(words.with_unit(line.alone, target.unit, lang)) if is_current else "",
        ]
        status: Status | None = None
        if j is not None:
            cells[2] = plain(words.signed(j.gap, target.unit))
            status = j.status
            cells[3] = f"{words.SYMBOL[j.status]} {words.STATUS[lang][j.status]}"
        rows.append((cells, status))
    # period value gap status chart recorded remark; and for growth, the period alone
    headers = words.HISTORY_HEADERS[lang]
    has_remark = any(cells[5] for cells, _ in rows)
    has_alone = any(line.alone is not None for line in history.lines)

    def natural(i: int, header: str) -> int:
        return max([cell_len(header)] + [cell_len(cells[i]) for cells, _ in rows])

    remark_width = min(natural(5, headers[6]), 12) if has_remark else 0
    spare = 0
    # in a narrow terminal the estimate goes first, then the time of day
    for step in ("all", "no estimate", "dates only"):
        if step == "no estimate":
            has_alone = False
        elif step == "dates only":
            for cells, _ in rows:
                cells[4] = cells[4][:10]
        shown = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 5)) + (((6, 7),) if has_alone else ())
        fixed = sum(natural(i, headers[k]) for i, k in shown)
        spare = width - fixed - 3 * (len(shown) + has_remark) - remark_width
        if spare >= 10:
            break
    chart_width = min(16, spare - 1)
    show_chart = chart_width >= 6 and bool(current)
    values = [dec(e.value) for e in current if e.value is not None]
    chart = bars(target, values, chart_width) if show_chart else {}

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    alone_column = (7,) if has_alone else ()
    columns = (0, 1, *alone_column, 2, 3) + ((4,) if show_chart else ()) + (5,)
    for k in columns + ((6,) if has_remark else ()):
        table.add_column(
            headers[k],
            justify="right" if k in (1, 2, 7) else "left",
            no_wrap=k != 6,
            overflow="fold",
            min_width=6 if k == 6 else None,
        )
    for (cells, status), line in zip(rows, history.lines, strict=True):
        e, is_current = line.entry, line.current
        dim = "" if is_current else "dim"
        out = [
            Text(cells[0], style=dim),
            Text(cells[1], style="dim strike" if not is_current else ""),
            *([Text(cells[6])] if has_alone else []),
            Text(cells[2]),
            status_text(status, lang) if status else Text(cells[3], style="dim"),
        ]
        if show_chart:
            charted = e in current
            out.append(Text(chart.get(current.index(e), "") if charted else "", style="cyan"))
        out.append(Text(cells[4], style=dim))
        if has_remark:
            out.append(Text(cells[5], style=dim))
        table.add_row(*out)
    whose = history.region if history.region and history.region != plan.region else None
    heading = " · ".join(
        [target.display_name(lang)]
        + ([plan.region_label(whose, lang)] if whose else [])
        + [words.goal(target, plan, lang), str(plan.year)]
    )
    parts: list[RenderableType] = [Text(plain(heading), style="bold"), table]
    if show_chart and target.value is not None:
        parts.append(Text({"zh": "┃ 为目标线", "en": "┃ marks the target"}[lang], style="dim"))
    if has_alone:
        parts.append(Text(words.ALONE_NOTE[lang], style="dim"))
    return Group(*parts)


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


def list_renderable(plan: Plan, lang: str) -> RenderableType:
    """The plan's targets, the report's own words beneath each name."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    headers = words.LIST_HEADERS[lang]
    for i, header in enumerate(headers[:5]):
        folds = i in (1, 2)
        table.add_column(
            header, overflow="fold", no_wrap=not folds, min_width=10 if folds else None
        )
    for t in plan.targets:
        name = Text(plain(t.display_name(lang)))
        if t.quote:
            name.append("\n" + plain(t.quote), style="dim")
        table.add_row(
            Text(t.id),
            name,
            Text(plain(words.goal(t, plan, lang))),
            Text(words.KIND[lang][t.kind]),
            Text(words.FREQUENCY[lang][t.frequency]),
        )
    return Group(Text(plain(plan.display_name(lang)), style="bold"), table)
