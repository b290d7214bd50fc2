"""The README's walk-through, run as written: every command's output must match what the
README shows (times of recording aside)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from conftest import Run

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(
    r"<!-- file: (?P<file>\S+) -->\n```\w*\n(?P<body>.*?)```|```console\n(?P<console>.*?)```",
    re.S,
)
TIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d)?")


def steps() -> list[tuple[str, str, str]]:
    """("file", name, content) and ("run", command, expected output), in README order."""
    out: list[tuple[str, str, str]] = []
    for m in BLOCK.finditer(README.read_text("utf-8")):
        if m["file"]:
            out.append(("file", m["file"], m["body"]))
            continue
        command, expected = "", []
        for line in m["console"].splitlines():
            if line.startswith("$ "):
                if command:
                    out.append(("run", command, "\n".join(expected)))
                command, expected = line[2:], []
            else:
                expected.append(line)
        out.append(("run", command, "\n".join(expected)))
    return out


def normal(text: str) -> list[str]:
    return [TIME.sub("<time>", line).rstrip() for line in text.strip("\n").splitlines()]


def test_the_readme_walk_through_prints_what_it_shows(
    run: Run, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TARGETS_PLAN")
    monkeypatch.delenv("TARGETS_LEDGER")
    ran = 0
    for kind, name, text in steps():
        if kind == "file":
            (isolated / name).write_text(text, encoding="utf-8")
            continue
        args = shlex.split(name)
        assert args[0] == "targets", name
        result = run(*args[1:])
        assert normal(result.stdout + result.stderr) == normal(text), name
        ran += 1
    assert ran >= 15
    assert (isolated / "report.csv").read_bytes().startswith(b"\xef\xbb\xbf")
