"""Absence notices: the person shows as away and the roster sees them as unavailable."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.contacts import AbsenceKind, ContactLabel
from app.domain.enums import ActorKind, UserRole
from app.domain.errors import InputError, PermissionDenied
from app.services.contacts import absences
from app.services.contacts import book as contacts
from app.services.context import Actor, Context

TODAY = dt.date(2026, 11, 28)  # the fixture clock, in Shanghai


@pytest.fixture
def people(office_ctx: Context) -> tuple[int, int]:
    unit = contacts.list_units(office_ctx)[0].id
    a = contacts.save_person(office_ctx, None, contacts.PersonInput(
        "刘洋", unit, "副局长", [(ContactLabel.MOBILE, "13900000001")]))
    b = contacts.save_person(office_ctx, None, contacts.PersonInput("陈静", unit, "科长"))
    return a.id, b.id


def test_a_notice_makes_the_person_away_on_its_days_only(office_ctx: Context, people) -> None:  # type: ignore[no-untyped-def]
    liu, chen = people
    notice = absences.report_absence(office_ctx, liu, starts_on=TODAY, ends_on=TODAY + dt.timedelta(days=2),
                                     kind=AbsenceKind.TRIP, place="省城", deputy_id=chen)
    assert (notice.person_name, notice.deputy_name, notice.place) == ("刘洋", "陈静", "省城")
    assert absences.is_away(office_ctx, liu)  # today in the office
    assert absences.is_away(office_ctx, liu, TODAY + dt.timedelta(days=2))
    assert not absences.is_away(office_ctx, liu, TODAY + dt.timedelta(days=3))
    assert not absences.is_away(office_ctx, liu, TODAY - dt.timedelta(days=1))
    assert not absences.is_away(office_ctx, chen)
    details = contacts.get_person(office_ctx, liu)
    assert details.away and details.absences[0].place == "省城"
    row = next(r for r in contacts.list_people(office_ctx) if r.id == liu)
    assert row.away


def test_the_roster_asks_who_is_unavailable(office_ctx: Context, people) -> None:  # type: ignore[no-untyped-def]
    liu, chen = people
    absences.report_absence(office_ctx, liu, starts_on=TODAY + dt.timedelta(days=1),
                            ends_on=TODAY + dt.timedelta(days=1))
    leave = absences.report_absence(office_ctx, chen, starts_on=TODAY, ends_on=TODAY + dt.timedelta(days=5),
                                    kind="leave")
    assert absences.unavailable_on(office_ctx, TODAY) == {chen}
    assert absences.unavailable_on(office_ctx, TODAY + dt.timedelta(days=1)) == {liu, chen}
    absences.cancel_absence(office_ctx, leave.id, expected_version=leave.version)
    assert absences.unavailable_on(office_ctx, TODAY + dt.timedelta(days=1)) == {liu}
    assert absences.unavailable_on(office_ctx, TODAY + dt.timedelta(days=2)) == set()
    listed = absences.list_absences(office_ctx, include_cancelled=True)
    assert [(a.person_name, a.cancelled) for a in listed] == [("陈静", True), ("刘洋", False)]


def test_a_bad_notice_is_refused_and_nothing_written(office_ctx: Context, people) -> None:  # type: ignore[no-untyped-def]
    liu, _ = people
    with pytest.raises(InputError) as caught:
        absences.report_absence(office_ctx, liu, starts_on=TODAY, ends_on=TODAY - dt.timedelta(days=1),
                                deputy_id=liu)
    assert [p.code for p in caught.value.problems] == ["absence.ends_before_start", "absence.self_deputy"]
    assert "返回日期不能早于外出日期" in caught.value.message
    assert absences.list_absences(office_ctx, include_cancelled=True) == []


def test_ending_a_trip_early(office_ctx: Context, people) -> None:  # type: ignore[no-untyped-def]
    liu, _ = people
    notice = absences.report_absence(office_ctx, liu, starts_on=TODAY - dt.timedelta(days=2),
                                     ends_on=TODAY + dt.timedelta(days=4))
    absences.end_absence_early(office_ctx, notice.id, TODAY - dt.timedelta(days=1))
    assert not absences.is_away(office_ctx, liu)
    assert absences.is_away(office_ctx, liu, TODAY - dt.timedelta(days=1))


def test_anyone_signed_in_may_report_but_not_nobody(office_ctx: Context, people) -> None:  # type: ignore[no-untyped-def]
    liu, _ = people
    officer = Actor("duty", ActorKind.USER, UserRole.OFFICER, 99, "值班员甲")
    absences.report_absence(office_ctx.acting_as(officer), liu, starts_on=TODAY, ends_on=TODAY)
    with pytest.raises(PermissionDenied):
        absences.report_absence(office_ctx.acting_as(None), liu, starts_on=TODAY, ends_on=TODAY)
