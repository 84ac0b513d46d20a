"""Every enumeration's glossary term in the language of the screen (GLOSSARY.md).

Documents always use the Chinese term (``member.zh``); the screen uses ``term(member)``, which
is the Chinese term in Chinese and the glossary's English label in English, so no identifier
(``initial``, ``quarter_end``) ever reaches a screen in either language.
"""

from __future__ import annotations

import enum

from app.domain import messages

# (enumeration, member name) -> English label; the Chinese term is the member's own ``zh``.
ENGLISH: dict[tuple[str, str], str] = {
    **{("UserRole", k): v for k, v in {"OFFICER": "duty officer", "LEADER": "leader",
                                        "ADMIN": "administrator"}.items()},
    **{("OrgKind", k): v for k, v in {
        "CITY": "city", "DISTRICT": "district or county", "TOWNSHIP": "township or street",
        "VILLAGE": "village or community", "DEPARTMENT": "department", "ENTERPRISE": "enterprise",
        "TEAM": "team"}.items()},
    **{("Category", k): v for k, v in {"NATURAL": "natural disaster", "ACCIDENT": "accident",
                                        "HEALTH": "public health", "SOCIAL": "social security"}.items()},
    **{("Level", k): v for k, v in {"I": "Level I", "II": "Level II", "III": "Level III",
                                     "IV": "Level IV"}.items()},
    **{("IncidentKind", k): v for k, v in {"EVENT": "incident",
                                            "WARNING": "warning information"}.items()},
    **{("ReportKind", k): v for k, v in {
        "WARNING": "warning report", "INITIAL": "initial report", "FOLLOW_UP": "follow-up report",
        "FINAL": "final report", "VERIFIED": "verified report",
        "INSTRUCTION_FEEDBACK": "feedback on an instruction",
        "QUARTERLY_REPORT": "quarterly work report", "DAILY_REPORT": "daily holiday report",
        "ROSTER_FILING": "roster filing", "PLAN_REVIEW": "plan review", "PLAN_DRILL": "plan drill",
        "CORRECTIVE_ACTION": "corrective action", "OTHER": "other"}.items()},
    **{("Channel", k): v for k, v in {"PHONE": "phone", "WRITTEN": "written"}.items()},
    **{("Means", k): v for k, v in {"FAX": "fax", "SYSTEM": "reporting system", "EMAIL": "e-mail",
                                     "PAPER": "paper document", "SMS": "text message"}.items()},
    **{("DeadlineOutcome", k): v for k, v in {"OPEN": "open", "ON_TIME": "on time", "LATE": "late",
                                               "MISSED": "missed", "CANCELLED": "cancelled"}.items()},
    **{("DutyRole", k): v for k, v in {
        "CHIEF_LEADER": "chief leader on duty", "LEADER": "leader on duty",
        "SUPERVISOR": "shift supervisor", "OFFICER": "duty officer", "STANDBY": "standby"}.items()},
    **{("LeaderTier", k): v for k, v in {"MIDDLE": "middle manager", "MEMBER": "leadership member",
                                          "PRINCIPAL": "principal"}.items()},
    **{("CalendarKind", k): v for k, v in {"HOLIDAY": "public holiday",
                                            "MAKEUP_WORKDAY": "make-up working day"}.items()},
    **{("DutyKind", k): v for k, v in {"WEEKDAY": "weekday", "WEEKEND": "weekend",
                                        "HOLIDAY": "holiday"}.items()},
    **{("SwapStatus", k): v for k, v in {"REQUESTED": "awaiting approval", "APPLIED": "approved",
                                          "REJECTED": "rejected", "WITHDRAWN": "withdrawn"}.items()},
    **{("PersonTag", k): v for k, v in {"LEADER": "leader", "DUTY_OFFICER": "duty officer",
                                         "EXPERT": "expert", "TEAM_MEMBER": "team member"}.items()},
    **{("ContactLabel", k): v for k, v in {"MOBILE": "mobile", "OFFICE": "office phone",
                                            "DUTY": "duty phone", "HOME": "home phone",
                                            "FAX": "fax"}.items()},
    **{("TeamKind", k): v for k, v in {
        "COMPREHENSIVE": "general rescue", "POLICE": "police", "FIRE": "fire service",
        "TRAFFIC": "transport", "MEDICAL": "medical", "FOREST_FIRE": "forest fire",
        "HAZCHEM": "hazardous chemicals", "FLOOD": "flood fighting", "MINE": "mine rescue",
        "GEOLOGICAL": "geological hazards", "POWER": "power repair",
        "VOLUNTEER": "volunteer rescue"}.items()},
    **{("TeamStatus", k): v for k, v in {"READY": "standing by", "DEPLOYED": "deployed",
                                          "UNAVAILABLE": "resting"}.items()},
    **{("AbsenceKind", k): v for k, v in {"TRIP": "business trip", "LEAVE": "leave",
                                           "OTHER": "other"}.items()},
    **{("LogKind", k): v for k, v in {
        "INCOMING_CALL": "incoming call", "OUTGOING_CALL": "outgoing call",
        "INSTRUCTION": "leader's instruction", "NOTE": "note", "CHECK_IN": "check-in",
        "HANDOVER": "shift handover", "PRESENCE_CHECK": "presence check", "REPORT": "report sent",
        "INTAKE": "intake"}.items()},
    **{("Subtype", k): v for k, v in {
        "FLOOD_DROUGHT": "flood and drought", "METEOROLOGICAL": "meteorological disaster",
        "EARTHQUAKE": "earthquake", "GEOLOGICAL": "geological disaster",
        "FOREST_FIRE": "forest and grassland fire", "BIOLOGICAL": "biological disaster",
        "INDUSTRIAL": "industrial and commercial accident", "TRAFFIC": "traffic accident",
        "PUBLIC_FACILITIES": "public facility accident",
        "NUCLEAR_RADIATION": "nuclear and radiation accident",
        "ENVIRONMENTAL": "environmental pollution", "INFECTIOUS_DISEASE": "infectious disease",
        "CLUSTERED_ILLNESS": "unexplained clustered illness",
        "FOOD_OCCUPATIONAL": "food safety and occupational hazard",
        "ANIMAL_EPIDEMIC": "animal epidemic", "MAJOR_CRIME": "major crime",
        "TERRORISM": "terrorist attack", "ETHNIC_RELIGIOUS": "ethnic or religious incident",
        "ECONOMIC_SECURITY": "economic security incident",
        "FOREIGN_RELATED": "foreign-related incident", "MASS_INCIDENT": "mass incident"}.items()},
    **{("PlanType", k): v for k, v in {
        "OVERALL": "overall plan", "SPECIAL": "special plan", "DEPARTMENT": "department plan",
        "TOWNSHIP": "township plan", "ENTERPRISE": "enterprise plan",
        "ONSITE": "on-site plan"}.items()},
    **{("PlanStatus", k): v for k, v in {"IN_FORCE": "in force", "UNDER_REVISION": "under revision",
                                          "WITHDRAWN": "withdrawn"}.items()},
    **{("DrillType", k): v for k, v in {"TABLETOP": "tabletop", "LIVE": "live",
                                         "COMBINED": "combined"}.items()},
    **{("ReviewConclusion", k): v for k, v in {"VALID": "still valid",
                                                "REVISE": "needs revision"}.items()},
}


def _zh(member: enum.Enum) -> str:
    """The Chinese term every glossary enumeration carries as ``zh``."""
    zh = getattr(member, "zh", None)
    if not isinstance(zh, str):
        raise TypeError(f"{type(member).__name__} has no glossary term")
    return zh


def term(member: enum.Enum) -> str:
    """The member's glossary term in the current language."""
    zh = _zh(member)
    if messages.language() == "zh_CN":
        return zh
    return ENGLISH.get((type(member).__name__, member.name), zh)


ROMAN = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ"}


def level_term(level: enum.Enum) -> str:
    """A level with its number: 较大（Ⅲ级） in Chinese, Level III in English."""
    if messages.language() == "zh_CN":
        return f"{_zh(level)}（{ROMAN[str(level.value)]}级）"
    return term(level)


def report_term(kind: enum.Enum, seq: int, heading: str) -> str:
    """A report by its name: 首报, 续报二 in Chinese; initial report, follow-up report 2 in English."""
    if messages.language() == "zh_CN":
        return heading
    return f"{term(kind)} {seq}" if kind.name == "FOLLOW_UP" else term(kind)
