"""Text from a plan, a ledger or a sheet is untrusted: shown to a person, its control
characters are written as visible escapes, never acted upon by the terminal; bound for
a spreadsheet, it never becomes a formula; the machine formats keep it exactly.

Figures here are test data.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import Run

from targets.present.plain import plain
from targets.store.plan_file import bundled_plan_text

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English words

# A window title, a screen clear, hidden text, a carriage return that overwrites the line,
# a one-byte escape introducer and a right-to-left override.
HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b[8mhidden\x1b[0m\rX\x9b31m\u202egnp."
SHOWN = "\\x1b]0;owned\\x07\\x1b[2J\\x1b[8mhidden\\x1b[0m\\x0dX\\x9b31m\\u202egnp."
TOML_HOSTILE = "\\u001b]0;owned\\u0007\\u001b[2J\\u001b[8mhidden\\u001b[0m\\rX\\u009b31m\\u202egnp."


def test_plain_shows_every_control_character_and_keeps_the_rest() -> None:
    assert plain(HOSTILE) == SHOWN
    assert plain("辽源市 [快报]\n6.5% ≥ 5") == "辽源市 [快报]\n6.5% ≥ 5"
    assert plain("a\tb\x00c\x7fd") == "a\\x09b\\x00c\\x7fd"


def hostile_plan(path: Path) -> None:
    text = bundled_plan_text()
    text = text.replace('name = "辽源市2023年主要预期目标"', f'name = "辽源{TOML_HOSTILE}"', 1)
    text = text.replace('name = "地区生产总值"', f'name = "生产总值{TOML_HOSTILE}"', 1)
    text = text.replace('"Gross regional product"', f'"GRP{TOML_HOSTILE}"', 1)
    text = text.replace(
        'quote = "全年地区生产总值增长6.5%以上"', f'quote = "原文{TOML_HOSTILE}"', 1
    )
    path.write_text(text, "utf-8")


def assert_neutralised(text: str) -> None:
    for raw in ("\x1b", "\x07", "\r", "\x9b", "\u202e"):
        assert raw not in text, repr(text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_shown_to_a_person_carries_a_control_character(
    run: Run, plan_file: Path, lang: str
) -> None:
    hostile_plan(plan_file)
    recorded = run("record", "gdp", "2023-Q1", "5.8", "--source", HOSTILE, "--note", HOSTILE)
    assert recorded.exit_code == 0, recorded.output
    assert_neutralised(recorded.output)
    for args in (("report",), ("history", "gdp"), ("list",), ("report", "-f", "markdown")):
        shown = run(*args, "--lang", lang)
        assert shown.exit_code == 0, shown.output
        assert_neutralised(shown.output)
        assert "owned" in shown.stdout, args
    history = run("history", "gdp", "--lang", lang)
    assert "\\x1b]0;owned" in history.stdout
    listed = run("list", "--lang", "zh")
    assert "原文\\x1b]0;owned" in listed.stdout


def test_messages_and_check_show_control_characters_as_escapes(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    refused = run("import", f"figures{HOSTILE}.csv")
    assert refused.exit_code == 1
    assert_neutralised(refused.stderr)
    assert "figures\\x1b]0;owned" in refused.stderr
    ledger_file.write_text(
        "[[actual]]\n"
        'target = "gdp"\n'
        'period = "2023-03"\n'
        "value = 5.8\n"
        f'"by{TOML_HOSTILE}" = 1\n'
        "recorded_at = 2023-04-20T10:00:00+08:00\n",
        "utf-8",
    )
    for args in (("check",), ("report",)):
        said = run(*args)
        assert said.exit_code == 1
        assert_neutralised(said.output)
        assert "unknown field by\\x1b]0;owned" in said.stderr


def test_the_machine_formats_keep_the_text_exactly(run: Run, plan_file: Path) -> None:
    note = '=HYPERLINK("http://x","y")\x1b[2J\r\nline'
    assert run("record", "gdp", "2023-Q1", "5.8", "--note", note).exit_code == 0
    assert run("export", "--what", "actuals", "-o", "out.csv").exit_code == 0
    exported = Path("out.csv").read_bytes().decode("utf-8")
    (row,) = list(csv.DictReader(io.StringIO(exported, newline="")))
    assert row["note"] == note
    import json

    history = json.loads(run("history", "gdp", "--format", "json").stdout)
    assert history["entries"][0]["note"] == note


FORMULAS = [
    '=HYPERLINK("http://example.com/x","click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_export_for_excel_never_writes_a_formula_and_keeps_negative_numbers(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    for n, text in enumerate(FORMULAS, start=1):
        period = f"2023-{n:02d}"
        recorded = run("record", "cpi", period, "-0.3", "--note", text, "--source", text)
        assert recorded.exit_code == 0, recorded.output
    assert run("export", "--what", "actuals", "--excel", "-o", "excel.csv").exit_code == 0
    data = (isolated / "excel.csv").read_bytes().decode("utf-8")
    assert data.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(data[1:], newline="")))
    assert [r["note"] for r in rows] == ["'" + text for text in FORMULAS]
    assert [r["source"] for r in rows] == ["'" + text for text in FORMULAS]
    assert {r["value"] for r in rows} == {"-0.3"}  # a negative number stays a number
    report = run("export", "--excel", "-o", "report.csv")
    assert report.exit_code == 0, report.output
    cells = [
        c for row in csv.reader(io.StringIO(Path("report.csv").read_text("utf-8-sig"))) for c in row
    ]
    assert "-0.3" in cells  # cpi's actual, a number
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    # the plain export still carries the text exactly, and imports back as it was
    assert run("export", "--what", "actuals", "-o", "plain.csv").exit_code == 0
    plain_rows = list(
        csv.DictReader(io.StringIO(Path("plain.csv").read_bytes().decode(), newline=""))
    )
    assert [r["note"] for r in plain_rows] == FORMULAS
