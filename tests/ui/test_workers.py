"""Long work off the GUI thread (issue 12): the progress dialog, a cancel that leaves no file,
an alarm that rings while a job holds the worker, and the errors of the environment and of a
concurrent edit shown as their sentences, never as the bug dialog."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import zoneinfo
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.domain.progress import Progress
from app.models import db as db_module
from app.scheduler.runtime import DutyScheduler
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import export as incident_report
from app.services.incidents import intake as incidents
from app.services.incidents.listing import ListFilter
from app.ui import workers
from app.ui.bridge import SchedulerBridge
from app.ui.contacts.page import ContactsPage
from app.ui.intake.form import IntakeForm
from app.ui.main_window import MainWindow
from tests.services.incidents import inputs

BUG_TITLE = "意外错误"
SH = zoneinfo.ZoneInfo("Asia/Shanghai")


class Boxes:
    """Every message box the code shows, as (title, icon, text, informative text); ``answer``
    names the button to press (by its text), pressing it the way the operator would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, QMessageBox.Icon, str, str]] = []
        self.answer = ""
        self.before_answer = lambda: None
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box: QMessageBox) -> int:
        self.shown.append((box.windowTitle(), box.icon(), box.text(), box.informativeText()))
        for button in box.buttons():
            if self.answer and button.text() == self.answer:
                self.before_answer()
                button.click()
        return 0


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_progress_dialog_shows_rows_and_cancel_leaves_no_file(qtbot, parent: QWidget,  # type: ignore[no-untyped-def]
                                                                 office_ctx: Context, tmp_path: Path) -> None:
    for n in range(3):
        inputs.record(office_ctx, title=f"第{n}起事件")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "台账.xlsx"
    gate = threading.Event()

    def work(progress: Progress) -> Path:
        def held(done: int, total: int | None = None, what: str = "") -> None:
            progress(done, total, what)  # raises Cancelled once the operator cancelled
            gate.wait(10)  # the export sits here until the test has looked

        return incident_report.export_list(office_ctx, ListFilter(), target, held)

    job = workers.run_job(parent, "导出突发事件", work)
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible())
    assert job.dialog is not None
    qtbot.waitUntil(lambda: "0 / 3 行" in job.dialog.labelText())
    assert job.running and workers.running_jobs() == [job]
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    cancel.click()  # the operator presses Cancel
    gate.set()
    qtbot.waitUntil(lambda: job.outcome == "cancelled")
    assert not target.exists() and list(folder.iterdir()) == []  # not even the temporary file
    assert job.dialog is None and workers.running_jobs() == []


