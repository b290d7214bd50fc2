"""The briefing outputs opened in the programs people use: the HTML page printed to PDF by
headless Chromium, the workbook read back by LibreOffice and by openpyxl. The figures are
the README's year of examples (docs/example-2023.csv), not published ones."""

from __future__ import annotations

import csv
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run

EXAMPLES = Path(__file__).parent.parent / "docs" / "example-2023.csv"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and PDFTOTEXT), reason="needs chromium and pdftotext (.ci/run installs them)"
)
needs_soffice = pytest.mark.skipif(
    not SOFFICE, reason="needs LibreOffice (libreoffice-calc-nogui; .ci/run installs it)"
)

HOSTILE_PLAN = """\
[plan]
id = "hostile-2023"
name = "<b>测试市</b> & co"
region = "测试市"
year = 2023
lang = "zh"

[[target]]
id = "gdp"
name = "<script>alert(1)</script>"
kind = "growth"
comparator = "at_least"
value = 6.5
unit = "%"
frequency = "quarterly"
department = "=HYPERLINK(\\"http://x\\")"

[[target]]
id = "projects"
name = "=1+1"
kind = "total"
comparator = "at_least"
value = 50
unit = "件"
frequency = "monthly"
"""


@pytest.fixture
def year(run: Run, plan_file: Path) -> Path:
    """The bundled plan with a year of example figures, one of them revised."""
    r = run("import", str(EXAMPLES), "--revise")
    assert r.exit_code == 0, r.output
    return plan_file.parent


@pytest.fixture
def hostile(run: Run, isolated: Path) -> Path:
    """A plan and ledger whose texts try to be markup and formulas."""
    (isolated / "targets.toml").write_text(HOSTILE_PLAN, encoding="utf-8")
    for args in (
        ("record", "gdp", "2023-Q1", "5.8", "--note", '<img src=x onerror="alert(1)">'),
        ("record", "projects", "2023-03", "9", "--source", "@SUM(A1:A2)", "--note", "-2+3"),
        ("record", "projects", "2023-04", "12", "--note", "+cmd|' /C calc'!A0"),
    ):
        r = run(*args)
        assert r.exit_code == 0, r.output
    return isolated


def pdf_of(page: Path) -> Path:
    """The page printed to PDF by headless Chromium, as a person's print dialog would."""
    assert CHROMIUM is not None
    pdf = page.with_suffix(".pdf")
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={page.parent / 'chromium'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return {
        k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in out.stdout.splitlines())
    }


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


# --- HTML ----------------------------------------------------------------------------------


