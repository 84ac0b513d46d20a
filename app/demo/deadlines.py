"""Demo deadlines: the coming recurring duties, and where the office's reports go. The record
of past deadlines comes with the demo's incidents (``report_chain``), so each points at an
incident that exists."""

from __future__ import annotations

from app.demo.report_chain import TO
from app.demo.scope import DemoScope
from app.domain import deadline_rules as dr
from app.models import Setting
from app.services import duties
from app.services.incidents.documents import ADDRESSEE_KEY


def extend(scope: DemoScope) -> None:
    """The recurring duties of the default profile, and the office's 主送机关."""
    s, ctx = scope.session, scope.ctx
    s.merge(Setting(key=ADDRESSEE_KEY, value=TO))
    s.flush()
    duties.ensure_in(s, ctx, dr.built_in("default"))
