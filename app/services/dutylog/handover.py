"""Shift handover (交接班): the sheet, items carried forward, confirming with both passwords.

The sheet of a shift lists its log, the open incidents with their next deadlines, the alarms
nobody has acknowledged, the leaders' instructions still waiting for feedback, the items
carried forward and free notes. Both officers confirm face to face with their passwords; the
sheet is then kept as signed and the shift's log is locked (see dutylog.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from app.domain import deadline_rules as dr
from app.domain import duty, messages
from app.domain.duty import LogKind
from app.domain.enums import DeadlineStage, DutyRole, Level, UserRole
from app.domain.errors import DutyDeskError, InputError, NotFound
from app.domain.messages import Problem
from app.models import CarriedItem, CheckIn, DutyLogEntry, Handover, Incident, Instruction, User
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.dutylog import entries as dutylog
from app.services.office import anchors, audit, office, users
from app.services.roster import schedule as roster

GRACE = dt.timedelta(hours=4)  # after the clock's shift start, the old shift may still be handed over


def roster_people_for_shift(ctx: Context, shift_start: dt.datetime) -> set[str] | None:
    """Who the roster puts on duty for the shift running at ``shift_start`` (their names and
    the user names linked to them), or None when the roster holds nobody for it: then no
    reason is asked for."""
    probe = shift_start + dt.timedelta(minutes=1)
    on = roster.on_duty(ctx, probe).current
    if on is None or not on.assignments:
        return None
    person_ids = {a.person_id for a in on.assignments}
    names = {a.name for a in on.assignments}
    with ctx.db.read() as s:
        names |= set(s.scalars(select(User.username).where(User.person_id.in_(person_ids))))
    return names


def next_officer(ctx: Context, day: dt.date) -> str | None:
    """The user name of the duty officer the roster puts on the shift after ``day``'s (the
    incoming officer to offer at the handover), None when the roster names no user."""
    ss = dutylog.shift_settings(ctx)
    begin, _ = duty.shift_bounds(day + dt.timedelta(days=1), ss.zone, ss.start)
    on = roster.on_duty(ctx, begin + dt.timedelta(minutes=1)).current
    if on is None:
        return None
    ranked = sorted(on.assignments, key=lambda a: a.role is not DutyRole.OFFICER)
    with ctx.db.read() as s:
        linked: dict[int, str] = {row.person_id: row.username for row in s.execute(
            select(User.person_id, User.username).where(
                User.person_id.in_([a.person_id for a in ranked]), User.active.is_(True)))}
    return next((linked[a.person_id] for a in ranked if a.person_id in linked), None)


@dataclass(frozen=True)
class HandoverSheet:
    """The handover sheet as plain JSON-ready data (the keys of ``handover show --json``).

    ``shift`` holds date, starts_at, ends_at and handed_over (None, or who handed over to
    whom and when). Times are ISO 8601 in office time, with their offset.
    """

    shift: dict[str, Any]
    log: list[dict[str, Any]] = field(default_factory=list)
    open_incidents: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    instructions: list[dict[str, Any]] = field(default_factory=list)
    carried: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""
    anchor: str = ""  # the chains' heads as a short code (链锚码), printed on the sheet

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HandoverSheet:
        return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data})

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.shift["date"])

    @property
    def handed_over(self) -> dict[str, Any] | None:
        return self.shift.get("handed_over")


def handover_shift(ctx: Context) -> dt.date:
    """The duty day to hand over now: the current one, or the previous one while it has not
    been handed over, had someone on duty, and its end is less than four hours ago."""
    ss = dutylog.shift_settings(ctx)
    now = ctx.clock.now()
    current = duty.shift_date_of(now, ss.zone, ss.start)
    with ctx.db.read() as s:
        locked = {d for (d,) in s.execute(select(Handover.shift_date).where(
            Handover.shift_date >= current - dt.timedelta(days=1)))}
        day = current
        while day in locked:
            day += dt.timedelta(days=1)
        previous = current - dt.timedelta(days=1)
        begin, _end = duty.shift_bounds(current, ss.zone, ss.start)
        if day == current and previous not in locked and now - begin < GRACE:
            active = s.scalar(select(func.count()).select_from(DutyLogEntry).where(
                DutyLogEntry.shift_date == previous)) or s.scalar(
                select(func.count()).select_from(CheckIn).where(CheckIn.shift_date == previous))
            if active:
                day = previous
    return day


def _iso(value: dt.datetime | None, zone: dt.tzinfo) -> str | None:
    return value.astimezone(zone).isoformat(timespec="seconds") if value else None


def _level(value: str | None) -> str:
    return Level(value).zh if value else ""


def build(ctx: Context, day: dt.date, notes: str = "") -> HandoverSheet:
    """The live sheet of ``day`` as things stand now."""
    ss = dutylog.shift_settings(ctx)
    zone = ss.zone
    now = ctx.clock.now()
    begin, end = duty.shift_bounds(day, zone, ss.start)
    log = [{**e.to_json(zone), "operator_name": e.operator_name, "caller": e.caller,
            "incident_number": e.incident_number}
           for e in dutylog.list_shift(ctx, day)]
    stages = rule_profiles.stage_settings(ctx)
    open_deadlines = deadlines.list_open(ctx)
    by_incident: dict[int, list[dict[str, Any]]] = defaultdict(list)
    alarms = []
    for d in open_deadlines:
        stage = dr.stage_at(d.due_at, now, stages)
        if d.incident_id is not None:
            by_incident[d.incident_id].append({"id": d.id, "what": d.what, "due_at": _iso(d.due_at, zone),
                                               "stage": stage.value})
        if stage is not DeadlineStage.PENDING and not d.acknowledged(stage):
            alarms.append({"id": d.id, "what": d.what, "incident_number": d.incident_number,
                           "due_at": _iso(d.due_at, zone), "stage": stage.value})
    with ctx.db.read() as s:
        incidents = [
            {"number": r.number, "title": r.title, "level": _level(r.level), "kind": r.kind,
             "received_at": _iso(r.received_at, zone), "deadlines": by_incident.get(r.id, [])}
            for r in s.scalars(select(Incident).where(Incident.status == "open")
                               .order_by(Incident.received_at, Incident.id))]
        due_of = {d.id: d.due_at for d in open_deadlines}
        instructions = [
            {"id": i.id, "incident_number": number, "from_whom": i.from_whom, "text": i.text,
             "given_at": _iso(i.given_at, zone), "feedback_due_at": _iso(due_of.get(i.deadline_id or -1), zone)}
            for i, number in s.execute(select(Instruction, Incident.number)
                                       .join(Incident, Incident.id == Instruction.incident_id)
                                       .where(Instruction.done_at.is_(None)).order_by(Instruction.given_at))]
    carried = [{"id": c.id, "text": c.text, "flagged_by": c.flagged_by,
                "flagged_at": _iso(c.flagged_at, zone), "incident_number": c.incident_number}
               for c in open_items(ctx)]
    shift = {"date": day.isoformat(), "starts_at": _iso(begin, zone), "ends_at": _iso(end, zone),
             "handed_over": None, "workstation": ctx.db.workstation}
    return HandoverSheet(shift, log, incidents, alarms, instructions, carried, notes,
                         anchors.current(ctx).code)


def sheet(ctx: Context, day: dt.date | None = None) -> HandoverSheet:
    """The sheet of ``day`` (default: the shift to hand over now): as signed once handed over,
    else as things stand."""
    day = day or handover_shift(ctx)
    with ctx.db.read() as s:
        record = s.scalar(select(Handover).where(Handover.shift_date == day))
        if record is not None:
            return HandoverSheet.from_json(record.sheet)
    return build(ctx, day)


def confirm(ctx: Context, day: dt.date, *, outgoing: str, outgoing_password: str, incoming: str,
            incoming_password: str, notes: str = "", reason: str = "") -> HandoverSheet:
    """Both officers confirm the handover of ``day`` with their passwords; the sheet is kept
    as signed and the shift's log is locked."""
    ctx.require(UserRole.OFFICER)
    ss = dutylog.shift_settings(ctx)
    _check_confirmable(ctx, day, ss, outgoing, incoming, reason)
    (out_actor, out_at), (in_actor, in_at) = _sign_both(
        ctx, (outgoing, outgoing_password), (incoming, incoming_password))
    in_name = in_actor.display_name or in_actor.name
    out_name = out_actor.display_name or out_actor.name
    signed_sheet = build(ctx, day, notes.strip())
    now = ctx.clock.now()
    signed_sheet.shift["handed_over"] = {
        "outgoing": out_actor.label, "outgoing_name": out_name, "outgoing_confirmed_at": _iso(out_at, ss.zone),
        "incoming": in_actor.label, "incoming_name": in_name, "incoming_confirmed_at": _iso(in_at, ss.zone),
        "locked_at": _iso(now, ss.zone), "reason": reason.strip()}
    with ctx.db.write() as s:
        words = f"{out_name}交班，{in_name}接班"
        if reason.strip():
            words += f"（不在值班表上，原因：{reason.strip()}）"
        dutylog.write_in(s, ctx, LogKind.HANDOVER, words, at=now, shift_date=day)
        row = Handover(shift_date=day, outgoing=out_actor.label, outgoing_name=out_name,
                       outgoing_confirmed_at=out_at, incoming=in_actor.label, incoming_name=in_name,
                       incoming_confirmed_at=in_at, notes=notes.strip(), off_roster_reason=reason.strip(),
                       sheet=signed_sheet.to_json(), locked_at=now)
        s.add(row)
        s.flush()
        audit.record(s, ctx, "handover", "handover", row.id, after={
            "shift": day.isoformat(), "outgoing": out_actor.label, "incoming": in_actor.label,
            "reason": reason.strip(), "carried": [c["id"] for c in signed_sheet.carried]})
        # the chains as the signed sheet leaves them, anchored in the table and on paper
        heads = anchors.record_in(s, ctx, "handover")
        signed_sheet = dataclasses.replace(signed_sheet, anchor=heads.code)
        row.sheet = signed_sheet.to_json()
    anchors.remember(ctx, heads, "handover")
    return signed_sheet


