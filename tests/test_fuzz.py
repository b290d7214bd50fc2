"""Arbitrary text into every parser of user input: the plan, the ledger, CSV and periods.
Whatever comes in, the answer is a clean result or a TargetsError with one-line messages
that name the file, never another exception.

Figures here are test data, not real Liaoyuan figures.
"""

from __future__ import annotations

import functools
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st

from targets import importing
from targets.domain.entries import Entry
from targets.domain.periods import Period, parse_period
from targets.domain.plan import Plan
from targets.errors import LedgerError, PeriodError, PlanError, RecordError, TargetsError
from targets.messages import Message
from targets.present.formats import Options
from targets.present.machine import actuals_csv, inert
from targets.store import ledger_file as ledger
from targets.store.plan_file import bundled_plan_text, load_plan
from targets.store.schema import check_plan, validate_plan

# Examples per test come from the Hypothesis profile (tests/conftest.py); the tests that
# write files draw a quarter as many.
WRITES_FILES = settings(max_examples=max(5, settings.default.max_examples // 4))

PLAN_PATH = Path("targets.toml")
LEDGER_PATH = Path("actuals.toml")
CSV_NAME = "figures.csv"
PLAN = validate_plan(PLAN_PATH, bundled_plan_text().encode("utf-8"))


def one_line_each(said: list[Message], where: str) -> None:
    for problem in map(str, said):
        assert problem.startswith(where), problem
        assert "\n" not in problem, problem
        assert "validation error" not in problem and "pydantic" not in problem, problem


# --- building blocks ----------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
    ),
    st.dates(),
    st.times(),
)


