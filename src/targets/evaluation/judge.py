"""How a target is judged (SPEC §3): pure functions from a plan and its figures to rows.

No I/O and no printing here. Arithmetic is decimal, so that boundaries come out as a
person computes them (4.5 against "at least 5.0, tolerance 0.5" meets) and a gap of
5.9 − 6.5 is −0.6, not −0.5999999999999996.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from targets.domain.entries import Entry, figures_in_force
from targets.domain.periods import Period
from targets.domain.plan import Plan, Target
from targets.evaluation.projection import Outlook, meets, project
from targets.evaluation.projection import share as shares

Status = Literal["met", "missed", "on_track", "behind", "no_data", "no_target"]
STATUSES: tuple[Status, ...] = ("met", "on_track", "behind", "missed", "no_data", "no_target")

ONE = Decimal(1)
HUNDRED = Decimal(100)
TWELVE = Decimal(12)


def dec(x: float) -> Decimal:
    """A float as the decimal a person wrote: 6.5 is 6.5, not 6.4999999999999996447."""
    return Decimal(repr(x))


@dataclass(frozen=True)
class Standing:
    """A region's place among its peers (SPEC §6) at its row's period; null where it does
    not apply."""

    region: str
    rank: int | None = None  # 1 is best; tied figures share a rank (1, 2, 2, 4)
    rank_of: int | None = None  # how many were ranked (null with fewer than two)
    rank_change: int | None = None  # the previous period's rank minus this one: + moved up
    reference_actual: Decimal | None = None
    vs_reference: Decimal | None = None
    tied: bool = False  # another region shares the rank (并列)


@dataclass(frozen=True)
class Judgement:
    """Where one target stands at the report's period."""

    target: Target
    period: Period | None  # the period of the figure used; None without one
    actual: Decimal | None
    latest: Decimal | None  # rate targets: the month's own reading
    effective: Decimal | None
    gap: Decimal | None
    progress: Decimal | None  # totals: actual / value
    schedule: Decimal | None  # totals: the share of the year's amount due by now
    required: Decimal | None
    status: Status
    series: tuple[tuple[Period, Decimal], ...]  # the year's figures up to `period`
    missing: int = 0  # rate targets: months up to `period` without a reading
    reachable: bool | None = None  # False: `required` asks for a pace below the floor
    previous: Decimal | None = None  # `actual` at the previous period with a figure
    change: Decimal | None = None  # actual − previous
    projected_low: Decimal | None = None  # the lower of the two scenarios (SPEC §7)
    projected_high: Decimal | None = None
    outlook: Outlook | None = None
    standing: Standing | None = None  # rank among the peers, difference from the reference


@dataclass(frozen=True)
class Report:
    plan: Plan
    as_of: Period | None
    rows: tuple[Judgement, ...]
    region: str = ""  # whose report: the plan's own region unless another was asked for
    known_on: date | None = None  # from the entries recorded by the end of this day
    entries: tuple[Entry, ...] = ()  # what was judged: the briefing lists them and their notes

    def counts(self) -> dict[str, int]:
        """How many targets have each status, in the order of STATUSES."""
        return {s: sum(1 for r in self.rows if r.status == s) for s in STATUSES}


def figures_by_month(
    plan: Plan, entries: Iterable[Entry], region: str | None = None
) -> dict[str, dict[int, Decimal]]:
    """The figures in force of one region (default: the plan's own) for each target of the
    plan, by month of the plan's year; periods a target's frequency does not take are left
    to `targets check`."""
    ids = {t.id: t for t in plan.targets}
    figures: dict[str, dict[int, Decimal]] = {t.id: {} for t in plan.targets}
    wanted = region or plan.region
    for (where, target_id, period), e in figures_in_force(entries, plan.region).items():
        target = ids.get(target_id)
        if where != wanted:
            continue
        if target and period.year == plan.year and period.month in target.months:
            figures[target_id][period.month] = dec(e.value)
    return figures


def judge(
    target: Target,
    figures: dict[int, Decimal],
    cutoff: int,
    year: int,
    reference: tuple[Target, dict[int, Decimal]] | None = None,
) -> Judgement:
    """One target at month `cutoff`, from its figures by month (and, for relative_to,
    the referenced target and its figures)."""
    series = tuple((Period(year, m), figures[m]) for m in sorted(figures) if m <= cutoff)
    scheduled = target.kind == "total" and target.value is not None
    if not series:
        unset = target.value is None and target.relative_to is None
        return _unjudged(target, series, "no_target" if unset else "no_data")
    period = series[-1][0]
    m = period.month
    actual = figure(target, figures, m)
    latest = figures[m] if target.kind == "rate" else None
    missing = sum(1 for k in target.months if k <= m) - len(series) if latest is not None else 0
    k = series[-2][0].month if len(series) > 1 else None
    previous = figure(target, figures, k) if k is not None else None
    change = actual - previous if previous is not None else None
    ahead = project(target, m, actual, latest, k, previous)
    effective = _effective(target, reference, m)
    if effective is None:  # no value, or the reference has no figure for this period
        return replace(
            _unjudged(target, series, "no_target", period, actual, latest, missing),
            previous=previous,
            change=change,
            projected_low=ahead.low,
            projected_high=ahead.high,
            outlook=ahead.outlook,
        )
    tolerance = dec(target.tolerance)
    share = progress = None
    due = effective  # what the figure so far is held against
    if scheduled:
        share = shares(target.schedule, m)
        # value × m / 12, multiplied first: 3.0 × 4 / 12 is exactly 1
        due = effective * share if target.schedule is not None else effective * m / TWELVE
        progress = actual / effective if effective else None  # a zero amount has no share
    status: Status
    if m == 12:
        status = "met" if meets(target, actual, effective, tolerance) else "missed"
    elif scheduled and target.comparator == "at_least" and actual >= effective - tolerance:
        status = "met"  # the year's amount is reached early
    else:
        status = "on_track" if meets(target, actual, due, tolerance) else "behind"
    needed = required(target, effective, actual, m) if m < 12 and target.value is not None else None
    return Judgement(
        target=target,
        period=period,
        actual=actual,
        latest=latest,
        effective=effective,
        gap=actual - due,
        progress=progress,
        schedule=share,
        required=needed,
        status=status,
        series=series,
        missing=missing,
        reachable=reachable(target, effective, actual, m) if needed is not None else None,
        previous=previous,
        change=change,
        projected_low=ahead.low,
        projected_high=ahead.high,
        outlook=ahead.outlook,
    )


