"""Searching incidents: the full-text index for three characters or more, the table for fewer,
counts off the index, the index kept in step by every write."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, text, update

from app.models import Incident
from app.services.context import Context
from app.services.incidents import listing
from app.services.incidents.listing import ListFilter
from tests.services.incidents.inputs import record


def found(ctx: Context, words: str, **more: object) -> list[str]:
    f = ListFilter(text=words, **more)  # type: ignore[arg-type]
    rows = listing.list_page(ctx, f, 0, 50)
    assert listing.count(ctx, f) == len(rows)
    return [r.title for r in rows]


def fill(ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    record(ctx)  # 西山县石门镇山体滑坡, natural
    clock.advance(dt.timedelta(hours=1))
    record(ctx, title="南湖县G320国道多车相撞", category="accident", subtype="traffic", level="IV",
           location="南湖县城关镇G320国道")
    clock.advance(dt.timedelta(hours=1))
    record(ctx, title="东湖区燃气泄漏 \"100%\" 关阀", category="accident", subtype="public_facilities",
           level="IV", location="东湖区新桥街道")


def test_long_words_go_through_the_index_short_ones_through_the_table(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    assert found(office_ctx, "山体滑坡") == ["西山县石门镇山体滑坡"]
    assert found(office_ctx, "g320") == ["南湖县G320国道多车相撞"]  # ASCII in any case
    assert found(office_ctx, "城关镇") == ["南湖县G320国道多车相撞"]  # the place
    assert found(office_ctx, "湖") == ["东湖区燃气泄漏 \"100%\" 关阀", "南湖县G320国道多车相撞"]
    assert found(office_ctx, "滑坡") == ["西山县石门镇山体滑坡"]
    assert found(office_ctx, "\"100%\"") == ["东湖区燃气泄漏 \"100%\" 关阀"]  # quotes and % are text
    assert found(office_ctx, "0%") == ["东湖区燃气泄漏 \"100%\" 关阀"]
    assert found(office_ctx, "不存在") == [] and found(office_ctx, "无") == []


def test_words_combine_with_the_other_filters(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    for words in ("湖", "湖县G", "东湖区"):
        assert found(office_ctx, words, category="natural") == []
    assert found(office_ctx, "湖", category="accident", status="closed") == []
    assert found(office_ctx, "湖县", status="open") == ["南湖县G320国道多车相撞"]
    assert listing.status_counts(office_ctx, ListFilter(text="湖县G")) == {"open": 1, "closed": 0}
    assert listing.status_counts(office_ctx, ListFilter(text="湖", open_only=True), closed=False) == {"open": 2}


def test_the_index_follows_every_write(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    with office_ctx.db.write() as s:  # as another program would write: the triggers keep up
        s.execute(update(Incident).where(Incident.title == "西山县石门镇山体滑坡")
                  .values(title="西山县石门镇泥石流", status="closed"))
    assert found(office_ctx, "山体滑坡") == []
    assert found(office_ctx, "泥石流") == ["西山县石门镇泥石流"]
    assert listing.status_counts(office_ctx, ListFilter(text="石门镇")) == {"open": 0, "closed": 1}
    table = Incident.__table__
    with office_ctx.db.write() as s:  # a copy inserted and deleted behind the program's back
        row = dict(s.execute(select(table).where(table.c.title == "西山县石门镇泥石流")).mappings().one())
        s.execute(insert(table).values({**row, "id": None, "number": "2026-9999", "title": "复制的泥石流"}))
    assert found(office_ctx, "泥石流") == ["复制的泥石流", "西山县石门镇泥石流"]
    with office_ctx.db.write() as s:
        s.execute(text("DELETE FROM incident WHERE number = '2026-9999'"))
    assert found(office_ctx, "泥石流") == ["西山县石门镇泥石流"]
    with office_ctx.db.read() as s:
        check = s.execute(text("INSERT INTO incident_fts(incident_fts, rank) VALUES ('integrity-check', 1)"))
        assert check is not None  # raises when the index disagrees with the table


def test_few_found_are_read_by_id_many_off_the_index(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    few = listing._status_is("closed", 10, ListFilter(text="山体滑坡"))
    many = listing._status_is("closed", listing.FEW, ListFilter(text="山体滑坡"))
    assert "coalesce" in str(few) and "coalesce" not in str(many)
    assert "coalesce" not in str(listing._status_is("closed", 10, ListFilter(text="湖")))


def test_a_page_by_offset_and_the_same_incidents_by_id_agree(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    for f in (ListFilter(), ListFilter(text="湖"), ListFilter(text="城关镇")):
        whole = listing.list_page(office_ctx, f, 0, 10)
        # one row a page: the ids found off the index, then their rows, in the list's order
        assert [r for n in range(len(whole)) for r in listing.list_page(office_ctx, f, n, 1)] == whole
        again = listing.rows_by_id(office_ctx, [r.id for r in whole] + [999_999])  # one gone
        assert sorted(again, key=lambda r: r.id) == sorted(whole, key=lambda r: r.id)
    assert [r.title for r in listing.list_page(office_ctx, ListFilter(), 1, 5)] == [
        "南湖县G320国道多车相撞", "西山县石门镇山体滑坡"]  # newest first, from the second


def test_the_page_after_a_row_is_the_page_at_its_offset(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    for n in range(4):  # same minute: the order falls back to the id
        record(office_ctx, title=f"城关镇同时来电{n}")
    with office_ctx.db.write() as s:  # two closed cases: the pages cross from open to closed
        s.execute(update(Incident).where(Incident.title.in_(["南湖县G320国道多车相撞", "城关镇同时来电1"]))
                  .values(status="closed"))
    for f in (ListFilter(), ListFilter(text="城关镇"), ListFilter(text="湖")):
        whole = listing.list_page(office_ctx, f, 0, 50)
        assert len(whole) >= 2
        for size in (1, 2, 3):
            for start in range(1, len(whole)):
                after = listing.list_page(office_ctx, f, 0, size, after=whole[start - 1])
                assert after == whole[start:start + size], (f, size, start)
