"""Dialogs of the plans register: a plan (record or edit) and a review."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DutyDeskError
from app.domain.plan_input import PlanInput, ReviewInput
from app.domain.plans import (
    DEFAULT_DRILL_MONTHS,
    DEFAULT_REVIEW_YEARS,
    MAX_DRILL_MONTHS,
    MAX_REVIEW_YEARS,
    Horizon,
    PlanStatus,
    PlanType,
    ReviewConclusion,
)
from app.services.context import Context
from app.services.deadlines import profiles as rule_profiles
from app.services.plans import register, reviews
from app.services.plans.register import PlanInfo
from app.services.plans.reviews import ReviewInfo
from app.ui.plans.fields import OptionalDate, UnitBox, date_edit, date_of
from app.ui.plans.models import conclusion_text, status_text, type_text
from app.ui.widgets import error_label, ok_cancel


def _notes(text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(60)
    return edit


class PlanDialog(QDialog):
    """Record a plan or edit one; the cycles follow the type until the operator sets them."""

    def __init__(self, ctx: Context, today: dt.date, plan: PlanInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.plan = ctx, plan
        self.saved: PlanInfo | None = None
        self.setWindowTitle(self.tr("Edit plan") if plan else self.tr("New plan"))
        self.setMinimumWidth(560)
        self.name = QLineEdit(plan.name if plan else "")
        self.type = QComboBox()
        for kind in PlanType:
            self.type.addItem(type_text(kind), kind.value)
        self.type.setCurrentIndex(self.type.findData((plan.type if plan else PlanType.SPECIAL).value))
        self.unit = UnitBox(register.unit_names(ctx), plan.unit_id if plan else None)
        self.approved = date_edit(plan.approved_on if plan else today)
        self.number = QLineEdit(plan.number if plan else "")
        self.number.setPlaceholderText(self.tr("e.g. 江政办发〔2024〕12号"))
        self.filed = OptionalDate(self.tr("Filed on"), plan.filed_on if plan else None, today)
        self.filed_with = QLineEdit(plan.filed_with if plan else "")
        self.review_years = QSpinBox()
        self.review_years.setRange(1, MAX_REVIEW_YEARS)
        self.drill_months = QSpinBox()
        self.drill_months.setRange(1, MAX_DRILL_MONTHS)
        self._set_cycles(plan.review_years if plan else None, plan.drill_months if plan else None)
        self.type.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.status = QComboBox()
        for status in PlanStatus:
            self.status.addItem(status_text(status), status.value)
        self.status.setCurrentIndex(self.status.findData((plan.status if plan else
                                                          PlanStatus.IN_FORCE).value))
        self.document = QLineEdit(plan.document if plan else "")
        self.document.setPlaceholderText(self.tr("A file, or where the paper copy is kept"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        document_row = QHBoxLayout()
        document_row.addWidget(self.document, 1)
        document_row.addWidget(browse)
        self.note = _notes(plan.note if plan else "")
        form = QFormLayout()
        form.addRow(self.tr("Plan &name:"), self.name)
        form.addRow(self.tr("&Type:"), self.type)
        form.addRow(self.tr("Owner &unit:"), self.unit)
        form.addRow(self.tr("&Approved on:"), self.approved)
        form.addRow(self.tr("Document n&umber:"), self.number)
        form.addRow(self.tr("Filing:"), self.filed)
        form.addRow(self.tr("Filed &with:"), self.filed_with)
        form.addRow(self.tr("&Review every (years):"), self.review_years)
        form.addRow(self.tr("&Drill every (months):"), self.drill_months)
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow(self.tr("Plan te&xt:"), document_row)
        document_label = form.labelForField(document_row)
        if isinstance(document_label, QLabel):  # the row is a layout: the label names the line
            document_label.setBuddy(self.document)
        form.addRow(self.tr("N&ote:"), self.note)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Save"), self.submit))

    def _kind(self) -> PlanType:
        return PlanType(self.type.currentData())

    def _set_cycles(self, years: int | None, months: int | None) -> None:
        self.review_years.setValue(years or DEFAULT_REVIEW_YEARS)
        self.drill_months.setValue(months or DEFAULT_DRILL_MONTHS[self._kind()])

    def _type_changed(self) -> None:
        """A new plan takes its type's drill cycle (RULES.md §7); an edited one keeps its own."""
        if self.plan is None:
            self.drill_months.setValue(DEFAULT_DRILL_MONTHS[self._kind()])

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Plan text"), self.document.text())
        if path:
            self.document.setText(path)

    def data(self) -> PlanInput:
        return PlanInput(
            name=self.name.text(), type=self._kind(), unit=self.unit.unit(),
            approved_on=date_of(self.approved), number=self.number.text(),
            filed_on=self.filed.value(), filed_with=self.filed_with.text(),
            review_years=self.review_years.value(), drill_months=self.drill_months.value(),
            status=PlanStatus(self.status.currentData()), document=self.document.text(),
            note=self.note.toPlainText())

    def submit(self) -> None:
        try:
            if self.plan is None:
                self.saved = register.add_plan(self.ctx, self.data())
            else:
                self.saved = register.update_plan(self.ctx, self.plan.id, self.data(),
                                                  self.plan.version)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class ReviewDialog(QDialog):
    """Record a review of a plan: when, what it found, the notes."""

    def __init__(self, ctx: Context, plan: PlanInfo, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.plan = ctx, plan
        self.saved: ReviewInfo | None = None
        self.setWindowTitle(self.tr("Review: %1").replace("%1", plan.name))
        self.reviewed_on = date_edit(today)
        self.conclusion = QComboBox()
        for conclusion in ReviewConclusion:
            self.conclusion.addItem(conclusion_text(conclusion), conclusion.value)
        self.note = _notes()
        form = QFormLayout()
        form.addRow(self.tr("Reviewed &on:"), self.reviewed_on)
        form.addRow(self.tr("&Conclusion:"), self.conclusion)
        form.addRow(self.tr("&Notes:"), self.note)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Record"), self.submit))

    def submit(self) -> None:
        data = ReviewInput(date_of(self.reviewed_on), ReviewConclusion(self.conclusion.currentData()),
                           self.note.toPlainText())
        try:
            self.saved = reviews.record_review(self.ctx, self.plan.id, data)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class HorizonDialog(QDialog):
    """How far ahead the plans' clocks become deadlines, and when the strip shows them."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Plan reminders"))
        held = rule_profiles.horizon(ctx)
        self.notice = QSpinBox()
        self.notice.setRange(0, 366)
        self.notice.setValue(held.notice_days)
        self.notice.setSuffix(self.tr(" days"))
        self.strip = QSpinBox()
        self.strip.setRange(0, 366)
        self.strip.setValue(held.strip_days)
        self.strip.setSuffix(self.tr(" days"))
        form = QFormLayout()
        form.addRow(self.tr("&Deadline created before it is due:"), self.notice)
        form.addRow(self.tr("&Countdown strip shows it within:"), self.strip)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Save"), self.submit))

    def submit(self) -> None:
        try:
            rule_profiles.set_horizon(self.ctx, Horizon(self.notice.value(), self.strip.value()))
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()
