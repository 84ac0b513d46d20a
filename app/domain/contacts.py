"""Words of the contact book (GLOSSARY.md): person tags, number labels, rescue teams."""

from __future__ import annotations

import enum

from app.domain.incident_types import Subtype


class PersonTag(enum.StrEnum):
    """What a person is to the duty room (人员标签)."""

    LEADER = "leader"
    DUTY_OFFICER = "duty_officer"
    EXPERT = "expert"
    TEAM_MEMBER = "team_member"

    @property
    def zh(self) -> str:
        return {PersonTag.LEADER: "领导", PersonTag.DUTY_OFFICER: "值班员",
                PersonTag.EXPERT: "专家", PersonTag.TEAM_MEMBER: "队员"}[self]


_TAGS = {t.value: t for t in PersonTag}


def parse_tags(text: str) -> tuple[list[PersonTag], list[str]]:
    """Tags from "领导、专家" or "leader,expert": (known tags in order, unknown words)."""
    known: list[PersonTag] = []
    unknown: list[str] = []
    for word in _split(text):
        tag = next((t for t in PersonTag if word in (t.value, t.zh)), None)
        if tag is None:
            unknown.append(word)
        elif tag not in known:
            known.append(tag)
    return known, unknown


def join_tags(tags: list[PersonTag] | tuple[PersonTag, ...]) -> str:
    """How tags are stored on the person row: identifiers, comma separated, in enum order."""
    return ",".join(t.value for t in PersonTag if t in tags)


def stored_tags(value: str | None) -> list[PersonTag]:
    """The tags a person row stores (identifiers, comma separated); unknown ones dropped."""
    return [_TAGS[v] for v in (value or "").split(",") if v in _TAGS]


def _split(text: str) -> list[str]:
    for sep in "、，,;；/ \t\n":
        text = text.replace(sep, "|")
    return [w for w in (p.strip() for p in text.split("|")) if w]


def split_numbers(text: str) -> list[str]:
    """Several numbers typed in one cell or field ("139…、0576-…"); spaces stay inside numbers."""
    for sep in "、，,;；/\n":
        text = text.replace(sep, "|")
    return list(dict.fromkeys(w for w in (p.strip() for p in (text or "").split("|")) if w))


def split_list(text: str) -> list[str]:
    """A free list typed in one cell ("危险化学品、消防") as its items."""
    return list(dict.fromkeys(_split(text or "")))


class ContactLabel(enum.StrEnum):
    """What a number is (电话类别); people have mobile, office, duty, home and fax numbers."""

    MOBILE = "mobile"
    OFFICE = "office"
    DUTY = "duty"
    HOME = "home"
    FAX = "fax"

    @property
    def zh(self) -> str:
        return {ContactLabel.MOBILE: "手机", ContactLabel.OFFICE: "办公电话",
                ContactLabel.DUTY: "值班电话", ContactLabel.HOME: "住宅电话",
                ContactLabel.FAX: "传真"}[self]


def parse_label(value: str) -> ContactLabel | None:
    value = (value or "").strip()
    return next((c for c in ContactLabel if value in (c.value, c.zh)), None)


class TeamKind(enum.StrEnum):
    """Kinds of rescue team (救援队伍)."""

    COMPREHENSIVE = "comprehensive"
    POLICE = "police"
    FIRE = "fire"
    TRAFFIC = "traffic"
    MEDICAL = "medical"
    FOREST_FIRE = "forest_fire"
    HAZCHEM = "hazchem"
    FLOOD = "flood"
    MINE = "mine"
    GEOLOGICAL = "geological"
    POWER = "power"
    VOLUNTEER = "volunteer"

    @property
    def zh(self) -> str:
        return _TEAM_ZH[self]

    @property
    def subtypes(self) -> tuple[Subtype, ...]:
        """The incident sub-types a team of this kind is sent to."""
        return TEAM_SUBTYPES[self]


_TEAM_ZH = {
    TeamKind.COMPREHENSIVE: "综合应急救援", TeamKind.POLICE: "公安", TeamKind.FIRE: "消防",
    TeamKind.TRAFFIC: "交通", TeamKind.MEDICAL: "医疗", TeamKind.FOREST_FIRE: "森林消防",
    TeamKind.HAZCHEM: "危险化学品", TeamKind.FLOOD: "防汛抢险", TeamKind.MINE: "矿山救护",
    TeamKind.GEOLOGICAL: "地质灾害", TeamKind.POWER: "电力抢修", TeamKind.VOLUNTEER: "社会救援",
}

_S = Subtype
TEAM_SUBTYPES: dict[TeamKind, tuple[Subtype, ...]] = {
    TeamKind.COMPREHENSIVE: (_S.FLOOD_DROUGHT, _S.METEOROLOGICAL, _S.EARTHQUAKE, _S.GEOLOGICAL,
                             _S.INDUSTRIAL, _S.PUBLIC_FACILITIES, _S.FOREST_FIRE),
    TeamKind.POLICE: (_S.MAJOR_CRIME, _S.TERRORISM, _S.MASS_INCIDENT, _S.ETHNIC_RELIGIOUS,
                      _S.FOREIGN_RELATED, _S.TRAFFIC),
    TeamKind.FIRE: (_S.INDUSTRIAL, _S.PUBLIC_FACILITIES, _S.TRAFFIC, _S.EARTHQUAKE,
                    _S.GEOLOGICAL, _S.FLOOD_DROUGHT, _S.ENVIRONMENTAL),
    TeamKind.TRAFFIC: (_S.TRAFFIC, _S.METEOROLOGICAL, _S.FLOOD_DROUGHT),
    TeamKind.MEDICAL: (_S.INFECTIOUS_DISEASE, _S.CLUSTERED_ILLNESS, _S.FOOD_OCCUPATIONAL,
                       _S.TRAFFIC, _S.INDUSTRIAL, _S.EARTHQUAKE, _S.TERRORISM),
    TeamKind.FOREST_FIRE: (_S.FOREST_FIRE,),
    TeamKind.HAZCHEM: (_S.INDUSTRIAL, _S.ENVIRONMENTAL, _S.TRAFFIC, _S.NUCLEAR_RADIATION),
    TeamKind.FLOOD: (_S.FLOOD_DROUGHT, _S.METEOROLOGICAL, _S.GEOLOGICAL),
    TeamKind.MINE: (_S.INDUSTRIAL, _S.GEOLOGICAL),
    TeamKind.GEOLOGICAL: (_S.GEOLOGICAL, _S.EARTHQUAKE),
    TeamKind.POWER: (_S.METEOROLOGICAL, _S.PUBLIC_FACILITIES, _S.FLOOD_DROUGHT, _S.EARTHQUAKE),
    TeamKind.VOLUNTEER: (_S.FLOOD_DROUGHT, _S.EARTHQUAKE, _S.GEOLOGICAL, _S.METEOROLOGICAL),
}


class TeamStatus(enum.StrEnum):
    """Whether a team can be sent now."""

    READY = "ready"
    DEPLOYED = "deployed"
    UNAVAILABLE = "unavailable"

    @property
    def zh(self) -> str:
        return {TeamStatus.READY: "待命", TeamStatus.DEPLOYED: "出动中",
                TeamStatus.UNAVAILABLE: "休整"}[self]


class AbsenceKind(enum.StrEnum):
    """Why a person is away (外出报备)."""

    TRIP = "trip"
    LEAVE = "leave"
    OTHER = "other"

    @property
    def zh(self) -> str:
        return {AbsenceKind.TRIP: "出差", AbsenceKind.LEAVE: "请假", AbsenceKind.OTHER: "其他"}[self]
