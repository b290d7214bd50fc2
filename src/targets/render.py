"""Rendering: report rows and histories as a rich table, JSON, CSV or markdown.

JSON and CSV are for machines: English keys and status codes, full precision, stable
columns (SPEC §5). Tables and markdown are for people: rounded, in the plan's language.
rich is imported only where a table is drawn, so machine formats start fast.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targets import words
from targets.evaluation import Judgement, Report, Status, alone, dec
from targets.ledger import Entry
from targets.periods import Period, label
from targets.plan import Plan, Target

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

TARGET_KEYS = (
    "id",
    "name",
    "name_en",
    "kind",
    "comparator",
    "value",
    "tolerance",
    "relative_to",
    "effective",
    "unit",
    "frequency",
    "period",
    "actual",
    "latest",
    "gap",
    "progress",
    "schedule",
    "required",
    "status",
)
ENTRY_KEYS = ("target", "period", "value", "recorded_at", "source", "note")


def _num(x: Decimal | None) -> float | None:
    """A plain JSON number; null for what a float cannot hold (JSON has no Infinity)."""
    if x is None:
        return None
    number = float(x)
    return number if math.isfinite(number) else None


def target_head(t: Target) -> dict[str, Any]:
    """The target's own fields, as the JSON shows them before any figure."""
    return {
        "id": t.id,
        "name": t.name,
        "name_en": t.name_en,
        "kind": t.kind,
        "comparator": t.comparator,
        "value": t.value,
        "tolerance": t.tolerance,
        "relative_to": t.relative_to,
        "unit": t.unit,
        "frequency": t.frequency,
    }


def target_object(j: Judgement) -> dict[str, Any]:
    """One JSON target object, keys in the order of SPEC §5."""
    head = target_head(j.target)
    figures = {
        "effective": _num(j.effective),
        "period": str(j.period) if j.period else None,
        "actual": _num(j.actual),
        "latest": _num(j.latest),
        "gap": _num(j.gap),
        "progress": _num(j.progress),
        "schedule": _num(j.schedule),
        "required": _num(j.required),
        "status": j.status,
    }
    merged = {**head, **figures}
    return {key: merged[key] for key in TARGET_KEYS}


