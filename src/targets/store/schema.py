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
from targets.messages import Message, msg

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
        if len(problems) > 1:
            raise PlanError("plan.and_more", problem=problems[0], more=len(problems) - 1)
        raise PlanError(problems[0])
    assert plan is not None
    return plan


def check_plan(path: Path, source: bytes) -> tuple[Plan | None, list[Message]]:
    """Every problem of the plan file, one line each; the plan when there are none."""
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, [msg("file.not_utf8", path=path, byte=e.start)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        return None, [msg("file.not_toml", path=path, why=str(e))]
    except RecursionError:
        return None, [msg("file.not_toml", path=path, why=msg("file.too_deep"))]
    except ValueError:  # an integer of thousands of digits: Python refuses to read it
        return None, [msg("file.not_toml", path=path, why=msg("file.huge_number"))]
    where = _Locator(path, text)
    problems: list[Message] = []
    for key in data:
        if key not in ("plan", "target"):
            problems.append(_at(where.table(key), "schema.unknown_table", table=key))
    head = data.get("plan")
    if not isinstance(head, dict):
        problems.append(msg("schema.no_plan_table", path=path))
        return None, problems
    plan = _validate(_PLAN_MODEL, dict(head), where, "plan", None, problems)
    if plan is not None:
        if not 1900 <= plan.year <= 2200:
            problems.append(_at(where.field("plan", None, "year"), "schema.year", year=plan.year))
        if not _PLAN_ID.fullmatch(plan.id):
            problems.append(_at(where.field("plan", None, "id"), "schema.plan_id"))
        if plan.targets:
            problems.append(_at(where.field("plan", None, "targets"), "schema.targets_as_tables"))
    raw_targets = data.get("target", [])
    if not isinstance(raw_targets, list) or not all(isinstance(t, dict) for t in raw_targets):
        problems.append(msg("schema.targets_as_tables_in", path=path))
        raw_targets = []
    targets: list[Target] = []
    for i, raw in enumerate(raw_targets):
        target = _validate(_TARGET_MODEL, raw, where, "target", i, problems)
        if target is not None:
            problems += [
                msg("schema.at", place=where.field("target", i, f), problem=said)
                for f, said in _target_rules(target)
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
    problems: list[Message],
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
                place = where.field(table, index, name)
                problems.append(msg("schema.at", place=place, problem=_say(err, name, raw, known)))
        return None


def _region_rules(
    plan: Plan, targets: list[Target], raw: list[dict[str, Any]], where: _Locator
) -> list[Message]:
    """The regions a plan names (SPEC §6): each once, and `values` and `names_en` only
    for regions it names."""
    problems: list[Message] = []
    seen = {plan.region}
    for name in plan.peers:
        if name in seen:
            why = "schema.peer_is_own" if name == plan.region else "schema.peer_twice"
            problems.append(_at(where.field("plan", None, "peers"), why, name=name))
        seen.add(name)
    if plan.reference is not None and plan.reference in seen:
        own = plan.reference == plan.region
        why = "schema.reference_is_own" if own else "schema.reference_is_peer"
        problems.append(_at(where.field("plan", None, "reference"), why, name=plan.reference))
    known = plan.regions
    listed = ", ".join(known)
    for name in plan.names_en or {}:
        if name not in known:
            place = where.field("plan", None, "names_en")
            problems.append(_at(place, "schema.names_en_unknown", name=name, known=listed))
    for i, t in enumerate(targets):
        if not t.values:
            continue
        place = where.field("target", _raw_index(raw, t.id, i), "values")
        if t.relative_to is not None:
            problems.append(_at(place, "schema.values_relative"))
        for name in t.values:
            if name == plan.region:
                problems.append(_at(place, "schema.values_own", name=name))
            elif name not in known:
                problems.append(_at(place, "schema.values_unknown", name=name, known=listed))
    return problems


def _at(place: Message | str, key: str, **params: Any) -> Message:
    return msg("schema.at", place=place, problem=msg(key, **params))


def _say(err: Any, name: str, raw: dict[str, Any], known: list[str]) -> Message:
    if err["type"] == "missing":
        return msg("schema.missing", name=name)
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        close = difflib.get_close_matches(name, known, n=1)
        hint = msg("schema.did_you_mean", close=close[0]) if close else ""
        return msg("schema.unknown_field", name=name, hint=hint)
    given = raw.get(name, err["input"])
    if err["type"] == "int_type" and isinstance(given, float):
        return msg("schema.not_whole", name=name, value=given)
    if err["type"] in ("int_type", "float_type"):
        return msg("schema.not_number", name=name, value=given)
    if err["type"] == "finite_number":
        if len(err["loc"]) > 1 and isinstance(err["loc"][1], str):  # a region's, in `values`
            return msg("schema.values_finite", name=err["loc"][1])
        return msg("schema.finite", name=name, value=given)
    if err["type"] == "bool_type":
        return msg("schema.not_bool", name=name, value=given)
    said = str(err["msg"])  # pydantic's words
    return msg("schema.invalid", name=name, why=said[0].lower() + said[1:], value=given)


def _target_rules(t: Target) -> list[tuple[str, Message]]:
    """The rules of one target that types cannot express: (field, what is wrong)."""
    wrong: list[tuple[str, Message]] = []
    if not _TARGET_ID.fullmatch(t.id):
        wrong.append(("id", msg("schema.target_id_form")))
    if t.tolerance < 0:
        wrong.append(("tolerance", msg("schema.tolerance", value=t.tolerance)))
    if t.plausible is not None and not t.plausible[0] < t.plausible[1]:
        low, high = t.plausible
        wrong.append(("plausible", msg("schema.plausible", low=low, high=high)))
    if t.value is not None and t.relative_to is not None:
        wrong.append(("relative_to", msg("schema.value_or_relative")))
    for name, kind in (("schedule", "total"), ("base_shares", "growth")):
        shares = getattr(t, name)
        if shares is None:
            continue
        if t.kind != kind:
            said = msg("schema.shares_kind", name=name, kind=msg(f"schema.kind.{kind}"))
            wrong.append((name, said))
        elif problem := _shares_problem(name, shares):
            wrong.append((name, problem))
    return wrong


def _shares_problem(name: str, shares: tuple[float, ...]) -> Message | None:
    if len(shares) != 12:
        return msg("schema.shares_count", name=name, n=len(shares))
    if any(not (0 <= s <= 1) for s in shares):
        return msg("schema.shares_range", name=name)
    if any(b < a for a, b in zip(shares, shares[1:], strict=False)):
        return msg("schema.shares_decrease", name=name)
    if shares[-1] != 1:
        return msg("schema.shares_end", name=name, last=shares[-1])
    return None


def _cross_rules(
    targets: list[Target], raw: list[dict[str, Any]], where: _Locator, problems: list[Message]
) -> None:
    # a target that failed its own checks still exists
    ids = {r["id"] for r in raw if isinstance(r.get("id"), str)}
    at: dict[str, list[int]] = {}  # once, not per target: a plan may hold 10,000 targets
    for i, r in enumerate(raw):
        if isinstance(r.get("id"), str):
            at.setdefault(r["id"], []).append(i)
    seen: set[str] = set()
    named: dict[str, str] = {}  # a name (or English name) → the first target that has it
    for i, t in enumerate(targets):
        hits = at.get(t.id, [])
        index = hits[-1] if len(hits) > 1 else (hits[0] if hits else i)
        if t.id in seen:
            problems.append(_at(where.field("target", index, "id"), "schema.id_twice", id=t.id))
        seen.add(t.id)
        for field, name in (("name", t.name), ("name_en", t.name_en)):
            if name and named.setdefault(name, t.id) != t.id:
                place = where.field("target", index, field)
                problems.append(_at(place, "schema.name_twice", name=name, other=named[name]))
        if t.relative_to is None:
            continue
        if t.relative_to == t.id:
            place = where.field("target", index, "relative_to")
            problems.append(_at(place, "schema.refers_to_itself"))
        elif t.relative_to not in ids:
            place = where.field("target", index, "relative_to")
            problems.append(_at(place, "schema.no_such_target", id=t.relative_to))


def _raw_index(raw: list[dict[str, Any]], target_id: str, fallback: int) -> int:
    hits = [i for i, r in enumerate(raw) if r.get("id") == target_id]
    return hits[-1] if len(hits) > 1 else (hits[0] if hits else fallback)


class _Locator:
    """Finds the line of a table or field in the source, so a message can name it."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def table(self, name: str) -> Message | str:
        for n, line in enumerate(self.lines, 1):
            if re.match(rf"\s*\[\[?\s*{re.escape(name)}\s*\]", line):
                return msg("schema.line", path=self.path, line=n)
        return str(self.path)

    def field(self, table: str, index: int | None, name: str) -> Message:
        """`path, line N (target 'id')` for a field of the index-th table of that name."""
        header = re.compile(
            rf"\s*\[\[\s*{table}\s*\]\]" if index is not None else rf"\s*\[\s*{table}\s*\]"
        )
        starts = [n for n, line in enumerate(self.lines) if header.match(line)]
        what = msg("schema.the_plan") if index is None else msg("schema.target_n", n=index + 1)
        if index is not None and index < len(starts):
            what = self._target_label(starts[index], index)
        if not starts or (index or 0) >= len(starts):
            return msg("schema.field_no_line", path=self.path, what=what)
        start = starts[index or 0]
        end = next(
            (n for n, line in enumerate(self.lines) if n > start and line.lstrip().startswith("[")),
            len(self.lines),
        )
        key = re.compile(rf"\s*{re.escape(name)}\s*=")
        for n in range(start, end):
            if name and key.match(self.lines[n]):
                return msg("schema.field_line", path=self.path, line=n + 1, what=what)
        return msg("schema.field_line", path=self.path, line=start + 1, what=what)

    def _target_label(self, start: int, index: int) -> Message:
        for line in self.lines[start + 1 :]:
            if line.lstrip().startswith("["):
                break
            if m := re.match(r"""\s*id\s*=\s*["']([^"']*)["']""", line):
                return msg("schema.target_id", id=m[1])
        return msg("schema.target_n", n=index + 1)
