"""``dutydesk check`` on a PostgreSQL server: what can be checked there, each said.

A server has no file to ``quick_check``: the server keeps its own pages. What the program can
vouch for is its own: the schema version, the hash chains (audit trail, duty log), the foreign
keys of the tables it owns (in place, validated, and no row pointing at nothing), the number
counters (never behind the numbers in use), this machine's clock against the server's, and the
clock jumps on record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, ForeignKeyConstraint, Table, func, inspect, select, text
from sqlalchemy.orm import Session

from app.domain.clock import SystemClock
from app.domain.messages import text as message
from app.models import Base, Counter, Incident, Report, schema
from app.models.db import Database
from app.services.context import Context
from app.services.office import anchors, audit, duty_chain, trusted_time


@dataclass
class ServerCheck:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def good(self, line: str) -> None:
        self.lines.append(line)

    def bad(self, line: str) -> None:
        self.ok = False
        self.lines.append(line)


def check_server(db: Database, codes: tuple[str, ...] = ()) -> ServerCheck:
    """Every check that can be made on a server, in order; a line for each."""
    report = ServerCheck()
    report.good(message("check.server", server=db.display_location))
    current, head = schema.current_revision(db), schema.head_revision(db)
    if current != head:
        key = "db.schema_old" if current in schema.known_revisions(db) else "db.schema_unknown"
        report.bad(message("db.no_schema") if current is None else message(key, current=current, head=head))
        return report
    report.good(message("check.schema", version=head))
    ctx = Context(db)
    _chains(ctx, report)
    _anchors(ctx, codes, report)
    with db.engine.connect() as conn:
        _foreign_keys(conn, report)
    with db.read() as s:
        _counters(s, report)
    _clock(ctx, report)
    _jumps(ctx, report)
    if report.ok:
        report.good(message("check.server_ok"))
    return report


def _chains(ctx: Context, report: ServerCheck) -> None:
    chain = audit.verify(ctx)
    if chain.ok:
        report.good(message("check.audit", count=chain.count))
    else:
        report.bad(chain.sentence())
    log_chain = duty_chain.verify(ctx)
    if log_chain.ok:
        report.good(message("check.dutylog", count=log_chain.count))
    else:
        report.bad(duty_chain.sentence(log_chain))


def _anchors(ctx: Context, codes: tuple[str, ...], report: ServerCheck) -> None:
    """Every anchor the insert-only table records, and the printed ``codes`` given."""
    found = anchors.verify(ctx, codes)
    for line in found.problems():
        report.bad(line)
    for line in found.lines():
        report.good(line)


def _foreign_keys(conn: Connection, report: ServerCheck) -> None:
    inspector = inspect(conn)
    validated: dict[str, bool] = {str(name): bool(ok) for name, ok in conn.execute(text(
        "SELECT conname, convalidated FROM pg_constraint WHERE contype = 'f'"))}
    count, problems = 0, 0
    tables = [t for t in Base.metadata.sorted_tables if t.foreign_key_constraints]
    for table in tables:
        present = {tuple(fk["constrained_columns"]): fk.get("name") for fk in inspector.get_foreign_keys(table.name)}
        for fk in table.foreign_key_constraints:
            count += 1
            problems += _one_foreign_key(conn, table, fk, present, validated, report)
    if not problems:
        report.good(message("check.foreign_keys", tables=len(tables), count=count))


def _one_foreign_key(conn: Connection, table: Table, fk: ForeignKeyConstraint,
                     present: dict[tuple[str, ...], str | None], validated: dict[str, bool],
                     report: ServerCheck) -> int:
    columns = tuple(c.name for c in fk.columns)
    target = fk.referred_table.name
    name = present.get(columns)
    if name is None:
        report.bad(message("check.fk_missing", table=table.name, column=",".join(columns), target=target))
        return 1
    if not validated.get(name, True):
        report.bad(message("check.fk_invalid", name=name))
        return 1
    referred = fk.referred_table.alias("referred")  # a tree refers to its own table
    child, parent = fk.columns[0], referred.c[fk.elements[0].column.name]
    orphans = conn.execute(select(func.count()).select_from(
        table.outerjoin(referred, child == parent)).where(
        child.is_not(None), parent.is_(None))).scalar() or 0
    if orphans:
        report.bad(message("check.fk_orphans", table=table.name, column=columns[0], count=orphans,
                           target=target))
        return 1
    return 0


def _counters(s: Session, report: ServerCheck) -> None:
    counters = list(s.scalars(select(Counter)))
    behind = 0
    for counter in counters:
        held = _held(s, counter.name)
        if held > counter.value:
            behind += 1
            report.bad(message("check.counter_behind", name=counter.name, value=counter.value, held=held))
    if not behind:
        report.good(message("check.counters", count=len(counters)))


def _held(s: Session, name: str) -> int:
    """The highest number in use in the series ``name``."""
    series, _, key = name.partition(":")
    if series == "incident":
        last = s.scalar(select(Incident.number).where(Incident.number.like(f"{key}-%"))
                        .order_by(Incident.number.desc()).limit(1))
        tail = last.split("-", 1)[1] if last else ""
        return int(tail) if tail.isdigit() else 0
    if series == "follow-up" and key.isdigit():
        return s.scalar(select(func.max(Report.seq)).where(
            Report.incident_id == int(key), Report.kind == "follow-up")) or 0
    return 0


def _clock(ctx: Context, report: ServerCheck) -> None:
    source = SystemClock()
    server, mono = trusted_time.read_server_time(ctx.db, source)
    offset = source.now() - (server + dt.timedelta(seconds=source.monotonic() - mono))
    amount = trusted_time.duration(offset.total_seconds())
    if abs(offset) > trusted_time.SKEW_WARNING:
        report.bad(message("check.clock_off", amount=amount))
    else:
        report.good(message("check.clock", amount=amount))


def _jumps(ctx: Context, report: ServerCheck) -> None:
    report.lines.extend(jump_lines(ctx))


def jump_lines(ctx: Context, shown: int = 10) -> list[str]:
    """The clock jumps on record, for ``check`` on either kind of database."""
    jumps = trusted_time.recorded_jumps(ctx)
    if not jumps:
        return [message("check.no_jumps")]
    lines = [message("check.jumps", count=len(jumps))]
    for jump in jumps[:shown]:
        start = message("check.jump_at_start") if jump.at_start else ""
        sign = "+" if jump.offset_seconds > 0 else "-"
        lines.append(message("check.jump_line", at=jump.at.strftime("%Y-%m-%d %H:%M:%S UTC"),
                             actor=jump.actor, amount=sign + trusted_time.duration(jump.offset_seconds),
                             start=start))
    return lines
