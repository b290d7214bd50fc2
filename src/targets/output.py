"""Where output goes: the terminal (through rich, for tables) or bytes to stdout or a file."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from targets.console import fit
from targets.errors import TargetsError, UsageError
from targets.messages import Message

if TYPE_CHECKING:
    from targets.present.formats import Options


def terminal(lang: str | None = None, table: bool = True, file: Path | None = None) -> Options:
    """Rendering options for stdout: its width, its colours (none for a pipe, or under
    NO_COLOR, as rich decides; none for a `file` written instead) and its encoding. Only a
    table needs the first two: for JSON, CSV or markdown (`table` false) rich is not even
    loaded, which is most of the time a small report takes."""
    from targets.present.formats import Options

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if not table:
        return Options(lang=lang or "", encoding=encoding)
    from rich.console import Console

    console = Console(soft_wrap=False)
    colours = None if file is not None else console.color_system
    return Options(lang=lang or "", width=console.width, color_system=colours, encoding=encoding)


def write(data: bytes, output: Path | None = None, keep: dict[str, Path] | None = None) -> None:
    """To stdout, or to a file replaced whole: never a half-written file, and never one of
    the files in `keep` (the plan, the ledger)."""
    for what, own in (keep or {}).items():
        if output is not None and output.exists() and own.exists() and output.samefile(own):
            raise TargetsError(f"file.is_{what}", path=output)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode(output))
        os.replace(tmp, output)
    except OSError as e:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise TargetsError("file.cannot_write", path=output, why=e.strerror) from None


def refuse_terminal(fmt: str, binary: bool, output: Path | None) -> bool:
    """A binary format is never written to a terminal: UsageError (exit 2) with the hint.
    Whether the format is binary."""
    if output is None and binary and sys.stdout.isatty():
        raise UsageError("output.binary_to_terminal", format=fmt)
    return binary


def deliver(
    data: bytes, output: Path | None, subject: str, fmt: str, plan: Path, ledger: Path
) -> None:
    """A rendered result to its file (saying so on stderr; never the plan or the ledger)
    or to stdout; a binary format not to a terminal."""
    from targets.present.formats import is_binary

    refuse_terminal(fmt, is_binary(subject, fmt), output)
    write(data, output, {"plan": plan, "ledger": ledger})
    if output is not None:
        say("export.wrote", path=output)


def _mode(path: Path) -> int:
    """The file's own permissions, or for a new file what the umask allows."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def say(message: str | Message, /, **params: object) -> None:
    """A message for the person at the terminal (a catalog key and its parameters, or a
    message), in the language in force: stderr, so that stdout stays data."""
    if isinstance(message, str):
        message = Message(message, params)
    _to(sys.stderr, message.render())


def tell(message: str, /, **params: object) -> None:
    """A message that is the command's result (`check`'s verdict): stdout."""
    _to(sys.stdout, Message(message, params).render())


def say_left_out() -> None:
    """What reading the ledger left out (a write cut short), said once per command."""
    from targets.store.cuts import left_out

    for note in left_out():
        say("prefix.note", text=note)


def refuse(error: TargetsError) -> int:
    """Say why, one `error:` line per line of the message, on stderr; exit code 1, or 2
    for wrong usage."""
    for line in error.lines():
        _to(sys.stderr, Message("prefix.error", {"text": line}).render())
    return 2 if isinstance(error, UsageError) else 1


def _to(stream: TextIO, text: str) -> None:
    """A line to a console that may not have every character (a GBK console); control
    characters from a plan or ledger in it are shown, never acted upon."""
    from targets.present.plain import plain

    encoding = getattr(stream, "encoding", None) or "utf-8"
    print(fit(plain(text), encoding), file=stream)