def report_json(report: Report) -> str:
    plan = report.plan
    doc = {
        "plan": {"id": plan.id, "name": plan.name, "region": plan.region, "year": plan.year},
        "as_of": str(report.as_of) if report.as_of else None,
        "targets": [target_object(j) for j in report.rows],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def to_csv(header: Iterable[str], rows: Iterable[Iterable[Any]], *, excel: bool = False) -> str:
    """CSV text; for Excel a byte-order mark and CRLF so that Chinese shows."""
    out = io.StringIO()
    ending = "\r\n" if excel else "\n"
    writer = csv.writer(out, lineterminator=ending)
    # csv quotes only what contains the line ending; a lone \r in a note must be quoted too
    quoted = csv.writer(out, lineterminator=ending, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for row in rows:
        cells = ["" if v is None else v for v in row]
        bare_cr = any(isinstance(v, str) and "\r" in v for v in cells)
        (quoted if bare_cr else writer).writerow(cells)
    return ("\ufeff" if excel else "") + out.getvalue()


def report_csv(report: Report, *, excel: bool = False) -> str:
    rows = (target_object(j).values() for j in report.rows)
    return to_csv(TARGET_KEYS, rows, excel=excel)


def actuals_csv(entries: Iterable[Entry], *, excel: bool = False) -> str:
    """Every entry, oldest first, in the columns `targets import` reads back."""
    ordered = sorted(enumerate(entries), key=lambda p: (p[1].recorded_at, p[0]))
    rows = (
        (e.target, str(e.period), repr(e.value), e.recorded_at.isoformat(), e.source, e.note)
        for _, e in ordered
    )
    return to_csv(ENTRY_KEYS, rows, excel=excel)


# --- the report for people ---------------------------------------------------------


def title(report: Report, lang: str) -> str:
    when = label(report.as_of, lang) if report.as_of else words.NO_FIGURES[lang]
    return f"{report.plan.display_name(lang)} · {when}"


def cells(j: Judgement, plan: Plan, lang: str) -> list[str]:
    """A row of the report in words, status excluded (it is styled separately)."""
    t = j.target
    actual = words.with_unit(j.actual, t.unit, lang)
    if t.kind == "rate" and j.latest is not None and j.period is not None:
        # judged on the year's mean; the month's own reading goes beneath it
        month = label(j.period, lang, cumulative=False)
        mean = "均" if lang == "zh" else "avg "
        actual = f"{mean}{actual}\n{month} {words.with_unit(j.latest, t.unit, lang)}"
        missing = sum(1 for m in t.months if m <= j.period.month) - len(j.series)
        if missing:
            actual += f"\n缺{missing}个月" if lang == "zh" else f"\n{missing} missing"
    return [
        t.display_name(lang),
        words.goal(t, plan, lang),
        words.period_label(j.period, t, lang),
        actual,
        words.signed(j.gap, t.unit),
        needs(j, lang),
        words.sparkline([v for _, v in j.series]),
    ]


def needs(j: Judgement, lang: str) -> str:
    """What the rest of the year must deliver (倒推), or for totals the schedule (序时)."""
    t = j.target
    if t.kind == "total" and j.progress is not None and j.schedule is not None:
        done, due = words.number(j.progress * 100, 1), words.number(j.schedule * 100, 1)
        still = words.with_unit(j.required, t.unit, lang) if j.required else ""
        if lang == "zh":
            return f"完成{done}%\n序时{due}%" + (f"\n还需{still}" if still else "")
        return f"{done}% done\n{due}% due" + (f"\n{still} to go" if still else "")
    if j.required is None:
        return ""
    sign = words.SIGN[t.comparator]
    amount = words.with_unit(j.required, t.unit, lang)
    if t.kind == "rate":
        return f"月均{sign}{amount}" if lang == "zh" else f"avg {sign}{amount}"
    return f"{sign}{amount}"


def status_text(status: str, lang: str, terse: bool = False) -> Text:
    from rich.text import Text

    said = words.SYMBOL[status] if terse else f"{words.SYMBOL[status]} {words.STATUS[lang][status]}"
    return Text(said, style=words.STYLE[status])


def report_table(
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
        groups = _by_department(report.rows, lang)
    rows = [(j, cells(j, report.plan, lang)) for _, js in groups for j in js]
    headers = list(words.HEADERS[lang])
    texts = {
        id(j): c[:5] + [f"{words.SYMBOL[j.status]} {words.STATUS[lang][j.status]}"] + c[5:]
        for j, c in rows
    }

    def natural(i: int) -> int:
        lines = [headers[i]] + [ln for c in texts.values() for ln in c[i].splitlines()]
        return max(cell_len(ln) for ln in lines)

    columns = list(range(len(headers)))
    # column: the narrowest it may fold to (names, goals and needs fold, at spaces first)
    flexible = {0: 8 if lang == "zh" else 12, 1: 6, 6: 8}
    merged = terse = False
    spare = chrome = fixed = 0
    for step in ("all", "no trend", "goal under name", "status as a symbol"):
        if step == "no trend":
            columns.remove(7)
        elif step == "goal under name":
            columns.remove(1)
            merged = True
        elif step == "status as a symbol":
            terse = True
            headers[5] = ""
            for c in texts.values():
                c[5] = c[5][:1]
        chrome = 3 * (len(columns) - 1)  # padding either side of a one-cell divider
        fixed = sum(natural(i) for i in columns if i not in flexible)
        spare = width - chrome - fixed
        if spare >= sum(m for i, m in flexible.items() if i in columns):
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
            table.add_row(Text(name, style="bold cyan"))
        for k, j in enumerate(js):
            row = texts[id(j)]
            out = [Text(row[i]) for i in columns]
            out[columns.index(5)] = status_text(j.status, lang, terse)
            if merged:
                out[0] = Text(row[0]) + Text("\n" + row[1], style="dim")
            table.add_row(*out, end_section=k == len(js) - 1 and n < len(groups) - 1)
    return Group(
        Text(title(report, lang), style="bold"), table, Text(words.summary(report.counts(), lang))
    )


def _by_department(
    rows: Iterable[Judgement], lang: str
) -> list[tuple[str | None, list[Judgement]]]:
    groups: dict[str, list[Judgement]] = {}
    for j in rows:
        groups.setdefault(j.target.department or words.NO_DEPARTMENT[lang], []).append(j)
    return list(groups.items())


def report_markdown(report: Report, lang: str) -> str:
    """The report as a markdown table, for briefings."""

    def cell(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " · ")

    lines = [f"### {cell(title(report, lang))}", ""]
    headers = words.HEADERS[lang]
    lines.append("| " + " | ".join(headers) + " |")
    lines.append(
        "|" + "|".join(":--" if i not in (3, 4) else "--:" for i in range(len(headers))) + "|"
    )
    for j in report.rows:
        row = cells(j, report.plan, lang)
        row.insert(5, f"{words.SYMBOL[j.status]} {words.STATUS[lang][j.status]}")
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    lines += ["", words.summary(report.counts(), lang), ""]
    return "\n".join(lines)


# --- one target's history ----------------------------------------------------------


def history_json(target: Target, entries: list[tuple[Entry, bool]]) -> str:
    doc = {
        "target": target_head(target),
        "entries": [
            {
                "period": str(e.period),
                "value": e.value,
                "recorded_at": e.recorded_at.isoformat(),
                "source": e.source,
                "note": e.note,
                "current": is_current,
            }
            for e, is_current in entries
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def history_csv(entries: list[tuple[Entry, bool]]) -> str:
    rows = (
        (
            str(e.period),
            repr(e.value),
            e.recorded_at.isoformat(),
            e.source,
            e.note,
            str(current).lower(),
        )
        for e, current in entries
    )
    return to_csv(("period", "value", "recorded_at", "source", "note", "current"), rows)


def history_table(
    plan: Plan,
    target: Target,
    entries: list[tuple[Entry, bool]],
    judge_at: Callable[[Period], Judgement],
    lang: str,
    width: int = 100,
) -> RenderableType:
    """The year's figures period by period, revisions marked, with a bar chart that
    narrows, then goes, in a narrow terminal; figures never break."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    current = [e for e, is_current in entries if is_current]
    estimated = alone(target, tuple((e.period, dec(e.value)) for e in current))
    rows: list[tuple[list[str], Status | None]] = []
    for e, is_current in entries:
        remark = " · ".join(x for x in (e.source, e.note) if x)
        cells = [
            words.period_label(e.period, target, lang),
            words.with_unit(e.value, target.unit, lang),
            "",
            words.REVISED[lang],
            e.recorded_at.strftime("%Y-%m-%d %H:%M"),
            remark,
            words.with_unit(estimated.get(e.period), target.unit, lang) if is_current else "",
        ]
        status: Status | None = None
        if is_current:
            j = judge_at(e.period)
            cells[2] = words.signed(j.gap, target.unit)
            status = j.status
            cells[3] = f"{words.SYMBOL[j.status]} {words.STATUS[lang][j.status]}"
        rows.append((cells, status))
    # period value gap status chart recorded remark; and for growth, the period alone
    headers = words.HISTORY_HEADERS[lang]
    has_remark = any(cells[5] for cells, _ in rows)
    has_alone = bool(estimated)

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
    chart = bars(target, [dec(e.value) for e in current], chart_width) if show_chart else {}

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
    for (cells, status), (e, is_current) in zip(rows, entries, strict=True):
        dim = "" if is_current else "dim"
        out = [
            Text(cells[0], style=dim),
            Text(cells[1], style="dim strike" if not is_current else ""),
            *([Text(cells[6])] if has_alone else []),
            Text(cells[2]),
            status_text(status, lang) if status else Text(cells[3], style="dim"),
        ]
        if show_chart:
            out.append(Text(chart.get(current.index(e), "") if is_current else "", style="cyan"))
        out.append(Text(cells[4], style=dim))
        if has_remark:
            out.append(Text(cells[5], style=dim))
        table.add_row(*out)
    heading = f"{target.display_name(lang)} · {words.goal(target, plan, lang)} · {plan.year}"
    parts: list[RenderableType] = [Text(heading, style="bold"), table]
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


def list_table(plan: Plan, lang: str) -> RenderableType:
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
        name = Text(t.display_name(lang))
        if t.quote:
            name.append("\n" + t.quote, style="dim")
        table.add_row(
            Text(t.id),
            name,
            Text(words.goal(t, plan, lang)),
            Text(words.KIND[lang][t.kind]),
            Text(words.FREQUENCY[lang][t.frequency]),
        )
    return Group(Text(plan.display_name(lang), style="bold"), table)
