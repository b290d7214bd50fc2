"""A report row in words: what the table, markdown and the briefing formats all show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from targets.domain.periods import label
from targets.domain.plan import Plan
from targets.evaluation.judge import Judgement, Report, dec
from targets.evaluation.projection import above_band
from targets.present import words


def title(report: Report, lang: str) -> str:
    """The plan's name and the period most targets are at (the latest of equals, not a
    later one that only one target has reached); the region whose report it is, when not
    the plan's own, and the day the figures were known on, when asked for."""
    plan = report.plan
    parts = [plan.display_name(lang)]
    if report.region and report.region != plan.region:
        parts.append(plan.region_label(report.region, lang))
    parts.append(title_period(report, lang))
    if report.known_on is not None:
        parts.append(words.KNOWN_ON[lang].format(report.known_on.isoformat()))
    return " · ".join(parts)


def title_period(report: Report, lang: str) -> str:
    if report.as_of is None:
        return words.NO_FIGURES[lang]
    counted = Counter(j.period.month for j in report.rows if j.period is not None)
    month = max(counted, key=lambda m: (counted[m], m)) if counted else report.as_of.month
    return label(type(report.as_of)(report.as_of.year, month), lang)


def cells(j: Judgement, plan: Plan, lang: str, soft: bool = False) -> list[str]:
    """A row of the report in words, status excluded (it is styled separately): name,
    goal, period, actual, gap, what the rest of the year needs, trend. `soft`: keep the
    places where a Chinese phrase may break (words.SOFT), for a terminal."""
    t = j.target
    places = words.decisive(j.gap)  # a gap that is not zero never shows as zero
    actual = words.with_unit(j.actual, t.unit, lang, places=places)
    if t.kind == "rate" and j.latest is not None and j.period is not None:
        # judged on the year's mean; the month's own reading goes beneath it
        month = label(j.period, lang, cumulative=False)
        mean = "均" if lang == "zh" else "avg "
        actual = f"{mean}{actual}\n{month} {words.with_unit(j.latest, t.unit, lang)}"
        if j.missing:
            actual += f"\n缺{j.missing}个月" if lang == "zh" else f"\n{j.missing} missing"
    return [
        t.display_name(lang),
        words.goal(t, plan, lang, soft),
        words.period_label(j.period, t, lang),
        actual,
        words.signed(j.gap, t.unit, lang, places),
        needs(j, lang, soft),
        words.sparkline([v for _, v in j.series]),
    ]


def status_word(j: Judgement, lang: str) -> str:
    """The status in words; an around figure above its band is worded as above, not
    as behind (the code stays)."""
    t = j.target
    if t.comparator == "around" and j.gap is not None and j.status in ("behind", "missed"):
        if j.gap > dec(t.tolerance):
            return words.ABOVE_BAND[lang]
    return words.STATUS[lang][j.status]


def needs(j: Judgement, lang: str, soft: bool = False) -> str:
    """What the rest of the year must deliver (倒推) or may do, or for totals the
    schedule (序时); 已无法完成 when no possible pace gets there."""
    t = j.target
    if t.kind == "total" and j.progress is not None and j.schedule is not None:
        done, due = words.number(j.progress * 100, 1), words.number(j.schedule * 100, 1)
        still = words.with_unit(j.required, t.unit, lang) if j.required else ""
        last = words.OUT_OF_REACH[lang] if j.reachable is False else ""
        if lang == "zh":
            last = last or (f"还需{still}" if still else "")
            return f"完成{done}%\n序时{due}%" + (f"\n{last}" if last else "")
        last = last or (f"{still} to go" if still else "")
        return f"{done}% done\n{due}% due" + (f"\n{last}" if last else "")
    if j.required is None or j.effective is None:
        return ""
    if j.reachable is False:
        return words.OUT_OF_REACH[lang]
    said = pace(j.required, j.effective, t.kind == "rate", t.comparator, t.unit, lang)
    return said if soft else said.replace(words.SOFT, "")


def pace(
    required: Decimal, value: Decimal, rate: bool, comparator: str, unit: str, lang: str
) -> str:
    """The required pace as a sentence: what the rest of the year must do on the hard
    side of the target, what it may do on the easy side."""
    if comparator == "at_least":
        side = "hard" if required > value else ("fall" if required < 0 and not rate else "easy")
    elif comparator == "at_most":
        side = "easy" if required > value else ("fall" if required < 0 and not rate else "hard")
    else:
        side = "fall" if required < 0 and not rate else "hard"
    amount = words.with_unit(abs(required) if side == "fall" else required, unit, lang)
    return words.PACE[lang][(rate, comparator, side)].format(x=amount)


def change(j: Judgement, lang: str, soft: bool = False) -> str:
    """比上期提高0.3 / 回落 — the change since the previous period with a figure."""
    if j.change is None:
        return ""
    t = j.target
    up, down, same = (words.CHANGE_TOTAL if t.kind == "total" else words.CHANGE)[lang]
    amount = words.figure(abs(j.change), t.unit)
    if not Decimal(amount):
        return same
    if t.kind == "total" or t.unit != "%":
        amount = words.with_unit(abs(j.change), t.unit, lang)
    said = (up if j.change > 0 else down).format(x=amount)
    return said if soft else said.replace(words.SOFT, "")


def outlook(j: Judgement, lang: str, soft: bool = False) -> str:
    """Where the year will land, labelled as an estimate: the verdict, then the range."""
    span = projected(j, lang)
    if not span:
        return ""
    estimate = words.ESTIMATE[lang].format(x=span)
    said = "\n".join(x for x in (verdict(j, lang), estimate) if x)
    return said if soft else said.replace(words.SOFT, "")


def projected(j: Judgement, lang: str) -> str:
    """The projected range, 5.05–5.2% (one figure when both scenarios agree)."""
    if j.projected_low is None or j.projected_high is None:
        return ""
    t = j.target
    low, high = (words.figure(x, t.unit) for x in (j.projected_low, j.projected_high))
    span = words.with_unit(j.projected_high, t.unit, lang)
    return f"{low}–{words.SOFT}{span}" if low != high else span


def verdict(j: Judgement, lang: str) -> str:
    """有望完成 / 存在压力 / 完成难度大, or 预计高于目标区间; empty without an outlook."""
    if j.outlook is None:
        return ""
    if above_band(j.target, j.projected_low):
        return words.OUTLOOK_ABOVE_BAND[lang]
    return words.OUTLOOK[lang][j.outlook]


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
