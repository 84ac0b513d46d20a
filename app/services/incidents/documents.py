"""The document of a report: its letterhead from the office and the report's sendings, the
公文 it makes, its plain text, and the .docx or PDF file of it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import Channel, IncidentKind, ReportKind
from app.domain.errors import NotFound
from app.domain.gongwen import OfficialDocument
from app.domain.incident_facts import from_json
from app.domain.incident_text import Letterhead, compose_document
from app.domain.messages import Problem, text
from app.export import gongwen_file
from app.models import Incident, Office, Report, Sending
from app.services.context import Context
from app.services.incidents import rows
from app.services.office import settings
from app.services.office.zone import office_zone

ADDRESSEE_KEY = "incidents.addressee"  # 主送机关 until a sending names one


def duty_phone(ctx: Context) -> str:
    """The office's duty phone: the contact number a report gives by default."""
    with ctx.db.read() as s:
        return s.scalar(select(Office.duty_phone).limit(1)) or ""


def _office_name(s: Session) -> str:
    return s.scalar(select(Office.name).limit(1)) or ""


def letterhead(s: Session, ctx: Context, row: Incident, report: Report) -> Letterhead:
    """Who reports, to whom, who signed it off and when it went in writing."""
    sent = list(s.scalars(select(Sending).where(Sending.report_id == report.id)
                          .order_by(Sending.at, Sending.id)))
    written = [x for x in sent if x.channel == Channel.WRITTEN.value]
    last = written[-1] if written else (sent[-1] if sent else None)
    to = last.to if last is not None else str(settings.get(ctx, ADDRESSEE_KEY, "") or "")
    return Letterhead(office=_office_name(s), number=row.number, zone=office_zone(ctx), to=to,
                      issued_by=written[-1].issued_by if written else "",
                      sent_at=written[-1].at if written else None,
                      contact_person=report.contact_person, contact_phone=report.contact_phone,
                      recorded_by=row.recorded_by, as_of=report.as_of)


def document_in(s: Session, ctx: Context, row: Incident, report: Report) -> OfficialDocument:
    """The 公文 of ``report`` as it stands (its facts as written, its sendings so far)."""
    kind = ReportKind(report.kind)
    previous = None
    if kind is ReportKind.FOLLOW_UP and report.changes is None:  # written before changes were kept
        content = s.scalar(select(Report.content).where(Report.incident_id == report.incident_id,
                                                        Report.id < report.id)
                           .order_by(Report.id.desc()).limit(1))
        previous = from_json(content) if content is not None else None
    return compose_document(from_json(report.content), kind=kind, seq=report.seq,
                            head=letterhead(s, ctx, row, report), changes=report.changes,
                            previous=previous, missing=rows.missing_in(report.content))


def refresh_text_in(s: Session, ctx: Context, row: Incident, report: Report) -> None:
    """Keep the report's stored text what its document says now (after a sending)."""
    report.text = document_in(s, ctx, row, report).plain_text()


def find_in(s: Session, row: Incident, kind: ReportKind | None, seq: int | None) -> Report:
    """The report of ``kind`` (the incident's first kind when None), the latest unless ``seq``."""
    if kind is None:
        kind = ReportKind.WARNING if row.kind == IncidentKind.WARNING.value else ReportKind.INITIAL
    query = select(Report).where(Report.incident_id == row.id, Report.kind == kind.value)
    if seq is not None:
        query = query.where(Report.seq == seq)
    report = s.scalar(query.order_by(Report.id.desc()).limit(1))
    if report is None:
        raise NotFound(Problem("report.not_found", None, {
            "number": row.number, "kind": kind.zh, "seq": seq or ""}).message())
    return report


def _incident(s: Session, number: str) -> Incident:
    row = s.scalar(select(Incident).where(Incident.number == number))
    if row is None:
        raise NotFound(Problem("incident.not_found", None, {"number": number}).message())
    return row


def document(ctx: Context, number: str, kind: ReportKind | None = None,
             seq: int | None = None) -> OfficialDocument:
    """The 公文 of one report (the latest of its kind unless ``seq`` is given)."""
    with ctx.db.read() as s:
        row = _incident(s, number)
        return document_in(s, ctx, row, find_in(s, row, kind, seq))


def report_id(ctx: Context, number: str, kind: ReportKind | None = None, seq: int | None = None) -> int:
    """The id of the report of ``kind`` (the latest unless ``seq``) of incident ``number``."""
    with ctx.db.read() as s:
        return find_in(s, _incident(s, number), kind, seq).id


def addressee(ctx: Context, report_id: int) -> str:
    """Whom a sending of the report goes to by default: where the incident's reports last
    went, else the office's 主送机关."""
    with ctx.db.read() as s:
        incident_id = select(Report.incident_id).where(Report.id == report_id).scalar_subquery()
        chain = select(Report.id).where(Report.incident_id == incident_id)
        last = s.scalar(select(Sending.to).where(Sending.report_id.in_(chain))
                        .order_by(Sending.recorded_at.desc(), Sending.id.desc()).limit(1))
    return last or str(settings.get(ctx, ADDRESSEE_KEY, "") or "")


def signer(ctx: Context, report_id: int) -> str:
    """Who signed off the incident's last written sending (the same leader, usually)."""
    with ctx.db.read() as s:
        incident_id = select(Report.incident_id).where(Report.id == report_id).scalar_subquery()
        chain = select(Report.id).where(Report.incident_id == incident_id)
        return s.scalar(select(Sending.issued_by).where(
            Sending.report_id.in_(chain), Sending.channel == Channel.WRITTEN.value)
            .order_by(Sending.recorded_at.desc(), Sending.id.desc()).limit(1)) or ""


def report_document(ctx: Context, report_id: int) -> OfficialDocument:
    with ctx.db.read() as s:
        report = s.get(Report, report_id)
        if report is None:
            raise NotFound(text("not_found.report", id=report_id))
        row = s.get(Incident, report.incident_id)
        assert row is not None  # a foreign key
        return document_in(s, ctx, row, report)


def check_output(path: Path) -> Path:
    """A .docx or .pdf file the operator can write (InputError otherwise, nothing written)."""
    return gongwen_file.check_output(path)


def save(doc: OfficialDocument, path: Path) -> Path:
    """``doc`` as a .docx (WPS and Word edit it before sending) or as a PDF (LibreOffice makes
    it from that .docx, so both are the same page)."""
    return gongwen_file.save(doc, path)
