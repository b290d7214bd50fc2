"""One target across every region of the plan (`targets compare`): each region's figure
for the same period, its rank, its own target and status, and the reference's line.
Pure: no I/O, no printing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from targets.domain.entries import Entry
from targets.domain.periods import Period
from targets.domain.plan import Plan, Target
from targets.evaluation.judge import Judgement, Standing, Status
from targets.evaluation.ranking import Regions


@dataclass(frozen=True)
class Placed:
    """One region's line in a comparison."""

    region: str
    reference: bool  # the reference's own line: compared with, not ranked
    judgement: Judgement | None  # its figure for exactly the comparison's period; None: none
    standing: Standing
    why: str | None  # why it is not ranked: "no_figure", "no_value", "alone", "reference"
    status: Status


@dataclass(frozen=True)
class Comparison:
    """One target across every region of the plan at one period (`targets compare`)."""

    plan: Plan
    target: Target
    as_of: Period | None
    lines: tuple[Placed, ...]  # ranked by rank, then unranked in plan order, then reference


def compare(
    plan: Plan, target: Target, entries: Iterable[Entry], as_of: Period | None = None
) -> Comparison:
    """The target across the plan's regions at the latest period with a figure of its own
    region (else of any region), capped by `as_of`."""
    regions = Regions(plan, entries)
    cap = as_of.month if as_of is not None else 12

    def latest(names: Iterable[str]) -> int | None:
        months = [m for r in names for m in regions.figures[r][target.id] if m <= cap]
        return max(months) if months else None

    month = latest([plan.region]) or latest(plan.regions)
    period = Period(plan.year, month) if month is not None else None
    lines = [_placed(regions, target, region, period) for region in plan.regions]
    order = {region: i for i, region in enumerate(plan.regions)}
    lines.sort(
        key=lambda p: (
            p.reference,
            p.standing.rank is None,
            p.standing.rank or 0,
            order[p.region],
        )
    )
    return Comparison(plan, plan.for_region(target, plan.region), period, tuple(lines))


def _placed(regions: Regions, target: Target, region: str, period: Period | None) -> Placed:
    plan = regions.plan
    is_reference = region == plan.reference
    why: str | None = "reference" if is_reference else None
    if period is None or not regions.has(target, region, period.month):
        own = plan.for_region(target, region)
        unset = own.value is None and own.relative_to is None
        status: Status = "no_target" if unset else "no_data"
        return Placed(region, is_reference, None, Standing(region), why or "no_figure", status)
    j = regions.row(target, region, period.month)
    standing = j.standing or Standing(region)
    if why is None and standing.rank is None:
        why = "no_value" if regions.ranked_at(target, period.month) else "alone"
    return Placed(region, is_reference, j, standing, why, j.status)
