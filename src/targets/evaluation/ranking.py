"""Where a region stands among its peers (SPEC §6): rank per target and period (位次),
the change of rank since the previous period, and the difference from the reference
(the province). Pure: no I/O, no printing; comparisons are decimal, so equal figures tie.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from targets.domain.entries import Entry, figures_in_force
from targets.domain.periods import Period
from targets.domain.plan import Plan, Target
from targets.evaluation.judge import Judgement, Standing, dec, figure, judge

# region → target id → month → the figure in force
Figures = dict[str, dict[str, dict[int, Decimal]]]


def figures_by_region(plan: Plan, entries: Iterable[Entry]) -> Figures:
    """The figures in force of every region the plan names, for each target of the plan,
    by month of the plan's year; figures of regions the plan does not name are left out,
    and periods a target's frequency does not take are left to `targets check`."""
    ids = {t.id: t for t in plan.targets}
    figures: Figures = {r: {t.id: {} for t in plan.targets} for r in plan.regions}
    for (region, target_id, period), e in figures_in_force(entries, plan.region).items():
        target = ids.get(target_id)
        mine = figures.get(region)
        if mine is None or target is None:
            continue
        if period.year == plan.year and period.month in target.months:
            mine[target_id][period.month] = dec(e.value)
    return figures


def ranks(figures: Iterable[tuple[str, Decimal]], higher_first: bool) -> dict[str, int]:
    """Competition ranks: equal figures share a rank and the next is skipped (1, 2, 2, 4)."""
    given = list(figures)
    ordered = sorted((v for _, v in given), reverse=higher_first)
    first: dict[Decimal, int] = {}
    for place, v in enumerate(ordered, 1):
        first.setdefault(v, place)  # Decimal equality: 6.50 and 6.5 are one figure
    return {region: first[v] for region, v in given}


class Regions:
    """Every region's figures for a plan, judged and ranked on demand (each target and
    month ranked once, however many rows ask)."""

    def __init__(self, plan: Plan, entries: Iterable[Entry]) -> None:
        self.plan = plan
        self.figures = figures_by_region(plan, entries)
        self._ranked: dict[tuple[str, int], dict[str, int]] = {}
        self._by_id = {t.id: t for t in plan.targets}  # not a walk through the plan per target

    def judge(self, target: Target, region: str, cutoff: int) -> Judgement:
        """The target as `region` stands at month `cutoff`, judged on its own value."""
        plan = self.plan
        own = plan.for_region(target, region)
        figures = self.figures[region]
        ref = self._by_id.get(own.relative_to) if own.relative_to is not None else None
        related = (plan.for_region(ref, region), figures[ref.id]) if ref is not None else None
        return judge(own, figures[target.id], cutoff, plan.year, related)

    def has(self, target: Target, region: str, month: int) -> bool:
        return month in self.figures[region][target.id]

    def ranked_at(self, target: Target, month: int) -> dict[str, int]:
        """The ranks at exactly this month, among the plan's region and its peers with a
        figure for it (totals: with a value too, ranked on progress); {} with fewer than two."""
        key = (target.id, month)
        if key not in self._ranked:
            keyed: list[tuple[str, Decimal]] = []
            for region in self.plan.ranked:
                if not self.has(target, region, month):
                    continue
                on = self.ranked_on(target, region, month)
                if on is not None:
                    keyed.append((region, on))
            found = ranks(keyed, target.higher_first) if len(keyed) >= 2 else {}
            self._ranked[key] = found
        return self._ranked[key]

    def actual(self, target: Target, region: str, month: int) -> Decimal:
        """The region's figure as judged at exactly this month (a rate: the mean so far)."""
        return figure(target, self.figures[region][target.id], month)

    def ranked_on(self, target: Target, region: str, month: int) -> Decimal | None:
        """What the region is ranked on at this month, which has its figure: the figure,
        or for a total its progress against the region's own value (None without one).
        Computed without judging the whole target, as ranking asks for every region."""
        actual = self.actual(target, region, month)
        if target.kind != "total":
            return actual
        own = self.plan.for_region(target, region)
        if own.value is not None:
            value: Decimal | None = dec(own.value)
        else:
            ref = next((t for t in self.plan.targets if t.id == own.relative_to), None)
            has = ref is not None and self.has(ref, region, month)
            value = self.actual(ref, region, month) if ref is not None and has else None
        return actual / value if value else None  # a zero amount has no share

    def previous(self, target: Target, region: str, month: int) -> int | None:
        """The region's previous month with a figure for the target, before `month`."""
        earlier = [m for m in self.figures[region][target.id] if m < month]
        return max(earlier) if earlier else None

    def reference_actual(self, target: Target, month: int) -> Decimal | None:
        reference = self.plan.reference
        if reference is None or target.kind == "total" or not self.has(target, reference, month):
            return None
        return self.actual(target, reference, month)

    def standing(self, target: Target, region: str, period: Period | None) -> Standing:
        """Where `region` stands with its figure of `period` (none: nothing to place)."""
        if period is None or not self.has(target, region, period.month):
            return Standing(region)
        month = period.month
        placed = self.ranked_at(target, month)
        rank = placed.get(region)
        change = None
        before = self.previous(target, region, month)
        if rank is not None and before is not None:
            earlier = self.ranked_at(target, before).get(region)
            change = earlier - rank if earlier is not None else None
        ref = None if region == self.plan.reference else self.reference_actual(target, month)
        actual = self.actual(target, region, month)
        return Standing(
            region,
            rank,
            len(placed) if rank is not None else None,
            change,
            ref,
            actual - ref if ref is not None else None,
            rank is not None and sum(1 for r in placed.values() if r == rank) > 1,
        )

    def row(self, target: Target, region: str, cutoff: int) -> Judgement:
        """A report row: the region's judgement at `cutoff`, with its standing."""
        j = self.judge(target, region, cutoff)
        return replace(j, standing=self.standing(target, region, j.period))
