"""The help of every command and option, in the language in force: typer builds its
commands from the declarations in `targets.commands`; before they parse anything, their
help is put in the words of the catalog (`targets.catalog.help`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import typer.core

from targets import language, messages
from targets.catalog import CATALOG


def help_key(command: str | None, param: str) -> str | None:
    """The catalog key of a parameter's help: the command's own, else the shared one."""
    own = f"help.opt.{command}.{param}"
    shared = f"help.opt.{param}"
    return own if own in CATALOG else shared if shared in CATALOG else None


def localize(group: Any, ctx: Any) -> None:
    """Put the help of the group, its commands and their parameters in the catalog's
    words; a parameter the catalog does not know keeps what it declares."""
    group.help = messages.say("help.app")
    _params(None, [*group.params, group.get_help_option(ctx)])
    for name, command in group.commands.items():
        if f"help.cmd.{name}" in CATALOG:
            command.help = messages.say(f"help.cmd.{name}")
            command.short_help = None
        _params(name, [*command.params, command.get_help_option(ctx)])


def _params(command: str | None, params: Sequence[Any]) -> None:
    for param in params:
        if param is None:
            continue
        key = "help.opt.help" if "--help" in param.opts else help_key(command, param.name)
        if key is not None:
            param.help = messages.say(key)


class SpokenGroup(typer.core.TyperGroup):
    """The `targets` group: decides the language of the command line before parsing it,
    so that help and messages speak it."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Any = None,
        **extra: Any,
    ) -> Any:
        messages.use(language.decide(args))
        localize(self, self.context_class(self, info_name=info_name, parent=parent, **extra))
        return super().make_context(info_name, args, parent, **extra)