def reachable(target: Target, goal: Decimal, actual: Decimal, m: int) -> bool:
    """Whether the pace `required` asks for can occur at all (SPEC §3): only a cap can
    ask for a pace below the lowest figure that can occur. The tolerance does not enter."""
    lowest = target.lowest
    if target.comparator != "at_most" or lowest is None:
        return True
    if target.kind == "total":  # what is left of the amount, before it is held at 0
        return goal - actual >= dec(lowest)
    needed = required(target, goal, actual, m)
    return needed is None or needed >= dec(lowest)


def _effective(
    target: Target, reference: tuple[Target, dict[int, Decimal]] | None, m: int
) -> Decimal | None:
    """The target's value, or the referenced target's figure for the same period."""
    if target.value is not None:
        return dec(target.value)
    if target.relative_to is None or reference is None:
        return None
    ref, figures = reference
    return figure(ref, figures, m) if m in figures else None


def _unjudged(
    target: Target,
    series: tuple[tuple[Period, Decimal], ...],
    status: Status,
    period: Period | None = None,
    actual: Decimal | None = None,
    latest: Decimal | None = None,
    missing: int = 0,
) -> Judgement:
    """A row without a verdict: its figure, if any, is shown all the same."""
    return Judgement(
        target, period, actual, latest, None, None, None, None, None, status, series, missing
    )


def judge_at(
    plan: Plan, target: Target, entries: Iterable[Entry], region: str | None = None
) -> Callable[[Period], Judgement]:
    """Judge one target as it stood at any period of the year (for its history), as
    `region` (default: the plan's own) stands, against its own value."""
    figures = figures_by_month(plan, entries, region)
    own = plan.for_region(target, region)

    def at(period: Period) -> Judgement:
        return judge(
            own, figures[target.id], period.month, plan.year, _reference(plan, own, figures)
        )

    return at


def _reference(
    plan: Plan, target: Target, figures: dict[str, dict[int, Decimal]]
) -> tuple[Target, dict[int, Decimal]] | None:
    if target.relative_to is None:  # most targets: no walk through the plan for each
        return None
    ref = next((t for t in plan.targets if t.id == target.relative_to), None)
    return (ref, figures[ref.id]) if ref is not None else None


def figure(target: Target, figures: dict[int, Decimal], m: int) -> Decimal:
    """The figure a target is judged on at month m: for a rate the mean of the year's
    readings so far; otherwise the month-m (year-to-date or yearly) figure."""
    if target.kind == "rate":
        readings = [v for month, v in figures.items() if month <= m]
        return sum(readings, Decimal(0)) / len(readings)
    return figures[m]


def alone(target: Target, series: tuple[tuple[Period, Decimal], ...]) -> dict[Period, Decimal]:
    """Growth in each period on its own (一季度, then 二季度 alone…), estimated from two
    consecutive year-to-date figures weighted by the year's shares (base_shares, else
    m/12). Last year's monthly levels would make it exact; these weights make it an
    estimate, within a few tenths of a point of published figures as a rule."""
    if target.kind != "growth":
        return {}
    out: dict[Period, Decimal] = {}
    before = (Decimal(0), ONE)  # the year's share and growth factor so far
    previous = 0  # the month of the figure before; 0: none yet
    for period, ytd in series:
        s = shares(target.base_shares, period.month)
        earlier = [m for m in target.months if m < period.month]
        # the first figure is its own period; later ones only after the period just before
        follows = previous == 0 or (bool(earlier) and previous == earlier[-1])
        if follows and s > before[0]:
            grown = (ONE + ytd / HUNDRED) * s - before[1] * before[0]
            out[period] = (grown / (s - before[0]) - ONE) * HUNDRED
        before, previous = (s, ONE + ytd / HUNDRED), period.month
    return out


def required(target: Target, goal: Decimal, actual: Decimal, m: int) -> Decimal | None:
    """What the rest of the year must deliver for the year to reach `value` (倒推);
    None when the base shares leave nothing of the year to deliver it in."""
    if target.kind == "growth":
        s = shares(target.base_shares, m)
        if s >= ONE:
            return None
        grown = (ONE + goal / HUNDRED) - (ONE + actual / HUNDRED) * s
        return grown / (ONE - s) * HUNDRED - HUNDRED
    if target.kind == "rate":
        return (TWELVE * goal - m * actual) / (TWELVE - m)
    return max(goal - actual, Decimal(0))
