"""Which language a command line speaks, decided before anything runs, so that its help
and every message speak it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from targets.config import LANG_ENV, LANGS, language, plan_path
from targets.errors import TargetsError
from targets.store.plan_file import load_plan


def decide(args: Sequence[str]) -> str:
    """The language of a command line, before anything runs (so that its help and every
    message speak it): --lang, else TARGETS_LANG, else the plan's `lang` (read through
    the plan cache; a missing or broken plan speaks English), else English."""
    chosen = _option(args, "--lang") or os.environ.get(LANG_ENV)
    if chosen in LANGS:
        return chosen
    given = _option(args, "--plan")
    try:
        plan_lang = load_plan(plan_path(Path(given) if given else None)).lang
    except (TargetsError, OSError, ValueError):
        plan_lang = None
    return language(None, plan_lang)


def _option(args: Sequence[str], name: str) -> str | None:
    """The value of a long option on the command line, if given."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg[len(name) + 1 :]
    return None
