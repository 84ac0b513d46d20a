"""The expert pool, the rescue teams and the suggestions the intake form asks for."""

from __future__ import annotations

import datetime as dt

import pytest

from app.demo import build as demo
from app.domain.contacts import PersonTag, TeamKind, TeamStatus
from app.domain.errors import InputError
from app.domain.incident_types import Category, Subtype, parse_subtype
from app.services.contacts import absences, experts
from app.services.contacts import book as contacts
from app.services.context import Context


@pytest.fixture
def demo_ctx(ctx: Context) -> Context:
    demo.create_demo(ctx)
    return ctx


def test_the_demo_has_an_expert_pool_and_its_teams(demo_ctx: Context) -> None:
    pool = experts.list_experts(demo_ctx)
    teams = experts.list_teams(demo_ctx)
    assert 15 <= len(pool) <= 25
    assert all(e.specialties and e.subtypes and e.main_phone for e in pool)
    kinds = {t.kind for t in teams}
    assert {TeamKind.POLICE, TeamKind.FIRE, TeamKind.MEDICAL, TeamKind.FOREST_FIRE,
            TeamKind.HAZCHEM, TeamKind.FLOOD, TeamKind.MINE} <= kinds
    assert all(t.leader_name and t.phone and t.headcount > 0 and t.equipment for t in teams)
    assert any(t.status is TeamStatus.DEPLOYED for t in teams)


def test_suggestions_for_a_forest_fire(demo_ctx: Context) -> None:
    found = experts.suggest(demo_ctx, Category.NATURAL, Subtype.FOREST_FIRE)
    assert "森林防火" in found.experts[0].specialties
    assert found.teams[0].kind is TeamKind.FOREST_FIRE
    exact = [Subtype.FOREST_FIRE in t.kind.subtypes for t in found.teams]
    assert exact == sorted(exact, reverse=True)  # this sub-type's teams before the category's


def test_suggestions_for_a_chemical_accident_put_away_experts_last(demo_ctx: Context) -> None:
    found = experts.suggest(demo_ctx, "accident", "industrial")
    chem = [e for e in found.experts if Subtype.INDUSTRIAL in e.subtypes]
    assert chem and found.experts[:len(chem)] == chem  # exact sub-type first
    first = chem[0]
    today = dt.date(2026, 11, 28)
    absences.report_absence(demo_ctx, first.person_id, starts_on=today, ends_on=today)
    again = experts.suggest(demo_ctx, "accident", "industrial")
    assert again.experts[len(chem) - 1].person_id == first.person_id and again.experts[len(chem) - 1].away
    kinds = [t.kind for t in again.teams]
    assert kinds[:2] == [TeamKind.HAZCHEM, TeamKind.MINE]
    assert kinds.index(TeamKind.POLICE) > kinds.index(TeamKind.FIRE)  # police: same category only


def test_a_category_alone_and_chinese_sub_types(demo_ctx: Context) -> None:
    found = experts.suggest(demo_ctx, Category.HEALTH, None)
    assert found.experts and all(set(e.subtypes) & {Subtype.INFECTIOUS_DISEASE, Subtype.CLUSTERED_ILLNESS,
                                                    Subtype.FOOD_OCCUPATIONAL, Subtype.ANIMAL_EPIDEMIC}
                                 for e in found.experts)
    assert found.teams[0].kind is TeamKind.MEDICAL
    assert parse_subtype("森林草原火灾") is Subtype.FOREST_FIRE and parse_subtype("x") is None
    assert Subtype.TERRORISM.category is Category.SOCIAL


def test_experts_and_teams_are_written_with_checks(office_ctx: Context) -> None:
    unit = contacts.list_units(office_ctx)[0].id
    p = contacts.save_person(office_ctx, None, contacts.PersonInput("赵工", unit, "高级工程师"))
    expert = experts.save_expert(office_ctx, p.id, ["桥梁", " "], [Subtype.TRAFFIC, "public_facilities"])
    assert expert.specialties == ("桥梁",) and expert.subtypes == (Subtype.TRAFFIC, Subtype.PUBLIC_FACILITIES)
    assert contacts.get_person(office_ctx, p.id).tags == (PersonTag.EXPERT,)
    with pytest.raises(InputError) as caught:
        experts.save_expert(office_ctx, p.id, [], ["nonsense"])
    assert [x.code for x in caught.value.problems] == ["bad_choice", "required"]
    team = experts.save_team(office_ctx, None, experts.TeamInput(
        "江州市电力抢修队", TeamKind.POWER, leader_id=p.id, phone="0576-88990000", headcount=40))
    assert (team.leader_name, team.status) == ("赵工", TeamStatus.READY)
    moved = experts.save_team(office_ctx, team.id, experts.TeamInput(
        team.name, team.kind, leader_id=p.id, phone=team.phone, headcount=40,
        status=TeamStatus.DEPLOYED), expected_version=team.version)
    assert moved.status is TeamStatus.DEPLOYED
    with pytest.raises(InputError):
        experts.save_team(office_ctx, None, experts.TeamInput("", "spaceship", headcount=-1))
