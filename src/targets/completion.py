"""Shell completion (typer's --install-completion): the plan's targets, periods and regions
as a person starts typing them. A plan that cannot be read completes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer  # typer reads these functions' annotations when it offers completions

from targets import config
from targets.errors import TargetsError

if TYPE_CHECKING:
    from targets.domain.plan import Plan


def complete_target(ctx: typer.Context, incomplete: str) -> list[str]:
    plan = _quiet_plan(ctx)
    if plan is None:
        return []
    return [t.id for t in plan.targets if t.id.startswith(incomplete)]


def complete_period(ctx: typer.Context, incomplete: str) -> list[str]:
    plan = _quiet_plan(ctx)
    if plan is None:
        return []
    months: tuple[int, ...] = tuple(range(1, 13))
    target_text = ctx.params.get("target")
    if target_text:
        try:
            months = plan.target(target_text).months
        except TargetsError:
            pass
    periods = [f"{plan.year}-{m:02d}" for m in months]
    return [p for p in periods if p.startswith(incomplete)]


def complete_region(ctx: typer.Context, incomplete: str) -> list[str]:
    plan = _quiet_plan(ctx)
    if plan is None:
        return []
    names = [*plan.regions, *(plan.names_en or {}).values()]
    return [n for n in names if n.casefold().startswith(incomplete.casefold())]


def _quiet_plan(ctx: typer.Context) -> Plan | None:
    from targets.store.plan_file import load_plan

    path = config.plan_path(ctx.params.get("plan"))
    try:
        return load_plan(Path(path))
    except TargetsError:
        return None