def test_html_is_one_self_contained_page(run: Run, year: Path) -> None:
    r = run("report", "--format", "html", "--output", "brief.html")
    assert r.exit_code == 0, r.output
    page = (year / "brief.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>辽源市2023年主要预期目标 · 截至2023年全年</title>" in page
    for fetched in ("<script", "<link", "src=", "url(", "@import", "http://", "https://"):
        assert fetched not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    # a chart for every target with figures: all thirteen have some by December
    assert page.count("<svg") == 13
    assert '<span class="chip missed">未实现</span>' in page
    assert "修订：半年核算调整" not in page  # the H1 note; the year's figures carry none


def test_html_groups_by_department(run: Run, year: Path) -> None:
    r = run("report", "--format", "html", "--by", "department", "--output", "brief.html")
    assert r.exit_code == 0, r.output
    page = (year / "brief.html").read_text("utf-8")
    groups = [ln.split(">")[-3].split("<")[0] for ln in page.splitlines() if 'class="group"' in ln]
    assert groups[:3] == ["市统计局", "市工业和信息化局", "市发展和改革委员会"]
    assert page.index("城镇常住居民人均可支配收入") < page.index("规模以上工业总产值")


def test_html_shows_the_note_of_the_figure_used(run: Run, year: Path) -> None:
    r = run("report", "--format", "html", "--as-of", "2023-H1", "--lang", "en", "-o", "b.html")
    assert r.exit_code == 0, r.output
    page = (year / "b.html").read_text("utf-8")
    assert "<li>Gross regional product · H1: 修订：半年核算调整</li>" in page
    assert "6.1%<sup>1</sup>" in page


def test_html_draws_the_estimate_dashed_and_labelled(run: Run, year: Path) -> None:
    r = run("report", "--format", "html", "--as-of", "2023-09", "--output", "q3.html")
    assert r.exit_code == 0, r.output
    page = (year / "q3.html").read_text("utf-8")
    gdp = page[page.index('id="chart-gdp"') :].split("</figure>")[0]
    assert gdp.count('stroke-dasharray="4 3"') == 3  # two estimates and their legend
    assert ">预计6.3–6.4% 完成难度大</text>" in gdp
    row = page[page.index('id="row-gdp"') :].split("</tr>")[0]
    assert '<td>6.3–6.4%<span class="sub">完成难度大</span></td>' in row.replace(
        ' class="nowrap"', ""
    )
    assert "提高0.2" in row
    r = run("report", "-f", "html", "--as-of", "2023-09", "--no-outlook", "-o", "q3.html")
    assert r.exit_code == 0, r.output
    page = (year / "q3.html").read_text("utf-8")
    assert "stroke-dasharray" not in page and "预计" not in page


def test_html_escapes_what_the_plan_and_ledger_say(run: Run, hostile: Path) -> None:
    r = run("report", "--format", "html", "--output", "brief.html")
    assert r.exit_code == 0, r.output
    page = (hostile / "brief.html").read_text("utf-8")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "&lt;b&gt;测试市&lt;/b&gt; &amp; co" in page
    # inside the chart too: its accessible name is the target's
    assert 'aria-label="&lt;script&gt;alert(1)&lt;/script&gt;"' in page


# The first words of each target's English name, by lead department, in plan order.
GROUPS = {
    "市统计局": ["Gross regional", "Urban per-capita", "Rural per-capita"],
    "市工业和信息化局": ["Gross industrial", "Industrial value"],
    "市发展和改革委员会": ["Fixed-asset investment", "Consumer price", "Reduction in energy"],
    "市商务局": ["Retail sales"],
    "市财政局": ["Local general"],
    "市人力资源和社会保障局": ["Surveyed urban"],
    "市生态环境局": ["Reduction in major"],
    "市政府办公室": ["Livelihood projects"],
}


@needs_chromium
def test_html_prints_on_three_a4_pages_with_the_table_whole(run: Run, year: Path) -> None:
    """The bundled plan's year prints on 3 A4 pages: the table whole on the first, then
    the charts."""
    r = run("report", "--format", "html", "--output", "brief.html")
    assert r.exit_code == 0, r.output
    pdf = pdf_of(year / "brief.html")
    info = pdf_info(pdf)
    assert info["Page size"] == "594.96 x 841.92 pts (A4)"
    assert info["Pages"] == "3"
    first = pdf_text(pdf).split("\f")[0]
    for word in ("辽源市2023年主要预期目标", "地区生产总值", "6.6%", "52件", "未实现"):
        assert word in first
    assert "主要污染物排放总量减少" in first and "惠民实事" in first


@needs_chromium
def test_html_grouped_by_department_keeps_each_group_on_one_page(run: Run, year: Path) -> None:
    r = run("report", "-f", "html", "--by", "department", "--lang", "en", "-o", "brief.html")
    assert r.exit_code == 0, r.output
    pdf = pdf_of(year / "brief.html")
    assert pdf_info(pdf)["Pages"] == "3"
    pages = pdf_text(pdf).split("\f")
    assert "Liaoyuan 2023: main expected targets" in pages[0]
    assert "11.4%" in pages[0]
    for department, names in GROUPS.items():
        # a name's first page is its row of the table; the charts come later
        found = {next(i for i, page in enumerate(pages) if name in page) for name in names}
        assert len(found) == 1, (department, found)


# --- binary formats and the terminal -------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--format", "xlsx"),  # the quick path
        ("report", "--format", "xlsx", "--lang", "en", "--by", "department"),
        ("export", "--what", "actuals", "--format", "xlsx"),  # typer's
        ("compare", "gdp", "-f", "xlsx"),
    ],
)
def test_a_binary_format_is_never_written_to_a_terminal(year: Path, args: tuple[str]) -> None:
    main, child = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "targets", *args],
            stdin=subprocess.DEVNULL,
            stdout=child,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(child)
        os.close(main)
    assert done.returncode == 2
    said = (
        "error: xlsx is a binary format and is not written to a terminal;"
        " give --output FILE (or redirect to a file)\n"
        if "en" in args
        else "错误：xlsx 是二进制格式，不输出到终端；"
        "请用 --output FILE 指定文件（或重定向到文件）\n"
    )
    assert done.stderr.decode() == said


def test_a_binary_format_goes_to_a_pipe(year: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "targets", "report", "--format", "xlsx"],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"PK\x03\x04")


# --- xlsx ----------------------------------------------------------------------------------


