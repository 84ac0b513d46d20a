"""The rewrite-and-rechain attack and the cut attack are caught by the chain anchors.

An attacker with the database file rewrites a duty-log (or audit) entry and recomputes every
later hash and the chain head with the program's own functions, so that the chain alone
verifies; or cuts the newest entries and fixes the head. The anchors recorded outside the
rows (the anchors file, the backups, the anchors table, the code printed on a handover sheet)
name the first that no longer matches, and ``check`` exits 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.domain import anchor_code
from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.office import anchor_file, anchors, audit, backup, duty_chain
from tests.services.office.test_health import cli


def _log(ctx: Context, count: int, start: int = 0) -> None:
    for i in range(start, start + count):
        dutylog.append(ctx, f"第 {i} 次巡查，一切正常")


def _rechain_duty_log(ctx: Context, rewrite_seq: int, new_text: str) -> None:
    """Rewrite one entry's text and recompute every later hash and the head (the attack)."""
    with ctx.db.engine.begin() as conn:
        rows = [dict(r._mapping) for r in conn.execute(
            text("SELECT * FROM duty_log_entry ORDER BY seq"))]
        prev = anchor_code.GENESIS
        for row in rows:
            if row["seq"] == rewrite_seq:
                row["text"] = new_text
            row["prev_hash"] = prev
            fields: dict[str, Any] = {name: row[name] for name in duty_chain.HASHED}
            for name in ("at", "recorded_at", "notified_at"):
                if fields[name] is not None:
                    fields[name] = dt.datetime.fromisoformat(str(fields[name])).replace(tzinfo=dt.UTC)
            if fields["shift_date"] is not None:
                fields["shift_date"] = dt.date.fromisoformat(str(fields["shift_date"]))
            row["hash"] = duty_chain.entry_hash(fields)
            conn.execute(text("UPDATE duty_log_entry SET text = :text, prev_hash = :prev_hash, "
                              "hash = :hash WHERE id = :id"), row)
            prev = row["hash"]
        conn.execute(text("UPDATE chain_head SET seq = :seq, hash = :hash WHERE chain = 'duty_log'"),
                     {"seq": rows[-1]["seq"], "hash": prev})


def _cut_duty_log(ctx: Context, keep: int) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM duty_log_entry WHERE seq > :keep"), {"keep": keep})
        last = conn.execute(text("SELECT hash FROM duty_log_entry WHERE seq = :keep"),
                            {"keep": keep}).scalar_one()
        conn.execute(text("UPDATE chain_head SET seq = :seq, hash = :hash WHERE chain = 'duty_log'"),
                     {"seq": keep, "hash": last})


