"""Every test runs in its own folder: TARGETS_PLAN and TARGETS_LEDGER point into tmp_path,
so no test touches a user's files; the terminal is 100 cells wide and colourless.

Property tests draw few examples on a developer's machine and more under CI=true (the
"ci" Hypothesis profile); HYPOTHESIS_PROFILE names another registered profile to use.

The bundled plan says `lang = "zh"`, so commands speak Chinese unless a test asks for
English (the `english` fixture: TARGETS_LANG=en, as a user would set it)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from targets import messages
from targets.commands import app
from targets.store.plan_file import bundled_plan_text

WIDTH = 100

# No deadline: a loaded CI machine must not turn a slow example into a failure.
settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


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
    messages.use("en")  # what a process starts with, before its command line is read
    return tmp_path


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak English, whatever the plan's language."""
    monkeypatch.setenv("TARGETS_LANG", "en")


@dataclass(frozen=True)
class Result:
    """What a command printed and how it ended."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def assert_refused(result: Result, stderr: str, code: int = 1) -> None:
    """The command said exactly `stderr`, printed no result and no traceback."""
    assert result.exit_code == code, result.output
    assert result.stderr == stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


class Run(Protocol):
    """The `run` fixture: `run("report", "-f", "json")` as a user would type it."""

    def __call__(self, *args: str, input: str | None = None) -> Result: ...


def wait_until(done: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll `done` until it holds; fail naming `what` if it has not within `timeout` seconds.

    For waiting on another process: a fixed sleep is either too short on a loaded machine
    or wasted time on an idle one."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting after {timeout:g}s for {what}")
        time.sleep(0.01)


PROC_LOCKS = Path("/proc/locks")


def waits_for_a_lock(proc: subprocess.Popen[str]) -> bool:
    """Whether the kernel lists `proc` as blocked on a file lock; a process that has
    ended instead fails the test with what it said."""
    assert proc.poll() is None, proc.communicate()
    # A waiter's line: "12: -> FLOCK  ADVISORY  WRITE 4242 fe:00:2146438 0 EOF"
    waiting = (line.split() for line in PROC_LOCKS.read_text().splitlines() if " -> " in line)
    return any(fields[5] == str(proc.pid) for fields in waiting)


def wait_until_blocked(proc: subprocess.Popen[str], timeout: float = 30.0) -> None:
    """Until `proc` waits for a lock (Linux: the kernel lists the wait in /proc/locks)."""
    wait_until(lambda: waits_for_a_lock(proc), "the recorder to wait for the lock", timeout)


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
