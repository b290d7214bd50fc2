"""Checking the plan file against the schema, with one line per problem naming its place.

Loaded only when the plan is read afresh (a changed file, or `targets check`): pydantic
checks types, required and unknown fields; the rules of SPEC §1.1 that types cannot say
are checked here too, so every problem is reported the same way.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from targets.domain.plan import Plan, Target
from targets.errors import PlanError

_PLAN_ID = re.compile(r"[a-z0-9-]+")
_TARGET_ID = re.compile(r"[a-z][a-z0-9_]*")


def _strict_model(cls: type[Any]) -> type[BaseModel]:
    """The dataclass's fields as a strict pydantic model: unknown keys refused; a number
    written as text or true/false, or a flag written as text, refused rather than converted;
    nan and inf (which TOML can write) refused as numbers. (A plan's targets are checked
    one by one, as their own tables.)"""
    hints = get_type_hints(cls)
    spec: dict[str, Any] = {}
    for f in fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = ...
        spec[f.name] = (Any if f.name == "targets" else hints[f.name], default)
    config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)
    model: type[BaseModel] = create_model(cls.__name__, __config__=config, **spec)
    return model


_PLAN_MODEL = _strict_model(Plan)
_TARGET_MODEL = _strict_model(Target)


def validate_plan(path: Path, source: bytes) -> Plan:
    """The plan in `source`, or PlanError with its first problem."""
    plan, problems = check_plan(path, source)
    if problems:
        more = f" (and {len(problems) - 1} more: run `targets check`)" if len(problems) > 1 else ""
        raise PlanError(problems[0] + more)
    assert plan is not None
    return plan


def check_plan(path: Path, source: bytes) -> tuple[Plan | None, list[str]]:
    """Every problem of the plan file, one line each; the plan when there are none."""
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, [f"{path}: not UTF-8 text (byte {e.start})"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        return None, [f"{path}: not valid TOML: {e}"]
    where = _Locator(path, text)
    problems: list[str] = []
    for key in data:
        if key not in ("plan", "target"):
            problems.append(
                f"{where.table(key)}: unknown table [{key}] (expected [plan], [[target]])"
            )
    head = data.get("plan")
    if not isinstance(head, dict):
        problems.append(f"{path}: there is no [plan] table with id, name, region and year")
        return None, problems
    plan = _validate(_PLAN_MODEL, dict(head), where, "plan", None, problems)
    if plan is not None:
        if not 1900 <= plan.year <= 2200:
            problems.append(
                f"{where.field('plan', None, 'year')}: year {plan.year} is not a plan's year"
            )
        if not _PLAN_ID.fullmatch(plan.id):
            problems.append(
                f"{where.field('plan', None, 'id')}: id must be lowercase letters, digits and -"
            )
        if plan.targets:
            problems.append(
                f"{where.field('plan', None, 'targets')}: write targets as [[target]] tables"
            )
    raw_targets = data.get("target", [])
    if not isinstance(raw_targets, list) or not all(isinstance(t, dict) for t in raw_targets):
        problems.append(f"{path}: write targets as [[target]] tables")
        raw_targets = []
    targets: list[Target] = []
    for i, raw in enumerate(raw_targets):
        target = _validate(_TARGET_MODEL, raw, where, "target", i, problems)
        if target is not None:
            problems += [
                f"{where.field('target', i, f)}: {msg}" for f, msg in _target_rules(target)
            ]
            targets.append(target)
    _cross_rules(targets, raw_targets, where, problems)
    if plan is not None:
        problems += _region_rules(plan, targets, raw_targets, where)
    if problems or plan is None:
        return None, problems
    return replace(plan, targets=tuple(targets)), []


def _validate(
    model: type[BaseModel],
    raw: dict[str, Any],
    where: _Locator,
    table: str,
    index: int | None,
    problems: list[str],
) -> Any:
    cls = Plan if table == "plan" else Target
    known = [f.name for f in fields(cls) if f.name != "targets"]
    # TOML's arrays are lists; the models hold tuples, which strict mode takes only as such.
    given = {k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()}
    try:
        return cls(**dict(model.model_validate(given)))
    except ValidationError as e:
        said: set[str] = set()
        for err in e.errors():
            name = str(err["loc"][0]) if err["loc"] else ""
            if name not in said:  # one line per field, however many of its items are wrong
                said.add(name)
                problems.append(f"{where.field(table, index, name)}: {_say(err, name, raw, known)}")
        return None


def _region_rules(
    plan: Plan, targets: list[Target], raw: list[dict[str, Any]], where: _Locator
) -> list[str]:
    """The regions a plan names (SPEC §6): each once, and `values` and `names_en` only
    for regions it names."""
    problems: list[str] = []
    seen = {plan.region}
    for name in plan.peers:
        if name in seen:
            why = "is the plan's own region" if name == plan.region else "is named twice"
            problems.append(f"{where.field('plan', None, 'peers')}: peer {name!r} {why}")
        seen.add(name)
    if plan.reference is not None and plan.reference in seen:
        why = "the plan's own region" if plan.reference == plan.region else "one of its peers"
        problems.append(
            f"{where.field('plan', None, 'reference')}: reference {plan.reference!r} is {why}"
        )
    known = plan.regions
    listed = ", ".join(known)
    for name in plan.names_en or {}:
        if name not in known:
            problems.append(
                f"{where.field('plan', None, 'names_en')}: names_en names {name!r}, which is not "
                f"one of the plan's regions ({listed})"
            )
    for i, t in enumerate(targets):
        if not t.values:
            continue
        place = where.field("target", _raw_index(raw, t.id, i), "values")
        if t.relative_to is not None:
            problems.append(f"{place}: values is for targets with a value, not relative_to")
        for name in t.values:
            if name == plan.region:
                problems.append(
                    f"{place}: values names {name!r}, the plan's own region: its value is `value`"
                )
            elif name not in known:
                problems.append(
                    f"{place}: values names {name!r}, which is not one of the plan's regions"
                    f" ({listed})"
                )
    return problems


def _say(err: Any, name: str, raw: dict[str, Any], known: list[str]) -> str:
    if err["type"] == "missing":
        return f"{name} is missing"
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        return f"unknown field {name}{hint}"
    given = raw.get(name, err["input"])
    if err["type"] == "int_type" and isinstance(given, float):
        return f"{name} must be a whole number, not {given!r}"
    if err["type"] in ("int_type", "float_type"):
        return f"{name} must be a number, not {given!r}"
    if err["type"] == "finite_number":
        if len(err["loc"]) > 1 and isinstance(err["loc"][1], str):  # a region's, in `values`
            return f"the value for {err['loc'][1]!r} must be a finite number"
        return f"{name} must be a finite number, not {given!r}"
    if err["type"] == "bool_type":
        return f"{name} must be true or false, not {given!r}"
    msg = str(err["msg"])
    return f"{name}: {msg[0].lower()}{msg[1:]}, not {given!r}"


def _target_rules(t: Target) -> list[tuple[str, str]]:
    """The rules of one target that types cannot express: (field, what is wrong)."""
    wrong: list[tuple[str, str]] = []
    if not _TARGET_ID.fullmatch(t.id):
        wrong.append(("id", "id must start with a letter: lowercase letters, digits and _"))
    if t.tolerance < 0:
        wrong.append(("tolerance", f"tolerance must be 0 or more, not {t.tolerance}"))
    if t.value is not None and t.relative_to is not None:
        wrong.append(("relative_to", "a target has value or relative_to, not both"))
    for name, kind in (("schedule", "total"), ("base_shares", "growth")):
        shares = getattr(t, name)
        if shares is None:
            continue
        if t.kind != kind:
            wrong.append((name, f"{name} is for {kind} targets only"))
        elif problem := _shares_problem(shares):
            wrong.append((name, f"{name} {problem}"))
    return wrong


def _shares_problem(shares: tuple[float, ...]) -> str | None:
    if len(shares) != 12:
        return f"needs 12 cumulative shares, one per month, not {len(shares)}"
    if any(not (0 <= s <= 1) for s in shares):
        return "shares must lie within [0, 1]"
    if any(b < a for a, b in zip(shares, shares[1:], strict=False)):
        return "must not decrease from one month to the next"
    if shares[-1] != 1:
        return f"must end at 1 (the whole year), not {shares[-1]}"
    return None


def _cross_rules(
    targets: list[Target], raw: list[dict[str, Any]], where: _Locator, problems: list[str]
) -> None:
    ids = [r.get("id") for r in raw]  # a target that failed its own checks still exists
    seen: set[str] = set()
    for i, t in enumerate(targets):
        index = _raw_index(raw, t.id, i)
        if t.id in seen:
            problems.append(f"{where.field('target', index, 'id')}: id {t.id!r} is used twice")
        seen.add(t.id)
        if t.relative_to is None:
            continue
        if t.relative_to == t.id:
            problems.append(
                f"{where.field('target', index, 'relative_to')}: a target cannot refer to itself"
            )
        elif t.relative_to not in ids:
            place = where.field("target", index, "relative_to")
            problems.append(f"{place}: no target {t.relative_to!r} in the plan")


def _raw_index(raw: list[dict[str, Any]], target_id: str, fallback: int) -> int:
    hits = [i for i, r in enumerate(raw) if r.get("id") == target_id]
    return hits[-1] if len(hits) > 1 else (hits[0] if hits else fallback)


class _Locator:
    """Finds the line of a table or field in the source, so a message can name it."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def table(self, name: str) -> str:
        for n, line in enumerate(self.lines, 1):
            if re.match(rf"\s*\[\[?\s*{re.escape(name)}\s*\]", line):
                return f"{self.path}, line {n}"
        return str(self.path)

    def field(self, table: str, index: int | None, name: str) -> str:
        """`path, line N (target 'id')` for a field of the index-th table of that name."""
        header = re.compile(
            rf"\s*\[\[\s*{table}\s*\]\]" if index is not None else rf"\s*\[\s*{table}\s*\]"
        )
        starts = [n for n, line in enumerate(self.lines) if header.match(line)]
        what = "[plan]" if index is None else f"target {index + 1}"
        if index is not None and index < len(starts):
            what = self._target_label(starts[index], index)
        if not starts or (index or 0) >= len(starts):
            return f"{self.path} ({what})"
        start = starts[index or 0]
        end = next(
            (n for n, line in enumerate(self.lines) if n > start and line.lstrip().startswith("[")),
            len(self.lines),
        )
        key = re.compile(rf"\s*{re.escape(name)}\s*=")
        for n in range(start, end):
            if name and key.match(self.lines[n]):
                return f"{self.path}, line {n + 1} ({what})"
        return f"{self.path}, line {start + 1} ({what})"

    def _target_label(self, start: int, index: int) -> str:
        for line in self.lines[start + 1 :]:
            if line.lstrip().startswith("["):
                break
            if m := re.match(r"""\s*id\s*=\s*["']([^"']*)["']""", line):
                return f"target {m[1]!r}"
        return f"target {index + 1}"
