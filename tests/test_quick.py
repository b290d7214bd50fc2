"""The quick path of `targets.cli` and typer's commands must behave identically: the same
output, the same errors, the same exit codes, the same ledger. Figures are test data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import Run

from targets.cli import quick

SETUP = [
    ("record", "gdp", "2023-Q1", "5.8", "--source", "test data"),
    ("record", "unemployment", "2023-01", "5.6"),
    ("record", "unemployment", "2023-02", "5.9"),
    ("record", "livelihood_projects", "2023-02", "7"),
]

SAME = [
    ("report",),
    ("report", "-f", "json"),
    ("report", "--format=csv"),
    ("report", "--format", "markdown", "--lang", "en"),
    ("report", "--as-of", "2023年1-2月", "-f", "json"),
    ("report", "--by", "department"),
    ("report", "--no-outlook", "-f", "json"),
    ("report", "--as-of", "2024-01"),
    ("report", "--as-of", "soon"),
    ("report", "--plan", "missing.toml"),
    ("record", "gdp", "2023-H1", "6.1", "--note", "test data"),
    ("record", "cpi", "2023-01", "-0.3"),
    ("record", "gdp", "2023-Q1", "5.9"),
    ("record", "gdp", "2023-Q1", "5.9", "--revise", "--lang", "en"),
    ("record", "gpd", "2023-Q1", "5.9"),
    ("record", "gdp", "2023-05", "5.9"),
    ("record", "gdp", "2023-06", "nan"),
]

TO_TYPER = [
    ("--help",),
    ("report", "--help"),
    ("report", "--format", "pdf"),
    ("report", "-f"),
    ("report", "--unknown"),
    ("report", "extra"),
    ("record", "gdp", "2023-Q1"),
    ("record", "gdp", "2023-Q1", "5.8", "--revise=yes"),
    ("report", "--lang", "fr"),
    ("report", "--plan=", "-f", "json"),
    ("report", "--ledger=", "-f", "json"),
    ("report", "-f=json"),
    ("record", "gdp", "2023-Q1", "5.8", "--source="),
    ("list",),
]


@pytest.fixture
def recorded(run: Run, plan_file: Path) -> Path:
    for args in SETUP:
        assert run(*args).exit_code == 0
    return plan_file.parent


@pytest.mark.parametrize("args", SAME, ids=" ".join)
def test_the_quick_path_matches_typer(
    args: tuple[str, ...], run: Run, recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = recorded.parent / f"{recorded.name}-before"
    shutil.copytree(recorded, before)
    code = quick(list(args))
    assert code is not None, "the quick path declined"
    quick_out = capsys.readouterr()
    quick_ledger = (recorded / "actuals.toml").read_bytes()
    shutil.rmtree(recorded)
    shutil.copytree(before, recorded)
    typer = run(*args)
    assert (code, quick_out.out, quick_out.err) == (typer.exit_code, typer.stdout, typer.stderr)
    assert quick_ledger == (recorded / "actuals.toml").read_bytes() or args[0] == "record"
    if args[0] == "record":  # recorded_at differs by a second at most: compare the rest
        strip = [ln for ln in quick_ledger.decode().splitlines() if "recorded_at" not in ln]
        theirs = (recorded / "actuals.toml").read_text("utf-8").splitlines()
        assert strip == [ln for ln in theirs if "recorded_at" not in ln]


@pytest.mark.parametrize("args", TO_TYPER, ids=" ".join)
def test_anything_unusual_goes_to_typer(args: tuple[str, ...], recorded: Path) -> None:
    assert quick(list(args)) is None


def test_environment_variables_are_read_like_typer(
    recorded: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TARGETS_LANG", "en")
    assert quick(["report", "-f", "markdown"]) == 0
    # most targets are at Jan–Feb: the title names it, not gdp's later Jan–Mar
    assert "### Liaoyuan 2023: main expected targets · Jan–Feb" in capsys.readouterr().out
    monkeypatch.setenv("TARGETS_LANG", "fr")
    assert quick(["report"]) is None  # typer names the bad value


def test_whatever_the_quick_path_takes_typer_takes_too(run: Run, recorded: Path) -> None:
    """Every option and value of the quick path is one typer's command accepts: the quick
    path may decline what typer takes, never take what typer refuses."""
    from targets.cli import _QUICK

    for command, options in _QUICK.items():
        base = ["record", "gdp", "2023-09", "6.0"] if command == "record" else ["report"]
        for option, values in options.items():
            if values == ():
                tries = [[option]]
            elif values is None:
                given = {
                    "--plan": "targets.toml",
                    "--ledger": "actuals.toml",
                    "--region": "长春市",
                    "--known-on": "2023-10-01",
                }.get(option, "2023-09")
                tries = [[option, given]]
            else:
                tries = [[option, v] for v in values]
            for extra in tries:
                result = (
                    run(*base, *extra, "--revise") if command == "record" else run(*base, *extra)
                )
                assert result.exit_code == 0, (base, extra, result.output)


def test_the_quick_path_knows_every_option_typer_declares_and_no_other() -> None:
    """One grammar: the quick path's options and their choices are read from typer's
    declarations, so an option added to a command and not to the quick path (or the other
    way round) fails here."""
    import enum
    import typing

    import typer.models

    from targets import commands
    from targets.cli import _ALIASES, _POSITIONALS, _QUICK

    for name, quick_options in _QUICK.items():
        function = getattr(commands, name).__wrapped__
        hints = typing.get_type_hints(function, vars(commands), include_extras=True)
        declared: dict[str, tuple[str, ...] | None] = {}
        positionals = 0
        for param, hint in hints.items():
            if param == "return":
                continue
            kind, info = typing.get_args(hint)[:2]
            if isinstance(info, typer.models.ArgumentInfo):
                positionals += 1
                continue
            assert isinstance(info, typer.models.OptionInfo), (name, param)
            # in Annotated, typer takes a first argument such as "--as-of" as a name
            first = (info.default,) if isinstance(info.default, str) else ()
            decls = (*first, *(info.param_decls or ()))
            long = next(d for d in decls if d.startswith("--"))
            kind = next((k for k in typing.get_args(kind) if k is not type(None)), kind)
            if kind is bool:
                declared[long] = ()
            elif isinstance(kind, type) and issubclass(kind, enum.Enum):
                declared[long] = tuple(str(m.value) for m in kind)
            else:
                declared[long] = None
            for short in (d for d in decls if not d.startswith("--")):
                assert _ALIASES.get(short) == long, (name, short)
        assert declared == quick_options, name
        assert positionals == _POSITIONALS[name], name