@functools.cache  # built once: a strategy is checked afresh each time one is made
def toml_values(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Anything TOML can hold, with keys drawn mostly from the names the files use."""
    return st.recursive(
        scalars.filter(lambda v: v is not None),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(keys, inner, max_size=5),
        ),
        max_leaves=12,
    )


PERIOD_TEXT = st.one_of(
    st.sampled_from(
        [
            "2023-03",
            "2023-3",
            "2023-Q1",
            "2023Q1",
            "2023-H1",
            "2023",
            "2023年1-3月",
            "2023年3月",
            "2023年一季度",
            "2023年上半年",
            "2023年前三季度",
            "2023年",
            "2022-12",
            "2023-13",
            "2023年二季度",
            "2023年4-6月",
            "２０２３年１－３月",
            "",
        ]
    ),
    st.text(alphabet="0123456789-QqHh年月季度一二三四上下半前全 ", max_size=12),
    st.text(max_size=12),
)
PLAN_KEYS = st.one_of(
    st.sampled_from(
        [
            "id",
            "name",
            "name_en",
            "region",
            "year",
            "lang",
            "source",
            "kind",
            "comparator",
            "value",
            "tolerance",
            "relative_to",
            "unit",
            "frequency",
            "department",
            "quote",
            "schedule",
            "base_shares",
            "targets",
        ]
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8),
)
LEDGER_KEYS = st.one_of(
    st.sampled_from(["target", "period", "value", "recorded_at", "source", "note", "actual"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8),
)
TARGET_IDS = st.sampled_from([t.id for t in PLAN.targets] + ["nosuch", "", "GDP"])


@functools.cache
def valid_field(name: str) -> st.SearchStrategy[Any]:
    """Values a plan field might sensibly hold, mixed with nonsense."""
    sensible: dict[str, st.SearchStrategy[Any]] = {
        "id": st.sampled_from(["gdp", "cpi", "x-1", "a", "Bad", ""]),
        "year": st.integers(min_value=-5, max_value=10_000),
        "kind": st.sampled_from(["growth", "rate", "total", "level", "other"]),
        "comparator": st.sampled_from(["at_least", "at_most", "around", "near"]),
        "frequency": st.sampled_from(["monthly", "quarterly", "annual", "weekly"]),
        "lang": st.sampled_from(["zh", "en", "fr"]),
        "relative_to": st.sampled_from(["gdp", "a", "nosuch"]),
        "schedule": st.lists(st.floats(min_value=-1, max_value=2), max_size=13),
        "base_shares": st.lists(st.floats(min_value=-1, max_value=2), max_size=13),
    }
    return st.one_of(sensible.get(name, st.text(max_size=8)), toml_values(PLAN_KEYS))


@st.composite
def plan_documents(draw: st.DrawFn) -> str:
    """A plan-shaped TOML document with fields present, missing, mistyped or unknown."""
    names = ["id", "name", "region", "year", "lang", "name_en", "source"]
    head = {n: draw(valid_field(n)) for n in names if draw(st.booleans())}
    fields = [
        "id",
        "name",
        "kind",
        "comparator",
        "unit",
        "frequency",
        "value",
        "tolerance",
        "relative_to",
        "schedule",
        "base_shares",
    ]
    targets = [
        {n: draw(valid_field(n)) for n in fields if draw(st.integers(0, 3))}
        for _ in range(draw(st.integers(0, 3)))
    ]
    doc: dict[str, Any] = {}
    if draw(st.integers(0, 5)):
        doc["plan"] = head
    if targets or draw(st.booleans()):
        doc["target"] = targets if draw(st.integers(0, 5)) else draw(toml_values(PLAN_KEYS))
    if draw(st.integers(0, 5)) == 0:
        doc[draw(PLAN_KEYS)] = draw(toml_values(PLAN_KEYS))
    return tomli_w.dumps(doc)


@st.composite
def ledger_documents(draw: st.DrawFn) -> str:
    """A ledger-shaped TOML document: entries whole, partial, mistyped or not entries at all."""
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        entry: dict[str, Any] = {}
        if draw(st.integers(0, 5)):
            entry["target"] = draw(st.one_of(TARGET_IDS, toml_values(LEDGER_KEYS)))
        if draw(st.integers(0, 5)):
            entry["period"] = draw(st.one_of(PERIOD_TEXT, toml_values(LEDGER_KEYS)))
        if draw(st.integers(0, 5)):
            entry["value"] = draw(toml_values(LEDGER_KEYS))
        if draw(st.integers(0, 5)):
            entry["recorded_at"] = draw(toml_values(LEDGER_KEYS))
        if draw(st.integers(0, 5)) == 0:
            entry[draw(LEDGER_KEYS)] = draw(toml_values(LEDGER_KEYS))
        entries.append(entry)
    doc: dict[str, Any] = {}
    if draw(st.integers(0, 5)):
        doc["actual"] = entries if draw(st.integers(0, 5)) else draw(toml_values(LEDGER_KEYS))
    if draw(st.integers(0, 5)) == 0:
        doc[draw(LEDGER_KEYS)] = draw(toml_values(LEDGER_KEYS))
    return tomli_w.dumps(doc)


def anything(documents: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Raw bytes, raw text, or a shaped document, perhaps cut short."""
    texts = st.one_of(documents, st.text(max_size=200))
    cut = st.tuples(texts, st.integers(min_value=0, max_value=400)).map(
        lambda tc: tc[0].encode("utf-8")[: tc[1]]
    )
    return st.one_of(st.binary(max_size=200), texts.map(lambda t: t.encode("utf-8")), cut)


# --- periods --------------------------------------------------------------------------


@given(PERIOD_TEXT)
@example("٢٠٢٣-٠٣")  # Arabic-Indic digits are digits to a regular expression
@example("2023年1-")
@example("2023-Q0")
def test_any_period_text_is_a_period_or_a_period_error(text: str) -> None:
    try:
        period = parse_period(text)
    except PeriodError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(period, Period) and 1 <= period.month <= 12
    assert parse_period(str(period)) == period
    try:
        PLAN.period(text)
    except PeriodError as e:
        assert "\n" not in str(e)


# --- the plan -------------------------------------------------------------------------


@given(anything(plan_documents()))
@example(b'target = ["gdp"]\n[plan]\nid = "x"\nname = "n"\nregion = "r"\nyear = 2023\n')
@example(b"target = [1]\n")
@example(b"[plan]\ntarget = 3\n")
def test_any_plan_is_a_plan_or_one_line_problems(source: bytes) -> None:
    plan, problems = check_plan(PLAN_PATH, source)
    assert (plan is None) == bool(problems)
    one_line_each(problems, str(PLAN_PATH))
    if plan is not None:
        assert isinstance(plan, Plan)


@given(st.data())
def test_the_bundled_plan_with_one_field_changed_is_a_plan_or_one_line_problems(
    data: st.DataObject,
) -> None:
    lines = bundled_plan_text().splitlines(keepends=True)
    fields = [i for i, line in enumerate(lines) if " = " in line and not line.startswith("#")]
    i = data.draw(st.sampled_from(fields))
    key = lines[i].split(" = ")[0]
    value = data.draw(st.one_of(valid_field(key.strip()), toml_values(PLAN_KEYS)))
    try:
        lines[i] = tomli_w.dumps({key.strip(): value})
    except (TypeError, ValueError):
        return
    plan, problems = check_plan(PLAN_PATH, "".join(lines).encode("utf-8"))
    one_line_each(problems, str(PLAN_PATH))


@WRITES_FILES
@given(anything(plan_documents()))
def test_loading_any_plan_file_gives_a_plan_or_a_plan_error(source: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "targets.toml"
        path.write_bytes(source)
        for _ in range(2):  # afresh, then through the cache
            try:
                load_plan(path)
            except PlanError as e:
                assert str(e).startswith(str(path)) and "\n" not in str(e)
        assert path.read_bytes() == source


# --- the ledger -----------------------------------------------------------------------


@given(anything(ledger_documents()))
@example(b"actual = [1]\n")
@example(
    b'[[actual]]\ntarget = "gdp"\nperiod = "2023-03"\nvalue = 1.0\n'
    b"recorded_at = 0001-01-01T00:00:00\n"
)
@example(
    b'[[actual]]\ntarget = "gdp"\nperiod = "2023-03"\nvalue = 1.0\n'
    b"recorded_at = 9999-12-31T23:59:59\n"
)
def test_any_ledger_is_entries_or_one_line_problems(source: bytes) -> None:
    checked = ledger.check_ledger(LEDGER_PATH, source)
    rows, problems = checked.rows, checked.problems
    one_line_each(problems, str(LEDGER_PATH))
    one_line_each([checked.torn] if checked.torn else [], str(LEDGER_PATH))
    one_line_each(checked.cut, str(LEDGER_PATH))
    try:
        parsed = ledger.parse_ledger(LEDGER_PATH, source)
    except LedgerError as e:
        assert problems and str(e) == str(problems[0])
        return
    assert not problems and parsed == rows
    for row in rows:
        ledger.entry_from_row(row)


# --- CSV ------------------------------------------------------------------------------

CELLS = st.one_of(
    TARGET_IDS,
    PERIOD_TEXT,
    st.sampled_from(["5.8", "-0.3", "nan", "inf", "1e999", "abc", "", "test data"]),
    st.sampled_from(["2023-04-20T10:00:00+08:00", "2023-04-20", "0001-01-01T00:00:00", "x"]),
    st.text(max_size=10),
)
HEADERS = st.one_of(
    st.just(["target", "period", "value"]),
    st.permutations(["target", "period", "value", "source", "note", "recorded_at"]),
    st.lists(
        st.sampled_from(["target", "period", "value", "source", "note", "recorded_at", "x"]),
        max_size=7,
    ),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    header = draw(HEADERS)
    rows = [
        [draw(CELLS) for _ in range(len(header) + draw(st.integers(-1, 1)))]
        for _ in range(draw(st.integers(0, 5)))
    ]
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows([header, *rows])
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return (bom + out.getvalue()).encode("utf-8")


@given(st.one_of(csv_files(), anything(st.text(max_size=100))))
def test_any_csv_is_entries_or_a_record_error_naming_its_lines(data: bytes) -> None:
    try:
        rows = importing.read_csv(PLAN, CSV_NAME, data)
    except RecordError as e:
        one_line_each(str(e).splitlines(), CSV_NAME)
        return
    assert len(rows.entries) == len(rows.lines)
    for entry in rows.entries:
        target = PLAN.target(entry.target)
        assert entry.period.year == PLAN.year and entry.period.month in target.months


# --- export and import reproduce every entry ------------------------------------------

ZONES = st.sampled_from(
    [UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))]
)
NOTES = st.one_of(st.none(), st.just("test data"), st.text(max_size=20))


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    target = draw(st.sampled_from(PLAN.targets))
    month = draw(st.sampled_from(target.months))
    return Entry(
        target=target.id,
        period=Period(PLAN.year, month),
        value=draw(st.floats(allow_nan=False, allow_infinity=False)),
        recorded_at=draw(
            st.datetimes(
                min_value=datetime(2023, 1, 1), max_value=datetime(2024, 12, 31), timezones=ZONES
            )
        ),
        source=draw(NOTES) or None,
        note=draw(NOTES) or None,
    )


@WRITES_FILES
@given(st.lists(entries(), min_size=1, max_size=6), st.booleans())
@example(  # spaces and line ends around a source or note are part of it
    [Entry("gdp", Period(2023, 3), 5.8, datetime(2023, 4, 20, 10, tzinfo=UTC), " test data ")],
    False,
)
@example(
    [Entry("gdp", Period(2023, 3), 5.8, datetime(2023, 4, 20, 10, tzinfo=UTC), None, "test\n")],
    True,
)
@example(  # a bare carriage return must be quoted in the CSV, or the row splits in two
    [Entry("cpi", Period(2023, 1), 0.1, datetime(2023, 2, 1, 9, tzinfo=UTC), "test\rdata")],
    False,
)
def test_exported_actuals_imported_with_revise_reproduce_every_entry(
    recorded: list[Entry], excel: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder) / "first.toml", Path(folder) / "second.toml"
        ledger.append(first, recorded)
        kept = ledger.read_entries(first)
        assert sorted((e.to_row() for e in kept), key=repr) == sorted(
            (e.to_row() for e in recorded), key=repr
        )
        exported = actuals_csv(kept, Options(excel=excel))
        importing.import_csv(PLAN, second, CSV_NAME, exported, revise=True)
        again = ledger.parse_ledger(second, second.read_bytes())
        if excel:  # text Excel would run as a formula comes back with its apostrophe
            recorded = [replace(e, source=inert(e.source), note=inert(e.note)) for e in recorded]
        assert sorted(again, key=repr) == sorted((e.to_row() for e in recorded), key=repr)


def test_every_refusal_is_a_targets_error() -> None:
    """The families the fuzzers accept are the one family the CLI turns into messages."""
    for family in (LedgerError, PeriodError, PlanError, RecordError):
        assert issubclass(family, TargetsError)
