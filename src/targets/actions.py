"""What `report` and `record` do once their arguments are known.

Both the typer commands and the quick path of `targets.cli` call these, so the two can
never differ in what they print or write.
"""

from __future__ import annotations

from pathlib import Path

from targets import output


def ledger_path(plan: Path, ledger: Path | None) -> Path:
    """The ledger given, else `actuals.toml` beside the plan."""
    return ledger if ledger is not None else plan.with_name("actuals.toml")


def report(
    plan: Path,
    ledger: Path | None,
    as_of: str | None,
    fmt: str,
    lang: str | None,
    by: str | None,
) -> None:
    from targets import reporting

    result = reporting.build(plan, ledger_path(plan, ledger), as_of)
    words = result.plan.language(lang)
    if fmt == "table":
        from targets.render import report_table

        output.show(report_table(result, words, by, output.console().width))
    else:
        output.write(reporting.render(result, fmt, words))


def record(
    plan: Path,
    ledger: Path | None,
    target: str,
    period: str,
    value: str,
    source: str | None,
    note: str | None,
    revise: bool,
    lang: str | None,
) -> None:
    from targets import recording
    from targets.periods import label
    from targets.plan import load_plan

    loaded = load_plan(plan)
    t = loaded.target(target)
    entry = recording.make_entry(loaded, t.id, period, value, source=source, note=note)
    done = recording.record(loaded, ledger_path(plan, ledger), entry, period, revise=revise)
    what = label(entry.period, loaded.language(lang), cumulative=t.cumulative)
    revision = " (revision)" if done.revised else ""
    output.say(f"recorded {t.id} {entry.period} ({what}) = {entry.value:g}{revision}")
    for said in done.notes:
        output.say(said)