def _check_confirmable(ctx: Context, day: dt.date, ss: dutylog.ShiftSettings, outgoing: str,
                       incoming: str, reason: str) -> None:
    """InputError unless ``day`` may be handed over from ``outgoing`` to ``incoming`` now:
    not yet handed over, not a future shift, two people, and a reason when the incoming
    officer is not the one the roster names."""
    with ctx.db.read() as s:
        done = s.scalar(select(Handover.locked_at).where(Handover.shift_date == day))
    if done is not None:
        raise InputError(Problem("handover.done", None, {
            "day": day.isoformat(), "when": done.astimezone(ss.zone).strftime("%Y-%m-%d %H:%M")}))
    if day > duty.shift_date_of(ctx.clock.now(), ss.zone, ss.start):
        raise InputError(Problem("handover.future", None, {"day": day.isoformat()}))
    problems: list[Problem] = []
    if (outgoing or "").strip().lower() == (incoming or "").strip().lower():
        problems.append(Problem("handover.same_person"))
    if not reason.strip():
        problems += _off_roster_problems(ctx, day, ss, incoming)
    if problems:
        raise InputError(problems)


def _off_roster_problems(ctx: Context, day: dt.date, ss: dutylog.ShiftSettings,
                         incoming: str) -> list[Problem]:
    """A reason is needed when the roster names someone else for the next shift."""
    next_begin, _ = duty.shift_bounds(day + dt.timedelta(days=1), ss.zone, ss.start)
    on_roster = roster_people_for_shift(ctx, next_begin)
    if on_roster is None:
        return []
    known = {u.username.lower(): u for u in users.list_users(ctx)}
    person = known.get((incoming or "").strip().lower())
    if person is None or {person.username, person.display_name} & on_roster:
        return []
    return [Problem("handover.reason_needed", "handover.reason", {"name": person.display_name})]


