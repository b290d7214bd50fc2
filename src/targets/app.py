"""What each command does once its arguments are known: files → models → evaluation →
rendering. Both the typer commands and the quick path of `targets.cli` call these, so the
two never differ. Nothing here prints: results come back as bytes and messages.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from targets.config import ledger_path
from targets.domain.entries import Entry, known_on
from targets.domain.plan import Plan
from targets.errors import RecordError
from targets.evaluation.history import History
from targets.evaluation.judge import Report
from targets.messages import Message, msg
from targets.present.formats import Options
from targets.store import ledger_file
from targets.store.plan_file import load_plan


def build_report(
    plan_path: Path,
    ledger: Path | None,
    as_of: str | None,
    region: str | None = None,
    known_on: str | None = None,
) -> Report:
    """The plan judged on the ledger's figures of its year, at `as_of` or the latest, as
    `region` (default: the plan's own) stands, from what was recorded by `known_on`."""
    from targets.evaluation.report import evaluate

    plan = load_plan(plan_path)
    period = plan.period(as_of) if as_of is not None else None
    whose = plan.region_named(region) if region is not None else None
    day = _day(known_on)
    entries = _entries(plan_path, ledger, plan.year, day)
    return evaluate(plan, entries, period, whose, day)


def report(
    plan_path: Path,
    ledger: Path | None,
    as_of: str | None,
    fmt: str,
    options: Options,
    region: str | None = None,
    known_on: str | None = None,
) -> tuple[bytes, list[Message]]:
    """The report rendered, and the notes to say with it."""
    from targets.present.formats import render

    built = build_report(plan_path, ledger, as_of, region, known_on)
    options = _resolved(options, built.plan)
    return render("report", fmt, built, options), _unclaimed_note(built)


def _unclaimed_note(built: Report) -> list[Message]:
    """What the report leaves out: figures under ids no target of the plan has."""
    from targets.evaluation.report import unclaimed

    found = unclaimed(built.plan, built.entries)
    if not found:
        return []
    n = sum(count for _, count in found)
    ids = ", ".join(f"{target!r} ({count})" for target, count in found)
    return [msg("report.unclaimed", n=n, year=built.plan.year, plan=built.plan.id, ids=ids)]


def history(
    plan_path: Path,
    ledger: Path | None,
    target_text: str,
    fmt: str,
    options: Options,
    region: str | None = None,
    known_on: str | None = None,
) -> bytes:
    """One target's history rendered, as `region` recorded it."""
    from targets.evaluation.history import history as build
    from targets.present.formats import render

    plan = load_plan(plan_path)
    target = plan.target(target_text)
    whose = plan.region_named(region) if region is not None else None
    entries = _entries(plan_path, ledger, plan.year, _day(known_on))
    found: History = build(plan, target, entries, whose)
    return render("history", fmt, found, _resolved(options, plan))


def compare(
    plan_path: Path,
    ledger: Path | None,
    target_text: str,
    as_of: str | None,
    known_on: str | None,
    fmt: str,
    options: Options,
) -> bytes:
    """One target across the plan's regions, ranked, rendered."""
    from targets.evaluation.compare import compare as build
    from targets.present.formats import render

    plan = load_plan(plan_path)
    target = plan.target(target_text)
    period = plan.period(as_of) if as_of is not None else None
    entries = _entries(plan_path, ledger, plan.year, _day(known_on))
    return render("compare", fmt, build(plan, target, entries, period), _resolved(options, plan))


def export(
    plan_path: Path,
    ledger: Path | None,
    what: str,
    as_of: str | None,
    options: Options,
    region: str | None = None,
    fmt: str = "csv",
) -> bytes:
    """The report, or the ledger's entries (every region's unless `region` is given), as CSV
    or a workbook."""
    from targets.present.formats import render

    if what == "actuals":
        plan = load_plan(plan_path)  # a broken plan is reported, as by every command
        entries = ledger_file.read_entries(ledger_path(plan_path, ledger))
        if region is not None:
            whose = plan.region_named(region)
            entries = [e for e in entries if (e.region or plan.region) == whose]
        return render("actuals", fmt, entries, _resolved(options, plan))
    built = build_report(plan_path, ledger, as_of, region)
    return render("report", fmt, built, _resolved(options, built.plan))


def _day(text: str | None) -> date | None:
    """A --known-on date as people write it (2023-05-20, 2023/5/20, 2023年5月20日);
    RecordError otherwise."""
    import re

    if text is None:
        return None
    found = re.fullmatch(r"\s*(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?\s*", text)
    try:
        if found is None:
            raise ValueError
        return date(*map(int, found.groups()))
    except ValueError:
        raise RecordError("option.known_on", text=text) from None


def _entries(plan_path: Path, ledger: Path | None, year: int, day: date | None) -> list[Entry]:
    """The ledger's entries of the year; with `day`, only those recorded by its end."""
    entries = ledger_file.read_entries(ledger_path(plan_path, ledger), year)
    return entries if day is None else known_on(entries, day)


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
    region: str | None = None,
) -> list[Message]:
    """Record one figure; the confirmation and notes to say."""
    from targets import recording
    from targets.domain.periods import label

    plan = load_plan(plan_path)
    t = plan.target(target)
    whose = plan.region_named(region) if region is not None else None
    entry = recording.make_entry(plan, t.id, period, value, source=source, note=note, region=whose)
    done = recording.record(plan, ledger_path(plan_path, ledger), entry, revise=revise)
    language = plan.language(lang)
    what = label(entry.period, language, cumulative=t.cumulative)
    where = (
        msg("record.for_region", region=plan.region_label(whose, language))
        if entry.region and whose
        else ""
    )
    said = {"target": t.id, "period": entry.period, "label": what, "value": entry.value}
    if done.unchanged is not None:
        when = f"{done.unchanged.recorded_at:%Y-%m-%d %H:%M}"
        return [msg("record.unchanged", **said, where=where, recorded_at=when)]
    done_key = "record.done_revision" if done.revised else "record.done"
    return [msg(done_key, **said, where=where), *done.notes]


