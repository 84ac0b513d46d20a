"""The one lookup of messages made below the UI, in Simplified Chinese and English.

Validation errors, import problems and command-line sentences come from here, so the command
line and the windows say the same thing in the same words. Each message has a code; its
wording takes ``str.format`` fields. Chinese is the default language. The wordings live in
one catalog per feature (app/domain/catalog/); callers import `text`, `Problem` and the
language switch from here and never from a catalog.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from app.domain import catalog

_LANGUAGE = "zh_CN"
_AUDIENCE = "command line"
# An identifier in brackets after its term: "事件性质（nature）", for the command line's JSON.
_IDENTIFIER = re.compile(r"（[a-z][a-z0-9_]*）| \([a-z][a-z0-9_]*\)")

SUPPORTED_LANGUAGES = ("zh_CN", "en")

# code -> (Simplified Chinese, English), every feature's catalog in one table
CATALOG: dict[str, tuple[str, str]] = catalog.merged()


def set_language(language: str) -> None:
    """Choose the language of every message made below the UI."""
    global _LANGUAGE
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _LANGUAGE = language


def language() -> str:
    return _LANGUAGE


def set_audience(audience: str) -> None:
    """"screen" drops the identifiers the command line shows after a field's term (a window
    shows no identifier); "command line" keeps them (its users write JSON by them)."""
    global _AUDIENCE
    if audience not in ("screen", "command line"):
        raise ValueError(f"unknown audience {audience!r}")
    _AUDIENCE = audience


def text(code: str, **fields: object) -> str:
    """The message ``code`` in the current language, with ``fields`` filled in."""
    zh, en = CATALOG[code]
    template = zh if _LANGUAGE == "zh_CN" else en
    said = template.format(**fields)
    return _IDENTIFIER.sub("", said) if _AUDIENCE == "screen" else said


def field_name(code: str) -> str:
    """A field's glossary term in the current language."""
    return text(f"field.{code}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input: a message code, the field it names and its values."""

    code: str
    field: str | None = None
    values: dict[str, object] = dataclasses.field(default_factory=dict)

    def message(self) -> str:
        """The sentence; a value quoted from the input shows its control characters escaped
        (a line break or a NEL inside a bad value must not split the one line per problem)."""
        values = {k: _printable(v) if isinstance(v, str) else v for k, v in self.values.items()}
        if self.field is not None:
            values.setdefault("field", field_name(self.field))
        return text(self.code, **values)


def _printable(value: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 0x100
                   else f"\\u{ord(ch):04x}" for ch in value)
