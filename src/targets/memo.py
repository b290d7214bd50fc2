"""Help and shell-completion answers, remembered.

typer writes `--help` and answers tab completion, and loading it takes longer than a
whole report. Its answers depend only on the installed code, the words typed, the
environment and terminal, and (for completion) the plan, so the first answer is kept in
the user's cache folder and given again while all of those are unchanged. A derived
cache like the others: any doubt, and typer answers afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

# What an answer can depend on besides the arguments.
_ENV_PREFIXES = ("_TARGETS_COMPLETE", "COMP_", "_TYPER_", "TARGETS_")
_ENV_NAMES = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM", "LANG", "LC_ALL")


def wanted(args: list[str]) -> bool:
    """A completion request, or a plain request for help."""
    if os.environ.get("_TARGETS_COMPLETE"):
        return True
    # `targets --help` or `targets COMMAND --help`: anything longer may hold --help as an
    # option's value, and then it is no request for help
    return args == ["--help"] or (len(args) == 2 and args[1] == "--help" and args[0].isalpha())


def answer(args: list[str], run: Callable[[], None]) -> int:
    """Give the remembered answer, or run typer, remember its answer and give it."""
    folder = _folder()
    key = _key(args) if folder is not None else None
    if folder is not None and key is not None:
        try:
            saved = (folder / key).read_bytes()
        except OSError:
            pass
        else:
            _emit(saved)
            return 0
    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out):
        try:
            run()
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    data = out.getvalue().encode("utf-8")
    if code == 0 and folder is not None and key is not None:
        _save(folder / key, data)
    _emit(data)
    return code


def _emit(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _key(args: list[str]) -> str | None:
    """A hash of everything the answer depends on; None when something is unknowable."""
    from targets import __version__

    try:
        parts: list[object] = [
            __version__,
            sys.version,
            args,
            os.getcwd(),
            sys.stdout.isatty(),
            sorted(
                (k, v)
                for k, v in os.environ.items()
                if k.startswith(_ENV_PREFIXES) or k in _ENV_NAMES
            ),
            _stamp(Path(__file__).with_name("commands.py")),
            _stamp(_typer_origin()),
        ]
        if sys.stdout.isatty():
            parts.append(tuple(os.get_terminal_size()))
        for plan in _plans(args):
            parts.append((plan, _stamp(Path(plan))))
    except (OSError, ValueError):
        return None
    return hashlib.sha1(repr(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def _plans(args: list[str]) -> list[str]:
    """Every plan file a completion could read: the default, the environment's, and any
    named after --plan in the words being completed."""
    words = " ".join(
        [*args, os.environ.get("COMP_WORDS", ""), os.environ.get("_TYPER_COMPLETE_ARGS", "")]
    ).split()
    named = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--plan"]
    named += [w.split("=", 1)[1] for w in words if w.startswith("--plan=")]
    return ["targets.toml", os.environ.get("TARGETS_PLAN", ""), *named]


def _stamp(path: Path | None) -> tuple[int, ...] | None:
    if path is None:
        return None
    try:
        s = path.stat()
    except FileNotFoundError:
        return None
    return (s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns)


def _typer_origin() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("typer")
    return Path(spec.origin) if spec is not None and spec.origin else None


def _prune(folder: Path) -> None:
    try:
        kept = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[: len(kept) - KEEP // 2] if len(kept) >= KEEP else []:
            old.unlink()
    except OSError:
        pass


def _folder() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    folder = (Path(base) if base else Path.home() / ".cache") / "targets" / "answers"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


KEEP = 200  # answers kept; past that the oldest half goes


def _save(path: Path, data: bytes) -> None:
    _prune(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
