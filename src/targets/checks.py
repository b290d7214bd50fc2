"""`targets check`: the plan and the ledger together, every problem with its place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from targets.domain.entries import entry_from_row
from targets.domain.periods import parse_period
from targets.domain.plan import Plan
from targets.errors import LedgerError, PlanError
from targets.messages import Message, msg
from targets.store import cuts, ledger_lock, schema
from targets.store import ledger_file as ledger
from targets.store.plan_file import read_plan_bytes


@dataclass
class Findings:
    errors: list[Message | str] = field(default_factory=list)
    notes: list[Message | str] = field(default_factory=list)  # worth knowing, not wrong
    warnings: list[Message] = field(default_factory=list)  # figures that look wrong
    plan: Plan | None = None
    entries: int = 0


def check(plan_path: Path, ledger_path: Path) -> Findings:
    found = Findings()
    try:
        source = read_plan_bytes(plan_path)
    except PlanError as e:
        found.errors += e.messages
        return found
    found.plan, problems = schema.check_plan(plan_path, source)
    found.errors += problems
    try:
        data = ledger_lock.read_bytes(ledger_path)
    except FileNotFoundError:
        try:
            ledger_lock.require_folder(ledger_path)
        except LedgerError as e:
            found.errors += e.messages
            return found
        found.notes.append(msg("check.no_figures", path=ledger_path))
        return found
    except LedgerError as e:
        found.errors += e.messages
        return found
    except OSError as e:
        found.errors.append(msg("ledger.cannot_read", path=ledger_path, why=e.strerror))
        return found
    checked = ledger.check_ledger(ledger_path, data)
    found.errors += checked.problems
    if checked.torn:
        found.errors.append(checked.torn)
    found.errors += checked.cut
    if not checked.problems and (checked.torn or checked.cut):
        found.errors.append(msg("check.repair_advice", path=ledger_path, repair=cuts.REPAIR))
    found.entries = len(checked.rows)
    if found.plan is not None:
        _against_plan(found.plan, checked, ledger_path, found)
    return found


def _against_plan(plan: Plan, checked: ledger.LedgerCheck, path: Path, found: Findings) -> None:
    ids = {t.id: t for t in plan.targets}
    unclaimed: dict[str, tuple[int, int]] = {}  # id → (entries, entries of the plan's year)
    other_years = sum(1 for r in checked.rows if not r[1].startswith(f"{plan.year}-"))
    if other_years:
        found.notes.append(msg("check.other_years", path=path, n=other_years, year=plan.year))
    for (target_id, period_text, *_rest), line in zip(checked.rows, checked.lines, strict=True):
        target = ids.get(target_id)
        if target is None:
            n, of_year = unclaimed.get(target_id, (0, 0))
            unclaimed[target_id] = (n + 1, of_year + period_text.startswith(f"{plan.year}-"))
            continue
        period = parse_period(period_text)
        if period.year == plan.year and period.month not in target.months:
            frequency = msg(f"frequency.{target.frequency}")
            found.errors.append(
                msg(
                    "check.not_a_period",
                    path=path,
                    line=line,
                    target=target_id,
                    frequency=frequency,
                    period=period,
                )
            )
    for target_id, (n, of_year) in unclaimed.items():
        if of_year:  # a renamed id: its figures would silently drop out of every report
            found.errors.append(
                msg(
                    "check.unclaimed_of_year",
                    path=path,
                    n=n,
                    target=target_id,
                    plan=plan.id,
                    of_year=of_year,
                    year=plan.year,
                )
            )
        else:
            found.notes.append(
                msg("check.unclaimed", path=path, n=n, target=target_id, plan=plan.id)
            )
    _doubts(plan, checked, path, found)
    strangers: dict[str, int] = {}
    for row in checked.rows:
        region = entry_from_row(row).region
        if region and region not in plan.regions:
            strangers[region] = strangers.get(region, 0) + 1
    for region, n in strangers.items():  # a peer dropped from the plan, or a misspelling
        found.notes.append(msg("check.stranger", path=path, n=n, region=region, plan=plan.id))


def _doubts(plan: Plan, checked: ledger.LedgerCheck, path: Path, found: Findings) -> None:
    """A warning for each figure in force of the plan's year that looks wrong for its
    target (SPEC §9): recorded, so not an error, but worth a second look."""
    from targets.domain.entries import figures_in_force
    from targets.evaluation import plausibility

    entries = [entry_from_row(r) for r in checked.rows]
    line = {id(e): n for e, n in zip(entries, checked.lines, strict=False)}
    mine = [e for e in entries if e.period.year == plan.year]
    for figure in figures_in_force(mine, plan.region).values():
        at = line.get(id(figure.entry))
        where = msg("csv.where", name=path, place=msg("place.line"), line=at) if at else ""
        if warning := plausibility.warning(plan, figure.entry, where):
            found.warnings.append(warning)
