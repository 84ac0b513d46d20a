"""The contact book's people and units: numbers, tags, history, freshness, search keys."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.domain.contacts import ContactLabel, PersonTag
from app.domain.enums import ActorKind, UserRole
from app.domain.errors import InputError, PermissionDenied
from app.models import ContactPoint, Person
from app.services.contacts import book as contacts
from app.services.contacts import experts, freshness
from app.services.context import Actor, Context
from app.services.office import audit

M, OF, D = ContactLabel.MOBILE, ContactLabel.OFFICE, ContactLabel.DUTY


@pytest.fixture
def unit(office_ctx: Context) -> int:
    return contacts.list_units(office_ctx)[0].id


def test_a_person_with_numbers_tags_and_search_keys(office_ctx: Context, unit: int) -> None:
    p = contacts.save_person(office_ctx, None, contacts.PersonInput(
        "单雄信", unit, "副局长", [(OF, "0576-8800 1111"), (M, "13900000001"), (M, "13700000002")],
        [PersonTag.LEADER, PersonTag.EXPERT], "分管危化"))
    assert [(ph.label, ph.number) for ph in p.phones] == [
        (M, "13900000001"), (M, "13700000002"), (OF, "0576-8800 1111")]
    assert p.main_phone == "13900000001" and p.tags == (PersonTag.LEADER, PersonTag.EXPERT)
    assert all(ph.last_verified_at == office_ctx.clock.now() for ph in p.phones)
    with office_ctx.db.read() as s:
        row = s.get(Person, p.id)
        assert (row.mobile, row.office_phone, row.tags) == ("13900000001", "0576-8800 1111",
                                                            "leader,expert")
        assert (row.pinyin_key, row.initials_key) == ("shanxiongxin", "sxx")
        assert row.digits_key == "13900000001 13700000002 057688001111"


def test_a_changed_number_is_kept_in_the_history(office_ctx: Context, unit: int, clock) -> None:  # type: ignore[no-untyped-def]
    p = contacts.save_person(office_ctx, None, contacts.PersonInput(
        "李强", unit, "科长", [(M, "13900000001"), (OF, "0576-88000001")]))
    clock.advance(dt.timedelta(days=3))
    changed = contacts.save_person(office_ctx, p.id, contacts.PersonInput(
        "李强", unit, "科长", [(M, "13900000009")]), expected_version=p.version)
    assert [(ph.label, ph.number) for ph in changed.phones] == [(M, "13900000009")]
    history = freshness.number_history(office_ctx, person_id=p.id)
    assert sorted((h.label, h.old_number, h.new_number) for h in history) == [
        (M, "13900000001", "13900000009"), (OF, "0576-88000001", "")]
    assert all(h.at == clock.now() and h.changed_by == "admin" for h in history)
    with office_ctx.db.read() as s:
        assert s.get(Person, p.id).digits_key == "13900000009"
    assert audit.verify(office_ctx).ok


def test_bad_numbers_are_refused_by_field(office_ctx: Context, unit: int) -> None:
    with pytest.raises(InputError) as caught:
        contacts.save_person(office_ctx, None, contacts.PersonInput(
            "", unit, "", [(M, "abc"), (ContactLabel.FAX, "12")]))
    assert [p.code for p in caught.value.problems] == ["required", "bad_phone", "bad_phone"]
    assert "传真“12”" in caught.value.message
    assert contacts.count_people(office_ctx) == 1  # only the administrator of the fixture


def test_freshness_worklist_and_one_step_verification(office_ctx: Context, unit: int, clock) -> None:  # type: ignore[no-untyped-def]
    old = contacts.save_person(office_ctx, None, contacts.PersonInput(
        "王芳", unit, "", [(M, "13900000001"), (OF, "0576-88000001")]))
    unit_info = contacts.list_units(office_ctx)[0]
    clock.advance(dt.timedelta(days=100))
    contacts.save_person(office_ctx, None, contacts.PersonInput("赵磊", unit, "", [(M, "13900000002")]))
    stale = freshness.stale_numbers(office_ctx, days=90)
    owners = {(s.owner_name, s.number) for s in stale}
    assert owners == {("王芳", "13900000001"), ("王芳", "0576-88000001"),
                      (unit_info.name, unit_info.duty_phone), (unit_info.name, unit_info.fax)}
    assert freshness.count_stale(office_ctx, 90) == 4
    assert freshness.count_stale(office_ctx, 101) == 2  # the unit's numbers were never verified
    first = next(s for s in stale if s.number == "13900000001")
    assert freshness.mark_verified(office_ctx, [first.id]) == 1
    assert freshness.count_stale(office_ctx, 90) == 3
    details = contacts.get_person(office_ctx, old.id)
    assert next(p for p in details.phones if p.id == first.id).last_verified_at == clock.now()
    # a page of the worklist read again by its numbers' ids: the one verified still there
    again = freshness.numbers_by_id(office_ctx, [s.id for s in stale])
    assert sorted(s.id for s in again) == sorted(s.id for s in stale)
    assert next(s for s in again if s.id == first.id).last_verified_at == clock.now()
    # page by page (the numbers sorted alone, then their owners): the same list
    assert [s for n in range(3) for s in freshness.stale_numbers(office_ctx, 90, offset=n, limit=1)] \
        == [s for s in stale if s.id != first.id]


def test_units_keep_their_duty_phone_as_a_number(office_ctx: Context, unit: int) -> None:
    town = contacts.save_unit(office_ctx, None, contacts.UnitInput(
        "城关镇", unit, "township", duty_phone="0576-86001234", fax="0576-86001235"))
    phones = contacts.unit_phones(office_ctx, town.id)
    assert [(p.label, p.number) for p in phones] == [(D, "0576-86001234"),
                                                      (ContactLabel.FAX, "0576-86001235")]
    changed = contacts.save_unit(office_ctx, town.id, contacts.UnitInput(
        "城关镇", unit, "township", duty_phone="0576-86009999"), expected_version=town.version)
    assert (changed.duty_phone, changed.fax) == ("0576-86009999", "")
    history = freshness.number_history(office_ctx, organization_id=town.id)
    assert {(h.old_number, h.new_number) for h in history} == {
        ("0576-86001234", "0576-86009999"), ("0576-86001235", "")}
    with pytest.raises(InputError):
        contacts.save_unit(office_ctx, unit, contacts.UnitInput("江州市应急管理局", town.id, "city"))


def test_deleting_a_person_takes_their_numbers(office_ctx: Context, unit: int) -> None:
    p = contacts.save_person(office_ctx, None, contacts.PersonInput("离职者", unit, "", [(M, "13900000001")]))
    contacts.delete_person(office_ctx, p.id)
    with office_ctx.db.read() as s:
        assert s.scalar(select(ContactPoint).where(ContactPoint.person_id == p.id)) is None
    admin_person = next(r for r in contacts.list_people(office_ctx) if r.name == "王建国")
    with pytest.raises(InputError):  # a user still signs in as this person
        contacts.delete_person(office_ctx, admin_person.id)


def test_only_an_empty_unit_is_deleted(office_ctx: Context, unit: int) -> None:
    town = contacts.save_unit(office_ctx, None, contacts.UnitInput(
        "城关镇", unit, "township", duty_phone="0576-86001234"))
    village = contacts.save_unit(office_ctx, None, contacts.UnitInput("东村", town.id, "village"))
    with pytest.raises(InputError, match="下级单位"):
        contacts.delete_unit(office_ctx, town.id)
    p = contacts.save_person(office_ctx, None, contacts.PersonInput("村支书", village.id))
    with pytest.raises(InputError, match="1 名联系人"):
        contacts.delete_unit(office_ctx, village.id)
    contacts.delete_person(office_ctx, p.id)
    contacts.delete_unit(office_ctx, village.id)
    fire = contacts.save_unit(office_ctx, None, contacts.UnitInput("消防救援站", unit, "team"))
    experts.save_team(office_ctx, None, experts.TeamInput("城关消防队", "fire", fire.id))
    with pytest.raises(InputError, match="仍被"):  # a rescue team names it
        contacts.delete_unit(office_ctx, fire.id)
    assert len(contacts.list_units(office_ctx)) == 3  # nothing deleted
    contacts.delete_unit(office_ctx, town.id)
    with office_ctx.db.read() as s:  # its duty phone went with it
        assert s.scalar(select(ContactPoint).where(ContactPoint.organization_id == town.id)) is None
    last = audit.recent(office_ctx, limit=1)[0]
    assert (last.action, last.entity, last.before["name"]) == ("delete", "organization", "城关镇")


def test_only_the_administrator_keeps_the_units(office_ctx: Context, unit: int) -> None:
    officer = office_ctx.acting_as(Actor("duty", ActorKind.USER, UserRole.OFFICER, 99, "值班员甲"))
    with pytest.raises(PermissionDenied):
        contacts.save_unit(officer, None, contacts.UnitInput("城关镇", unit, "township"))
    with pytest.raises(PermissionDenied):
        contacts.delete_unit(officer, unit)
