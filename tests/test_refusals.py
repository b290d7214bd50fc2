"""Every bad input is refused the same way: one clear `error:` line per problem on stderr,
exit code 1 (wrong usage: 2), no traceback, and neither the ledger nor the plan changed.

Figures here are test data, not real Liaoyuan figures.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Result, Run, assert_refused

from targets.store.plan_file import bundled_plan_text

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English words

# Two entries written by hand, with fixed times so that messages are exact.
SEED = (
    "# test data: not real Liaoyuan figures\n"
    "\n[[actual]]\n"
    'target = "gdp"\n'
    'period = "2023-03"\n'
    "value = 5.8\n"
    'source = "test data"\n'
    "recorded_at = 2023-04-20T10:00:00+08:00\n"
    "\n[[actual]]\n"
    'target = "cpi"\n'
    'period = "2023-01"\n'
    "value = 2.1\n"
    'source = "test data"\n'
    "recorded_at = 2023-02-15T09:30:00+08:00\n"
)
SEED_GDP_LINE = 3  # the line of the first [[actual]]


@pytest.fixture
def seeded(plan_file: Path, ledger_file: Path) -> Path:
    """The bundled plan and a ledger holding the two SEED entries."""
    ledger_file.write_text(SEED, encoding="utf-8")
    return ledger_file


class Files:
    """The bytes of the plan and the ledger before a command, to compare after it."""

    def __init__(self, *paths: Path) -> None:
        self.paths = paths
        self.before = [self._read(p) for p in paths]

    @staticmethod
    def _read(path: Path) -> bytes | None:
        return path.read_bytes() if path.exists() else None

    def unchanged(self) -> bool:
        return [self._read(p) for p in self.paths] == self.before


def refused(result: Result, stderr: str, files: Files, code: int = 1) -> None:
    """The command said exactly `stderr`, printed no result, and wrote nothing."""
    assert_refused(result, stderr, code)
    assert files.unchanged()


def line_of(text: str, needle: str, after: str = "") -> int:
    """The line number of the first `needle` at or after the first `after`."""
    return text[: text.index(needle, text.index(after))].count("\n") + 1


def edit_target(text: str, target_id: str, old: str, new: str) -> str:
    """The plan text with the first `old` of one target's table replaced by `new`."""
    start = text.index(f'id = "{target_id}"')
    at = text.index(old, start)
    return text[:at] + new + text[at + len(old) :]


# --- unknown targets ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("gpd", "did you mean 'gdp'?"),
        ("地区生产总", "did you mean '地区生产总值'?"),
        ("cip", "did you mean 'cpi'?"),
        ("xyzzy", "`targets list` shows them"),
    ],
)
def test_an_unknown_target_is_refused_with_the_nearest_id_or_name(
    run: Run, seeded: Path, plan_file: Path, typed: str, hint: str
) -> None:
    files = Files(plan_file, seeded)
    message = f"error: unknown target {typed!r}; {hint}\n"
    refused(run("record", typed, "2023-H1", "6.0", "--source", "test data"), message, files)
    refused(run("history", typed), message, files)


# --- periods --------------------------------------------------------------------------

FORMS = "2023-03, 2023-Q1, 2023-H1, 2023, 2023年1-3月, 2023年一季度, 2023年上半年"


