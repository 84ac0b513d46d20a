"""At start the chains are checked from the heads a whole verification last found sound; the
daily check walks them whole (and records the heads it verified)."""

from __future__ import annotations

from sqlalchemy import text

from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.office import anchors, audit, duty_chain, housekeeping, users


def _write(ctx: Context, n: int) -> None:
    for i in range(n):
        users.create_user(ctx, username=f"u{i}{n}", display_name=f"用户{i}", role="officer",
                          password="password-1")
        dutylog.append(ctx, f"第{i}条")


def test_start_checks_only_what_came_after_the_last_whole_verification(office_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _write(office_ctx, 3)
    assert anchors.last_verified(office_ctx) is None
    assert housekeeping.check_chains(office_ctx, since_verified=True) == []  # never verified: whole
    assert anchors.last_verified(office_ctx) is not None
    verified = anchors.last_verified(office_ctx)
    assert verified is not None and verified.audit_seq == audit.count(office_ctx)
    _write(office_ctx, 2)
    walked: list[int] = []
    real = audit.verify_chain

    def counting(session, chain, rows, recompute, since=(0, audit.GENESIS)):  # type: ignore[no-untyped-def]
        listed = list(rows)
        walked.append(len(listed))
        return real(session, chain, listed, recompute, since)

    monkeypatch.setattr(audit, "verify_chain", counting)
    monkeypatch.setattr(duty_chain, "verify_chain", counting)
    assert housekeeping.check_chains(office_ctx, since_verified=True) == []
    assert walked[0] == audit.count(office_ctx) - verified.audit_seq  # only the new entries
    assert walked[1] == 2 + 0 * verified.log_seq  # the two log entries written since


def test_an_entry_rewritten_before_the_verified_heads_is_still_caught_at_start(office_ctx: Context) -> None:
    _write(office_ctx, 3)
    assert housekeeping.check_chains(office_ctx) == []  # whole, then recorded as verified
    with office_ctx.db.engine.begin() as conn:  # rewrite the verified head entry itself
        conn.execute(text("UPDATE audit_event SET hash = 'x' WHERE seq = "
                          "(SELECT audit_seq FROM chain_anchor WHERE why = 'verified')"))
    problems = housekeeping.check_chains(office_ctx, since_verified=True)
    assert problems and any("审计" in p or "第" in p for p in problems)


def test_a_restore_or_reset_voids_the_verified_heads(office_ctx: Context) -> None:
    _write(office_ctx, 1)
    housekeeping.check_chains(office_ctx)
    assert anchors.last_verified(office_ctx) is not None
    anchors.record(office_ctx, "reset")
    assert anchors.last_verified(office_ctx) is None