def import_file(
    plan_path: Path,
    ledger: Path | None,
    file: Path,
    revise: bool,
    dry_run: bool,
    sheet: str | None,
    region: str | None = None,
) -> list[Message]:
    """Record the figures of a CSV file or workbook; the confirmation and notes to say."""
    from targets.errors import TargetsError
    from targets.importing import import_csv

    plan = load_plan(plan_path)
    try:
        data = file.read_bytes()
    except OSError as e:
        raise TargetsError("file.cannot_read", path=file, why=e.strerror) from None
    done = import_csv(
        plan,
        ledger_path(plan_path, ledger),
        str(file),
        data,
        revise=revise,
        dry_run=dry_run,
        sheet=sheet,
        region=region,
    )
    skipped = [
        msg(what, n=count)
        for count, what in ((done.unchanged, "import.unchanged"), (done.stale, "import.stale"))
        if count
    ]
    said = msg(
        "import.would_record" if dry_run else "import.recorded",
        n=len(done.entries),
        file=file,
        read_as=done.read_as,
        skipped="".join(m.render() for m in skipped),
    )
    return [said, *done.notes]


def withdraw(
    plan_path: Path,
    ledger: Path | None,
    target: str,
    period: str,
    note: str | None,
    region: str | None = None,
) -> list[Message]:
    """Take a figure out of force; the confirmation to say."""
    from targets import recording
    from targets.domain.periods import label

    plan = load_plan(plan_path)
    t = plan.target(target)
    whose = plan.region_named(region) if region is not None else None
    entry = recording.make_entry(plan, t.id, period, "", note=note, region=whose, withdrawn=True)
    done = recording.withdraw(plan, ledger_path(plan_path, ledger), entry)
    from targets.messages import current

    what = label(entry.period, current(), cumulative=t.cumulative)
    value = recording.shown(done.figure)
    return [msg("withdraw.done", target=t.id, period=entry.period, label=what, value=value)]


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


def repair(ledger: Path) -> Message | None:
    """Take out what a write cut short left in the ledger; what was done, if anything."""
    from targets.store.repair import repair as mend

    done = mend(ledger)
    if done.copy is None:
        return None
    return msg("repair.done", path=ledger, done=done.done, copy=done.copy)


def not_the_ledger(plan: Path, ledger: Path | None) -> None:
    """Refuse to write a plan over the ledger (`init --plan actuals.toml`, even --force):
    the figures recorded there are the one thing the tool never rewrites."""
    from targets.errors import TargetsError

    figures = ledger_path(plan, ledger)
    same = plan.resolve() == figures.resolve()
    if not same and plan.exists() and figures.exists():
        same = plan.samefile(figures)
    if same:
        raise TargetsError("init.is_ledger", path=plan)