@pytest.mark.parametrize(
    ("target", "period", "message"),
    [
        ("gdp", "2023-Q5", f"cannot read period '2023-Q5': write it like {FORMS}"),
        ("gdp", "Q1", f"cannot read period 'Q1': write it like {FORMS}"),
        ("gdp", "二〇二三年", f"cannot read period '二〇二三年': write it like {FORMS}"),
        ("cpi", "2023-13", "period '2023-13': there is no month 13"),
        ("cpi", "2023-00", "period '2023-00': there is no month 0"),
        ("gdp", "2022-Q1", "period '2022-Q1' is outside the plan's year 2023"),
        ("cpi", "2024-01", "period '2024-01' is outside the plan's year 2023"),
        (
            "gdp",
            "2023-02",
            "period '2023-02': gdp is quarterly and takes only quarter ends (03, 06, 09, 12)",
        ),
        (
            "energy_intensity",
            "2023-H1",
            "period '2023-H1': energy_intensity is annual and takes only the year (YYYY-12)",
        ),
        (
            "gdp",
            "2023年二季度",
            "period '2023年二季度' names one quarter alone; figures are year to date:"
            " write 2023年上半年",
        ),
        (
            "gdp",
            "2023-Q3",
            "period '2023-Q3' names one quarter alone; figures are year to date:"
            " write 2023年前三季度",
        ),
        (
            "gdp",
            "下半年",
            "period '下半年' names one half alone; figures are year to date: write 全年",
        ),
        (
            "fixed_asset_investment",
            "4月",
            "period '4月' names one month alone; figures are year to date: write 1-4月",
        ),
        (
            "gdp",
            "2023年4-6月",
            "period '2023年4-6月': year-to-date periods start in January (1-6月)",
        ),
    ],
)
def test_a_bad_period_is_refused(
    run: Run, seeded: Path, plan_file: Path, target: str, period: str, message: str
) -> None:
    files = Files(plan_file, seeded)
    result = run("record", target, period, "1.0", "--source", "test data")
    refused(result, f"error: {message}\n", files)


def test_a_bad_as_of_period_is_refused(run: Run, seeded: Path, plan_file: Path) -> None:
    files = Files(plan_file, seeded)
    refused(
        run("report", "--as-of", "2023-13"),
        "error: period '2023-13': there is no month 13\n",
        files,
    )
    refused(
        run("export", "--as-of", "2022"),
        "error: period '2022' is outside the plan's year 2023\n",
        files,
    )


# --- values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("abc", "is not a number"),
        ("", "is not a number"),
        ("5,8", "is not a number"),
        ("5.8%", "is not a number (write 5.8: the unit comes from the plan)"),
        ("nan", "is not a finite number"),
        ("inf", "is not a finite number"),
        ("-Infinity", "is not a finite number"),
        ("1e999", "is not a finite number"),
        ("５．８％", "is not a number (write 5.8: the unit comes from the plan)"),
        ("5²", "is not a number"),  # not 52
        ("①", "is not a number"),  # not 1
        ("½", "is not a number"),
    ],
)
def test_a_value_that_is_not_a_finite_number_is_refused(
    run: Run, seeded: Path, plan_file: Path, typed: str, why: str
) -> None:
    files = Files(plan_file, seeded)
    result = run("record", "cpi", "2023-02", typed, "--source", "test data")
    refused(result, f"error: value {typed!r} {why}\n", files)


# --- duplicates and revisions ---------------------------------------------------------


@pytest.mark.parametrize("period", ["2023-03", "2023-Q1", "2023年一季度", "2023年1-3月"])
def test_a_second_figure_without_revise_is_refused(
    run: Run, seeded: Path, plan_file: Path, period: str
) -> None:
    files = Files(plan_file, seeded)
    result = run("record", "gdp", period, "5.9", "--source", "test data")
    refused(
        result,
        "error: gdp 2023-03 already has 5.8 (recorded 2023-04-20 10:00);"
        " add --revise to record a correction\n",
        files,
    )


