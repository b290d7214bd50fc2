"""`targets check`: the plan and the ledger together, every problem with its place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from targets.domain.periods import parse_period
from targets.domain.plan import Plan
from targets.errors import LedgerError, PlanError
from targets.store import ledger_file as ledger
from targets.store import schema
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
        data = ledger.read_bytes(ledger_path)
    except FileNotFoundError:
        try:
            ledger.require_folder(ledger_path)
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
        found.errors.append(repair_advice(ledger_path, data))
    found.entries = len(checked.rows)
    if found.plan is not None:
        _against_plan(found.plan, checked, ledger_path, found)
    return found


def repair_advice(path: Path, data: bytes) -> str:
    """How to mend a torn tail by hand: the tool itself never cuts a user's file."""
    start = ledger.torn_start(data.decode("utf-8", "replace"))
    if not data.endswith(b"\n") and not ledger.check_ledger(path, data + b"\n").problems:
        return (  # every field is there: a hand-written entry may just lack its line end
            f"{path}: if the entry from line {start} is one you wrote by hand and it is "
            "complete, end the file with a line break; if not, keep a copy of the file, "
            f"delete line {start} to the end, save, and record that figure again"
        )
    return (
        f"{path}: to repair it, keep a copy of the file, delete line {start} to the end "
        f"(the cut-short entry), save, and record that figure again; every entry before "
        f"line {start} is intact"
    )


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
