"""Defaults, in one place: where the plan and the ledger are, and which language speaks."""

from __future__ import annotations

import os
from pathlib import Path

PLAN_ENV = "TARGETS_PLAN"
LEDGER_ENV = "TARGETS_LEDGER"
LANG_ENV = "TARGETS_LANG"
ENV = {"--plan": PLAN_ENV, "--ledger": LEDGER_ENV, "--lang": LANG_ENV}
DEFAULT_PLAN = Path("targets.toml")
LEDGER_NAME = "actuals.toml"  # beside the plan
LANGS = ("zh", "en")
FALLBACK_LANG = "en"


def plan_path(given: Path | None = None) -> Path:
    """The plan given, else TARGETS_PLAN, else ./targets.toml."""
    return given or Path(os.environ.get(PLAN_ENV) or DEFAULT_PLAN)


def ledger_path(plan: Path, given: Path | None = None) -> Path:
    """The ledger given, else `actuals.toml` beside the plan."""
    return given if given is not None else plan.with_name(LEDGER_NAME)


def language(chosen: str | None, plan_lang: str | None) -> str:
    """As chosen (--lang, TARGETS_LANG), else the plan's, else English."""
    return chosen or plan_lang or FALLBACK_LANG
