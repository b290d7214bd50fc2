"""A console that cannot write every character (a GBK console, or a table redirected to a
file on Chinese Windows): symbols are substituted, Chinese is kept, and there is never a
traceback; machine formats stay UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from targets.console import fit

pytestmark = pytest.mark.slow


def targets(*args: str, encoding: str = "gbk") -> subprocess.CompletedProcess[bytes]:
    """`targets ARGS…` in a process whose stdout and stderr write `encoding`."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "targets", *args], capture_output=True, env=env, check=False
    )


@pytest.fixture
def recorded(plan_file: Path) -> Path:
    for args in (("gdp", "2023-03", "5.8"), ("gdp", "2023-06", "6.1"), ("cpi", "2023-01", "2.1")):
        done = targets("record", *args)
        assert done.returncode == 0, done.stderr.decode("gbk")
    return plan_file


def test_report_on_a_gbk_console(recorded: Path) -> None:
    done = targets("report")
    assert done.returncode == 0, done.stderr.decode("gbk")
    table = done.stdout.decode("gbk")
    assert "地区生产总值" in table
    assert "√ 符合预期" in table or "× 滞后" in table or "√ 已实现" in table
    assert "✔" not in table and "✗" not in table
    assert b"Traceback" not in done.stderr


def test_history_on_a_gbk_console(recorded: Path) -> None:
    done = targets("history", "gdp")
    assert done.returncode == 0, done.stderr.decode("gbk")
    table = done.stdout.decode("gbk")
    assert "上半年" in table
    assert "1-3月" in table
    assert b"Traceback" not in done.stderr


def test_messages_on_a_gbk_console(recorded: Path) -> None:
    done = targets("record", "gdp", "2023-03", "5.9")
    assert done.returncode == 1
    said = done.stderr.decode("gbk")
    assert said.startswith("错误：gdp 2023-03 已有数据 5.8（记录于 ")
    assert "如需更正，请加 --revise" in said
    assert "Traceback" not in said
    confirmed = targets("record", "gdp", "2023-09", "5.9")
    assert confirmed.stderr.decode("gbk") == "已记录 gdp 2023-09（前三季度）= 5.9\n"


def test_json_stays_utf8_on_a_gbk_console(recorded: Path) -> None:
    done = targets("report", "--format", "json")
    assert done.returncode == 0, done.stderr.decode("gbk")
    assert "地区生产总值" in done.stdout.decode("utf-8")


def test_substitutes() -> None:
    assert fit("✔ 已实现 ✗ 滞后 ✘", "gbk") == "√ 已实现 × 滞后 ×"
    assert fit("✔ met ✗ behind", "ascii") == "v met x behind"
    assert fit("✔ 已实现", "utf-8") == "✔ 已实现"
