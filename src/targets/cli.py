"""The `targets` command: the entry point of the console script and `python -m targets`.

The commands are typer's (`targets.commands`), the one grammar. Loading typer costs more
than a whole report (it brings click's machinery and pydantic with it), so the two
commands that run most — `report` and `record`, in scripts and after every release — take
a quick path when their arguments are plain: the options below, no help, nothing unusual.
Anything else, including every usage error, goes to typer, which owns help, completion and
messages. Both paths call the same `targets.app`; a test holds the options below equal to
typer's declarations, and the tests run every case through both.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from targets import config
from targets.present.formats import FORMATS

# The options of the quick path: name → the values it takes (None: any text; ()  a flag).
_COMMON: dict[str, tuple[str, ...] | None] = {
    "--plan": None,
    "--ledger": None,
    "--lang": config.LANGS,
}
_QUICK: dict[str, dict[str, tuple[str, ...] | None]] = {
    "report": {
        **_COMMON,
        "--as-of": None,
        "--format": tuple(FORMATS["report"]),
        "--by": ("department",),
        "--no-outlook": (),
        "--region": None,
        "--known-on": None,
        "--output": None,
    },
    "record": {**_COMMON, "--source": None, "--note": None, "--revise": (), "--region": None},
}
_POSITIONALS = {"report": 0, "record": 3}
_NUMBER = re.compile(r"-\.?\d")
_ALIASES = {"-f": "--format", "-o": "--output"}


def main(argv: list[str] | None = None) -> None:
    """Run the command line."""
    args = sys.argv[1:] if argv is None else argv
    try:
        code = quick(args)
        if code is not None:
            sys.exit(code)
        typer_main(args)
    except BrokenPipeError:  # the reader went away (`targets report | head`): nothing to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except OSError as e:  # the machine's refusal (a full disk, a folder for a file…)
        from targets import output
        from targets.errors import TargetsError

        why = e.strerror or str(e)
        sys.exit(
            output.refuse(TargetsError("file.os_error", path=e.filename or "targets", why=why))
        )


def typer_main(args: list[str]) -> None:
    """Every command, with typer's help, completion and usage errors."""
    from targets.commands import app

    app(args=args, prog_name="targets")


def quick(args: list[str]) -> int | None:
    """Run `report` or `record` without loading typer; None when typer should run it."""
    parsed = _parse(args)
    if parsed is None:
        return None
    command, options, positionals = parsed
    from dataclasses import replace

    from targets import app, language, messages, output
    from targets.errors import TargetsError

    messages.use(language.decide(args))
    plan = Path(options.get("--plan") or config.DEFAULT_PLAN)
    ledger_text = options.get("--ledger")
    ledger = Path(ledger_text) if ledger_text else None
    try:
        if command == "report":
            from targets.present.formats import is_binary

            fmt = options.get("--format") or "table"
            written = Path(options["--output"]) if options.get("--output") else None
            output.refuse_terminal(fmt, is_binary("report", fmt), written)
            chosen = output.terminal(options.get("--lang"), fmt == "table", written)
            data, notes = app.report(
                plan,
                ledger,
                options.get("--as-of"),
                fmt,
                replace(chosen, by=options.get("--by"), outlook="--no-outlook" not in options),
                options.get("--region"),
                options.get("--known-on"),
            )
            output.deliver(data, written, "report", fmt, plan, config.ledger_path(plan, ledger))
            for note in notes:
                output.say(note)
        else:
            target, period, value = positionals
            said = app.record(
                plan,
                ledger,
                target,
                period,
                value,
                options.get("--source"),
                options.get("--note"),
                "--revise" in options,
                options.get("--lang"),
                options.get("--region"),
            )
            for line in said:
                output.say(line)
    except TargetsError as e:
        return output.refuse(e)
    finally:
        output.say_left_out()
    return 0


def _parse(args: list[str]) -> tuple[str, dict[str, str], list[str]] | None:
    """The command, its options and its arguments; None for anything not plain."""
    if not args or args[0] not in _QUICK:
        return None
    command, known = args[0], _QUICK[args[0]]
    options: dict[str, str] = {}
    positionals: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg == "--" or (arg.startswith("-") and not _NUMBER.match(arg)):
            # only long options take `=value`; `-f=json` is typer's to refuse
            name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
            name = _ALIASES.get(name, name)
            if name not in known or name in options:
                return None
            takes = known[name]
            if takes == ():
                if eq:
                    return None
                options[name] = ""
                continue
            if not eq:
                value = next(rest, None)  # type: ignore[assignment]
                if value is None:
                    return None
            if (takes is not None and value not in takes) or not value:
                return None  # typer names the bad or empty value
            options[name] = value
        else:
            positionals.append(arg)
    if len(positionals) != _POSITIONALS[command]:
        return None
    for name, var in config.ENV.items():
        if name in known and name not in options and os.environ.get(var):
            value = os.environ[var]
            if known[name] is not None and value not in (known[name] or ()):
                return None
            options[name] = value
    return command, options, positionals
