"""A comparison's lines in words (`targets compare`): what the table, markdown and the
briefing formats all show."""

from __future__ import annotations

from decimal import Decimal

from targets.domain.periods import label
from targets.evaluation.compare import Comparison, Placed
from targets.present import words
from targets.present.plain import plain

HEADERS = {
    "zh": ("位次", "地区", "实际", "目标", "差距", "状态", "变化", "比{}"),
    "en": ("Rank", "Region", "Actual", "Goal", "Gap", "Status", "Moved", "vs ref."),
}
TITLE = {"zh": "各地区比较", "en": "across regions"}
OWN = {"zh": "（本计划所属地区）", "en": " (the plan's own region)"}


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


def sentence(comparison: Comparison, lang: str) -> str:
    """The plan's own region as a briefing says it: ▶ 辽源市：上半年6.3%，并列第1位（共3地），
    较上期前移1位，低于吉林省1.4个百分点."""
    plan, target = comparison.plan, comparison.target
    own = next(p for p in comparison.lines if p.region == plan.region)
    name = plain(plan.region_label(plan.region, lang))
    j, s = own.judgement, own.standing
    if j is None or j.period is None:
        return (
            f"▶ {name}{OWN[lang]}"
            + ("：" if lang == "zh" else ": ")
            + words.UNRANKED[lang]["no_figure"]
        )
    when = label(j.period, lang, cumulative=target.cumulative)
    mean = {"zh": "均", "en": "avg "}[lang] if target.kind == "rate" else ""  # as the report
    figure = f"{mean}{words.with_unit(j.actual, target.unit, lang)}"
    parts = [f"{when}{figure}" if lang == "zh" else f"{when} {figure}"]
    if s.rank is not None and s.rank_of is not None:
        parts.append(_placed_words(s.rank, s.rank_of, s.tied, s.rank_change, lang))
    if s.vs_reference is not None and plan.reference is not None:
        reference = plain(plan.region_label(plan.reference, lang))
        parts.append(_versus(s.vs_reference, target.unit, reference, lang))
    if lang == "zh":
        return f"▶ {name}：" + "，".join(parts)
    return f"▶ {name}: " + ", ".join(parts)


def _placed_words(rank: int, of: int, tied: bool, change: int | None, lang: str) -> str:
    """并列第4位（共8地），较上期前移3位; tied 4th of 8, up 3 places."""
    if lang == "zh":
        text = f"{'并列' if tied else '居'}第{rank}位（共{of}地）"
        if change is not None:
            text += (
                f"，较上期{'前移' if change > 0 else '后移'}{abs(change)}位"
                if change
                else "，位次与上期持平"
            )
        return text
    place = words.rank(rank, of, False, None, lang).split("/")[0]
    text = f"{'tied ' if tied else ''}{place} of {of}"
    if change is not None:
        n = abs(change)
        moved = f"{'up' if change > 0 else 'down'} {n} place{'' if n == 1 else 's'}"
        text += f", {moved if change else 'the same place as before'}"
    return text


def _versus(diff: Decimal, unit: str, reference: str, lang: str) -> str:
    """高于吉林省1.2个百分点; 1.2 points above Jilin Province."""
    size = words.figure(abs(diff), unit)
    amount = (
        (f"{size}个百分点" if lang == "zh" else f"{size} points")
        if unit == "%"
        else words.with_unit(abs(diff), unit, lang)
    )
    if lang == "zh":
        if not diff:
            return f"与{reference}持平"
        return f"{'高于' if diff > 0 else '低于'}{reference}{amount}"
    if not diff:
        return f"level with {reference}"
    return f"{amount} {'above' if diff > 0 else 'below'} {reference}"
