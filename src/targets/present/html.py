"""The briefing as one printable HTML page: title, summary, the table, a chart per target.

The page is self-contained (styles inline, charts as SVG, no script, nothing fetched) and
laid out for A4. Jinja2 renders it with autoescape on, so every text from the plan or the
ledger is escaped; the charts escape their own texts. Jinja2 is imported here only, when a
page is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from targets.domain.entries import Entry, in_force
from targets.domain.periods import Period, label
from targets.domain.plan import Plan
from targets.evaluation.judge import Judgement, Report
from targets.evaluation.projection import share as shares
from targets.present import charts, words
from targets.present.formats import Options
from targets.present.rows import cells
from targets.present.templates import STATUS_CLASS, environment

TEXT = {
    "zh": {
        "as_of": "截至",
        "nothing": "尚无数据",
        "region": "地区",
        "source": "依据",
        "summary": "总体情况",
        "table": "指标完成情况",
        "charts": "逐月走势",
        "change": "比上期",
        "rank": "位次",
        "projection": "预计全年(估)",
        "target_line": "目标",
        "schedule": "序时进度",
        "in_step": "同步",
        "estimate": "预计全年",
        "legend": "实线为实际数据，橙线为目标。",
        "estimate_legend": "虚线为按当前走势的预计值（估算）。",
        "rate_legend": "比率指标：浅色点为当月读数，蓝线为年内累计均值。",
        "regions": "各地区比较",
        "of": "共{n}个地区",
        "known_on": "按{date}已知数据",
        "count": "{n}项",
        "notes": "注",
    },
    "en": {
        "as_of": "As of",
        "nothing": "no figures yet",
        "region": "Region",
        "source": "Source",
        "summary": "Summary",
        "table": "Where each target stands",
        "charts": "Month by month",
        "change": "Change",
        "rank": "Rank",
        "projection": "Year (est.)",
        "target_line": "target",
        "schedule": "schedule",
        "in_step": "in step",
        "estimate": "est. year",
        "legend": "Solid lines are figures, the orange line the target.",
        "estimate_legend": "Dashed lines are estimates of the year at the current pace.",
        "rate_legend": "Rates: light dots are the monthly readings, the blue line their"
        " running mean.",
        "regions": "Regions compared",
        "of": "{n} regions",
        "known_on": "as known on {date}",
        "count": "{n}",
        "notes": "Notes",
    },
}
OUT_OF_REACH = {"zh": "已无法完成", "en": "out of reach"}


@dataclass(frozen=True)
class Row:
    """One line of the table, in words, with what its chart needs."""

    id: str
    name: str
    quote: str
    goal: str
    period: str
    actual: list[str]
    gap: str
    status: str
    status_words: str
    needs: list[str]
    change: str
    rank: list[str]
    projection: list[str]
    chart: str
    bars: str  # the regions' figures, for a target ranked among the peers
    note: str  # the note recorded with the figure used, shown as a footnote


def rows(
    report: Report, lang: str, entries: Iterable[Entry] = (), outlook: bool = True
) -> list[Row]:
    """The table's rows, in plan order; `entries` give the notes of the figures used;
    without `outlook`, no projection is shown."""
    by_id = {j.target.id: j for j in report.rows}
    figures = in_force(entries, report.plan.region)
    out = []
    for j in report.rows:
        t = j.target
        c = cells(j, report.plan, lang)
        out.append(
            Row(
                id=t.id,
                name=c[0],
                quote=t.quote or "",
                goal=c[1],
                period=c[2],
                actual=c[3].splitlines(),
                gap=c[4],
                status=STATUS_CLASS[j.status],
                status_words=words.STATUS[lang][j.status],
                needs=[OUT_OF_REACH[lang]] if j.reachable is False else c[5].splitlines(),
                change=_change(j, lang),
                rank=_rank(j, report.plan, lang),
                projection=estimate(j, lang) if outlook else [],
                chart=chart(j, by_id, report, lang, outlook),
                bars=_bars(j, report, lang),
                note=_note(figures.get((report.plan.region, t.id, j.period)) if j.period else None),
            )
        )
    return out


def _bars(j: Judgement, report: Report, lang: str) -> str:
    """The regions' figures at the row's period as bars, where the target is ranked."""
    if j.standing is None or j.standing.rank is None or j.period is None:
        return ""
    from targets.evaluation.compare import compare
    from targets.present.compare_html import region_bars

    return region_bars(compare(report.plan, j.target, report.entries, j.period), lang)


def _note(entry: Entry | None) -> str:
    return (entry.note or "") if entry is not None else ""


def _change(j: Judgement, lang: str) -> str:
    change = j.change
    if change is None:
        return ""
    text = words.signed(change, j.target.unit)
    if not change:
        return text
    up = change > 0
    if lang == "zh":
        return f"{'提高' if up else '回落'}{text.lstrip('+-')}"
    return f"{text} {'up' if up else 'down'}"


def _rank(j: Judgement, plan: Plan, lang: str) -> list[str]:
    """The rank among the peers in words, and the difference from the reference."""
    s = j.standing
    if s is None:
        return []
    lines = [words.rank(s.rank, s.rank_of, s.tied, s.rank_change, lang)]
    if s.vs_reference is not None and plan.reference:
        vs = words.VS_HEADER[lang].format(plan.region_label(plan.reference, lang))
        lines.append(f"{vs} {words.signed(s.vs_reference, j.target.unit)}")
    return [line for line in lines if line]


OUTLOOK = {
    "zh": {"likely": "有望完成", "at_risk": "存在压力", "unlikely": "完成难度大"},
    "en": {"likely": "likely", "at_risk": "at risk", "unlikely": "unlikely"},
}
ABOVE_BAND = {"zh": "高于目标区间", "en": "above the band"}


def estimate(j: Judgement, lang: str) -> list[str]:
    """The year's estimate: the range (6.2–6.4%) and the outlook in words; [] without."""
    low, high = j.projected_low, j.projected_high
    if low is None or high is None:
        return []
    t = j.target
    span = words.with_unit(high, t.unit, lang)  # the unit in the output's language
    if words.figure(low, t.unit) != words.figure(high, t.unit):
        span = f"{words.figure(low, t.unit)}–{span}"
    said = OUTLOOK[lang].get(j.outlook or "", "")
    if t.comparator == "around" and t.value is not None and j.outlook is not None:
        if low > Decimal(repr(t.value)) + Decimal(repr(t.tolerance)):
            said = ABOVE_BAND[lang]  # the code stays unlikely; the words say which way
    return [span, said] if said else [span]


