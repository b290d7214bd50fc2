"""`targets check`: the plan and the ledger together, every problem with its place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from targets.domain.entries import entry_from_row
from targets.domain.periods import parse_period
from targets.domain.plan import Plan
from targets.errors import LedgerError, PlanError
from targets.store import cuts, ledger_lock, schema
from targets.store import ledger_file as ledger
from targets.store.plan_file import read_plan_bytes


@dataclass
class Findings:
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong
    plan: Plan | None = None
    entries: int = 0


def check(plan_path: Path, ledger_path: Path) -> Findings:
    found = Findings()
    try:
        source = read_plan_bytes(plan_path)
    except PlanError as e:
        found.errors.append(str(e))
        return found
    found.plan, problems = schema.check_plan(plan_path, source)
    found.errors += problems
    try:
        data = ledger_lock.read_bytes(ledger_path)
    except FileNotFoundError:
        try:
            ledger_lock.require_folder(ledger_path)
        except LedgerError as e:
            found.errors.append(str(e))
            return found
        found.notes.append(f"{ledger_path}: no figures recorded yet")
        return found
    except LedgerError as e:
        found.errors.append(str(e))
        return found
    except OSError as e:
        found.errors.append(f"{ledger_path}: cannot read the ledger ({e.strerror})")
        return found
    checked = ledger.check_ledger(ledger_path, data)
    found.errors += checked.problems
    if checked.torn:
        found.errors.append(checked.torn)
    found.errors += checked.cut
    if not checked.problems and (checked.torn or checked.cut):
        found.errors.append(
            f"{ledger_path}: {cuts.REPAIR} takes out what the cut write left, keeping a copy"
            " of the file; every other entry stays as it is"
        )
    found.entries = len(checked.rows)
    if found.plan is not None:
        _against_plan(found.plan, checked, ledger_path, found)
    return found


def _against_plan(plan: Plan, checked: ledger.LedgerCheck, path: Path, found: Findings) -> None:
    ids = {t.id: t for t in plan.targets}
    unclaimed: dict[str, int] = {}
    other_years = sum(1 for r in checked.rows if not r[1].startswith(f"{plan.year}-"))
    if other_years:
        found.notes.append(
            f"{path}: {other_years} entr{'y' if other_years == 1 else 'ies'} of other years than "
            f"{plan.year}; the report reads only the plan's year"
        )
    for (target_id, period_text, *_rest), line in zip(checked.rows, checked.lines, strict=True):
        target = ids.get(target_id)
        if target is None:
            unclaimed[target_id] = unclaimed.get(target_id, 0) + 1
            continue
        period = parse_period(period_text)
        if period.year == plan.year and period.month not in target.months:
            found.errors.append(
                f"{path}, line {line}: {target_id} is {target.frequency}, so {period} is not one"
                " of its periods (the report leaves it out)"
            )
    for target_id, n in unclaimed.items():
        found.notes.append(
            f"{path}: {n} entr{'y' if n == 1 else 'ies'} for {target_id!r}, which no target of "
            f"{plan.id} claims"
        )
    strangers: dict[str, int] = {}
    for row in checked.rows:
        region = entry_from_row(row).region
        if region and region not in plan.regions:
            strangers[region] = strangers.get(region, 0) + 1
    for region, n in strangers.items():  # a peer dropped from the plan, or a misspelling
        found.notes.append(
            f"{path}: {n} entr{'y' if n == 1 else 'ies'} for region {region!r}, which {plan.id}"
            " does not name (region, peers, reference); reports leave them out"
        )
