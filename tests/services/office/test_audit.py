"""The audit trail: every write recorded, hash-chained, tampering named."""

from __future__ import annotations

import threading

from sqlalchemy import text

from app.cli import build_parser, run
from app.services.context import Context
from app.services.office import audit, users


def _check(db_path) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = run(build_parser().parse_args(["--db", str(db_path), "check"]))
    return code, err.getvalue()


def test_writes_are_recorded_with_who_before_and_after(office_ctx: Context) -> None:
    info = users.create_user(office_ctx, username="li", display_name="李明", role="officer",
                             password="password-1")
    users.update_user(office_ctx, info.id, expected_version=info.version, role="leader")
    rows = audit.recent(office_ctx, 10)
    newest = rows[0]
    assert newest.action == "update" and newest.entity == "user" and newest.entity_id == str(info.id)
    assert newest.actor == "admin"
    assert newest.before["role"] == "officer" and newest.after["role"] == "leader"
    assert all("password" not in str(r.after) for r in rows)  # secrets never enter the trail
    assert audit.verify(office_ctx).ok


def test_editing_an_entry_with_sql_breaks_the_chain_at_that_entry(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    assert _check(db_path)[0] == 0
    victim = audit.recent(office_ctx, 100)[-2]  # the second entry
    with office_ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET actor = 'someone else' WHERE id = :id"),
                     {"id": victim.id})
    report = audit.verify(office_ctx)
    assert not report.ok and report.broken_id == victim.id
    code, err = _check(db_path)
    assert code == 1
    assert f"第 {victim.id} 条" in err and "Traceback" not in err


def test_deleting_entries_is_noticed(office_ctx: Context) -> None:
    first_count = audit.count(office_ctx)
    with office_ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)"))
    report = audit.verify(office_ctx)
    assert not report.ok and report.count == first_count - 1
    with office_ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 1"))
    assert audit.verify(office_ctx).broken_id is not None


def test_two_writers_never_fork_the_chain(office_ctx: Context) -> None:
    from app.models.db import Database

    other = Database(office_ctx.db.url)
    ctx2 = Context(other, office_ctx.clock, office_ctx.actor)
    errors: list[BaseException] = []

    def write_many(c: Context, tag: str) -> None:
        try:
            for i in range(15):
                with c.db.write() as s:
                    audit.record(s, c, "note", "test", f"{tag}{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write_many, args=(c, t))
               for c, t in ((office_ctx, "a"), (ctx2, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.dispose()
    assert not errors
    report = audit.verify(office_ctx)
    assert report.ok, report.sentence()