def _projection(j: Judgement, lang: str) -> str:
    """The estimate as a chart labels it: 预计6.2–6.4% 有望完成 / est. 6.2–6.4% likely."""
    lines = estimate(j, lang)
    if not lines:
        return ""
    return ("预计" if lang == "zh" else "est. ") + " ".join(lines)


def chart(
    j: Judgement, by_id: dict[str, Judgement], report: Report, lang: str, outlook: bool = True
) -> str:
    """The target's year as SVG, or "" without figures."""
    t = j.target
    if not j.series:
        return ""
    text = TEXT[lang]
    points = [(p.month, v) for p, v in j.series]
    goal: list[tuple[int, Decimal]] = []
    goal_label = ""
    band = None
    readings: Sequence[tuple[int, Decimal]] = ()
    actual: Sequence[tuple[int, Decimal]] = points
    if t.kind == "rate":
        readings = points
        actual = [
            (m, sum((v for _, v in points[: i + 1]), Decimal(0)) / (i + 1))
            for i, (m, _) in enumerate(points)
        ]
    if t.kind == "total" and t.value is not None:
        value = Decimal(repr(t.value))
        goal = [(m, value * shares(t.schedule, m)) for m in range(1, 13)]
        goal_label = f"{text['schedule']} · {words.goal(t, report.plan, lang)}"
    elif t.value is not None:
        value = Decimal(repr(t.value))
        goal = [(0, value)]
        goal_label = f"{text['target_line']} {words.goal(t, report.plan, lang)}"
        tol = Decimal(repr(t.tolerance))
        if tol:
            band = {
                "at_least": (value - tol, value),
                "at_most": (value, value + tol),
                "around": (value - tol, value + tol),
            }[t.comparator]
    elif t.relative_to is not None and t.relative_to in by_id:
        ref = by_id[t.relative_to]
        goal = [(p.month, v) for p, v in ref.series]
        goal_label = f"{text['in_step']}: {ref.target.display_name(lang)}"
    low, high = j.projected_low, j.projected_high
    shown = outlook and low is not None and high is not None
    projection = (low, high) if shown and low is not None and high is not None else None
    timeline = charts.Timeline(
        unit=t.unit,
        lang=lang,
        actual=actual,
        goal=goal,
        goal_label=goal_label,
        band=band,
        readings=readings,
        projection=projection,
        projection_label=_projection(j, lang) if shown else "",
        zero=t.kind == "total",
    )
    return charts.timeline(timeline, t.display_name(lang))


def title(report: Report, lang: str) -> tuple[str, str]:
    """The page's title (the plan's name) and its period in words."""
    plan = report.plan
    if report.as_of is None:
        return plan.display_name(lang), TEXT[lang]["nothing"]
    return plan.display_name(lang), _period(report.as_of, lang)


def _period(period: Period, lang: str) -> str:
    said = label(period, lang)
    if lang == "zh":
        return f"{TEXT['zh']['as_of']}{period.year}年{said}" + (
            f"（1-{period.month}月）" if period.month in (6, 9) else ""
        )
    if period.month == 12:
        return f"Year {period.year}"
    return f"{TEXT['en']['as_of']} {said} {period.year}"


def groups(
    report: Report, table: list[Row], lang: str, by: str | None
) -> list[tuple[str, list[Row]]]:
    """The rows whole, or by lead department in order of first appearance."""
    if by != "department":
        return [("", table)]
    out: dict[str, list[Row]] = {}
    for j, row in zip(report.rows, table, strict=True):
        out.setdefault(j.target.department or words.NO_DEPARTMENT[lang], []).append(row)
    return list(out.items())


def report_html(report: Report, options: Options) -> bytes:
    """The briefing page as UTF-8 bytes."""
    lang, by = options.lang, options.by
    env = environment()
    table = rows(report, lang, report.entries, options.outlook)
    heading, period = title(report, lang)
    page = env.get_template("briefing").render(
        lang=lang,
        text=TEXT[lang],
        heading=heading,
        period=period,
        plan=report.plan,
        region=report.plan.region_label(report.region or report.plan.region, lang),
        known_on=TEXT[lang]["known_on"].format(date=report.known_on) if report.known_on else "",
        summary=[
            (STATUS_CLASS[s], words.STATUS[lang][s], n) for s, n in report.counts().items() if n
        ],
        headers=words.HEADERS[lang],
        groups=groups(report, table, lang, by),
        charted=[r for r in table if r.chart],
        notes=[r for r in table if r.note],
        has_change=any(r.change for r in table),
        has_rank=any(r.rank for r in table),
        has_projection=any(r.projection for r in table),
        has_rate=any(j.target.kind == "rate" and j.series for j in report.rows),
    )
    return page.encode("utf-8")
