"""The incident's edges: outside input read once (the command line), the typed facts kept
whole through the database, refusals that name their field and never a traceback."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain.enums import Category, IncidentKind, Level
from app.domain.errors import InputError
from app.domain.incident_facts import FIELDS, IncidentFacts, from_json
from app.domain.incident_input import parse_incident
from app.domain.incident_types import Subtype
from app.models import AuditEvent, Report
from app.services.context import Context
from app.services.incidents import drafts as intake_drafts
from app.services.incidents import intake as incidents
from app.services.incidents import listing as incident_list
from app.services.office.zone import office_zone
from tests.services.incidents.inputs import LANDSLIDE, facts, record
from tests.services.incidents.test_intake import cli


def test_the_facts_come_back_as_they_went_in(office_ctx: Context) -> None:
    sent = replace(facts(office_ctx), kind=IncidentKind.EVENT, serious_injuries=4, injuries=5, missing=0,
                   loss_cny=2_500_000, leaders_on_site="县长到场", notified="县自然资源局",
                   outcome="转移完毕", aftermath="安置 86 人", assessment="处置及时", is_drill=True,
                   sensitive=True, received_by="钱伟")
    info = incidents.record(office_ctx, sent)
    assert incidents.get(office_ctx, info.number).facts == sent
    with office_ctx.db.read() as s:
        content = s.scalar(select(Report.content).where(Report.id == info.reports[0].id))
        audited = s.scalar(select(AuditEvent.after).where(AuditEvent.entity == "incident"))
    assert from_json(content) == sent and from_json(audited) == sent
    assert tuple(content) == (*FIELDS, "missing_elements")  # the stored format is unchanged


def test_an_unknown_figure_stays_unknown(office_ctx: Context) -> None:
    """A figure not given is unknown (None), never 0: stored so, and said to be verified."""
    info = incidents.record(office_ctx, replace(facts(office_ctx), injuries=None, deaths=0))
    stored = incidents.get(office_ctx, info.number)
    assert (stored.facts.injuries, stored.facts.deaths) == (None, 0)
    assert "受伤、失踪人数正在核实" in stored.reports[0].text


def test_who_took_the_call_defaults_to_the_operator(office_ctx: Context) -> None:
    info = incidents.record(office_ctx, facts(office_ctx))
    assert info.facts.received_by == "王建国" and info.recorded_by == "王建国"
    assert "接报人：王建国　记录人：王建国" in info.reports[0].text


def test_an_update_writes_only_what_changed(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx)
    same = incidents.update(office_ctx, info.number, info.facts)
    assert same.version == info.version  # nothing changed: the row stays as it was
    clock.advance(dt.timedelta(minutes=5))
    regraded = incidents.update(office_ctx, info.number,
                                replace(info.facts, level=Level.II, subtype=Subtype.FLOOD_DROUGHT))
    assert regraded.version == info.version + 1
    assert (regraded.facts.level, regraded.facts.subtype) == (Level.II, Subtype.FLOOD_DROUGHT)
    assert regraded.facts.received_at == info.facts.received_at


def test_an_unknown_unit_is_refused_by_name(office_ctx: Context) -> None:
    try:
        incidents.record(office_ctx, replace(facts(office_ctx), organization_id=999_999))
    except InputError as err:
        assert err.message == "事发单位（organization_id）的值“999999”无效（通讯录中没有这个单位）"
    else:
        raise AssertionError("an unknown unit was accepted")
    assert incident_list.count(office_ctx, incident_list.ListFilter()) == 0


def test_the_command_line_reads_the_json_once_and_names_each_bad_field(office_ctx: Context, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Values that used to crash with a traceback (exit 1) or be taken silently are refused, each named.
    bad = {**LANDSLIDE, "deaths": 1e300, "trapped": [], "occurred_at": "0001-01-01T00:00", "title": True,
           "organization_id": 12.5, "sensitive": "maybe"}
    code, out, err = cli("--db", str(db_path), "incidents", "add", "-", stdin=json.dumps(bad))
    assert (code, out) == (2, "")
    assert err.splitlines() == [  # in the order of the object
        "事件标题（title）的值“true”无效（应为文字）",
        "事发时间（occurred_at）的值“0001-01-01T00:00”无效（ISO 8601，如 2026-11-28T09:30）",
        "死亡（deaths）的值“1e+300”无效（应为 0 至 1000000 之间的整数；不详时不填或填 null）",
        "被困（trapped）的值“[]”无效（应为 0 至 1000000 之间的整数；不详时不填或填 null）",
        "事发单位（organization_id）的值“12.5”无效", "敏感事件（sensitive）的值“maybe”无效（应为 true 或 false）",
    ]
    warning = {**LANDSLIDE, "kind": "预警信息", "level": None, "sensitive": True}
    code, out, err = cli("--db", str(db_path), "incidents", "add", "-", stdin=json.dumps(warning))
    assert code == 0, err
    info = incidents.get(office_ctx, out.strip())
    assert info.facts.kind is IncidentKind.WARNING and info.facts.sensitive
    code, out, _ = cli("--db", str(db_path), "incidents", "report-text", info.number)
    assert out.startswith("关于西山县石门镇山体滑坡的预警信息")


def test_a_draft_keeps_the_typed_facts(office_ctx: Context) -> None:
    typed = replace(facts(office_ctx), occurred_at=None, category=Category.ACCIDENT, subtype=None,
                    deaths=None, loss_cny=12)
    draft = intake_drafts.save_draft(office_ctx, typed)
    assert [(d.id, d.facts) for d in intake_drafts.drafts(office_ctx)] == [(draft, typed)]


# --- the property: whatever the JSON holds, recording it refuses or records -----------------

_values = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.lists(
    st.integers(), max_size=2) | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
_words = st.sampled_from(["", "II", "重大", "accident", "自然灾害", "地质灾害", "traffic",
                          "2026-11-28T09:10", "2026-11-28T09:10Z", "9999-12-31T23:59", "是", "7", "-3"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from([*FIELDS, "flash", "number", "nonsense"]), _values | _words,
                       max_size=10))
def test_no_json_object_raises_anything_but_input_error(office_ctx: Context, data: dict) -> None:
    given_ = parse_incident({**LANDSLIDE, **data}, office_zone(office_ctx), now=office_ctx.clock.now())
    try:
        info = incidents.record(office_ctx, given_.facts, flash=given_.flash, unreadable=given_.problems)
    except InputError as err:
        assert err.problems and all(p.message() for p in err.problems)
        return
    assert not given_.problems
    assert isinstance(incidents.get(office_ctx, info.number).facts, IncidentFacts)