def test_a_job_hands_its_result_back_on_the_gui_thread(qtbot, parent: QWidget, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    inputs.record(office_ctx)
    threads: list[threading.Thread] = []
    got: list[Path] = []

    def work(progress: Progress) -> Path:
        threads.append(threading.current_thread())
        return incident_report.export_list(office_ctx, ListFilter(), tmp_path / "a.xlsx", progress)

    job = workers.run_job(parent, "导出", work, lambda p: got.append(p) or threads.append(threading.current_thread()))
    qtbot.waitUntil(lambda: job.outcome == "done")
    assert got == [tmp_path / "a.xlsx"] and got[0].exists()
    assert threads[0] is not threading.main_thread() and threads[1] is threading.main_thread()


def test_an_alarm_rings_while_a_job_holds_the_worker(qtbot, office_ctx: Context, settings, clock) -> None:  # type: ignore[no-untyped-def]
    bridge = SchedulerBridge()
    window = MainWindow(office_ctx, settings, bridge)
    qtbot.addWidget(window)
    window.show()
    sched = DutyScheduler(office_ctx, bridge)
    bridge.confirm = sched.alarm_shown
    d = deadlines.create(office_ctx, what="忙时报警", due_at=clock.now() + dt.timedelta(minutes=20)).id
    sched.start(housekeeping_delay=dt.timedelta(hours=1))
    gate = threading.Event()
    jobs = [workers.run_job(window, f"长任务{n}", lambda _p: gate.wait(20))
            for n in range(workers.POOL_THREADS)]  # every worker thread is busy
    try:
        clock.advance(dt.timedelta(minutes=11))  # the urgent stage began
        threading.Thread(target=sched.reconcile_now).start()  # the scheduler's own thread
        qtbot.waitUntil(lambda: window.alarms.ringing.get(d) is deadlines.DeadlineStage.URGENT,
                        timeout=3000)
        assert d in window.strip.ringing
        assert window.strip.shows(d) and window.alarms.sounded[-1].deadline_id == d
        assert all(job.running for job in jobs)  # the jobs were still at work
        qtbot.waitUntil(lambda: sched.alarms.unconfirmed() == [])  # the screen confirmed it
    finally:
        gate.set()
        sched.shutdown()
    qtbot.waitUntil(lambda: all(job.outcome == "done" for job in jobs))


def _contacts_page(qtbot, ctx: Context) -> ContactsPage:  # type: ignore[no-untyped-def]
    page = ContactsPage(ctx, SH)
    qtbot.addWidget(page)
    return page


def _workbook(path: Path) -> Path:
    wb = Workbook()
    wb.active.append(["姓名", "单位", "手机"])  # type: ignore[union-attr]
    wb.active.append(["王五", "新桥镇", "13500001111"])  # type: ignore[union-attr]
    wb.save(path)
    return path


def test_a_locked_database_says_busy_and_retry_imports(qtbot, office_ctx: Context, db_path: Path,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path, boxes: Boxes, monkeypatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    office_ctx.db.engine.dispose()  # new connections wait 0.3 s for a writer, not 10 s
    page = _contacts_page(qtbot, office_ctx)
    holder = sqlite3.connect(db_path, isolation_level=None)  # another program, writing
    holder.execute("BEGIN IMMEDIATE")
    boxes.answer = "重试"
    boxes.before_answer = lambda: holder.execute("ROLLBACK")  # it finished meanwhile
    try:
        page.files.import_file(_workbook(tmp_path / "in.xlsx"), confirm=False)
        qtbot.waitUntil(lambda: page.files.last_report is not None, timeout=10_000)
    finally:
        holder.close()
    title, icon, text, detail = boxes.shown[0]
    assert title != BUG_TITLE and icon == QMessageBox.Icon.Warning
    assert text == "现在无法使用数据库。" and detail == "数据库正忙（另一个程序正在写入），请稍后重试。"
    assert page.files.last_report.added == 1  # type: ignore[union-attr]  # after Retry


def test_a_full_disk_says_so_and_writes_nothing(qtbot, office_ctx: Context, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                boxes: Boxes, monkeypatch) -> None:
    dialect = office_ctx.db.engine.dialect
    real = dialect.do_execute

    def full(cursor, statement, parameters, context=None):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("database or disk is full")  # as SQLite says it
        return real(cursor, statement, parameters, context)

    monkeypatch.setattr(dialect, "do_execute", full)
    page = _contacts_page(qtbot, office_ctx)
    job = page.files.import_file(_workbook(tmp_path / "in.xlsx"), confirm=False)
    assert job is not None
    qtbot.waitUntil(lambda: job.outcome == "failed")
    title, icon, text, detail = boxes.shown[0]
    assert title != BUG_TITLE and icon == QMessageBox.Icon.Warning
    assert detail == "磁盘已满，数据没有保存。请清理磁盘空间后重试。"
    assert "sqlite" not in (text + detail).lower() and "INSERT" not in detail
    monkeypatch.undo()
    assert not any(u.name == "新桥镇" for u in page.units)


def test_an_incident_changed_elsewhere_says_reload(qtbot, office_ctx: Context, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    info = inputs.record(office_ctx)
    form = IntakeForm(office_ctx, SH, editing=info)
    qtbot.addWidget(form)
    other = sqlite3.connect(db_path)  # another workstation saves the incident meanwhile
    other.execute("UPDATE incident SET version = version + 1 WHERE id = ?", (info.id,))
    other.commit()
    other.close()
    form.save_button.click()
    assert form.message.text() == "这条记录已被他人修改，请刷新后重试。"
    assert incidents.get(office_ctx, info.number).version == info.version + 1


@pytest.mark.qt_no_exception_capture
def test_an_error_that_escapes_a_slot_gets_its_sentence_not_the_bug_dialog(qtbot, boxes: Boxes) -> None:  # type: ignore[no-untyped-def]
    import sys

    from sqlalchemy.exc import OperationalError

    from app.ui import application

    previous = sys.excepthook
    application.install_exception_hook()
    try:
        raw = OperationalError("UPDATE deadline SET …", {}, sqlite3.OperationalError("database is locked"))
        for exc in (raw,):
            try:
                raise exc
            except Exception:
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    title, icon, text, detail = boxes.shown[-1]
    assert icon == QMessageBox.Icon.Warning
    assert title != BUG_TITLE and detail == "数据库正忙（另一个程序正在写入），请稍后重试。"
    assert "UPDATE" not in text + detail
