"""vCard 3.0 (RFC 2426) for a selection of contacts, for phones and mail programs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# number kind (app.domain.contacts.ContactLabel values) -> TEL types
TEL_TYPES = {"mobile": "CELL,VOICE", "office": "WORK,VOICE", "duty": "WORK,VOICE,PREF",
             "home": "HOME,VOICE", "fax": "WORK,FAX"}


@dataclass(frozen=True)
class Card:
    full_name: str
    surname: str
    given: str
    organization: str = ""
    title: str = ""
    phones: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (kind, number)
    note: str = ""
    categories: Sequence[str] = field(default_factory=tuple)


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded (continuations start with a space)."""
    out: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = ch
        else:
            current += ch
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def card_text(card: Card) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0",
             f"N:{_escape(card.surname)};{_escape(card.given)};;;",
             f"FN:{_escape(card.full_name)}"]
    if card.organization:
        lines.append(f"ORG:{_escape(card.organization)}")
    if card.title:
        lines.append(f"TITLE:{_escape(card.title)}")
    for kind, number in card.phones:
        lines.append(f"TEL;TYPE={TEL_TYPES.get(kind, 'VOICE')}:{_escape(number)}")
    if card.categories:
        lines.append("CATEGORIES:" + ",".join(_escape(c) for c in card.categories))
    if card.note:
        lines.append(f"NOTE:{_escape(card.note)}")
    lines.append("END:VCARD")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


def vcards(cards: Iterable[Card]) -> str:
    return "".join(card_text(c) for c in cards)
