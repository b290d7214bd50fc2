"""Help and completion answers are remembered, and never outlive what they depend on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from targets.cli import main


def targets(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as ended:
        main(args)
    code = ended.value.code
    return (code if isinstance(code, int) else 0), capsys.readouterr().out


def without_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, loading the typer commands fails: only a remembered answer works."""
    monkeypatch.setitem(sys.modules, "targets.commands", None)


def test_help_is_answered_again_without_typer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = targets(["--help"], capsys)
    assert first[0] == 0 and "Usage: targets" in first[1] and "report" in first[1]
    without_typer(monkeypatch)
    assert targets(["--help"], capsys) == first
    with pytest.raises(ImportError):
        targets(["record", "--help"], capsys)  # never asked before: typer must answer


def test_a_different_terminal_width_is_a_different_answer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    targets(["report", "--help"], capsys)
    monkeypatch.setenv("COLUMNS", "60")
    without_typer(monkeypatch)
    with pytest.raises(ImportError):
        targets(["report", "--help"], capsys)


def complete(
    words: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    monkeypatch.setenv("_TARGETS_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split(" ")) - 1))
    return targets([], capsys)[1]


def test_completion_follows_the_plan(
    plan_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete("targets record r", capsys, monkeypatch).split() == [
        "retail_sales",
        "rural_income",
    ]
    plan_file.write_text(
        plan_file.read_text("utf-8").replace('id = "retail_sales"', 'id = "retail"'), "utf-8"
    )
    assert complete("targets record r", capsys, monkeypatch).split() == ["retail", "rural_income"]
    without_typer(monkeypatch)
    assert complete("targets record r", capsys, monkeypatch).split() == ["retail", "rural_income"]


def test_a_failed_answer_is_not_remembered(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert targets(["nonsense", "--help"], capsys)[0] == 2
    without_typer(monkeypatch)
    with pytest.raises(ImportError):
        targets(["nonsense", "--help"], capsys)


def test_an_unwritable_cache_folder_costs_only_time(
    isolated: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = isolated / "blocked"
    blocked.write_text("a file where the cache folder would go", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    code, out = targets(["--help"], capsys)
    assert code == 0 and "Usage: targets" in out


def test_the_answers_kept_are_bounded(
    isolated: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from targets import memo

    monkeypatch.setattr(memo, "KEEP", 4)
    for width in range(40, 52):
        monkeypatch.setenv("COLUMNS", str(width))
        targets(["--help"], capsys)
    assert len(list((isolated / "cache" / "targets" / "answers").iterdir())) <= 4
