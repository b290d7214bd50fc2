"""Every command through the command line, as a user types it. Figures are test data."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run

from targets.present.machine import TARGET_KEYS
from targets.store.plan_file import bundled_plan_text

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English words


def test_init_writes_the_bundled_plan_and_keeps_an_existing_one(run: Run, isolated: Path) -> None:
    result = run("init")
    assert result.exit_code == 0, result.output
    plan = isolated / "targets.toml"
    assert plan.read_text("utf-8") == bundled_plan_text()
    plan.write_text(plan.read_text("utf-8") + "# my note\n", "utf-8")
    refused = run("init")
    assert refused.exit_code == 1
    assert refused.stderr == f"error: {plan} exists already; `targets init --force` replaces it\n"
    assert plan.read_text("utf-8").endswith("# my note\n")
    assert run("init", "--force").exit_code == 0
    assert plan.read_text("utf-8") == bundled_plan_text()


def test_the_bundled_plan_is_the_repositorys_targets_toml() -> None:
    top = Path(__file__).resolve().parent.parent / "targets.toml"
    assert top.read_text("utf-8") == bundled_plan_text()


def test_a_first_month_gdp_behind_with_what_the_rest_of_the_year_needs(run: Run) -> None:
    assert run("init").exit_code == 0
    recorded = run("record", "gdp", "2023-Q1", "5.8", "--source", "test data")
    assert recorded.exit_code == 0, recorded.output
    assert recorded.stderr == "recorded gdp 2023-03 (Jan–Mar) = 5.8\n"
    report = run("report", "--lang", "zh")
    assert report.exit_code == 0, report.output
    gdp_line = next(line for line in report.stdout.splitlines() if "地区生产总值" in line)
    assert "≥6.5%" in gdp_line and "5.8%" in gdp_line and "-0.7" in gdp_line
    assert "✗ 滞后" in gdp_line and "余下需增长" in gdp_line and "6.73%以上" in report.stdout
    doc = json.loads(run("report", "--format", "json").stdout)
    gdp = doc["targets"][0]
    assert (gdp["status"], gdp["actual"], gdp["gap"]) == ("behind", 5.8, -0.7)
    assert round(gdp["required"], 4) == 6.7333
    exported = run("export", "--what", "actuals")
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [(r["target"], r["period"], r["value"], r["source"]) for r in rows] == [
        ("gdp", "2023-03", "5.8", "test data")
    ]


def test_report_json_has_the_spec_shape(run: Run, plan_file: Path) -> None:
    for args in (("gdp", "2023-03", "5.8"), ("gdp", "2023-06", "6.0"), ("gdp", "2023-09", "5.9")):
        assert run("record", *args).exit_code == 0
    doc = json.loads(run("report", "--format", "json").stdout)
    assert doc["plan"] == {
        "id": "liaoyuan-2023",
        "name": "辽源市2023年主要预期目标",
        "region": "辽源市",
        "year": 2023,
    }
    assert list(doc) == ["plan", "region", "as_of", "known_on", "targets"]
    assert doc["as_of"] == "2023-09"
    assert (doc["region"], doc["known_on"]) == ("辽源市", None)
    gdp = doc["targets"][0]
    assert list(gdp) == list(TARGET_KEYS)
    assert gdp == {
        "id": "gdp",
        "name": "地区生产总值",
        "name_en": "Gross regional product",
        "kind": "growth",
        "comparator": "at_least",
        "value": 6.5,
        "tolerance": 0.0,
        "relative_to": None,
        "effective": 6.5,
        "unit": "%",
        "frequency": "quarterly",
        "period": "2023-09",
        "actual": 5.9,
        "latest": None,
        "gap": -0.6,
        "progress": None,
        "schedule": None,
        "required": 8.3,
        "status": "behind",
        "department": "市统计局",
        "reachable": True,
        "previous": 6.0,
        "change": -0.1,
        "region": "辽源市",
        "rank": None,
        "rank_of": None,
        "rank_change": None,
        "reference_actual": None,
        "vs_reference": None,
        "projected_low": 5.85,
        "projected_high": 5.9,
        "outlook": "unlikely",
    }
    assert [t["id"] for t in doc["targets"]][-1] == "livelihood_projects"


def test_report_with_nothing_recorded(run: Run, plan_file: Path) -> None:
    doc = json.loads(run("report", "-f", "json").stdout)
    assert doc["as_of"] is None
    assert {t["status"] for t in doc["targets"]} == {"no_data", "no_target"}


def test_report_csv_has_the_json_columns(run: Run, plan_file: Path) -> None:
    run("record", "livelihood_projects", "2023年1-5月", "20")
    out = run("report", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(TARGET_KEYS)
    projects = rows[-1]
    assert projects["progress"] == "0.4" and projects["schedule"] == str(5 / 12)
    assert projects["status"] == "behind" and projects["required"] == "30.0"


def test_as_of_and_languages(run: Run, plan_file: Path, monkeypatch: object) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    run("record", "gdp", "2023-H1", "6.6")
    earlier = json.loads(run("report", "--as-of", "2023年一季度", "-f", "json").stdout)
    assert earlier["as_of"] == "2023-03" and earlier["targets"][0]["actual"] == 5.8
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("COLUMNS", "200")  # nothing folds
    english = run("report", "--lang", "en")
    assert "Liaoyuan 2023: main expected targets · H1" in english.stdout
    assert "Gross regional product" in english.stdout and "on track" in english.stdout
    monkeypatch.setenv("TARGETS_LANG", "en")
    assert "· H1" in run("report").stdout
    assert run("report", "--as-of", "2024-03").stderr == (
        "error: period '2024-03' is outside the plan's year 2023\n"
    )


def test_record_by_name_and_revise(run: Run, plan_file: Path, ledger_file: Path) -> None:
    assert run("record", "规模以上工业增加值", "2023年1-2月", "9.5").exit_code == 0
    again = run("record", "industrial_value_added", "2023-02", "9.7", "--revise", "--note", "修订")
    assert again.exit_code == 0, again.output
    assert again.stderr == "recorded industrial_value_added 2023-02 (Jan–Feb) = 9.7 (revision)\n"
    history = json.loads(run("history", "industrial_value_added", "-f", "json").stdout)
    assert [(e["value"], e["current"], e["note"]) for e in history["entries"]] == [
        (9.5, False, None),
        (9.7, True, "修订"),
    ]
    assert history["target"]["id"] == "industrial_value_added"
    assert "effective" not in history["target"]
    assert ledger_file.read_text("utf-8").count("[[actual]]") == 2


def test_history_table_marks_revisions(run: Run, plan_file: Path) -> None:
    run("record", "unemployment", "2023-01", "5.6")
    run("record", "unemployment", "2023-02", "5.9")
    run("record", "unemployment", "2023-02", "5.8", "--revise")
    out = run("history", "unemployment", "--lang", "zh").stdout
    assert "城镇调查失业率 · ≤6%左右 (±0.5) · 2023" in out
    assert "已修订" in out and "┃ 为目标线" in out
    csv_out = run("history", "unemployment", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "period,value,recorded_at,source,note,current,withdrawn"


def test_import_all_or_none_and_dry_run(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    good = isolated / "figures.csv"
    good.write_bytes(
        "\ufefftarget,period,value,source\n"
        "gdp,2023-Q1,5.8,test data\n"
        "retail_sales,2023年1-2月,7.2,test data\n".encode()
    )
    dry = run("import", str(good), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.stderr == f"would record 2 figures from {good} (UTF-8)\n"
    assert not ledger_file.exists()
    done = run("import", str(good))
    assert done.exit_code == 0, done.output
    assert done.stderr == f"recorded 2 figures from {good} (UTF-8)\n"
    assert ledger_file.read_text("utf-8").count("[[actual]]") == 2


def test_export_actuals_round_trips_through_import(
    run: Run, plan_file: Path, isolated: Path, monkeypatch: object
) -> None:
    run("record", "gdp", "2023-Q1", "5.8", "--source", "test data, 初步")
    run("record", "gdp", "2023-Q1", "5.9", "--revise", "--note", 'say "revised"')
    run("record", "cpi", "2023-01", "-0.3")
    exported = isolated / "actuals.csv"
    assert run("export", "--what", "actuals", "--output", str(exported)).exit_code == 0
    other = isolated / "other.toml"
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("TARGETS_LEDGER", str(other))
    assert run("import", str(exported), "--revise").exit_code == 0
    again = run("export", "--what", "actuals").stdout
    assert again == exported.read_text("utf-8")


def test_export_for_excel_has_a_byte_order_mark_and_crlf(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    out = isolated / "report.csv"
    result = run("export", "--excel", "--output", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in data
        and b"\n" not in data.replace(b"\r\n", b"")
    )
    assert "地区生产总值" in data.decode("utf-8-sig")


def test_list_shows_every_target(run: Run, plan_file: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("COLUMNS", "200")  # nothing folds
    result = run("list", "--lang", "zh")
    assert result.exit_code == 0, result.output
    for words in ("gdp", "≥6.5%", "惠民实事", "50件", "与地区生产总值同步", "待定", "季度"):
        assert words in result.stdout
    english = run("list", "--lang", "en").stdout
    assert "Livelihood projects completed" in english and "quarterly" in english


def test_check_passes_and_names_unclaimed_entries(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    ok = run("check")
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == f"ok: {plan_file} (13 targets) and {ledger_file} (1 entries)\n"
    with ledger_file.open("a", encoding="utf-8") as f:
        f.write(
            '\n[[actual]]\ntarget = "old_target"\nperiod = "2022-12"\nvalue = 1.0\n'
            "recorded_at = 2023-01-20T10:00:00+08:00\n"
        )
    noted = run("check")
    assert noted.exit_code == 0, noted.output
    assert (
        f"note: {ledger_file}: 1 entry for 'old_target', which no target of liaoyuan-2023 claims"
        in noted.stderr
    )


def test_wrong_usage_exits_2(run: Run, plan_file: Path) -> None:
    assert run("report", "--format", "pdf").exit_code == 2
    assert run("record", "gdp").exit_code == 2
    assert run("nonsense").exit_code == 2


def test_python_dash_m_runs_the_tool(plan_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "targets", "list"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "地区生产总值" in done.stdout


def test_a_span_given_for_a_monthly_rate_is_refused_naming_the_month(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    result = run("record", "cpi", "2023年", "0.2")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: period '2023年' spans months, and a monthly rate takes each month's reading"
        " (the bureau's figure for a span is their mean): write the month, 2023-12\n"
    )
    assert not ledger_file.exists()
    assert run("record", "cpi", "2023-11", "0.1").stderr == "recorded cpi 2023-11 (Nov) = 0.1\n"


def test_as_of_with_the_actuals_export_says_it_exports_everything(
    run: Run, plan_file: Path
) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    run("record", "gdp", "2023-09", "6.0")
    result = run("export", "--what", "actuals", "--as-of", "2023-Q1")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "note: --as-of applies to the report; the actuals export holds every entry\n"
    )
    assert [line.split(",")[1] for line in result.stdout.splitlines()[1:]] == [
        "2023-03",
        "2023-09",
    ]


def test_every_command_takes_plan_ledger_and_lang(run: Run, plan_file: Path) -> None:
    common = ["--plan", str(plan_file), "--ledger", "actuals.toml", "--lang", "en"]
    for args in (
        ["init", "--force"],
        ["list"],
        ["record", "gdp", "2023-Q1", "5.8"],
        ["report"],
        ["history", "gdp"],
        ["export"],
        ["check"],
    ):
        result = run(*args, *common)
        assert result.exit_code == 0, (args, result.output)


def test_full_width_digits_are_a_number(run: Run, plan_file: Path) -> None:
    result = run("record", "gdp", "２０２３年一季度", "５．８")
    assert result.stderr == "recorded gdp 2023-03 (Jan–Mar) = 5.8\n"
    result = run("record", "cpi", "2023-01", "　－０．３　", "--source", "test data")
    assert result.stderr == "recorded cpi 2023-01 (Jan) = -0.3\n"


def test_the_csv_and_the_xlsx_export_of_one_ledger_are_the_same_entries_on_import(
    run: Run, plan_file: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbook writes recorded times in China's time, the ledger keeps them as
    recorded (UTC here): importing one export after the other finds every entry there
    already, and records nothing twice."""
    run("record", "gdp", "2023-Q1", "5.8", "--source", "test data")
    run("record", "gdp", "2023-Q1", "5.9", "--revise")
    run("record", "cpi", "2023-01", "-0.3")
    as_csv, as_xlsx = isolated / "a.csv", isolated / "a.xlsx"
    assert run("export", "--what", "actuals", "--output", str(as_csv)).exit_code == 0
    done = run("export", "--what", "actuals", "--format", "xlsx", "--output", str(as_xlsx))
    assert done.exit_code == 0, done.output
    other = isolated / "other.toml"
    monkeypatch.setenv("TARGETS_LEDGER", str(other))
    first = run("import", str(as_csv), "--revise")
    assert first.exit_code == 0, first.output
    kept = other.read_bytes()
    second = run("import", str(as_xlsx), "--revise")
    assert second.exit_code == 0, second.output
    assert second.stderr.endswith(", 3 unchanged\n"), second.stderr
    assert second.stderr.startswith("recorded 0 figures"), second.stderr
    assert other.read_bytes() == kept
