"""Roster services on a database: generation, locks, absences, on duty, editing, history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.domain.enums import DutyKind, DutyRole, UserRole
from app.domain.errors import InputError, PermissionDenied
from app.models import Absence, RosterAssignment
from app.services.context import Actor, Context
from app.services.office import audit
from app.services.roster import calendar as roster_calendar
from app.services.roster import filing, notice
from app.services.roster import generate as roster_generate
from app.services.roster import schedule as roster
from app.services.roster import setup as roster_setup
from tests.services.roster import notice_2027
from tests.services.roster.fixtures import staff_office

D = dt.date


def test_generate_fills_the_range_and_reports(office_ctx: Context) -> None:
    staff_office(office_ctx)
    report = roster_generate.generate_roster(office_ctx, D(2026, 9, 1), D(2026, 10, 31))
    assert report.created == 61 * 3 and report.empty == [] and report.violations == []
    assert report.unknown_years == []
    lines = report.lines()
    assert lines[0] == "2026-09-01 至 2026-10-31：新排 183 人次，保留 0 人次，删除 0 人次。"
    assert "没有空缺。" in lines and "没有违反规则。" in lines
    days = roster.roster_range(office_ctx, D(2026, 10, 1), D(2026, 10, 7))
    assert all(d.kind is DutyKind.HOLIDAY and d.remark_words[0] == "国庆节" for d in days)
    assert all(d.leaders and d.required_tier == 2 for d in days)
    assert audit.verify(office_ctx).ok


def test_without_replace_existing_entries_stay_and_with_replace_only_locked_ones(
        office_ctx: Context) -> None:
    ids = staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 10))
    roster.set_place(office_ctx, day=D(2026, 12, 5), shift_id=1, role=DutyRole.OFFICER,
                     position=0, person_id=ids["蒋春梅"], note="本人申请")
    before = _people(office_ctx)
    again = roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 10))
    assert (again.created, again.kept, again.removed) == (0, 30, 0)
    assert _people(office_ctx) == before
    replaced = roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 10),
                                               replace=True)
    assert (replaced.kept, replaced.removed, replaced.created) == (1, 29, 29)
    day = roster.roster_range(office_ctx, D(2026, 12, 5), D(2026, 12, 5))[0]
    locked = [a for a in day.assignments if a.locked]
    assert [(a.name, a.note, a.position) for a in locked] == [("蒋春梅", "本人申请", 0)]


def _people(ctx: Context) -> list[tuple]:
    with ctx.db.read() as s:
        return s.execute(select(RosterAssignment.date, RosterAssignment.role,
                                RosterAssignment.position, RosterAssignment.person_id)
                         .order_by(RosterAssignment.date, RosterAssignment.role,
                                   RosterAssignment.position)).all()


def test_absences_are_respected_and_hand_entries_reported(office_ctx: Context) -> None:
    ids = staff_office(office_ctx)
    with office_ctx.db.write() as s:
        s.add(Absence(person_id=ids["吴晓东"], starts_on=D(2026, 12, 1), ends_on=D(2026, 12, 15),
                      kind="leave", place="", note="", cancelled=False))
        s.add(Absence(person_id=ids["郑丽华"], starts_on=D(2026, 12, 1), ends_on=D(2026, 12, 31),
                      kind="trip", place="", note="", cancelled=True))
    roster.set_place(office_ctx, day=D(2026, 12, 3), shift_id=1, role=DutyRole.OFFICER,
                     position=0, person_id=ids["吴晓东"])
    report = roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 31))
    held = roster.roster_range(office_ctx, D(2026, 11, 30), D(2026, 12, 15))
    away = [d.date for d in held for a in d.assignments if a.name == "吴晓东"]
    assert away == [D(2026, 12, 3)]  # only the one locked by hand
    assert any(d.date > D(2026, 12, 15) for d in roster.roster_range(
        office_ctx, D(2026, 12, 16), D(2026, 12, 31)) for a in d.assignments if a.name == "郑丽华")
    assert report.violations == ["2026-12-03：吴晓东在外出报备期间"]
    found = roster.conflicts(office_ctx, D(2026, 12, 1), D(2026, 12, 31))
    assert [(c.code, c.date) for c in found] == [("unavailable", D(2026, 12, 3))]


def test_an_unknown_year_is_reported_and_not_guessed(office_ctx: Context) -> None:
    staff_office(office_ctx)
    report = roster_generate.generate_roster(office_ctx, D(2027, 1, 1), D(2027, 1, 3))
    assert report.unknown_years == [2027]
    assert "2027 年的法定节假日和调休安排尚未录入" in report.lines()[1]
    days = roster.roster_range(office_ctx, D(2027, 1, 1), D(2027, 1, 3))
    assert [d.kind for d in days] == [DutyKind.WEEKDAY, DutyKind.WEEKEND, DutyKind.WEEKEND]
    assert all(d.remark_words == [] for d in days)
    # one day typed in counts, but does not make the year known
    roster_calendar.set_day(office_ctx, D(2027, 1, 1), roster_calendar.CalendarKind.HOLIDAY, "元旦")
    assert roster_calendar.unknown_years(office_ctx, D(2027, 1, 1), D(2027, 12, 31)) == [2027]
    assert roster.roster_range(office_ctx, D(2027, 1, 1), D(2027, 1, 1))[0].remark_words == ["元旦"]
    report = roster_generate.generate_roster(office_ctx, D(2027, 4, 1), D(2027, 4, 3))
    assert report.unknown_years == [2027]
    # the whole notice entered: the year is known
    notice.enter_year(office_ctx, 2027, notice_2027.rows())
    assert roster_calendar.unknown_years(office_ctx, D(2027, 1, 1), D(2027, 12, 31)) == []
    assert roster_generate.generate_roster(office_ctx, D(2027, 4, 1), D(2027, 4, 3)).unknown_years == []


def test_on_duty_now_and_next(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, D(2026, 11, 27), D(2026, 11, 29))
    now = roster.on_duty(office_ctx)  # 09:30 in Shanghai on the 28th
    assert now.current is not None and now.current.date == D(2026, 11, 28)
    assert now.next is not None and now.next.date == D(2026, 11, 29)
    early = roster.on_duty(office_ctx, dt.datetime(2026, 11, 28, 0, 0, tzinfo=dt.UTC))  # 08:00
    assert early.current.date == D(2026, 11, 27) and early.next.date == D(2026, 11, 28)
    assert [a.role for a in now.current.assignments] == [DutyRole.LEADER, DutyRole.OFFICER,
                                                          DutyRole.OFFICER]
    assert all(a.phone.startswith("13") for a in now.current.assignments)


def test_editing_needs_an_administrator_and_is_audited(office_ctx: Context) -> None:
    ids = staff_office(office_ctx)
    officer = Actor("duty", office_ctx.actor.kind, UserRole.OFFICER, None, "值班")
    with pytest.raises(PermissionDenied):
        roster.set_place(office_ctx.acting_as(officer), day=D(2026, 12, 1), shift_id=1,
                         role=DutyRole.LEADER, position=0, person_id=ids["赵德明"])
    roster.set_place(office_ctx, day=D(2026, 12, 1), shift_id=1, role=DutyRole.LEADER,
                     position=0, person_id=ids["赵德明"])
    roster.set_place(office_ctx, day=D(2026, 12, 1), shift_id=1, role=DutyRole.LEADER,
                     position=0, person_id=None)
    with office_ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(RosterAssignment)) == 0
    actions = [(h.action, h.entity) for h in roster.history(office_ctx)][:2]
    assert actions == [("delete", "roster_assignment"), ("create", "roster_assignment")]
    with pytest.raises(InputError):
        roster_generate.generate_roster(office_ctx, D(2026, 12, 2), D(2026, 12, 1))


def test_filing_dates_default_and_are_recorded(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    found = filing.filings(office_ctx, D(2026, 9, 1), D(2026, 12, 31))
    assert [(f.holiday_name, f.first_day, f.due_on) for f in found] == [
        ("中秋节", D(2026, 9, 25), D(2026, 9, 18)), ("国庆节", D(2026, 10, 1), D(2026, 9, 24))]
    filing.set_filing_due(office_ctx, D(2026, 10, 1), D(2026, 9, 20))
    filing.mark_filed(office_ctx, D(2026, 10, 1))
    national = filing.filings(office_ctx, D(2026, 10, 1), D(2026, 10, 1))[0]
    assert national.due_on == D(2026, 9, 20) and national.filed_at == clock.now()
    assert national.filed_by == "王建国"
    with pytest.raises(InputError):
        filing.mark_filed(office_ctx, D(2026, 10, 2))


def test_a_generated_year_is_fair_within_each_kind_of_duty(office_ctx: Context) -> None:
    staff_office(office_ctx)
    roster_setup.update_rules(office_ctx, min_rest_hours=24, monthly_max=12,
                              holiday_leader_tier=1, filing_days_before=7)
    report = roster_generate.generate_roster(office_ctx, D(2026, 1, 1), D(2026, 12, 31))
    assert report.empty == [] and report.violations == []
    for role in (DutyRole.LEADER, DutyRole.OFFICER):
        counts = [c.counts for c in report.counts if c.role is role]
        assert len(counts) == (5 if role is DutyRole.LEADER else 7)
        for kind in DutyKind:
            values = [c[kind] for c in counts]
            assert max(values) - min(values) <= 1, (role, kind, values)


def test_shifts_can_be_changed_and_several_run_a_day(office_ctx: Context) -> None:
    staff_office(office_ctx)
    day = roster_setup.save_shift(office_ctx, shift_id=1, name="白班", start_time=dt.time(8, 30),
                                  length_minutes=720, roles={DutyRole.LEADER: 1,
                                                             DutyRole.OFFICER: 1})
    night = roster_setup.save_shift(office_ctx, shift_id=None, name="夜班",
                                    start_time=dt.time(20, 30), length_minutes=720,
                                    roles={DutyRole.LEADER: 1, DutyRole.OFFICER: 1}, sort_order=1)
    assert day.roles == ((DutyRole.LEADER, 1), (DutyRole.OFFICER, 1))
    roster_setup.update_rules(office_ctx, min_rest_hours=12, monthly_max=12,
                              holiday_leader_tier=2, filing_days_before=7)
    report = roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 7))
    assert report.created == 28 and report.violations == []
    now = roster.on_duty(office_ctx, dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.UTC))  # 22:00
    assert (now.current.shift_id, now.next.shift_id) == (night.id, day.id)
    with pytest.raises(InputError) as caught:
        roster_setup.save_shift(office_ctx, shift_id=None, name="", start_time=dt.time(8),
                                length_minutes=10, roles={})
    assert {p.code for p in caught.value.problems} == {"required", "roster.bad_length",
                                                       "roster.bad_roles"}
