"""One target period by period (`targets history`): every entry of the year, which of
them is in force, how the target stood at each period, and the growth of each period
on its own, estimated. Pure: no I/O, no printing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from targets.domain.entries import Entry, figures_in_force, in_force
from targets.domain.plan import Plan, Target
from targets.evaluation.judge import Judgement, alone, dec, judge_at


@dataclass(frozen=True)
class HistoryLine:
    entry: Entry
    current: bool  # in force for its period (False: revised away); a withdrawal may be
    judgement: Judgement | None  # the target as it stood at the period; figures in force only
    alone: Decimal | None  # growth of the period on its own (an estimate); figures in force


@dataclass(frozen=True)
class History:
    plan: Plan
    target: Target
    lines: tuple[HistoryLine, ...]  # in period order, and within a period oldest first
    region: str = ""  # whose figures: the plan's own region unless another was asked for


def history(
    plan: Plan, target: Target, entries: Iterable[Entry], region: str | None = None
) -> History:
    """The target's history from the year's entries (of every target, for references), as
    `region` (default: the plan's own) recorded it, judged against its own value."""
    year = list(entries)
    home, region = plan.region, region or plan.region
    mine = [(i, e) for i, e in enumerate(year) if e.key(home)[:2] == (region, target.id)]
    winners = in_force((e for _, e in mine), home)
    figures = figures_in_force((e for _, e in mine), home)
    ordered = [e for _, e in sorted(mine, key=lambda p: (p[1].period, p[1].recorded_at, p[0]))]
    current = [figures[key] for key in sorted(figures, key=lambda k: k[2])]
    estimated = alone(target, tuple((f.entry.period, dec(f.value)) for f in current))
    at = judge_at(plan, target, year, region)
    lines = tuple(
        HistoryLine(e, True, at(e.period), estimated.get(e.period))
        if e.key(home) in figures and figures[e.key(home)].entry is e
        else HistoryLine(e, winners[e.key(home)] is e, None, None)  # revised away, withdrawn
        for e in ordered
    )
    return History(plan, plan.for_region(target, region), lines, region)
