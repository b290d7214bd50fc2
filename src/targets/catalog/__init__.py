"""The catalog of messages: key → {"en": template, "zh": template}, gathered from one
module per part of the tool (`targets.messages` explains the templates)."""

from __future__ import annotations

from targets.catalog import commands, desk, figures, files, help, malformed

CATALOG: dict[str, dict[str, str]] = {
    **files.MESSAGES,
    **figures.MESSAGES,
    **commands.MESSAGES,
    **help.MESSAGES,
    **desk.MESSAGES,
    **malformed.MESSAGES,
}
PARTS = (
    files.MESSAGES,
    figures.MESSAGES,
    commands.MESSAGES,
    help.MESSAGES,
    desk.MESSAGES,
    malformed.MESSAGES,
)