def test_rewrite_and_rechain_passes_the_chain_but_not_the_anchors(
        office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _log(office_ctx, 8)
    backup.auto_backup(db_path, "daily", clock.now())  # a backup: its heads are an anchor
    _log(office_ctx, 4, start=8)
    printed = anchors.record(office_ctx, "handover").code  # as printed on a handover sheet
    assert cli("--db", str(db_path), "check")[0] == 0

    _rechain_duty_log(office_ctx, 3, "第 3 次巡查，一切正常（已改写）")
    assert duty_chain.verify(office_ctx).ok  # the chain alone no longer shows it
    code, _, err = cli("--db", str(db_path), "check")
    assert code == 1
    assert "链锚不再相符" in err and "值班日志第 8 条已被改写" in err  # the backup's, the first

    # the attacker also removes the anchors file, the backups and (as the owner) the table
    anchor_file.path_of(db_path).unlink()
    for b in backup.list_backups(db_path):
        b.path.unlink()
    with office_ctx.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER chain_anchor_no_delete"))
        conn.execute(text("DELETE FROM chain_anchor"))
    assert cli("--db", str(db_path), "check")[0] == 0  # nothing left in the file's folder
    code, _, err = cli("--db", str(db_path), "check", "--anchor", printed)
    assert code == 1 and f"链锚码 {printed} 与记录链不符" in err  # the paper still tells


def test_cutting_the_newest_entries_and_fixing_the_head_is_caught(
        office_ctx: Context, db_path: Path) -> None:
    _log(office_ctx, 10)
    anchors.record(office_ctx, "handover")
    _cut_duty_log(office_ctx, 7)
    assert duty_chain.verify(office_ctx).ok
    code, _, err = cli("--db", str(db_path), "check")
    assert code == 1 and "值班日志第 10 条已不存在" in err


def test_the_audit_trail_is_anchored_too(office_ctx: Context, db_path: Path) -> None:
    printed = anchors.record(office_ctx, "handover").code
    with office_ctx.db.engine.begin() as conn:
        rows = [dict(r._mapping) for r in conn.execute(text("SELECT * FROM audit_event ORDER BY seq"))]
        prev = anchor_code.GENESIS
        for row in rows:
            if row["seq"] == 1:
                row["actor"] = "someone else"
            row["prev_hash"] = prev
            row["hash"] = audit.entry_hash(
                seq=row["seq"], at=dt.datetime.fromisoformat(str(row["at"])).replace(tzinfo=dt.UTC),
                actor=row["actor"], actor_kind=row["actor_kind"], action=row["action"],
                entity=row["entity"], entity_id=row["entity_id"],
                before=_json(row["before"]), after=_json(row["after"]), prev_hash=prev)
            conn.execute(text("UPDATE audit_event SET actor = :actor, prev_hash = :prev_hash, "
                              "hash = :hash WHERE id = :id"), row)
            prev = row["hash"]
        conn.execute(text("UPDATE chain_head SET hash = :hash WHERE chain = 'audit'"), {"hash": prev})
    assert audit.verify(office_ctx).ok
    code, _, err = cli("--db", str(db_path), "check", "--anchor", printed)
    assert code == 1 and "审计记录第" in err and "已被改写" in err


def _json(value: Any) -> Any:
    import json

    return json.loads(value) if isinstance(value, str) else value


def test_a_code_read_off_the_sheet_is_verified(office_ctx: Context, db_path: Path) -> None:
    _log(office_ctx, 3)
    code = anchors.current(office_ctx).code
    typed = " " + code.lower().replace("0", "o") + " "  # as a person types it from paper
    rc, out, _ = cli("--db", str(db_path), "check", "--anchor", typed)
    assert rc == 0 and f"链锚码 {code} 与记录链相符" in out
    rc, _, err = cli("--db", str(db_path), "check", "--anchor", "12-x")
    assert rc == 2 and "格式不对" in err


def test_a_restore_gives_up_the_later_anchors_and_says_so_for_their_codes(
        office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _log(office_ctx, 3)
    taken = backup.auto_backup(db_path, "daily", clock.now())
    _log(office_ctx, 3, start=3)
    later = anchors.record(office_ctx, "handover").code
    office_ctx.db.dispose()
    assert cli("--db", str(db_path), "restore", str(taken))[0] == 0
    assert cli("--db", str(db_path), "check")[0] == 0  # the restore itself is not tampering
    rc, _, err = cli("--db", str(db_path), "check", "--anchor", later)
    assert rc == 1 and "不符" in err  # entries after the backup are gone, and it says so


def test_the_handover_sheet_prints_the_code(office_ctx: Context, db_path: Path) -> None:
    rc, out, _ = cli("--db", str(db_path), "handover", "show")
    code = anchors.current(office_ctx).code
    assert rc == 0 and f"链锚码：{code}" in out


def test_an_altered_anchors_file_is_reported_not_ignored(
        office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _log(office_ctx, 2)
    backup.auto_backup(db_path, "daily", clock.now())
    path = anchor_file.path_of(db_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and all('"why": "backup"' in line for line in lines)
    path.write_text(lines[0][:-7] + "\n", encoding="utf-8")  # someone edited it by hand
    code, _, err = cli("--db", str(db_path), "check")
    assert code == 1 and "第 1 行无法读取" in err
