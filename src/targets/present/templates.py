"""The page templates (Jinja2, autoescape on) and the classes the statuses are drawn in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from targets.present import words

if TYPE_CHECKING:
    import jinja2

STATUS_CLASS = {s: s.replace("_", "-") for s in words.STATUS["en"]}


def environment() -> jinja2.Environment:
    """The templates, with autoescape on: every text from a plan or a ledger is escaped.
    Charts are built by charts.py, which escapes their own texts."""
    from importlib import resources

    import jinja2
    from markupsafe import Markup

    here = resources.files("targets.present")
    names = ("briefing", "chart", "compare", "style")
    templates = {name: here.joinpath(f"{name}.html.j2").read_text("utf-8") for name in names}
    env = jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["svg"] = Markup
    return env
