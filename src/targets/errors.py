"""The one family of refusals: each becomes a single `error: …` line and exit code 1
(exit code 2 for a `UsageError`)."""


class TargetsError(Exception):
    """Bad input or an unreadable file: the user gets the message, nothing is written."""


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
