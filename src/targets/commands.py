"""The commands (SPEC §4): each parses its options, calls the domain, renders the result."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from targets import app as use
from targets import config, output
from targets.completion import complete_period, complete_region, complete_target
from targets.errors import TargetsError
from targets.help_text import SpokenGroup
from targets.present import formats

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="targets",
    cls=SpokenGroup,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class ExportWhat(StrEnum):
    report = "report"
    actuals = "actuals"


class GroupBy(StrEnum):
    department = "department"


PlanOption = Annotated[
    Path,
    typer.Option("--plan", envvar=config.PLAN_ENV, metavar="PATH", show_default=True),
]
LedgerOption = Annotated[
    Path | None,
    typer.Option(
        "--ledger",
        envvar=config.LEDGER_ENV,
        metavar="PATH",
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        envvar=config.LANG_ENV,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="PERIOD",
        autocompletion=complete_period,
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option("--region", metavar="NAME", autocompletion=complete_region),
]
KnownOnOption = Annotated[str | None, typer.Option("--known-on", metavar="DATE")]
TargetArgument = Annotated[
    str,
    typer.Argument(metavar="TARGET", autocompletion=complete_target),
]
NoOutlookOption = Annotated[
    bool,
    typer.Option(
        "--no-outlook",
    ),
]
DEFAULT_PLAN = config.DEFAULT_PLAN


def _choices(subject: str) -> type[StrEnum]:
    """The formats the registry has for a subject, as the choices typer offers."""
    choices = {n: n for n in formats.names(subject)}
    return StrEnum(f"{subject.title()}Format", choices)  # type: ignore[return-value]


# typer reads the choices at run time; type checkers see the plain text they are.
if TYPE_CHECKING:
    ReportFormat = str
    HistoryFormat = str
    CompareFormat = str
    ExportFormat = str
else:
    ReportFormat = _choices("report")
    HistoryFormat = _choices("history")
    CompareFormat = _choices("compare")
    ExportFormat = _choices("actuals")
FormatOption = typer.Option("--format", "-f")
OutputOption = Annotated[Path | None, typer.Option("--output", "-o")]


def refusals(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn the domain's refusals into `error: …` lines on stderr and exit 1 (2: usage)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except TargetsError as e:
            raise typer.Exit(output.refuse(e)) from None
        finally:
            output.say_left_out()

    return wrapper


def _version(shown: bool) -> None:
    if shown:
        from targets import __version__

        output.tell("version", version=__version__)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Track a government's annual targets month by month: record the published figures,
    see which targets are on course and what the rest of the year must deliver."""


def _chosen(option: Lang | None) -> str | None:
    return option.value if option else None


