"""From files to a finished report: the steps every way of asking for one shares.

The commands (and the quick path in `targets.cli`) call these, so a report is built and
rendered the same way however it is asked for.
"""

from __future__ import annotations

from pathlib import Path

from targets import ledger
from targets.evaluation import Report, current, evaluate
from targets.ledger import Entry
from targets.plan import Plan, Target, load_plan


def build(plan_path: Path, ledger_path: Path, as_of: str | None) -> Report:
    """The plan judged on the ledger's figures of its year, at `as_of` or the latest."""
    plan = load_plan(plan_path)
    period = plan.period(as_of) if as_of is not None else None
    return evaluate(plan, ledger.read_entries(ledger_path, plan.year), period)


def render(report: Report, fmt: str, lang: str) -> str:
    """The report in a machine or briefing format: json, csv or markdown."""
    from targets import render as out

    if fmt == "json":
        return out.report_json(report)
    if fmt == "csv":
        return out.report_csv(report)
    return out.report_markdown(report, lang)


def history(
    plan_path: Path, ledger_path: Path, target_text: str
) -> tuple[Plan, Target, list[tuple[Entry, bool]], list[Entry]]:
    """One target's entries of the plan's year, in period order and within a period
    oldest first, each with whether it is the figure in force; and all the year's entries."""
    plan = load_plan(plan_path)
    target = plan.target(target_text)
    year = ledger.read_entries(ledger_path, plan.year)
    mine = [(i, e) for i, e in enumerate(year) if e.target == target.id]
    in_force = current(e for _, e in mine)
    ordered = sorted(mine, key=lambda p: (p[1].period, p[1].recorded_at, p[0]))
    return plan, target, [(e, in_force[(e.target, e.period)] is e) for _, e in ordered], year


def export(plan_path: Path, ledger_path: Path, what: str, as_of: str | None, excel: bool) -> str:
    from targets import render as out

    if what == "actuals":
        load_plan(plan_path)  # a broken plan is reported, as by every command
        return out.actuals_csv(ledger.read_entries(ledger_path), excel=excel)
    return out.report_csv(build(plan_path, ledger_path, as_of), excel=excel)
