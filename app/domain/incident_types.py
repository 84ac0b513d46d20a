"""Incident categories and their common sub-types (RULES.md §2, 突发事件应对法 art. 2)."""

from __future__ import annotations

import enum

from app.domain.enums import Category

__all__ = ["SUBTYPES", "Category", "Subtype", "parse_subtype"]


class Subtype(enum.StrEnum):
    """Common sub-types (子类) of each category."""

    FLOOD_DROUGHT = "flood_drought"
    METEOROLOGICAL = "meteorological"
    EARTHQUAKE = "earthquake"
    GEOLOGICAL = "geological"
    FOREST_FIRE = "forest_fire"
    BIOLOGICAL = "biological"
    INDUSTRIAL = "industrial"
    TRAFFIC = "traffic"
    PUBLIC_FACILITIES = "public_facilities"
    NUCLEAR_RADIATION = "nuclear_radiation"
    ENVIRONMENTAL = "environmental"
    INFECTIOUS_DISEASE = "infectious_disease"
    CLUSTERED_ILLNESS = "clustered_illness"
    FOOD_OCCUPATIONAL = "food_occupational"
    ANIMAL_EPIDEMIC = "animal_epidemic"
    MAJOR_CRIME = "major_crime"
    TERRORISM = "terrorism"
    ETHNIC_RELIGIOUS = "ethnic_religious"
    ECONOMIC_SECURITY = "economic_security"
    FOREIGN_RELATED = "foreign_related"
    MASS_INCIDENT = "mass_incident"

    @property
    def category(self) -> Category:
        return next(c for c, subs in SUBTYPES.items() if self in subs)

    @property
    def zh(self) -> str:
        return _SUBTYPE_ZH[self]


SUBTYPES: dict[Category, tuple[Subtype, ...]] = {
    Category.NATURAL: (Subtype.FLOOD_DROUGHT, Subtype.METEOROLOGICAL, Subtype.EARTHQUAKE,
                       Subtype.GEOLOGICAL, Subtype.FOREST_FIRE, Subtype.BIOLOGICAL),
    Category.ACCIDENT: (Subtype.INDUSTRIAL, Subtype.TRAFFIC, Subtype.PUBLIC_FACILITIES,
                        Subtype.NUCLEAR_RADIATION, Subtype.ENVIRONMENTAL),
    Category.HEALTH: (Subtype.INFECTIOUS_DISEASE, Subtype.CLUSTERED_ILLNESS,
                      Subtype.FOOD_OCCUPATIONAL, Subtype.ANIMAL_EPIDEMIC),
    Category.SOCIAL: (Subtype.MAJOR_CRIME, Subtype.TERRORISM, Subtype.ETHNIC_RELIGIOUS,
                      Subtype.ECONOMIC_SECURITY, Subtype.FOREIGN_RELATED, Subtype.MASS_INCIDENT),
}

_SUBTYPE_ZH = {
    Subtype.FLOOD_DROUGHT: "水旱灾害", Subtype.METEOROLOGICAL: "气象灾害",
    Subtype.EARTHQUAKE: "地震灾害", Subtype.GEOLOGICAL: "地质灾害",
    Subtype.FOREST_FIRE: "森林草原火灾", Subtype.BIOLOGICAL: "生物灾害",
    Subtype.INDUSTRIAL: "工矿商贸等企业安全事故", Subtype.TRAFFIC: "交通运输事故",
    Subtype.PUBLIC_FACILITIES: "公共设施和设备事故", Subtype.NUCLEAR_RADIATION: "核与辐射事故",
    Subtype.ENVIRONMENTAL: "环境污染和生态破坏事件",
    Subtype.INFECTIOUS_DISEASE: "传染病疫情", Subtype.CLUSTERED_ILLNESS: "群体性不明原因疾病",
    Subtype.FOOD_OCCUPATIONAL: "食品安全和职业危害", Subtype.ANIMAL_EPIDEMIC: "动物疫情",
    Subtype.MAJOR_CRIME: "重大刑事案件", Subtype.TERRORISM: "恐怖袭击事件",
    Subtype.ETHNIC_RELIGIOUS: "民族宗教事件", Subtype.ECONOMIC_SECURITY: "经济安全事件",
    Subtype.FOREIGN_RELATED: "涉外突发事件", Subtype.MASS_INCIDENT: "群体性事件",
}


def parse_subtype(value: str) -> Subtype | None:
    """A sub-type from its identifier or its Chinese term; None when unknown."""
    value = (value or "").strip()
    try:
        return Subtype(value)
    except ValueError:
        return next((s for s in Subtype if s.zh == value), None)