def _sign_both(ctx: Context, outgoing: tuple[str, str],
               incoming: tuple[str, str]) -> list[tuple[Actor, dt.datetime]]:
    """Both officers' passwords checked; each with the time they signed, or InputError naming
    whose password failed."""
    problems: list[Problem] = []
    signed = []
    for code, (username, password) in (("handover.outgoing_failed", outgoing),
                                       ("handover.incoming_failed", incoming)):
        try:
            signed.append((users.authenticate(ctx, username, password), ctx.clock.now()))
        except DutyDeskError as exc:
            problems.append(Problem(code, None, {"detail": exc.message}))
    if problems:
        raise InputError(problems)
    return signed


# --- items carried forward -----------------------------------------------------------------------


@dataclass(frozen=True)
class CarriedInfo:
    id: int
    text: str
    incident_id: int | None
    incident_number: str | None
    flagged_by: str
    flagged_at: dt.datetime
    version: int


def open_items(ctx: Context) -> list[CarriedInfo]:
    """Items not yet cleared, oldest first: each shows at every handover until cleared."""
    with ctx.db.read() as s:
        rows = s.execute(select(CarriedItem, Incident.number)
                         .join(Incident, Incident.id == CarriedItem.incident_id, isouter=True)
                         .where(CarriedItem.cleared_at.is_(None)).order_by(CarriedItem.flagged_at))
        return [CarriedInfo(c.id, c.text, c.incident_id, number, c.flagged_by, c.flagged_at, c.version)
                for c, number in rows]


