"""A comparison's lines in words (`targets compare`): what the table, markdown and the
briefing formats all show."""

from __future__ import annotations

from targets.domain.periods import label
from targets.evaluation.compare import Comparison, Placed
from targets.present import words
from targets.present.plain import plain

HEADERS = {
    "zh": ("位次", "地区", "实际", "目标", "差距", "状态", "变化", "比{}"),
    "en": ("Rank", "Region", "Actual", "Goal", "Gap", "Status", "Moved", "vs ref."),
}
TITLE = {"zh": "各地区比较", "en": "across regions"}
OWN = {"zh": "本市", "en": "this plan's"}


def compare_title(comparison: Comparison, lang: str) -> str:
    target = comparison.target
    when = (
        label(comparison.as_of, lang, cumulative=target.cumulative)
        if comparison.as_of
        else words.NO_FIGURES[lang]
    )
    return plain(f"{target.display_name(lang)} · {when} · {TITLE[lang]}")


def compare_headers(comparison: Comparison, lang: str) -> list[str]:
    headers = list(HEADERS[lang])
    reference = comparison.plan.reference
    if reference is None:
        return headers[:-1]
    headers[-1] = plain(headers[-1].format(comparison.plan.region_label(reference, lang)))
    return headers


def compare_cells(comparison: Comparison, lang: str) -> list[tuple[Placed, list[str]]]:
    """Each region's line in words, status included, in the comparison's order."""
    plan, target = comparison.plan, comparison.target
    out: list[tuple[Placed, list[str]]] = []
    for p in comparison.lines:
        s, j = p.standing, p.judgement
        own = plan.for_region(target, p.region)
        if s.rank is not None:
            rank = words.rank(s.rank, s.rank_of, s.tied, None, lang)
        else:
            rank = words.UNRANKED[lang][p.why or "no_figure"]
        row = [
            rank,
            plain(plan.region_label(p.region, lang)),
            words.with_unit(j.actual, target.unit, lang) if j is not None else "",
            plain(words.goal(own, plan, lang)),
            words.signed(j.gap, target.unit) if j is not None else "",
            f"{words.SYMBOL[p.status]} {words.STATUS[lang][p.status]}",
            words.rank_change(s.rank_change),
        ]
        if plan.reference is not None:
            row.append(words.signed(s.vs_reference, target.unit))
        out.append((p, row))
    return out