def workbook(path: Path):  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    return openpyxl.load_workbook(path)


def test_xlsx_report_sheet_has_numbers_formats_and_colours(run: Run, year: Path) -> None:
    r = run("report", "--format", "xlsx", "--as-of", "2023-09", "--output", "brief.xlsx")
    assert r.exit_code == 0, r.output
    assert r.stderr == "已写入 brief.xlsx\n"
    book = workbook(year / "brief.xlsx")
    assert book.sheetnames == ["报告", "记录", "逐月"]
    sheet = book["报告"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["编号", "指标", "牵头部门", "目标", "目标值", "单位", "期间", "实际"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    gdp = rows["gdp"]
    actual = gdp[header.index("实际")]
    assert (actual.value, actual.number_format) == (6.3, "0.0")
    assert gdp[header.index("状态")].value == "滞后"
    assert gdp[header.index("状态")].fill.fgColor.rgb.endswith("FFF3C4")
    projects = rows["livelihood_projects"]
    progress, schedule = projects[header.index("完成进度")], projects[header.index("序时进度")]
    assert (progress.value, progress.number_format) == (0.66, "0.0%")
    assert (schedule.value, schedule.number_format) == (0.75, "0.0%")
    assert header[14:] == ["比上期", "预计下限(估)", "预计上限(估)", "预计(估)"]
    assert [c.value for c in gdp[14:]] == [0.2, 6.3, 6.4, "完成难度大"]
    cpi = rows["cpi"][header.index("实际")]
    assert cpi.value == pytest.approx((1.0 + 0.9 + 0.7 + 0.3 + 0.1 + 0.0 - 0.2 + 0.1 + 0.0) / 9)
    assert sheet.column_dimensions["B"].width >= 2 * len("城镇常住居民人均可支配收入")


def test_xlsx_entries_and_months_sheets(run: Run, year: Path) -> None:
    r = run("report", "--format", "xlsx", "--lang", "en", "--output", "brief.xlsx")
    assert r.exit_code == 0, r.output
    book = workbook(year / "brief.xlsx")
    assert book.sheetnames == ["Report", "Entries", "By month"]
    entries = list(book["Entries"].iter_rows(values_only=True))
    assert entries[0][:6] == ("target", "period", "value", "recorded_at", "source", "note")
    assert len(entries) == 1 + 105
    first = book["Entries"]["B2"]
    assert first.is_date and first.number_format == "yyyy-mm"
    assert entries[1][:4] == ("cpi", first.value, 1, book["Entries"]["D2"].value)
    assert str(book["Entries"]["D2"].value) == "2023-02-15 10:00:00"
    months = {row[0]: row for row in book["By month"].iter_rows(values_only=True)}
    assert months["id"][3:] == ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                "Oct", "Nov", "Dec")  # fmt: skip
    assert months["gdp"][3:] == (None, None, 5.8, None, None, 6.1, None, None, 6.3, None, None, 6.6)


def test_xlsx_has_no_formula_cell(run: Run, hostile: Path) -> None:
    r = run("report", "--format", "xlsx", "--by", "department", "--output", "brief.xlsx")
    assert r.exit_code == 0, r.output
    book = workbook(hostile / "brief.xlsx")
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    for text in ('=HYPERLINK("http://x")', "=1+1", "@SUM(A1:A2)", "-2+3", "+cmd|' /C calc'!A0"):
        assert text in texts


def test_actuals_export_as_xlsx(run: Run, year: Path) -> None:
    r = run("export", "--what", "actuals", "--format", "xlsx", "--output", "all.xlsx")
    assert r.exit_code == 0, r.output
    book = workbook(year / "all.xlsx")
    assert book.sheetnames[0] in ("记录", "Entries")
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + 105
    assert [r[2] for r in rows[1:] if r[0] == "gdp"] == [5.8, 6.2, 6.1, 6.3, 6.6]


@needs_soffice
def test_libreoffice_reads_the_workbook(run: Run, year: Path, tmp_path: Path) -> None:
    r = run("report", "--format", "xlsx", "--output", "brief.xlsx")
    assert r.exit_code == 0, r.output
    assert SOFFICE is not None
    out = tmp_path / "csv"
    # every sheet to its own CSV, UTF-8, cells as stored rather than as shown
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(year / "brief.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with open(out / "brief-报告.csv", encoding="utf-8", newline="") as f:
        report = {row[0]: row for row in csv.reader(f)}
    assert report["gdp"][:10] == [
        "gdp", "地区生产总值", "市统计局", "≥6.5%", "6.5", "%", "全年", "6.6", "", "0.1",
    ]  # fmt: skip
    assert report["unemployment"][7] == "5.60833333333333"  # the mean at full precision
    # LibreOffice writes a percent-formatted number with its sign even unformatted
    assert report["livelihood_projects"][10:14] == ["104%", "100%", "", "已实现"]
    with open(out / "brief-逐月.csv", encoding="utf-8", newline="") as f:
        months = {row[0]: row for row in csv.reader(f)}
    assert months["cpi"][3:] == "1 0.9 0.7 0.3 0.1 0 -0.2 0.1 0 -0.1 -0.3 -0.2".split()


def test_briefing_libraries_load_only_when_asked(year: Path) -> None:
    code = (
        "import sys; from targets.cli import main\n"
        "sys.argv = ['targets', 'report']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('jinja2', 'xlsxwriter', 'openpyxl') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines()[-1] == "[]", done.stderr


PEERS = [
    ("gdp", "2023-09", "6.6", "长春市"),
    ("gdp", "2023-09", "6.0", "四平市"),
    ("gdp", "2023-09", "6.5", "吉林省"),
]


@pytest.fixture
def peers(run: Run, year: Path) -> Path:
    for target, period, value, region in PEERS:
        r = run("record", target, period, value, "--region", region)
        assert r.exit_code == 0, r.output
    return year


def test_compare_as_a_page_with_the_regions_as_bars(run: Run, peers: Path) -> None:
    r = run("compare", "gdp", "--as-of", "2023-09", "--format", "html", "--output", "c.html")
    assert r.exit_code == 0, r.output
    page = (peers / "c.html").read_text("utf-8")
    assert "<title>地区生产总值 · 前三季度 · 各地区比较</title>" in page
    assert '<tr class="own">' in page and "第2位/3" in page
    bars = page[page.index("<svg") :]
    assert 'font-weight="bold"' in bars and ">辽源市</text>" in bars
    assert ">吉林省（参照）</text>" in bars


def test_the_report_page_draws_the_regions_of_a_ranked_target(run: Run, peers: Path) -> None:
    r = run("report", "--format", "html", "--as-of", "2023-09", "--output", "r.html")
    assert r.exit_code == 0, r.output
    page = (peers / "r.html").read_text("utf-8")
    gdp = page[page.index('id="chart-gdp"') :].split("</figure>")[0]
    assert gdp.count("<svg") == 2 and ">长春市</text>" in gdp
    row = page[page.index('id="row-gdp"') :].split("</tr>")[0]
    assert "第2位/3" in row


def test_compare_as_a_workbook(run: Run, peers: Path) -> None:
    r = run("compare", "gdp", "--as-of", "2023-09", "-f", "xlsx", "--lang", "en", "-o", "c.xlsx")
    assert r.exit_code == 0, r.output
    book = workbook(peers / "c.xlsx")
    rows = list(book["Compare"].iter_rows(values_only=True))
    assert rows[0][:8] == ("Rank", "Tied", "Region", "Reference", "Period", "Actual",
                           "Target value", "Gap")  # fmt: skip
    assert rows[1][:3] == (1, None, "Changchun") and rows[1][5] == 6.6
    assert rows[2][:3] == (2, None, "Liaoyuan") and rows[2][5:8] == (6.3, 6.5, -0.2)
    assert rows[-1][2:4] == ("Jilin Province", "yes")


def test_the_page_says_whose_report_and_what_day_it_was_known_on(run: Run, year: Path) -> None:
    args = ("report", "-f", "html", "--known-on", "2023-05-20", "--lang", "en", "-o", "k.html")
    r = run(*args)
    assert r.exit_code == 0, r.output
    page = (year / "k.html").read_text("utf-8")
    assert "<span>Region: Liaoyuan</span>" in page
    assert "<span>as known on 2023-05-20</span>" in page
    assert "As of Jan–Apr 2023" in page  # the figures published by then


def test_a_withdrawal_is_an_entry_without_a_value(run: Run, year: Path) -> None:
    r = run("withdraw", "cpi", "2023-12", "--note", "录入错误")
    assert r.exit_code == 0, r.output
    r = run("export", "--what", "actuals", "--format", "xlsx", "--output", "all.xlsx")
    assert r.exit_code == 0, r.output
    rows = list(workbook(year / "all.xlsx").worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + 106
    last = rows[-1]
    assert (last[0], last[2], last[5], last[7]) == ("cpi", None, "录入错误", "是")