def flag(ctx: Context, text: str, *, incident_id: int | None = None,
         log_entry_id: int | None = None) -> CarriedInfo:
    """Carry something forward to the next shifts until someone clears it."""
    actor = ctx.require(UserRole.OFFICER)
    if not (text or "").strip():
        raise InputError(Problem("required", "carried.text"))
    with ctx.db.write() as s:
        number = None
        if incident_id is not None:
            number = s.scalar(select(Incident.number).where(Incident.id == incident_id))
        row = CarriedItem(text=text.strip(), incident_id=incident_id, log_entry_id=log_entry_id,
                          flagged_by=actor.display_name or actor.label, flagged_at=ctx.clock.now(),
                          cleared_by="", cleared_note="")
        s.add(row)
        s.flush()
        audit.record(s, ctx, "create", "carried_item", row.id, after={"text": row.text})
        return CarriedInfo(row.id, row.text, incident_id, number, row.flagged_by, row.flagged_at, row.version)


def clear(ctx: Context, item_id: int, note: str = "") -> None:
    """The item is dealt with: it no longer shows at handovers."""
    actor = ctx.require(UserRole.OFFICER)
    zone = dutylog.shift_settings(ctx).zone
    with ctx.db.write() as s:
        row = s.get(CarriedItem, item_id)
        if row is None:
            raise NotFound(messages.text("not_found.carried_item", id=item_id))
        if row.cleared_at is not None:
            raise InputError(Problem("carried.cleared", None, {
                "when": row.cleared_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")}))
        row.cleared_at = ctx.clock.now()
        row.cleared_by = actor.display_name or actor.label
        row.cleared_note = note.strip()
        s.flush()
        audit.record(s, ctx, "clear", "carried_item", row.id, after={"note": row.cleared_note})


# --- the printed sheet -------------------------------------------------------------------------------

_STAGE_ZH = {"pending": "未到提醒", "notice": "预先提醒", "urgent": "紧急", "due": "到期", "overdue": "已超时"}


def _hm(iso: str | None, with_date: bool = True) -> str:
    if not iso:
        return ""
    t = dt.datetime.fromisoformat(iso)
    return t.strftime("%m-%d %H:%M") if with_date else t.strftime("%H:%M")


def sheet_text(sheet_: HandoverSheet, office_name: str = "") -> str:
    """The sheet as the office prints it (Simplified Chinese; the first line is the title)."""
    sh = sheet_.shift
    a, b = dt.datetime.fromisoformat(sh["starts_at"]), dt.datetime.fromisoformat(sh["ends_at"])
    lines = [f"{office_name}值班交接班记录", f"班次：{a.year}年{a.month}月{a.day}日 {a:%H:%M} 至 "
             f"{b.month}月{b.day}日 {b:%H:%M}"]
    if sh.get("workstation"):
        lines.append(f"工作站：{sh['workstation']}")
    done = sh.get("handed_over")
    if done:
        lines.append(f"交班人：{done['outgoing_name']}（{_hm(done['outgoing_confirmed_at'])} 确认）　"
                     f"接班人：{done['incoming_name']}（{_hm(done['incoming_confirmed_at'])} 确认）")
        if done.get("reason"):
            lines.append(f"接班人不在值班表上的原因：{done['reason']}")
    else:
        lines.append("（尚未交接）")

    def section(title: str, items: list[str]) -> None:
        lines.append("")
        lines.append(f"{title}（{len(items)}）")
        lines.extend(items or ["　　无"])

    log_lines = []
    for e in sheet_.log:
        kind = LogKind(e["kind"]).zh
        caller = f"［{e['caller']}］" if e.get("caller") else ""
        fix = f"（更正第 {e['corrects']} 条）" if e.get("corrects") else ""
        who = e.get("operator_name") or e["operator"]
        log_lines.append(f"　　{_hm(e['at'])}　{kind}{fix}{caller}：{e['text']}　—{who}")
    section("一、本班值班日志", log_lines)
    incident_lines = []
    for i in sheet_.open_incidents:
        level = f"（{i['level']}）" if i.get("level") else ""
        nxt = i["deadlines"][0] if i.get("deadlines") else None
        due = f"；下一时限：{nxt['what']}，{_hm(nxt['due_at'])}" if nxt else ""
        incident_lines.append(f"　　{i['number']} {i['title']}{level}，接报 {_hm(i['received_at'])}{due}")
    section("二、未办结事件", incident_lines)
    section("三、未确认的时限提醒", [
        f"　　{d['what']}，截止 {_hm(d['due_at'])}（{_STAGE_ZH.get(d['stage'], d['stage'])}）"
        for d in sheet_.deadlines])
    section("四、待落实的领导批示", [
        f"　　{i['incident_number']} {i['from_whom']}：{i['text']}"
        + (f"（反馈时限 {_hm(i['feedback_due_at'])}）" if i.get("feedback_due_at") else "")
        for i in sheet_.instructions])
    section("五、交办事项", [
        f"　　{c['text']}（{c['flagged_by']} {_hm(c['flagged_at'])} 交办"
        + (f"，事件 {c['incident_number']}" if c.get("incident_number") else "") + "）"
        for c in sheet_.carried])
    lines.append("")
    lines.append("六、其他交接事项")
    lines.extend(f"　　{line}" for line in (sheet_.notes.splitlines() or ["无"]))
    lines += ["", "交班人（签字）：＿＿＿＿＿＿　　接班人（签字）：＿＿＿＿＿＿"]
    if sheet_.anchor:
        lines += ["", f"链锚码：{sheet_.anchor}（留存备查：用于核对值班日志与审计记录未被改动）"]
    return "\n".join(lines)


def office_name(ctx: Context) -> str:
    info = office.get_office(ctx)
    return info.name if info else ""
