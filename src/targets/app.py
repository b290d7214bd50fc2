"""What each command does once its arguments are known: files → models → evaluation →
rendering. Both the typer commands and the quick path of `targets.cli` call these, so the
two never differ. Nothing here prints: results come back as bytes and messages.
"""

from __future__ import annotations

from pathlib import Path

from targets.config import ledger_path
from targets.domain.plan import Plan
from targets.evaluation.history import History
from targets.evaluation.judge import Report
from targets.present.formats import Options
from targets.store import ledger_file
from targets.store.plan_file import load_plan


def build_report(plan_path: Path, ledger: Path | None, as_of: str | None) -> Report:
    """The plan judged on the ledger's figures of its year, at `as_of` or the latest."""
    from targets.evaluation.judge import evaluate

    plan = load_plan(plan_path)
    period = plan.period(as_of) if as_of is not None else None
    entries = ledger_file.read_entries(ledger_path(plan_path, ledger), plan.year)
    return evaluate(plan, entries, period)


def report(
    plan_path: Path, ledger: Path | None, as_of: str | None, fmt: str, options: Options
) -> tuple[bytes, Options]:
    """The report rendered; the options with the language resolved against the plan."""
    from targets.present.formats import render

    built = build_report(plan_path, ledger, as_of)
    options = _resolved(options, built.plan)
    return render("report", fmt, built, options), options


def history(
    plan_path: Path, ledger: Path | None, target_text: str, fmt: str, options: Options
) -> bytes:
    """One target's history rendered."""
    from targets.evaluation.history import history as build
    from targets.present.formats import render

    plan = load_plan(plan_path)
    target = plan.target(target_text)
    entries = ledger_file.read_entries(ledger_path(plan_path, ledger), plan.year)
    found: History = build(plan, target, entries)
    return render("history", fmt, found, _resolved(options, plan))


def export(
    plan_path: Path, ledger: Path | None, what: str, as_of: str | None, options: Options
) -> bytes:
    """The report, or every entry of the ledger, as CSV."""
    from targets.present.formats import render

    if what == "actuals":
        plan = load_plan(plan_path)  # a broken plan is reported, as by every command
        entries = ledger_file.read_entries(ledger_path(plan_path, ledger))
        return render("actuals", "csv", entries, _resolved(options, plan))
    built = build_report(plan_path, ledger, as_of)
    return render("report", "csv", built, _resolved(options, built.plan))


def list_targets(plan_path: Path, options: Options) -> bytes:
    from targets.present.formats import render

    plan = load_plan(plan_path)
    return render("list", "table", plan, _resolved(options, plan))


def record(
    plan_path: Path,
    ledger: Path | None,
    target: str,
    period: str,
    value: str,
    source: str | None,
    note: str | None,
    revise: bool,
    lang: str | None,
) -> list[str]:
    """Record one figure; the confirmation and notes to say."""
    from targets import recording
    from targets.domain.periods import label

    plan = load_plan(plan_path)
    t = plan.target(target)
    entry = recording.make_entry(plan, t.id, period, value, source=source, note=note)
    done = recording.record(plan, ledger_path(plan_path, ledger), entry, period, revise=revise)
    what = label(entry.period, plan.language(lang), cumulative=t.cumulative)
    if done.unchanged is not None:
        when = f"{done.unchanged.recorded_at:%Y-%m-%d %H:%M}"
        return [
            f"{t.id} {entry.period} ({what}) already has {entry.value:g} (recorded {when});"
            " nothing recorded"
        ]
    revision = " (revision)" if done.revised else ""
    return [f"recorded {t.id} {entry.period} ({what}) = {entry.value:g}{revision}", *done.notes]


def _resolved(options: Options, plan: Plan) -> Options:
    """The options with the language resolved against the plan's, and the projection
    hidden where the plan says the office publishes no estimates."""
    from dataclasses import replace

    from targets.config import language

    return replace(
        options,
        lang=language(options.lang or None, plan.lang),
        outlook=options.outlook and plan.outlook,
    )
