"""Chain anchors (DESIGN.md "Data"): the chains' heads kept outside the rows they protect.

Recorded at every handover (and printed on its sheet as a short code), at every backup (the
copy holds its heads, and a line goes into the anchors file), when the program closes and
after a restore. On an SQLite file they go into the append-only anchors file beside it; on
either kind of database into the insert-only ``chain_anchor`` table. ``verify`` checks that
every recorded anchor still lies on the chains: the stored hash of the entry it names must be
the one it recorded. Rewriting an entry and recomputing every later hash with the program's
own functions, or cutting the newest entries and fixing the head, is caught by the first
anchor taken after the entries touched.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import anchor_code
from app.domain.anchor_code import GENESIS, Code, Heads
from app.domain.messages import text
from app.models import AuditEvent, ChainAnchor, ChainHead, DutyLogEntry
from app.services.context import Context
from app.services.office import anchor_file, backup

log = logging.getLogger(__name__)


def heads_in(session: Session) -> Heads:
    """The chains' heads as this session sees them."""
    rows = {h.chain: h for h in session.scalars(select(ChainHead))}
    audit, duty = rows.get("audit"), rows.get("duty_log")
    return Heads(audit.seq if audit else 0, audit.hash if audit else GENESIS,
                 duty.seq if duty else 0, duty.hash if duty else GENESIS)


def current(ctx: Context) -> Heads:
    with ctx.db.read() as session:
        return heads_in(session)


def record_in(session: Session, ctx: Context, why: str) -> Heads:
    """Insert the heads into the anchors table within the caller's transaction."""
    heads = heads_in(session)
    actor = ctx.actor.label if ctx.actor else ""
    session.add(ChainAnchor(at=ctx.clock.now(), why=why, audit_seq=heads.audit_seq,
                            audit_hash=heads.audit_hash, log_seq=heads.log_seq,
                            log_hash=heads.log_hash, code=heads.code, actor=actor))
    return heads


def record(ctx: Context, why: str) -> Heads:
    """Record the heads now: in the anchors table and, for a file, in the anchors file."""
    with ctx.db.write() as session:
        heads = record_in(session, ctx, why)
    remember(ctx, heads, why)
    return heads


def last_verified(ctx: Context) -> Heads | None:
    """The heads as the latest whole verification found them sound (None: never verified, or
    not since the latest restore or reset, after which older anchors no longer apply)."""
    with ctx.db.read() as session:
        newest = session.scalar(select(ChainAnchor).where(ChainAnchor.why.in_((VERIFIED, "restore", "reset")))
                                .order_by(ChainAnchor.id.desc()).limit(1))
        if newest is None or newest.why != VERIFIED:
            return None
        return Heads(newest.audit_seq, newest.audit_hash, newest.log_seq, newest.log_hash)


def remember(ctx: Context, heads: Heads, why: str) -> None:
    """Append ``heads`` to the anchors file beside an SQLite database (after the commit)."""
    if ctx.db.path is not None:
        anchor_file.append(ctx.db.path, heads, why, ctx.clock.now())


def record_restore(db_path: Path, source: Path, at: dt.datetime) -> None:
    """After a restore: the restored file's heads, marking the anchors before as given up."""
    anchor_file.record_file(db_path, db_path, "restore", at, restored_from=str(source))


# --- verification ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchor:
    """One recorded anchor and where it was found (a sentence fragment)."""

    heads: Heads | None  # None for a printed code (only its digest is known)
    at: dt.datetime | None
    why: str
    source: str
    code: Code | None = None


@dataclass
class AnchorReport:
    count: int = 0
    broken: str = ""  # the sentence naming the first recorded anchor that no longer matches
    codes: list[tuple[bool, str]] = field(default_factory=list)  # each printed code given

    @property
    def ok(self) -> bool:
        return not self.problems()

    def problems(self) -> list[str]:
        """The first recorded anchor that no longer matches, and every code that does not."""
        return [line for line in (self.broken, *(line for ok, line in self.codes if not ok))
                if line]

    def sentence(self) -> str:
        return "\n".join(self.problems())

    def lines(self) -> list[str]:
        return [text("anchor.healthy", count=self.count) if self.count else text("anchor.none"),
                *(line for _, line in self.codes)]