def test_a_revision_appends_and_keeps_both_figures(run: Run, seeded: Path, plan_file: Path) -> None:
    plan_before = plan_file.read_bytes()
    done = run("record", "地区生产总值", "2023年一季度", "5.9", "--revise", "--note", "test data")
    assert done.exit_code == 0, done.output
    assert done.stderr == "recorded gdp 2023-03 (Jan–Mar) = 5.9 (revision)\n"
    after = seeded.read_text("utf-8")
    assert after.startswith(SEED)  # appended: nothing earlier rewritten or dropped
    assert after.count("[[actual]]") == 3
    history = run("history", "gdp", "--format", "json")
    assert history.exit_code == 0, history.output
    entries = json.loads(history.stdout)["entries"]
    assert [(e["period"], e["value"], e["current"]) for e in entries] == [
        ("2023-03", 5.8, False),
        ("2023-03", 5.9, True),
    ]
    assert entries[0]["recorded_at"] == "2023-04-20T10:00:00+08:00"
    assert plan_file.read_bytes() == plan_before


def test_recording_without_a_source_keeps_the_ledger_readable(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    """Short entries once came out as `actual = [{…}]`, which TOML reads as a field of the
    entry before: every figure must stay a figure, read afresh from the file."""
    for args in (("gdp", "2023-Q1", "-1"), ("cpi", "2023-01", "0.1"), ("gdp", "2023-H1", "5")):
        assert run("record", *args).exit_code == 0
    from targets.store.ledger_file import parse_ledger

    rows = parse_ledger(ledger_file, ledger_file.read_bytes())
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("gdp", "2023-03", -1.0),
        ("cpi", "2023-01", 0.1),
        ("gdp", "2023-06", 5.0),
    ]


