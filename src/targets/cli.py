"""The `targets` command: the entry point of the console script and `python -m targets`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    """Run the command line."""
    from targets.commands import app

    app(args=sys.argv[1:] if argv is None else argv, prog_name="targets")
