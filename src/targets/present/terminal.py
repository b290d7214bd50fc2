"""Tables for a terminal, drawn with rich: the report, one target's history, the plan.

rich counts terminal cells, so Chinese aligns; names fold, figures never break.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targets.domain.plan import Plan
from targets.evaluation.history import History
from targets.evaluation.judge import Judgement, Report, Status, dec
from targets.present import words
from targets.present.formats import Options
from targets.present.layout import COLUMNS, bars, longest_word, soft_break
from targets.present.plain import plain
from targets.present.rows import (
    by_department,
    cells,
    change,
    has_standing,
    projected,
    standing,
    standing_header,
    status_word,
    title,
    verdict,
)
from targets.present.rows import outlook as row_outlook
from targets.present.words import SPARKS

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def status_text(status: str, lang: str, terse: bool = False, word: str | None = None) -> Text:
    from rich.text import Text

    said = word or words.STATUS[lang][status]
    shown = words.SYMBOL[status] if terse else f"{words.SYMBOL[status]} {said}"
    return Text(shown, style=words.STYLE[status])


def report_table(report: Report, options: Options) -> bytes:
    shown = report_renderable(report, options.lang, options.by, options.width, options.outlook)
    return draw(shown, options)


def history_table(history: History, options: Options) -> bytes:
    shown = history_renderable(history, options.lang, options.width, options.outlook)
    return draw(shown, options)


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
    from targets.console import encode

    return encode(buffer.getvalue(), options.encoding)


def report_renderable(
    report: Report, lang: str, by: str | None = None, width: int = 100, outlook: bool = True
) -> RenderableType:
    """The report for a terminal `width` cells wide: figures never break; names fold but
    keep six Chinese characters a line; goals, needs and outlooks break between words.
    In a narrow terminal the sparkline goes first, then the outlook joins the needs, the
    change goes, the goal joins the name, and the status becomes its symbol."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    groups: list[tuple[str | None, list[Judgement]]] = [(None, list(report.rows))]
    if by == "department":
        groups = by_department(report.rows, lang)
    judged = [j for _, js in groups for j in js]
    worded = [k for k in COLUMNS if k not in ("outlook", "rank")]  # as words.HEADERS
    header = {**dict(zip(worded, words.HEADERS[lang], strict=True))}
    header["outlook"] = words.OUTLOOK_HEADER[lang]
    ranked = has_standing(report)  # the rank and the difference from the reference
    header["rank"] = plain(standing_header(report.plan, lang)) if ranked else ""
    texts: dict[int, dict[str, str]] = {}
    for j in judged:
        c = [plain(x) for x in cells(j, report.plan, lang, soft=True)]
        texts[id(j)] = {
            "name": c[0],
            "goal": c[1],
            "period": c[2],
            "actual": c[3],
            "gap": c[4],
            "status": f"{words.SYMBOL[j.status]} {status_word(j, lang)}",
            "needs": c[5],
            "outlook": plain(row_outlook(j, lang, soft=True)) if outlook else "",
            "trend": "\n".join(x for x in (c[6], plain(change(j, lang, soft=True))) if x),
            "rank": plain(standing(j, lang)),
        }
    columns = [
        k
        for k in COLUMNS
        if (k != "outlook" or any(t["outlook"] for t in texts.values())) and (k != "rank" or ranked)
    ]

    def lines(key: str) -> list[str]:
        heading = header[key].splitlines()
        return heading + [ln for t in texts.values() for ln in t[key].splitlines()]

    def natural(key: str) -> int:
        return max(cell_len(ln.replace(words.SOFT, "")) for ln in lines(key))

    def narrowest(key: str) -> int:
        """Names keep eight Chinese characters in a wide terminal, six in a narrow one;
        others break only between words (a word longer than `cap` cells, a figure beyond
        belief, folds)."""
        words_of = (longest_word(t["goal"]) for t in texts.values())
        if key == "name":  # eight characters while there is room, never fewer than six
            least = min(natural("name"), 16 if width >= 100 and cap > 10 else 12)
            return max(least, min(cap, max(words_of))) if merged else least
        return min(max(longest_word(ln) for ln in lines(key)), cap)

    cap = 16

    flexible = ("name", "goal", "gap", "needs", "outlook", "trend")  # gap: "-3.5 projects"
    merged = terse = under = False
    spare = 0
    for step in ("all", "no sparkline", "outlook under needs", "no change", "goal under name",
                 "rank under status", "status as a symbol", "no rank"):  # fmt: skip
        if step == "no sparkline":
            for t in texts.values():
                t["trend"] = (
                    "\n".join(t["trend"].splitlines()[1:])
                    if t["trend"][:1] in SPARKS
                    else t["trend"]
                )
            if not any(t["trend"] for t in texts.values()):
                columns.remove("trend")
        elif step == "outlook under needs" and "outlook" in columns:
            columns.remove("outlook")
            for t in texts.values():
                t["needs"] = "\n".join(x for x in (t["needs"], t["outlook"]) if x)
        elif step == "no change" and "trend" in columns:
            columns.remove("trend")
        elif step == "goal under name":
            columns.remove("goal")
            merged = True
        elif step == "rank under status" and ranked:
            columns.remove("rank")
            under = True
            header["status"] = f"{header['status']}\n{header['rank']}"
            for t in texts.values():
                t["status"] = "\n".join(x for x in (t["status"], t["rank"]) if x)
        elif step == "status as a symbol":
            terse = True
            header["status"] = header["rank"] if under else ""
            for t in texts.values():
                t["status"] = "\n".join(
                    x for x in (t["status"][:1], t["rank"] if under else "") if x
                )
        elif step == "no rank" and under:  # the rank gives way last, before figures break
            under, header["status"] = False, ""
            for t in texts.values():
                t["status"] = t["status"][:1]
        chrome = 3 * (len(columns) - 1)  # padding either side of a one-cell divider
        fixed = sum(natural(k) for k in columns if k not in flexible)
        spare = width - chrome - fixed
        if spare >= sum(narrowest(k) for k in columns if k in flexible):
            break
    else:
        cap = 10  # nothing fits: the words fold, the figures stay whole
    flex = [k for k in columns if k in flexible]
    widths: dict[str, int | None] = dict.fromkeys(columns)
    wanted = {k: natural(k) for k in flex}
    if sum(wanted.values()) > spare:
        # each its narrowest; then the name up to eight Chinese characters (a leader reads
        # the names first); then what is left in proportion to what each still wants
        least = {k: min(narrowest(k), wanted[k]) for k in flex}
        left = max(spare - sum(least.values()), 0)
        least["name"] = max(least["name"], min(wanted["name"], 16, least["name"] + left))
        left = max(spare - sum(least.values()), 0)
        # (a long English name wants no more than 24 cells of it, so that the paces and
        # the outlook beside it do not break at every word)
        more = {k: max(min(wanted[k], 24) - least[k], 0) for k in flex}
        total = sum(more.values()) or 1
        widths.update({k: least[k] + left * more[k] // total for k in flex})
        left = spare - sum(widths[k] or 0 for k in flex)
        for k in ("needs", "outlook", "trend", "name", "goal", "gap"):
            if k in flex and left > 0:  # what the proportions leave, to the words first
                extra = min(left, wanted[k] - (widths[k] or 0))
                widths[k] = (widths[k] or 0) + max(extra, 0)
                left -= max(extra, 0)
    for key in ("goal", "needs", "outlook", "trend"):
        into = "name" if key == "goal" and merged else key
        if into in columns:
            for t in texts.values():
                t[key] = soft_break(t[key], widths[into] or natural(into))

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for k in columns:
        table.add_column(
            header[k],
            overflow="fold" if k in flexible else "ellipsis",
            no_wrap=k not in flexible,
            justify="right" if k in ("actual", "gap") else "left",
            min_width=narrowest(k) if k in flexible else None,
            width=widths[k],
        )
    for n, (name, js) in enumerate(groups):
        if name is not None:
            table.add_row(Text(plain(name), style="bold cyan"))
        for i, j in enumerate(js):
            t = texts[id(j)]
            out = {k: Text(t[k]) for k in columns}
            out["status"] = status_text(j.status, lang, terse, status_word(j, lang))
            if under and t["rank"]:
                out["status"].append("\n" + t["rank"])
            if merged:
                out["name"] = Text(t["name"]) + Text("\n" + t["goal"], style="dim")
            table.add_row(*out.values(), end_section=i == len(js) - 1 and n < len(groups) - 1)
    return Group(
        Text(plain(title(report, lang)), style="bold"),
        table,
        Text(words.summary(report.counts(), lang)),
    )


def history_renderable(
    history: History, lang: str, width: int = 100, outlook: bool = True
) -> RenderableType:
    """The year's figures period by period, revisions marked, a rate's mean beside its
    reading, the projection made at each period, with a bar chart that narrows, then
    goes, in a narrow terminal; figures never break."""
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
        places = words.decisive(j.gap if j is not None else None)
        cells = [
            words.period_label(e.period, target, lang),
            plain(words.with_unit(e.value, target.unit, lang, places=places)),
            "",
            words.WITHDRAWN[lang] if e.withdrawn else words.REVISED[lang],
            e.recorded_at.strftime("%Y-%m-%d %H:%M"),
            remark,
            plain(words.with_unit(line.alone, target.unit, lang)) if is_current else "",
            "",
            "",
        ]
        status: Status | None = None
        if j is not None:
            cells[2] = plain(words.signed(j.gap, target.unit, lang, places))
            status = j.status
            cells[3] = f"{words.SYMBOL[j.status]} {status_word(j, lang)}"
            span = projected(j, lang).replace(words.SOFT, "")
            cells[7] = plain(" ".join(x for x in (span, verdict(j, lang)) if x)) if outlook else ""
            if target.kind == "rate":
                cells[8] = plain(words.with_unit(j.actual, target.unit, lang))
        rows.append((cells, status))
    # period value gap status chart recorded remark; and for growth, the period alone
    headers = words.HISTORY_HEADERS[lang] + words.HISTORY_MORE[lang]
    has_remark = any(cells[5] for cells, _ in rows)
    has_alone = any(line.alone is not None for line in history.lines)
    has_projection = any(cells[7] for cells, _ in rows)
    has_mean = any(cells[8] for cells, _ in rows)

    def natural(i: int, header: str) -> int:
        return max([cell_len(header)] + [cell_len(cells[i]) for cells, _ in rows])

    remark_width = min(natural(5, headers[6]), 12) if has_remark else 0
    spare = 0
    # in a narrow terminal the time of day goes first, then the chart, then the single
    # period's estimate, and only then the projection
    for step in ("all", "dates only", "no chart", "no estimate", "no projection"):
        if step == "dates only":
            for cells, _ in rows:
                cells[4] = cells[4][:10]
        elif step != "all" and spare >= 0:
            break  # the chart goes when it has no room; the words stay
        elif step == "no estimate":
            has_alone = False
        elif step == "no projection":
            has_projection = False
        shown: tuple[tuple[int, int], ...] = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 5))
        shown += ((6, 7),) if has_alone else ()
        shown += ((7, 8),) if has_projection else ()
        shown += ((8, 9),) if has_mean else ()
        fixed = sum(natural(i, headers[k]) for i, k in shown)
        spare = width - fixed - 3 * (len(shown) + has_remark) - remark_width
        if spare >= 7:  # room for the smallest chart
            break
    chart_width = min(16, spare - 1)
    show_chart = chart_width >= 6 and bool(current)
    values = [dec(e.value) for e in current if e.value is not None]
    chart = bars(target, values, chart_width) if show_chart else {}

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    alone_column = (7,) if has_alone else ()
    mean_column = (9,) if has_mean else ()
    projection_column = (8,) if has_projection else ()
    columns = (0, 1, *mean_column, *alone_column, 2, 3, *projection_column)
    columns += ((4,) if show_chart else ()) + (5,)
    for k in columns + ((6,) if has_remark else ()):
        table.add_column(
            headers[k],
            justify="right" if k in (1, 2, 7, 9) else "left",
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
            *([Text(cells[8])] if has_mean else []),
            *([Text(cells[6])] if has_alone else []),
            Text(cells[2]),
            status_text(status, lang, word=cells[3][2:]) if status else Text(cells[3], style="dim"),
            *([Text(cells[7])] if has_projection else []),
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
