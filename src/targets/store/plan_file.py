"""The plan file: read, validated against the schema, and cached (`targets.toml`)."""

from __future__ import annotations

from pathlib import Path

from targets.domain.plan import Plan, plan_from_dict, plan_to_dict
from targets.errors import LedgerError, PlanError
from targets.store.ledger_lock import open_for_reading

BUNDLED_PLAN = "liaoyuan-2023.toml"
_loaded: dict[Path, tuple[bytes, Plan]] = {}  # the last plan read from each path


def read_plan_bytes(path: Path) -> bytes:
    """The plan file's bytes; PlanError saying how to get one when there is none."""
    try:
        with open_for_reading(path, "plan") as f:  # a FIFO or a device is refused, not read
            return f.read()
    except FileNotFoundError:
        raise PlanError("plan.missing", path=path) from None
    except OSError as e:
        raise PlanError("plan.cannot_read", path=path, why=e.strerror) from None
    except LedgerError as e:  # a FIFO or a device
        raise PlanError(e.messages) from None


def load_plan(path: Path) -> Plan:
    """Read and validate the plan, through the cache when the file has not changed."""
    from targets.store import index as cache

    source = read_plan_bytes(path)
    known = _loaded.get(path)
    if known is not None and known[0] == source:
        return known[1]  # read already by this process (to decide its language)
    cached = cache.load_plan(path, source)
    if cached is not None:
        plan = plan_from_dict(cached)
    else:
        from targets.store.schema import validate_plan

        plan = validate_plan(path, source)
        cache.save_plan(path, source, plan_to_dict(plan))
    _loaded[path] = (source, plan)
    return plan


def bundled_plan_text() -> str:
    """The Liaoyuan 2023 plan shipped inside the package, comments and all."""
    from importlib import resources

    return resources.files("targets").joinpath("data", BUNDLED_PLAN).read_text("utf-8")
