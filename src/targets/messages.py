"""Every sentence the tool says to a person, in Chinese and English, kept in one catalog.

A message is a key of `CATALOG` and named parameters; it is put into words only when it
is shown, in the language in force (`use`), which the command line decides before any
command runs (`config.decide_language`). The catalog itself lives in `targets.catalog`,
one module per part of the tool; a test holds every key to both languages with the same
parameters.

Templates are `str.format` templates with one addition, for English plurals:
`{n:figure|figures}` writes `1 figure` or `3 figures`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from targets.catalog import CATALOG

LANGS = ("zh", "en")
_in_force = ["en"]


def use(lang: str) -> None:
    """Speak this language from now on (zh or en; anything else is English)."""
    _in_force[0] = lang if lang in LANGS else "en"


def current() -> str:
    """The language in force."""
    return _in_force[0]


@dataclass(frozen=True)
class Message:
    """A catalog key and its parameters, put into words when shown. A key that is not in
    the catalog is shown as it is: plain text from code not yet converted."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        lang = lang or current()
        entry = CATALOG.get(self.key)
        if entry is None:
            return self.key
        params = {k: _rendered(v, lang) for k, v in self.params.items()}
        return _FORMATTER.format(entry[lang], **params)

    def __str__(self) -> str:
        return self.render()


def msg(key: str, /, **params: Any) -> Message:
    """The message `key` with these parameters."""
    return Message(key, params)


def say(key: str, /, **params: Any) -> str:
    """The message `key` in words, in the language in force."""
    return Message(key, params).render()


def _rendered(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        return _rendered_list(value, lang)
    return value


def _rendered_list(items: list[Message] | tuple[Message, ...], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(m.render(lang) for m in items)


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:  # {n:figure|figures}
            one, many = format_spec.split("|", 1)
            return f"{value} {one if value == 1 else many}"
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def fields(template: str) -> set[str]:
    """The parameters a template names (for the test that both languages take the same)."""
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in _FORMATTER.parse(template) if f}
