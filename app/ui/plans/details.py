"""A plan's page beside the register: its fields, and its reviews, drills, activations (the
incidents that activated it, with their response level) and the deadlines of its clocks."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ReportKind
from app.services.context import Context
from app.services.deadlines.lifecycle import DeadlineInfo
from app.services.plans import activations, drills, reviews
from app.services.plans.activations import Activation
from app.services.plans.drills import DrillInfo
from app.services.plans.register import PlanInfo
from app.services.plans.reviews import ReviewInfo
from app.ui import style
from app.ui.plans.models import (
    ListModel,
    conclusion_text,
    day,
    drill_type_text,
    level_text,
    outcome_text,
    status_text,
    type_text,
)


def small_table(model: ListModel, stretch: int | None = None) -> QTableView:
    """A read-only list, rows selected whole, columns sized to their content; ``stretch`` (a
    column) takes the room left and elides, so every column fits without scrolling sideways."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class PlanDetails(QWidget):
    """What the register holds about one plan."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.title = QLabel()
        self.title.setObjectName("planTitle")
        self.title.setWordWrap(True)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setVerticalSpacing(2)
        for key, label in (("type", self.tr("Type:")), ("unit", self.tr("Owner unit:")),
                           ("approved", self.tr("Approved:")), ("filed", self.tr("Filed:")),
                           ("cycles", self.tr("Cycles:")), ("status", self.tr("Status:")),
                           ("review", self.tr("Next review:")), ("drill", self.tr("Next drill:")),
                           ("document", self.tr("Plan text:"))):
            self.fields[key] = value = QLabel()
            value.setWordWrap(True)
            form.addRow(label, value)
        self.reviews = ListModel([
            (self.tr("Reviewed"), lambda r: day(r.reviewed_on)),
            (self.tr("Conclusion"), lambda r: conclusion_text(r.conclusion)),
            (self.tr("Notes"), lambda r: r.note)])
        self.drills = ListModel([
            (self.tr("Date"), lambda d: day(d.held_on)), (self.tr("Type"), lambda d: drill_type_text(d.type)),
            (self.tr("Place"), lambda d: d.place),
            (self.tr("Open actions"), lambda d: sum(a.done_on is None for a in d.actions))])
        self.activations = ListModel([
            (self.tr("Incident"), lambda a: a.number), (self.tr("Title"), lambda a: a.title),
            (self.tr("Received"), lambda a: a.received_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")),
            (self.tr("Response"), lambda a: level_text(a.response_level))])
        self.clocks = ListModel([
            (self.tr("Due"), lambda d: d.due_at.astimezone(self.zone).strftime("%Y-%m-%d")),
            (self.tr("What"), lambda d: self.tr("Review") if d.report_kind is ReportKind.PLAN_REVIEW
             else self.tr("Drill")),
            (self.tr("Outcome"), lambda d: outcome_text(d.outcome)),
            (self.tr("Met"), lambda d: d.met_at.astimezone(self.zone).strftime("%Y-%m-%d") if d.met_at else "")],
            late=lambda d, _c: d.is_open and d.due_at < self.ctx.clock.now())
        self.tabs = QTabWidget()
        self.tabs.addTab(small_table(self.activations, stretch=1), self.tr("Activations"))
        self.tabs.addTab(small_table(self.reviews, stretch=2), self.tr("Reviews"))
        self.tabs.addTab(small_table(self.drills, stretch=2), self.tr("Drills"))
        self.tabs.addTab(small_table(self.clocks), self.tr("Deadlines"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        self.show_plan(None)

    def show_plan(self, plan: PlanInfo | None, today: dt.date | None = None) -> None:
        if plan is None:
            self.title.setText(self.tr("Choose a plan in the list."))
            for label in self.fields.values():
                label.clear()
            for model in (self.reviews, self.drills, self.activations, self.clocks):
                model.set_rows([])
            return
        today = today or self.ctx.clock.now().astimezone(self.zone).date()
        self.title.setText(plan.name)
        f = self.fields
        f["type"].setText(type_text(plan.type))
        f["unit"].setText(plan.unit)
        f["approved"].setText(" ".join(x for x in (day(plan.approved_on), plan.number) if x))
        f["filed"].setText(" ".join(x for x in (day(plan.filed_on), plan.filed_with) if x)
                           or self.tr("Not filed"))
        f["cycles"].setText(self.tr("review every %1 years, drill every %2 months")
                            .replace("%1", str(plan.review_years)).replace("%2", str(plan.drill_months)))
        f["status"].setText(status_text(plan.status))
        for key, due in (("review", plan.next_review), ("drill", plan.next_drill)):
            late = due is not None and due < today
            f[key].setText(day(due) + (self.tr(" (overdue)") if late else ""))
            style.set_tone(f[key], "error_strong" if late else "")
        f["document"].setText(plan.document)
        self.reviews.set_rows(list[ReviewInfo](reviews.reviews_of(self.ctx, plan.id)))
        self.drills.set_rows(list[DrillInfo](drills.list_drills(self.ctx, plan.id)))
        self.activations.set_rows(list[Activation](activations.activations(self.ctx, plan.id)))
        self.clocks.set_rows(list[DeadlineInfo](activations.clock_deadlines(self.ctx, plan.id)))
