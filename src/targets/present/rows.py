"""A report row in words: what the table, markdown and the briefing formats all show."""

from __future__ import annotations

from collections.abc import Iterable

from targets.domain.periods import label
from targets.domain.plan import Plan
from targets.evaluation.judge import Judgement, Report
from targets.present import words


def title(report: Report, lang: str) -> str:
    """The plan's name and the period; the region whose report it is, when not the plan's
    own, and the day the figures were known on, when asked for."""
    plan = report.plan
    when = label(report.as_of, lang) if report.as_of else words.NO_FIGURES[lang]
    parts = [plan.display_name(lang)]
    if report.region and report.region != plan.region:
        parts.append(plan.region_label(report.region, lang))
    parts.append(when)
    if report.known_on is not None:
        parts.append(words.KNOWN_ON[lang].format(report.known_on.isoformat()))
    return " · ".join(parts)


def cells(j: Judgement, plan: Plan, lang: str) -> list[str]:
    """A row of the report in words, status excluded (it is styled separately)."""
    t = j.target
    actual = words.with_unit(j.actual, t.unit, lang)
    if t.kind == "rate" and j.latest is not None and j.period is not None:
        # judged on the year's mean; the month's own reading goes beneath it
        month = label(j.period, lang, cumulative=False)
        mean = "均" if lang == "zh" else "avg "
        actual = f"{mean}{actual}\n{month} {words.with_unit(j.latest, t.unit, lang)}"
        if j.missing:
            actual += f"\n缺{j.missing}个月" if lang == "zh" else f"\n{j.missing} missing"
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


def by_department(rows: Iterable[Judgement], lang: str) -> list[tuple[str | None, list[Judgement]]]:
    groups: dict[str, list[Judgement]] = {}
    for j in rows:
        groups.setdefault(j.target.department or words.NO_DEPARTMENT[lang], []).append(j)
    return list(groups.items())


def has_standing(report: Report) -> bool:
    """Whether any row has a rank or a difference from the reference to show."""
    return any(
        j.standing is not None
        and (j.standing.rank is not None or j.standing.vs_reference is not None)
        for j in report.rows
    )


def standing_header(plan: Plan, lang: str) -> str:
    """位次, with the reference the second line compares with: 位次\n比吉林省."""
    if plan.reference is None:
        return words.RANK_HEADER[lang]
    versus = words.VS_HEADER[lang].format(plan.region_label(plan.reference, lang))
    return f"{words.RANK_HEADER[lang]}\n{versus}"


def standing(j: Judgement, lang: str) -> str:
    """The row's rank and change of rank (第3位/9 ↑2), the difference from the reference
    beneath (+1.2)."""
    s = j.standing
    if s is None:
        return ""
    ranked = words.rank(s.rank, s.rank_of, s.tied, s.rank_change, lang)
    versus = words.signed(s.vs_reference, j.target.unit)
    return "\n".join(x for x in (ranked, versus) if x)
