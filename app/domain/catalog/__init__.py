"""The message catalogs, one per feature, and their merge into the one table `messages` reads.

Each feature module holds ``MESSAGES``: code -> (Simplified Chinese, English). A code belongs
to exactly one catalog; merging refuses a code that two catalogs define, so a feature can never
silently reword another's message.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.catalog import (
    calendar,
    common,
    contacts,
    deadlines,
    dutylog,
    incidents,
    office,
    plans,
    roster,
    safety,
    shared,
    stats,
)

Catalog = Mapping[str, tuple[str, str]]

CATALOGS: dict[str, Catalog] = {
    "common": common.MESSAGES,
    "office": office.MESSAGES,
    "contacts": contacts.MESSAGES,
    "roster": roster.MESSAGES,
    "calendar": calendar.MESSAGES,
    "incidents": incidents.MESSAGES,
    "deadlines": deadlines.MESSAGES,
    "dutylog": dutylog.MESSAGES,
    "plans": plans.MESSAGES,
    "stats": stats.MESSAGES,
    "safety": safety.MESSAGES,
    "shared": shared.MESSAGES,
}


def duplicates(catalogs: Mapping[str, Catalog]) -> dict[str, list[str]]:
    """Codes defined by more than one catalog, each with the catalogs that define it."""
    owners: dict[str, list[str]] = {}
    for feature, catalog in catalogs.items():
        for code in catalog:
            owners.setdefault(code, []).append(feature)
    return {code: features for code, features in owners.items() if len(features) > 1}


def merged(catalogs: Mapping[str, Catalog] = CATALOGS) -> dict[str, tuple[str, str]]:
    """Every catalog in one table; ValueError when two catalogs define the same code."""
    clashes = duplicates(catalogs)
    if clashes:
        raise ValueError("message codes defined twice: " + "; ".join(
            f"{code} ({', '.join(features)})" for code, features in sorted(clashes.items())))
    return {code: wording for catalog in catalogs.values() for code, wording in catalog.items()}
