"""The desk where figures arrive (SPEC §2, §9): bureau sheets as Chinese Excel saves them,
periods the bureau's way, the same cumulative sheet imported every month."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

# A sheet as Chinese Excel saves it ("CSV (逗号分隔)", GBK): Chinese headers, targets by
# name, periods as the bureau writes them or as Excel turned them into dates, a percent
# typed with its sign, an empty trailing column and an empty row.
BUREAU_SHEET = (
    "指标,期间,数值,来源,\r\n"
    "地区生产总值,一季度,5.8,市统计局,\r\n"
    "规模以上工业总产值,2023/3/1,6.1%,市统计局,\r\n"
    ",,,,\r\n"
    "居民消费价格涨幅,2023年3月1日,0.7,市统计局,\r\n"
    "居民消费价格涨幅,Feb-23,1.1,市统计局,\r\n"
    "惠民实事,1-3月,12,市政府办,\r\n"
)


def test_a_gbk_sheet_with_chinese_headers_and_excels_dates_is_read(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    sheet = isolated / "一季度.csv"
    sheet.write_bytes(BUREAU_SHEET.encode("gbk"))
    result = run("import", str(sheet))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"已从 {sheet}（GBK）记录 5 个数据\n"
    exported = run("export", "--what", "actuals").stdout.splitlines()
    assert [line.split(",")[:3] for line in exported[1:]] == [
        ["gdp", "2023-03", "5.8"],
        ["industrial_output", "2023-03", "6.1"],
        ["cpi", "2023-03", "0.7"],
        ["cpi", "2023-02", "1.1"],
        ["livelihood_projects", "2023-03", "12.0"],
    ]


def test_the_same_sheet_imported_again_records_nothing(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    sheet = isolated / "sheet.csv"
    sheet.write_bytes(BUREAU_SHEET.encode("gbk"))
    assert run("import", str(sheet)).exit_code == 0
    before = ledger_file.read_bytes()
    for revise in ((), ("--revise",)):
        again = run("import", str(sheet), *revise)
        assert again.exit_code == 0, again.output
        assert again.stderr == f"已从 {sheet}（GBK）记录 0 个数据，5 个与现有数据相同\n"
        assert ledger_file.read_bytes() == before


def test_a_cumulative_sheet_records_only_its_new_and_revised_rows(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    sheet = isolated / "sheet.csv"
    sheet.write_text("指标,时间,数值\ngdp,一季度,5.8\n", "utf-8-sig")
    assert run("import", str(sheet)).exit_code == 0
    sheet.write_text("指标,时间,数值\ngdp,一季度,5.80\ngdp,上半年,6.0\n", "utf-8-sig")
    result = run("import", str(sheet))
    assert result.stderr == f"已从 {sheet}（UTF-8）记录 1 个数据，1 个与现有数据相同\n"
    sheet.write_text("指标,时间,数值\ngdp,一季度,5.9\ngdp,上半年,6.0\n", "utf-8-sig")
    refused = run("import", str(sheet))
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"错误：{sheet} 第 2 行：gdp 2023-03 已有数据 5.8（记录于 ")
    revised = run("import", str(sheet), "--revise")
    assert revised.stderr == f"已从 {sheet}（UTF-8）记录 1 个数据，1 个与现有数据相同\n"
    # last month's sheet again: its 5.8 was revised away, and is not recorded again
    sheet.write_text("指标,时间,数值\ngdp,一季度,5.8\n", "utf-8-sig")
    before = ledger_file.read_bytes()
    stale = run("import", str(sheet), "--revise")
    assert stale.stderr == f"已从 {sheet}（UTF-8）记录 0 个数据，1 个已被修订的旧数据\n"
    assert ledger_file.read_bytes() == before
    assert '"actual": 5.9,' in run("report", "--as-of", "一季度", "--format", "json").stdout


def test_recording_the_figure_in_force_again_writes_nothing(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    assert run("record", "gdp", "一季度", "5.8").exit_code == 0
    before = ledger_file.read_bytes()
    for revise in ((), ("--revise",)):
        again = run("record", "gdp", "2023-03", "5.80", *revise)
        assert again.exit_code == 0, again.output
        assert again.stderr.startswith("gdp 2023-03（1-3月）已是 5.8（记录于 ")
        assert again.stderr.endswith("）；未重复记录\n")
    assert ledger_file.read_bytes() == before


def test_a_bureau_period_names_the_year_to_date_form_when_refused(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    result = run("record", "gdp", "二季度", "6.3")
    assert result.exit_code == 1
    assert result.stderr == "错误：期间 '二季度' 只是一个季度；数据按年初累计，请写 上半年\n"
    english = run("record", "gdp", "二季度", "6.3", "--lang", "en")
    assert english.stderr == (
        "error: period '二季度' names one quarter alone; figures are year to date: write 上半年\n"
    )
    month = run("record", "fixed_asset_investment", "2023年4月", "3.1")
    assert month.stderr == "错误：期间 '2023年4月' 只是一个月；数据按年初累计，请写 2023年1-4月\n"
    assert not ledger_file.exists()
    assert run("record", "gdp", "上半年", "6.3").stderr == "已记录 gdp 2023-06（上半年）= 6.3\n"
    assert run("report", "--as-of", "2023-Q3", "--format", "json").exit_code == 0


def test_a_percent_cell_and_a_gb18030_character_are_read(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    sheet = isolated / "sheet.csv"
    # 𠀀 is beyond GBK: Excel then saves GB18030
    sheet.write_bytes("指标,期间,数值,备注\ngdp,一季度,5.8%,𠀀\n".encode("gb18030"))
    result = run("import", str(sheet))
    assert result.stderr == f"已从 {sheet}（GB18030）记录 1 个数据\n"
    assert "gdp,2023-03,5.8," in run("export", "--what", "actuals").stdout


def test_a_withdrawn_figure_leaves_the_period_without_one(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    refused = run("withdraw", "gdp", "一季度")
    assert (refused.exit_code, refused.stderr) == (
        1,
        "错误：gdp 2023-03 没有生效的数据可撤回\n",
    )
    assert not ledger_file.exists()
    run("record", "gdp", "一季度", "5.8")
    done = run("withdraw", "地区生产总值", "2023-Q1", "--note", "录错了指标")
    assert done.exit_code == 0, done.output
    assert done.stderr == "已撤回 gdp 2023-03（1-3月）= 5.8：该期间现在没有生效的数据\n"
    assert "withdrawn = true" in ledger_file.read_text("utf-8")
    gdp = _row(run("report", "--format", "json").stdout, "gdp")
    assert (gdp["status"], gdp["actual"]) == ("no_data", None)
    again = run("withdraw", "gdp", "一季度")
    assert again.stderr == "错误：gdp 2023-03 没有生效的数据可撤回\n"
    english = run("withdraw", "gdp", "一季度", "--lang", "en")
    assert english.stderr == "error: gdp 2023-03 has no figure in force to withdraw\n"
    table = run("history", "gdp").stdout
    assert "已撤回" in table and "录错了指标" in table
    # recording after a withdrawal is no revision of a figure in force: no --revise
    assert run("record", "gdp", "一季度", "5.9").exit_code == 0
    assert _row(run("report", "--format", "json").stdout, "gdp")["actual"] == 5.9


def test_a_withdrawal_goes_through_export_and_import(
    run: Run, plan_file: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("record", "gdp", "一季度", "5.8")
    run("record", "cpi", "1月", "0.3")
    run("withdraw", "gdp", "一季度")
    exported = run("export", "--what", "actuals").stdout
    lines = exported.splitlines()
    assert lines[0] == "target,period,value,recorded_at,source,note,region,withdrawn"
    assert lines[3].startswith("gdp,2023-03,,") and lines[3].endswith(",true")
    sheet = isolated / "actuals.csv"
    sheet.write_text(exported, "utf-8")
    monkeypatch.setenv("TARGETS_LEDGER", str(isolated / "other.toml"))
    imported = run("import", str(sheet))
    assert imported.stderr == f"已从 {sheet}（UTF-8）记录 3 个数据\n"
    assert run("export", "--what", "actuals").stdout == exported
    assert _row(run("report", "--format", "json").stdout, "gdp")["status"] == "no_data"
    again = run("import", str(sheet))
    assert again.stderr == f"已从 {sheet}（UTF-8）记录 0 个数据，3 个与现有数据相同\n"


def test_a_figure_equal_to_a_withdrawn_one_is_stale_with_revise(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    run("record", "gdp", "一季度", "5.8")
    run("withdraw", "gdp", "一季度")
    sheet = isolated / "sheet.csv"
    sheet.write_text("指标,期间,数值\n地区生产总值,一季度,5.8\n", "utf-8")
    stale = run("import", str(sheet), "--revise")
    assert stale.stderr == f"已从 {sheet}（UTF-8）记录 0 个数据，1 个已被修订的旧数据\n"


def test_a_withdrawal_in_a_ledger_has_no_value(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    ledger_file.write_text(
        '[[actual]]\ntarget = "gdp"\nperiod = "2023-03"\nvalue = 5.8\nwithdrawn = true\n'
        "recorded_at = 2023-04-20T10:00:00+08:00\n",
        "utf-8",
    )
    result = run("report")
    assert result.stderr == (
        f"错误：{ledger_file} 第 1 行（第 1 条）：撤回记录（withdrawn = true）没有数值\n"
    )


def _row(report: str, target: str) -> dict[str, Any]:
    found: dict[str, Any] = next(t for t in json.loads(report)["targets"] if t["id"] == target)
    return found


# --- workbooks ----------------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
# What tests/fixtures/bureau.csv holds, as LibreOffice made it into bureau.xlsx: a
# percent cell (6.1%), a date cell (2023-02-01), the bureau's periods and a peer's row.
FROM_THE_SHEET = [
    ["gdp", "2023-03", "5.8", "市统计局", ""],
    ["industrial_output", "2023-03", "6.1", "市统计局", ""],
    ["cpi", "2023-02", "1.1", "市统计局", ""],
    ["livelihood_projects", "2023-03", "12.0", "市政府办", ""],
    ["gdp", "2023-03", "6.2", "省统计局", "长春市"],
]


def _recorded(run: Run) -> list[list[str]]:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(run("export", "--what", "actuals").stdout)))
    return [[r[0], r[1], r[2], r[4], r[6]] for r in rows[1:]]


def _import_workbook(run: Run, book: Path, ledger_file: Path) -> None:
    result = run("import", str(book))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"已从 {book}（工作表 'bureau'）记录 5 个数据\n"
    assert _recorded(run) == FROM_THE_SHEET
    before = ledger_file.read_bytes()
    again = run("import", str(book), "--sheet", "bureau")
    assert again.stderr == f"已从 {book}（工作表 'bureau'）记录 0 个数据，5 个与现有数据相同\n"
    assert ledger_file.read_bytes() == before


def test_a_workbook_libreoffice_wrote_is_read(run: Run, plan_file: Path, ledger_file: Path) -> None:
    _import_workbook(run, FIXTURES / "bureau.xlsx", ledger_file)


def test_a_workbook_made_now_by_libreoffice_is_read(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    shutil.copy(FIXTURES / "bureau.csv", isolated / "bureau.csv")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(isolated / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--infilter=CSV:44,34,76,1",  # comma, double quote, UTF-8, from line 1
            "--outdir",
            str(isolated),
            str(isolated / "bureau.csv"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    _import_workbook(run, isolated / "bureau.xlsx", ledger_file)


def test_a_sheet_the_workbook_lacks_is_named(run: Run, plan_file: Path, ledger_file: Path) -> None:
    book = FIXTURES / "bureau.xlsx"
    result = run("import", str(book), "--sheet", "三月")
    assert (result.exit_code, result.stderr) == (
        1,
        f"错误：{book}：没有工作表 '三月'；工作簿中有 'bureau'\n",
    )
    assert not ledger_file.exists()


def test_a_file_that_is_no_workbook_is_refused(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    fake = isolated / "figures.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("import", str(fake))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{fake}：不是 .xlsx 工作簿（")
    old = isolated / "figures.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert run("import", str(old)).stderr == (
        f"错误：{old}：是 Excel 97-2003 的 .xls 工作簿；请另存为 .xlsx 或 CSV\n"
    )
