"""Every message the tool says exists in Chinese and English with the same parameters,
code says messages through the catalog, and the words reach the person in the language
of the command line: --lang, TARGETS_LANG, the plan's `lang`, else English."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest
from conftest import Run

from targets import messages
from targets.catalog import CATALOG, PARTS
from targets.messages import fields, msg

SRC = Path(messages.__file__).parent
# Modules whose messages are still English only, converted next; the list only shrinks.
NOT_YET: set[str] = set()


def test_every_message_has_both_languages_with_the_same_parameters() -> None:
    for key, entry in CATALOG.items():
        assert set(entry) == {"en", "zh"}, key
        assert fields(entry["en"]) == fields(entry["zh"]), key
        assert entry["en"].strip() and entry["zh"].strip(), key


def test_no_key_is_given_twice() -> None:
    assert sum(len(part) for part in PARTS) == len(CATALOG)


def _said_keys() -> list[tuple[str, int, ast.expr]]:
    """Every first argument of a refusal, a message or something said, in the source."""
    said = []
    for path in SRC.rglob("*.py"):
        if "catalog" in path.parts or path.relative_to(SRC).as_posix() in NOT_YET:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None) or ""
            ours = name.endswith("Error") and not hasattr(builtins, name)
            if ours or name in ("msg", "say", "tell", "Message"):
                said.append((f"{path.relative_to(SRC)}", node.lineno, node.args[0]))
    return said


def test_code_says_messages_through_the_catalog() -> None:
    """A literal key is in the catalog, and so is some key a composed one begins with;
    plain English in a refusal is not a message."""
    wrong = []
    for where, line, first in _said_keys():
        if isinstance(first, ast.JoinedStr):
            start = first.values[0]
            prefix = start.value if isinstance(start, ast.Constant) else ""
            if not (prefix and any(key.startswith(prefix) for key in CATALOG)):
                wrong.append(f"{where}:{line}: an f-string, not a catalog key")
        elif isinstance(first, ast.Constant) and isinstance(first.value, str):
            if first.value not in CATALOG:
                wrong.append(f"{where}:{line}: {first.value!r} is not in the catalog")
    assert wrong == []


@pytest.mark.parametrize(
    ("key", "params", "en", "zh"),
    [
        (
            "import.recorded",
            {"n": 1, "file": "a.csv", "read_as": "GBK", "skipped": ""},
            "recorded 1 figure from a.csv (GBK)",
            "已从 a.csv（GBK）记录 1 个数据",
        ),
        (
            "import.recorded",
            {"n": 3, "file": "a.csv", "read_as": "UTF-8", "skipped": msg("import.unchanged", n=2)},
            "recorded 3 figures from a.csv (UTF-8), 2 unchanged",
            "已从 a.csv（UTF-8）记录 3 个数据，2 个与现有数据相同",
        ),
        (
            "period.outside_year",
            {"text": "2022-03", "year": 2023},
            "period '2022-03' is outside the plan's year 2023",
            "期间 '2022-03' 不在计划年度 2023 年内",
        ),
        (
            "target.unknown",
            {"text": "gdpp", "hint": msg("target.unknown.did_you_mean", close="gdp")},
            "unknown target 'gdpp'; did you mean 'gdp'?",
            "没有指标 'gdpp'；是否要写 'gdp'？",
        ),
    ],
)
def test_a_message_in_each_language(key: str, params: dict[str, object], en: str, zh: str) -> None:
    assert msg(key, **params).render("en") == en
    assert msg(key, **params).render("zh") == zh


def test_an_error_speaks_the_plans_language(run: Run, plan_file: Path) -> None:
    said = run("record", "gdp", "2022-03", "5.8")
    assert said.exit_code == 1, said.output
    assert said.stderr == "错误：期间 '2022-03' 不在计划年度 2023 年内\n"


def test_lang_en_speaks_english_under_a_chinese_plan(run: Run, plan_file: Path) -> None:
    said = run("record", "gdp", "2022-03", "5.8", "--lang", "en")
    assert said.stderr == "error: period '2022-03' is outside the plan's year 2023\n"


def test_targets_lang_speaks_english(
    run: Run, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TARGETS_LANG", "en")
    said = run("record", "gdpp", "2023-03", "5.8")
    assert said.stderr == "error: unknown target 'gdpp'; did you mean 'gdp'?\n"


def test_a_plan_in_english_speaks_english(run: Run, plan_file: Path) -> None:
    plan_file.write_text(plan_file.read_text("utf-8").replace('lang = "zh"', 'lang = "en"'))
    said = run("record", "gdp", "2023-03", "5.8")
    assert said.exit_code == 0, said.output
    assert said.stderr == "recorded gdp 2023-03 (Jan–Mar) = 5.8\n"


def test_without_a_plan_english(run: Run) -> None:
    said = run("report")
    assert said.stderr.startswith("error: no plan at ")


def test_a_confirmation_in_chinese(run: Run, plan_file: Path) -> None:
    said = run("record", "gdp", "2023-03", "5.8")
    assert said.stderr == "已记录 gdp 2023-03（1-3月）= 5.8\n"
    again = run("record", "gdp", "2023-03", "5.9", "--revise")
    assert again.stderr == "已记录 gdp 2023-03（1-3月）= 5.9（修订）\n"


def test_help_speaks_the_plans_language(run: Run, plan_file: Path) -> None:
    top = run("--help")
    assert "逐月跟踪政府年度目标" in top.stdout
    assert "记录一个公布的数据。" in top.stdout
    report = run("report", "--help")
    assert "各指标进展" in report.stdout
    assert "计划文件。" in report.stdout
    assert "显示本帮助并退出。" in report.stdout
    english = run("report", "--help", "--lang", "en")
    assert "Where every target stands" in english.stdout
    assert "The plan file." in english.stdout


def test_every_command_and_option_has_help_in_the_catalog() -> None:
    import typer

    from targets.commands import app
    from targets.help_text import help_key

    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if f"help.cmd.{name}" not in CATALOG:
            missing.append(name)
        for param in command.params:
            if help_key(name, param.name) is None:
                missing.append(f"{name} {param.name}")
    for param in group.params:
        if help_key(None, param.name) is None:
            missing.append(param.name)
    assert missing == []


def test_a_peer_figure_in_english_names_the_region_in_english(run: Run, plan_file: Path) -> None:
    said = run("record", "gdp", "2023-09", "6.1", "--region", "长春市", "--lang", "en")
    assert said.exit_code == 0, said.output
    assert said.stderr == "recorded gdp 2023-09 (Q1–Q3) = 6.1 for Changchun\n"
    again = run("record", "gdp", "2023-09", "6.2", "--region", "长春市")
    assert again.stderr.startswith("错误：长春市 gdp 2023-09 已有数据 6.1（记录于 ")
