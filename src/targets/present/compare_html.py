"""One target across the plan's regions as a printable page: the ranked table and a bar
chart of the regions' figures with the plan's own marked. The report's page draws the
same bars for each ranked target."""

from __future__ import annotations

from decimal import Decimal

from targets.evaluation.compare import Comparison
from targets.present import charts, words
from targets.present.compare_rows import compare_cells, compare_headers, compare_title, sentence
from targets.present.formats import Options
from targets.present.templates import STATUS_CLASS, environment

REFERENCE = {"zh": "（参照）", "en": " (reference)"}
PROGRESS = {"zh": "完成进度", "en": "progress"}


def region_bars(comparison: Comparison, lang: str) -> str:
    """The regions with a figure for the period as bars, best first, the reference last;
    a total by its progress, as it is ranked. "" with fewer than two regions."""
    plan, target = comparison.plan, comparison.target
    total = target.kind == "total"
    items = []
    for p in comparison.lines:
        j = p.judgement
        if j is None:
            continue
        value = (j.progress * 100 if j.progress is not None else None) if total else j.actual
        if value is None:
            continue
        name = plan.region_label(p.region, lang) + (REFERENCE[lang] if p.reference else "")
        rank = words.rank(p.standing.rank, p.standing.rank_of, p.standing.tied, None, lang)
        items.append(charts.Bar(name, value, own=p.region == plan.region, note=rank))
    if len(items) < 2:
        return ""
    own = next((p for p in comparison.lines if p.region == plan.region), None)
    goal = own.judgement.effective if own and own.judgement and not total else None
    unit = "%" if total else target.unit
    label = f"{target.display_name(lang)} · {PROGRESS[lang] if total else ''}".rstrip(" ·")
    return charts.bars(items, unit, label, goal if isinstance(goal, Decimal) else None)


def compare_html(comparison: Comparison, options: Options) -> bytes:
    """The comparison page as UTF-8 bytes."""
    lang, plan = options.lang, comparison.plan
    lines = [
        (
            p.region == plan.region,
            STATUS_CLASS[p.status],
            [*row[:5], words.STATUS[lang][p.status], *row[6:]],
        )
        for p, row in compare_cells(comparison, lang)
    ]
    page = (
        environment()
        .get_template("compare")
        .render(
            lang=lang,
            heading=compare_title(comparison, lang),
            plan_name=plan.display_name(lang),
            goal=words.goal(comparison.target, plan, lang),
            headers=compare_headers(comparison, lang),
            lines=lines,
            sentence=sentence(comparison, lang),
            chart=region_bars(comparison, lang),
        )
    )
    return page.encode("utf-8")