class _Entries:
    """The stored hashes of the entries the anchors name, fetched in one query per chain."""

    def __init__(self, session: Session, anchors: Iterable[Anchor]) -> None:
        wanted: dict[str, set[int]] = {"audit": set(), "duty_log": set()}
        for a in anchors:
            seqs = (a.heads.audit_seq, a.heads.log_seq) if a.heads else (
                (a.code.audit_seq, a.code.log_seq) if a.code else (0, 0))
            wanted["audit"].add(seqs[0])
            wanted["duty_log"].add(seqs[1])
        self.hashes: dict[str, dict[int, str]] = {}
        for chain, model in (("audit", AuditEvent), ("duty_log", DutyLogEntry)):
            found: dict[int, str] = {0: GENESIS}
            numbers = sorted(wanted[chain] - {0})
            for start in range(0, len(numbers), 500):
                rows = session.execute(select(model.seq, model.hash)
                                       .where(model.seq.in_(numbers[start:start + 500])))
                found.update((seq, digest) for seq, digest in rows)
            self.hashes[chain] = found

    def problem(self, chain: str, seq: int, digest: str) -> str | None:
        held = self.hashes[chain].get(seq)
        if held is None:
            return "missing"
        return None if held == digest else "changed"


def gather(ctx: Context, codes: Iterable[Code] = ()) -> list[Anchor]:
    """Every anchor recorded for this database, oldest first, then the printed codes given."""
    found: list[Anchor] = []
    path = ctx.db.path
    reset_at: dt.datetime | None = None
    if path is not None:
        lines, bad_line = anchor_file.read(path)
        if bad_line is not None:
            raise _Unreadable(text("anchor.unreadable_file", path=anchor_file.path_of(path),
                                   line=bad_line))
        found += [Anchor(ln.heads, ln.at, ln.why, text("anchor.source.file", line=ln.number))
                  for ln in lines]
        reset_at = next((ln.at for ln in lines if ln.why in anchor_file.RESETS), None)
        found += _backups(path, reset_at)
    found += _table(ctx)
    found.sort(key=lambda a: a.at or dt.datetime.max.replace(tzinfo=dt.UTC))
    found += [Anchor(None, None, "code", text("anchor.source.code", anchor=c.text), c) for c in codes]
    return found


class _Unreadable(Exception):
    pass


def _backups(db_path: Path, since: dt.datetime | None) -> list[Anchor]:
    out = []
    for b in backup.list_backups(db_path):
        if b.kind == "replaced" or (since is not None and b.taken_at < since.replace(microsecond=0)):
            continue
        heads = anchor_file.heads_of_file(b.path)
        if heads is not None:
            out.append(Anchor(heads, b.taken_at, "backup",
                              text("anchor.source.backup", name=b.path.name)))
    return out


def _table(ctx: Context) -> list[Anchor]:
    with ctx.db.read() as session:
        rows = [Anchor(Heads(r.audit_seq, r.audit_hash, r.log_seq, r.log_hash), r.at, r.why,
                       text("anchor.source.table", id=r.id))
                for r in session.scalars(select(ChainAnchor).order_by(ChainAnchor.id))]
    start = max((i for i, r in enumerate(rows) if r.why in anchor_file.RESETS), default=0)
    return rows[start:]


def verify(ctx: Context, codes: Iterable[str] = ()) -> AnchorReport:
    """Check every recorded anchor (and each printed code in ``codes``) against the chains;
    the report names the first that no longer matches."""
    parsed = [c for c in (anchor_code.parse(v) for v in codes) if c is not None]
    report = AnchorReport()
    try:
        anchors = gather(ctx, parsed)
    except _Unreadable as exc:
        report.broken = str(exc)
        return report
    with ctx.db.read() as session:
        entries = _Entries(session, anchors)
    for anchor in anchors:
        if anchor.code is not None:
            report.codes.append(_check_code(entries, anchor.code))
            continue
        report.count += 1
        report.broken = report.broken or _check(entries, anchor)
    return report


def _check(entries: _Entries, anchor: Anchor) -> str:
    heads = anchor.heads
    assert heads is not None  # recorded anchors carry their heads
    for chain, seq, digest in (("audit", heads.audit_seq, heads.audit_hash),
                               ("duty_log", heads.log_seq, heads.log_hash)):
        problem = entries.problem(chain, seq, digest)
        if problem:
            when = anchor.at.astimezone().strftime("%Y-%m-%d %H:%M") if anchor.at else ""
            why = text(f"anchor.why.{anchor.why}") if anchor.why in WHYS else anchor.why
            return text("anchor.broken", source=anchor.source, when=when, why=why,
                        chain=text(f"anchor.chain.{chain}"), seq=seq,
                        reason=text(f"anchor.reason.{problem}"))
    return ""


WHYS = ("handover", "backup", "close", "restore", "reset", "code", "verified")
VERIFIED = "verified"  # recorded after a whole verification found both chains sound


def _check_code(entries: _Entries, code: Code) -> tuple[bool, str]:
    audit = entries.hashes["audit"].get(code.audit_seq)
    duty = entries.hashes["duty_log"].get(code.log_seq)
    ok = audit is not None and duty is not None and code.matches(audit, duty)
    key = "anchor.code_ok" if ok else "anchor.code_mismatch"
    return ok, text(key, anchor=code.text, audit=code.audit_seq, log=code.log_seq)