def test_the_plan_is_never_written(run: Run, plan_file: Path, isolated: Path) -> None:
    text = bundled_plan_text().replace("[plan]", "# my own note, kept\n[plan]", 1)
    plan_file.write_text(text, encoding="utf-8")
    figures = isolated / "figures.csv"
    figures.write_text("target,period,value,source\ncpi,2023-02,2.0,test data\n", "utf-8")
    out = isolated / "out.csv"
    for args in (
        ("record", "gdp", "2023-Q1", "5.8", "--source", "test data"),
        ("record", "gdp", "2023-Q1", "5.9", "--revise"),
        ("import", str(figures)),
        ("import", str(figures), "--revise", "--dry-run"),
        ("list",),
        ("report",),
        ("report", "--format", "json"),
        ("history", "gdp"),
        ("export", "--output", str(out)),
        ("export", "--what", "actuals"),
        ("check",),
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert plan_file.read_text("utf-8") == text, args


# --- the plan: missing, not TOML, not valid -------------------------------------------

READERS_OF_THE_PLAN = [
    ("list",),
    ("record", "gdp", "2023-H1", "6.0", "--source", "test data"),
    ("import", "figures.csv"),
    ("report",),
    ("history", "gdp"),
    ("export",),
    ("export", "--what", "actuals"),
]


@pytest.mark.parametrize("args", READERS_OF_THE_PLAN)
def test_no_plan_says_how_to_make_one(
    run: Run, isolated: Path, ledger_file: Path, args: tuple[str, ...]
) -> None:
    (isolated / "figures.csv").write_text("target,period,value\ngdp,2023-H1,6.0\n", "utf-8")
    ledger_file.write_text(SEED, "utf-8")
    plan = isolated / "targets.toml"
    files = Files(plan, ledger_file)
    refused(
        run(*args),
        f"error: no plan at {plan}: run `targets init` to write the bundled plan, "
        "or point --plan / TARGETS_PLAN at yours\n",
        files,
    )


def test_check_without_a_plan_says_how_to_make_one(run: Run, isolated: Path) -> None:
    plan = isolated / "targets.toml"
    files = Files(plan, isolated / "actuals.toml")
    refused(
        run("check"),
        f"error: no plan at {plan}: run `targets init` to write the bundled plan, "
        "or point --plan / TARGETS_PLAN at yours\n",
        files,
    )


@pytest.mark.parametrize("args", [*READERS_OF_THE_PLAN, ("check",)])
def test_a_plan_that_is_not_toml_is_refused(
    run: Run, seeded: Path, plan_file: Path, isolated: Path, args: tuple[str, ...]
) -> None:
    (isolated / "figures.csv").write_text("target,period,value\ngdp,2023-H1,6.0\n", "utf-8")
    text = bundled_plan_text() + "garbage = = 1\n"
    plan_file.write_text(text, encoding="utf-8")
    line = text.count("\n")
    files = Files(plan_file, seeded)
    refused(
        run(*args),
        f"error: {plan_file}: not valid TOML: Invalid value (at line {line}, column 11)\n",
        files,
    )


def test_a_plan_that_is_not_utf8_is_refused(run: Run, seeded: Path, plan_file: Path) -> None:
    plan_file.write_bytes("# 辽源\n".encode("gbk") + bundled_plan_text().encode("utf-8"))
    files = Files(plan_file, seeded)
    refused(run("report"), f"error: {plan_file}: not UTF-8 text (byte 2)\n", files)


def _kind_typo(text: str) -> tuple[str, str]:
    bad = edit_target(text, "industrial_output", 'kind = "growth"', 'kind = "growht"')
    line = line_of(bad, 'kind = "growht"')
    return bad, (
        f"line {line} (target 'industrial_output'): kind: input should be 'growth', 'rate',"
        " 'total' or 'level', not 'growht'"
    )


def _value_as_text(text: str) -> tuple[str, str]:
    bad = edit_target(text, "industrial_output", "value = 10.0", 'value = "10.0"')
    line = line_of(bad, 'value = "10.0"')
    return bad, f"line {line} (target 'industrial_output'): value must be a number, not '10.0'"


def _value_nan(text: str) -> tuple[str, str]:
    bad = edit_target(text, "industrial_output", "value = 10.0", "value = nan")
    line = line_of(bad, "value = nan")
    return bad, f"line {line} (target 'industrial_output'): value must be a finite number, not nan"


def _floor_minus_inf(text: str) -> tuple[str, str]:
    bad = edit_target(text, "unemployment", "floor = 0", "floor = -inf")
    line = line_of(bad, "floor = -inf")
    return bad, f"line {line} (target 'unemployment'): floor must be a finite number, not -inf"


def _negative_tolerance(text: str) -> tuple[str, str]:
    bad = edit_target(text, "unemployment", "tolerance = ", "tolerance = -")
    line = line_of(bad, "tolerance = -")
    value = bad[bad.index("tolerance = -") + len("tolerance = ") :].split()[0]
    return bad, (
        f"line {line} (target 'unemployment'): tolerance must be 0 or more, not {float(value)}"
    )


def _bad_year(text: str) -> tuple[str, str]:
    bad = text.replace("year = 2023", 'year = "2023"', 1)
    return bad, f"line {line_of(bad, 'year = ')} ([plan]): year must be a number, not '2023'"


def _year_with_a_point(text: str) -> tuple[str, str]:
    bad = text.replace("year = 2023", "year = 2023.0", 1)
    return bad, f"line {line_of(bad, 'year = ')} ([plan]): year must be a whole number, not 2023.0"


def _tolerance_as_a_flag(text: str) -> tuple[str, str]:
    bad = edit_target(text, "unemployment", "tolerance = ", "tolerance = true #")
    line = line_of(bad, "tolerance = true")
    return bad, f"line {line} (target 'unemployment'): tolerance must be a number, not True"


def _no_plan_table(text: str) -> tuple[str, str]:
    start = text.index("[plan]")
    bad = text[:start] + text[text.index("[[target]]") :]
    return bad, "there is no [plan] table with id, name, region and year"


@pytest.mark.parametrize(
    "breaks",
    [
        _kind_typo,
        _value_as_text,
        _value_nan,
        _floor_minus_inf,
        _negative_tolerance,
        _bad_year,
        _year_with_a_point,
        _tolerance_as_a_flag,
        _no_plan_table,
    ],
)
@pytest.mark.parametrize("args", [READERS_OF_THE_PLAN[1], ("report",), ("check",)])
def test_a_plan_against_the_schema_names_file_line_target_and_field(
    run: Run,
    seeded: Path,
    plan_file: Path,
    args: tuple[str, ...],
    breaks: Callable[[str], tuple[str, str]],
) -> None:
    bad, where_what = breaks(bundled_plan_text())
    plan_file.write_text(bad, encoding="utf-8")
    files = Files(plan_file, seeded)
    separator = ": " if where_what.startswith("there") else ", "
    refused(run(*args), f"error: {plan_file}{separator}{where_what}\n", files)


def test_a_misspelt_field_is_named_with_its_likely_spelling(
    run: Run, seeded: Path, plan_file: Path
) -> None:
    bad = edit_target(bundled_plan_text(), "industrial_output", 'unit = "%"', 'units = "%"')
    plan_file.write_text(bad, encoding="utf-8")
    header = line_of(bad, "[[target]]", after='name = "地区生产总值"')
    units = line_of(bad, 'units = "%"')
    files = Files(plan_file, seeded)
    refused(
        run("report"),
        f"error: {plan_file}, line {header} (target 'industrial_output'): unit is missing"
        " (and 1 more: run `targets check`)\n",
        files,
    )
    refused(
        run("check"),
        f"error: {plan_file}, line {header} (target 'industrial_output'): unit is missing\n"
        f"error: {plan_file}, line {units} (target 'industrial_output'): unknown field units;"
        " did you mean unit?\n",
        files,
    )


def test_an_invalid_target_is_not_also_reported_as_missing_from_the_plan(
    run: Run, seeded: Path, plan_file: Path
) -> None:
    """urban_income and rural_income refer to gdp. gdp is in the plan, only its kind is
    misspelt: that is the one problem, not 'no target gdp in the plan' twice more."""
    bad = edit_target(bundled_plan_text(), "gdp", 'kind = "growth"', 'kind = "growht"')
    plan_file.write_text(bad, encoding="utf-8")
    line = line_of(bad, 'kind = "growht"')
    message = (
        f"error: {plan_file}, line {line} (target 'gdp'): kind: input should be 'growth',"
        " 'rate', 'total' or 'level', not 'growht'\n"
    )
    files = Files(plan_file, seeded)
    refused(run("check"), message, files)
    refused(run("report"), message, files)


def test_targets_given_as_anything_but_tables_are_refused(
    run: Run, seeded: Path, plan_file: Path
) -> None:
    text = bundled_plan_text()
    plan_file.write_text('target = ["gdp"]\n' + text[: text.index("[[target]]")], "utf-8")
    files = Files(plan_file, seeded)
    message = f"error: {plan_file}: write targets as [[target]] tables\n"
    refused(run("report"), message, files)
    refused(run("check"), message, files)


# --- the ledger: not TOML, not valid ----------------------------------------------------

READERS_OF_THE_LEDGER = [
    ("record", "gdp", "2023-H1", "6.0", "--source", "test data"),
    ("record", "gdp", "2023-Q1", "6.0", "--revise"),
    ("import", "figures.csv"),
    ("import", "figures.csv", "--dry-run"),
    ("report",),
    ("report", "--format", "json"),
    ("history", "gdp"),
    ("export",),
    ("export", "--what", "actuals"),
    ("check",),
]


def _seed_with(old: str, new: str) -> str:
    assert old in SEED
    return SEED.replace(old, new, 1)


ENTRY = f"line {SEED_GDP_LINE} (entry 1)"
BROKEN_LEDGERS = [
    pytest.param(
        _seed_with("value = 5.8", 'value = "5.8"'),
        f", {ENTRY}: value must be a finite number, not '5.8'",
        id="value-as-text",
    ),
    pytest.param(
        _seed_with("value = 5.8", "value = nan"),
        f", {ENTRY}: value must be a finite number, not nan",
        id="value-nan",
    ),
    pytest.param(
        _seed_with('period = "2023-03"\n', ""),
        f", {ENTRY}: period is missing",
        id="period-missing",
    ),
    pytest.param(
        _seed_with('period = "2023-03"', 'period = "2023-13"'),
        f", {ENTRY}: period '2023-13': there is no month 13",
        id="period-bad",
    ),
    pytest.param(
        _seed_with('period = "2023-03"', "period = 202303"),
        f', {ENTRY}: period must be text like "2023-03", not 202303',
        id="period-not-text",
    ),
    pytest.param(
        _seed_with('source = "test data"', 'source = "test data"\nwho = "me"'),
        f", {ENTRY}: unknown field who",
        id="unknown-field",
    ),
    pytest.param(
        _seed_with('source = "test data"', "source = 1"),
        f", {ENTRY}: source must be text, not 1",
        id="source-not-text",
    ),
    pytest.param(
        _seed_with("recorded_at = 2023-04-20T10:00:00+08:00", "recorded_at = 2023-04-20"),
        f", {ENTRY}: recorded_at must be a date and time like 2023-04-20T10:00:00+08:00,"
        " not 2023-04-20",
        id="recorded-at-a-date",
    ),
    pytest.param(
        _seed_with("value = 5.8", "value = = 5.8"),
        ": not valid TOML: Invalid value (at line 6, column 9)",
        id="not-toml",
    ),
    pytest.param(
        SEED + "\n[foo]\n",
        ": unknown table [foo] (the ledger holds [[actual]] entries only)",
        id="unknown-table",
    ),
    pytest.param(
        "actual = [1]\n",
        ": write entries as [[actual]] tables",
        id="entries-not-tables",
    ),
]


@pytest.mark.parametrize(("text", "message"), BROKEN_LEDGERS)
@pytest.mark.parametrize("args", READERS_OF_THE_LEDGER)
def test_a_broken_ledger_is_refused_by_every_command_that_reads_it(
    run: Run,
    plan_file: Path,
    ledger_file: Path,
    isolated: Path,
    args: tuple[str, ...],
    text: str,
    message: str,
) -> None:
    figures = isolated / "figures.csv"
    figures.write_text("target,period,value,source\ngdp,2023-H1,6.0,test data\n", "utf-8")
    ledger_file.write_text(text, encoding="utf-8")
    files = Files(plan_file, ledger_file, figures)
    refused(run(*args), f"error: {ledger_file}{message}\n", files)


def test_a_ledger_that_is_not_utf8_is_refused(run: Run, plan_file: Path, ledger_file: Path) -> None:
    ledger_file.write_bytes(SEED.replace("test data", "测试").encode("gbk"))
    files = Files(plan_file, ledger_file)
    at = SEED.index("test data")
    refused(run("report"), f"error: {ledger_file}: not UTF-8 text (byte {at})\n", files)


# --- check: the plan and the ledger together ------------------------------------------


def test_check_names_periods_the_frequency_does_not_take(
    run: Run, seeded: Path, plan_file: Path
) -> None:
    seeded.write_text(_seed_with('period = "2023-03"', 'period = "2023-02"'), "utf-8")
    files = Files(plan_file, seeded)
    refused(
        run("check"),
        f"error: {seeded}, line {SEED_GDP_LINE}: gdp is quarterly, so 2023-02 is not one of its"
        " periods (the report leaves it out)\n",
        files,
    )


def test_check_lists_every_problem_of_plan_and_ledger_at_once(
    run: Run, seeded: Path, plan_file: Path
) -> None:
    bad, where_what = _value_as_text(bundled_plan_text())
    plan_file.write_text(bad, encoding="utf-8")
    seeded.write_text(
        _seed_with("value = 5.8", 'value = "5.8"') + "\n[[actual]]\n" + 'target = "old_target"\n'
        'period = "2022-12"\nvalue = 1.0\nrecorded_at = 2023-01-20T10:00:00+08:00\n',
        "utf-8",
    )
    files = Files(plan_file, seeded)
    result = run("check")
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"error: {plan_file}, {where_what}\n"
        f"error: {seeded}, {ENTRY}: value must be a finite number, not '5.8'\n"
    )
    assert "Traceback" not in result.output
    assert files.unchanged()


