"""Every test runs in its own folder: TARGETS_PLAN and TARGETS_LEDGER point into tmp_path,
so no test touches a user's files; the terminal is 100 cells wide and colourless."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from targets.commands import app
from targets.store.plan_file import bundled_plan_text

WIDTH = 100


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TARGETS_PLAN", str(tmp_path / "targets.toml"))
    monkeypatch.setenv("TARGETS_LEDGER", str(tmp_path / "actuals.toml"))
    monkeypatch.delenv("TARGETS_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


Run = Callable[..., "Result"]


class Result:
    """What a command printed and how it ended."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr


@pytest.fixture
def run() -> Run:
    """Run `targets ARGS…` in-process, as a user would type it."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        r = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Result(r.exit_code, r.stdout, r.stderr)

    return invoke


@pytest.fixture
def plan_file(isolated: Path) -> Path:
    """The bundled Liaoyuan plan in the test folder."""
    path = isolated / "targets.toml"
    path.write_text(bundled_plan_text(), encoding="utf-8")
    return path


@pytest.fixture
def ledger_file(isolated: Path) -> Path:
    return isolated / "actuals.toml"
