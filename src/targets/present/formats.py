"""The one registry of output formats.

Each format of each subject is a renderer: a function that takes what was evaluated and
the `Options` and returns bytes. The registry names the module and function, so a heavy
renderer (an xlsx writer, a template engine) is imported only when its format is asked
for. A new format is one new module and one line here; every command that offers
`--format` reads its choices from this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Options:
    """How to render: the language, grouping, and what the destination can show."""

    lang: str = ""  # zh or en; empty until resolved against the plan's language
    by: str | None = None  # "department": group rows by lead department
    excel: bool = False  # CSV for Excel and WPS: byte-order mark and CRLF
    width: int = 100  # terminal cells, for tables
    color_system: str | None = None  # rich's name for the terminal's colours; None: none
    encoding: str = "utf-8"  # what the terminal takes, for tables
    outlook: bool = True  # False: no projection shown (--no-outlook, or the plan says so)


@dataclass(frozen=True)
class Format:
    module: str  # under targets.present
    function: str
    binary: bool = False  # never written to a terminal


FORMATS: dict[str, dict[str, Format]] = {
    "report": {
        "table": Format("terminal", "report_table"),
        "json": Format("machine", "report_json"),
        "csv": Format("machine", "report_csv"),
        "markdown": Format("markdown", "report_markdown"),
        "html": Format("html", "report_html"),
        "xlsx": Format("xlsx", "report_xlsx", binary=True),
    },
    "history": {
        "table": Format("terminal", "history_table"),
        "json": Format("machine", "history_json"),
        "csv": Format("machine", "history_csv"),
    },
    "compare": {
        "table": Format("terminal_compare", "compare_table"),
        "json": Format("machine", "compare_json"),
        "csv": Format("machine", "compare_csv"),
        "markdown": Format("markdown", "compare_markdown"),
        "html": Format("compare_html", "compare_html"),
        "xlsx": Format("xlsx", "compare_xlsx", binary=True),
    },
    "actuals": {
        "csv": Format("machine", "actuals_csv"),
        "xlsx": Format("xlsx", "actuals_xlsx", binary=True),
    },
    "list": {
        "table": Format("terminal", "list_table"),
    },
}


def names(subject: str) -> list[str]:
    """The formats a subject can be rendered in, the default first."""
    return list(FORMATS[subject])


def is_binary(subject: str, name: str) -> bool:
    return FORMATS[subject][name].binary


def render(subject: str, name: str, data: Any, options: Options) -> bytes:
    """`data` rendered in the named format."""
    found = FORMATS[subject][name]
    renderer = getattr(import_module(f"targets.present.{found.module}"), found.function)
    result: bytes = renderer(data, options)
    return result
