"""The one family of refusals: each becomes a single `error: …` line and exit code 1
(exit code 2 for a `UsageError`).

A refusal carries catalog messages (`targets.messages`): a key and its parameters, put
into words in the language in force when it is shown, one line each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from targets.messages import Message


class TargetsError(Exception):
    """Bad input or an unreadable file: the user gets the message, nothing is written."""

    def __init__(self, what: str | Message | Sequence[Message | str], /, **params: Any) -> None:
        if isinstance(what, str):
            what = Message(what, params)
        said = [what] if isinstance(what, Message) else what
        self.messages: list[Message] = [m if isinstance(m, Message) else Message(m) for m in said]
        super().__init__(*self.messages)

    def lines(self, lang: str | None = None) -> list[str]:
        """What to say, a line each, in `lang` or the language in force."""
        return [line for m in self.messages for line in m.render(lang).splitlines()]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class PeriodError(TargetsError):
    """A period that cannot be read, or that the plan or target does not take."""


class PlanError(TargetsError):
    """The plan file is missing, not TOML, or not valid against the schema."""


class LedgerError(TargetsError):
    """The ledger is not TOML, not valid, or its last entry is torn."""


class RecordError(TargetsError):
    """A figure that cannot be recorded: unknown target, duplicate, not a number."""


class UsageError(TargetsError):
    """Options that cannot go together, such as a binary format for a terminal: exit 2."""