# --- CSV import ---------------------------------------------------------------------------

HEADER_NEEDED = (
    "the file needs a header row with target, period, value"
    " (optional: source, note, recorded_at, region, withdrawn), or in Chinese 指标, 期间, 数值"
    " (来源, 备注, 记录时间, 地区)"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("gdp,2023-H1,6.0\n", HEADER_NEEDED),
        ("", HEADER_NEEDED),
        ("\n\ngdp,2023-H1,6.0\n", HEADER_NEEDED),
        ("target,period\ngdp,2023-H1\n", HEADER_NEEDED),
        (
            "target,period,value,unit\ngdp,2023-H1,6.0,%\n",
            HEADER_NEEDED + "; unknown column 'unit'",
        ),
    ],
)
@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
def test_a_csv_without_its_header_is_refused(
    run: Run,
    seeded: Path,
    plan_file: Path,
    isolated: Path,
    content: str,
    message: str,
    dry_run: tuple[str, ...],
) -> None:
    figures = isolated / "figures.csv"
    figures.write_text(content, "utf-8")
    files = Files(plan_file, seeded)
    line = 3 if content.startswith("\n\n") else 1  # empty lines before the header are skipped
    refused(
        run("import", str(figures), *dry_run), f"error: {figures}, line {line}: {message}\n", files
    )


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
def test_every_bad_row_is_named_and_nothing_is_recorded(
    run: Run, seeded: Path, plan_file: Path, isolated: Path, dry_run: tuple[str, ...]
) -> None:
    figures = isolated / "figures.csv"
    figures.write_text(
        "target,period,value,source\n"
        "gdp,2023-H1,6.0,test data\n"
        "gpd,2023-09,6.0,test data\n"
        "gdp,2023-02,6.0,test data\n"
        "gdp,2023-09,abc,test data\n"
        "gdp,2023-12,test data\n"
        "\n"
        "cpi,2022-12,1.0,test data\n"
        "cpi,2023-02,inf,test data\n"
        "cpi,2023-03,1.0,test data,extra\n"
        "cpi,2023-04,1.0,test data\n",
        "utf-8",
    )
    files = Files(plan_file, seeded)
    f = figures
    refused(
        run("import", str(figures), *dry_run),
        f"error: {f}, line 3: unknown target 'gpd'; did you mean 'gdp'?\n"
        f"error: {f}, line 4: period '2023-02': gdp is quarterly and takes only quarter ends"
        " (03, 06, 09, 12)\n"
        f"error: {f}, line 5: value 'abc' is not a number\n"
        f"error: {f}, line 6: 3 cells where the header has 4\n"
        f"error: {f}, line 8: period '2022-12' is outside the plan's year 2023\n"
        f"error: {f}, line 9: value 'inf' is not a finite number\n"
        f"error: {f}, line 10: 5 cells where the header has 4\n"
        f"error: {f}: nothing was recorded\n",
        files,
    )


