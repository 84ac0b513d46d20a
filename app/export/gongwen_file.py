"""A 公文 document saved as a file: .docx (WPS and Word edit it before sending) or PDF (made by
LibreOffice from that same .docx, so both are the same page). The incident reports and the
periodic reports save through here alike.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.errors import InputError
from app.domain.gongwen import OfficialDocument
from app.domain.messages import Problem
from app.export import files, gongwen_docx, office_pdf

SUFFIXES = (".docx", ".pdf")


def check_output(path: Path) -> Path:
    """A .docx or .pdf file the operator can write (InputError otherwise, nothing written):
    asked before any work starts."""
    if Path(path).suffix.lower() not in SUFFIXES:
        raise InputError(Problem("report.bad_output", None, {"value": str(path)}))
    return files.check_target(path)


def save(doc: OfficialDocument, path: Path) -> Path:
    """``doc`` as the file ``path`` names (whole or not at all); the path written."""
    target = check_output(path)
    if target.suffix.lower() == ".docx":
        with files.atomic_write(target) as tmp:
            gongwen_docx.write(doc, tmp)
        return target
    return office_pdf.write(doc, target)