@app.command()
@refusals
def init(
    force: Annotated[bool, typer.Option("--force")] = False,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Write the bundled plan (辽源市2023年主要预期目标) to ./targets.toml."""
    from targets.store.plan_file import bundled_plan_text

    use.not_the_ledger(plan, ledger)
    if plan.exists() and not force:
        raise TargetsError("plan.exists", path=plan)
    output.write(bundled_plan_text().encode(), plan)
    output.say("init.wrote", path=plan, year=2023, region="辽源市")


@app.command("list")
@refusals
def list_targets(
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """The plan's targets: id, name, the target in words, kind and frequency."""
    output.write(use.list_targets(plan, output.terminal(_chosen(lang))))


@app.command(context_settings={"ignore_unknown_options": True})  # VALUE may be negative
@refusals
def record(
    target: TargetArgument,
    period: Annotated[
        str,
        typer.Argument(
            metavar="PERIOD",
            autocompletion=complete_period,
        ),
    ],
    value: Annotated[str, typer.Argument(metavar="VALUE")],
    source: Annotated[str | None, typer.Option("--source", metavar="TEXT")] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT")] = None,
    revise: Annotated[bool, typer.Option("--revise")] = False,
    region: RegionOption = None,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Record one published figure."""
    said = use.record(
        plan, ledger, target, period, value, source, note, revise, _chosen(lang), region
    )
    for line in said:
        output.say(line)


@app.command()
@refusals
def withdraw(
    target: TargetArgument,
    period: Annotated[
        str,
        typer.Argument(metavar="PERIOD", autocompletion=complete_period),
    ],
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT")] = None,
    region: RegionOption = None,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Take a figure out of force: one recorded under the wrong target or period. The
    ledger keeps it; from now the period has no figure until one is recorded."""
    for line in use.withdraw(plan, ledger, target, period, note, region):
        output.say(line)


@app.command("import")
@refusals
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
        ),
    ],
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME"),
    ] = None,
    revise: Annotated[bool, typer.Option("--revise")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    region: RegionOption = None,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Record many figures from a CSV file or a workbook: all of them, or none. Rows equal
    to the figure in force are skipped and counted."""
    for line in use.import_file(plan, ledger, file, revise, dry_run, sheet, region):
        output.say(line)


@app.command()
@refusals
def report(
    as_of: AsOfOption = None,
    format: Annotated[ReportFormat, FormatOption] = "table",
    by: Annotated[GroupBy | None, typer.Option("--by")] = None,
    no_outlook: NoOutlookOption = False,
    region: RegionOption = None,
    known_on: KnownOnOption = None,
    output_file: OutputOption = None,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Where every target stands: the figure, the gap, the status, what the year still needs."""
    chosen = output.terminal(_chosen(lang), format == "table", output_file)
    options = replace(chosen, by=by.value if by else None, outlook=not no_outlook)
    data, notes = use.report(plan, ledger, as_of, format, options, region, known_on)
    output.deliver(data, output_file, "report", format, plan, config.ledger_path(plan, ledger))
    for note in notes:
        output.say(note)


@app.command()
@refusals
def compare(
    target: TargetArgument,
    as_of: AsOfOption = None,
    known_on: KnownOnOption = None,
    format: Annotated[CompareFormat, FormatOption] = "table",
    output_file: OutputOption = None,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """One target across the plan's regions: figure, rank (位次), status, vs the reference."""
    options = output.terminal(_chosen(lang), format == "table", output_file)
    data = use.compare(plan, ledger, target, as_of, known_on, format, options)
    output.deliver(data, output_file, "compare", format, plan, config.ledger_path(plan, ledger))


@app.command()
@refusals
def history(
    target: TargetArgument,
    format: Annotated[HistoryFormat, FormatOption] = "table",
    no_outlook: NoOutlookOption = False,
    region: RegionOption = None,
    known_on: KnownOnOption = None,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """One target period by period, revisions included."""
    options = replace(output.terminal(_chosen(lang)), outlook=not no_outlook)
    output.write(use.history(plan, ledger, target, format, options, region, known_on))


@app.command()
@refusals
def export(
    what: Annotated[ExportWhat, typer.Option("--what")] = ExportWhat.report,
    as_of: AsOfOption = None,
    format: Annotated[ExportFormat, FormatOption] = "csv",
    output_file: OutputOption = None,
    excel: Annotated[bool, typer.Option("--excel")] = False,
    region: RegionOption = None,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """CSV or a workbook for other tools: the report, or the actuals (`import` reads back)."""
    if what is ExportWhat.actuals and as_of is not None:
        output.say("export.as_of_actuals")
    options = formats.Options(lang=_chosen(lang) or "", excel=excel)
    data = use.export(plan, ledger, what.value, as_of, options, region, format)
    output.deliver(data, output_file, what.value, format, plan, config.ledger_path(plan, ledger))


@app.command()
@refusals
def check(
    repair: Annotated[bool, typer.Option("--repair")] = False,
    plan: PlanOption = DEFAULT_PLAN,
    ledger: LedgerOption = None,
    lang: LangOption = None,
) -> None:
    """Validate the plan and the ledger, and say what is wrong where."""
    from targets import checks

    ledger_path = config.ledger_path(plan, ledger)
    said = use.repair(ledger_path) if repair else None
    if said:
        output.say(said)
    found = checks.check(plan, ledger_path)
    for note in found.notes:
        output.say("prefix.note", text=note)
    for warning in found.warnings:
        output.say(warning)
    if found.errors:
        raise typer.Exit(output.refuse(TargetsError(found.errors)))
    targets_n = len(found.plan.targets) if found.plan else 0
    output.tell("check.ok", plan=plan, targets=targets_n, ledger=ledger_path, entries=found.entries)