def test_a_csv_row_with_a_bad_recorded_at_is_named(
    run: Run, seeded: Path, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "figures.csv"
    figures.write_text("target,period,value,recorded_at\ngdp,2023-H1,6.0,yesterday\n", "utf-8")
    files = Files(plan_file, seeded)
    refused(
        run("import", str(figures)),
        f"error: {figures}, line 2: recorded_at 'yesterday' is not a date and time like"
        " 2023-04-20T10:00:00+08:00\n"
        f"error: {figures}: nothing was recorded\n",
        files,
    )


def test_a_csv_neither_utf8_nor_gbk_is_refused(
    run: Run, seeded: Path, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "figures.csv"
    figures.write_bytes(b"target,period,value,source\ngdp,2023-H1,6.0,\xff\xfe\n")
    files = Files(plan_file, seeded)
    refused(
        run("import", str(figures)),
        f"error: {figures}, line 2: neither UTF-8 nor GBK text;"
        " save it as 'CSV UTF-8 (逗号分隔)'\n",
        files,
    )


def test_a_csv_row_for_a_period_that_has_a_figure_needs_revise(
    run: Run, seeded: Path, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "figures.csv"
    figures.write_text(
        "target,period,value,source\ncpi,2023-02,2.0,test data\ngdp,2023-Q1,5.9,test data\n",
        "utf-8",
    )
    files = Files(plan_file, seeded)
    refused(
        run("import", str(figures)),
        f"error: {figures}, line 3: gdp 2023-03 already has 5.8 (recorded 2023-04-20 10:00);"
        " add --revise to record a correction\n"
        f"error: {figures}: nothing was recorded\n",
        files,
    )


def test_a_csv_giving_one_period_twice_needs_revise(
    run: Run, seeded: Path, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "figures.csv"
    figures.write_text(
        "target,period,value,source\ngdp,2023-H1,6.0,test data\ngdp,2023-06,6.1,test data\n",
        "utf-8",
    )
    files = Files(plan_file, seeded)
    refused(
        run("import", str(figures)),
        f"error: {figures}, line 3: gdp 2023-06 is already given on {figures}, line 2;"
        " add --revise to take the later row as a correction\n"
        f"error: {figures}: nothing was recorded\n",
        files,
    )


def test_a_csv_naming_a_column_twice_is_refused(
    run: Run, seeded: Path, plan_file: Path, isolated: Path
) -> None:
    """Which of two value columns is the figure? Guessing would record a wrong one."""
    figures = isolated / "figures.csv"
    figures.write_text("target,period,value,value\ngdp,2023-H1,6.0,60\n", "utf-8")
    files = Files(plan_file, seeded)
    refused(
        run("import", str(figures)),
        f"error: {figures}, line 1: column 'value' is given twice\n",
        files,
    )


def test_a_csv_cell_too_long_for_the_csv_reader_is_refused_without_a_traceback(
    run: Run, seeded: Path, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "figures.csv"
    figures.write_text(
        'target,period,value,note\ngdp,2023-H1,6.0,"' + "x" * 200_000 + '"\n', "utf-8"
    )
    files = Files(plan_file, seeded)
    result = run("import", str(figures))
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"error: {figures}") for line in lines)
    assert lines[0].startswith(f"error: {figures}, line 2: ")
    assert result.stdout == ""
    assert files.unchanged()


def test_a_missing_csv_is_refused(run: Run, seeded: Path, plan_file: Path, isolated: Path) -> None:
    files = Files(plan_file, seeded)
    missing = isolated / "nothere.csv"
    refused(
        run("import", str(missing)),
        f"error: {missing}: cannot read (No such file or directory)\n",
        files,
    )


# --- wrong usage --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ("record", "gdp"),
            "Usage: targets record [OPTIONS] {TARGET} {PERIOD} {VALUE}\n"
            "Try 'targets record --help' for help.\n\n"
            "Error: Missing argument 'PERIOD'.\n",
        ),
        (("record", "gdp", "2023-H1", "6.0", "--sauce", "test data"), None),
        (("import",), None),
        (("history",), None),
        (("report", "--format", "pdf"), None),
        (("report", "--lang", "fr"), None),
        (("export", "--what", "everything"), None),
        (("nonsense",), None),
    ],
)
def test_wrong_usage_exits_2_and_writes_nothing(
    run: Run, seeded: Path, plan_file: Path, args: tuple[str, ...], stderr: str | None
) -> None:
    files = Files(plan_file, seeded)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Usage: targets")
    if stderr is not None:
        assert result.stderr == stderr
    assert files.unchanged()
