"""Every user-visible string has a finished Simplified Chinese translation."""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.domain import messages
from tools.i18n import QM, QT_EXTRA_QM, QT_EXTRA_TS, TS, lrelease, ui_sources


def _ts_messages() -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            found[(name, msg.findtext("source"))] = msg
    return found


def _tr_calls() -> list[tuple[str, str, str]]:
    """(context, source, where) for every self.tr(...) / X.translate("Ctx", ...) literal."""
    calls = []
    for path in ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            context = cls.name if isinstance(cls, ast.ClassDef) else None
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                where = f"{path.name}:{node.lineno}"
                if node.func.attr == "tr" and context and node.args:
                    arg = node.args[0]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        calls.append((context, arg.value, where))
                elif node.func.attr == "translate" and len(node.args) >= 2:
                    ctx_arg, src = node.args[0], node.args[1]
                    if isinstance(ctx_arg, ast.Constant) and isinstance(src, ast.Constant):
                        calls.append((ctx_arg.value, src.value, where))
    return calls


def test_every_message_is_finished() -> None:
    unfinished = []
    for (context, source), msg in _ts_messages().items():
        tr = msg.find("translation")
        forms = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
        if tr.get("type") in ("unfinished", "obsolete", "vanished") or not all(forms):
            unfinished.append(f"{context}: {source}")
    assert not unfinished, "unfinished translations:\n" + "\n".join(unfinished)


def test_every_tr_string_in_the_code_is_in_the_translation() -> None:
    known = _ts_messages()
    missing = [f"{where} [{ctx}] {src!r}" for ctx, src, where in _tr_calls() if (ctx, src) not in known]
    assert not missing, "run `python tools/i18n.py` and translate:\n" + "\n".join(missing)
    assert len(_tr_calls()) > 50


def test_placeholders_survive_translation() -> None:
    for (context, source), msg in _ts_messages().items():
        tr = msg.find("translation")
        text = "".join(tr.itertext())
        for marker in set(re.findall(r"%\d|%n", source)):
            assert marker in text, f"{context}: {source!r} lost {marker}"


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    lrelease(fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run `python tools/i18n.py` to compile the .qm"


def test_compiled_qt_extra_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "extra.qm"
    lrelease(fresh, QT_EXTRA_TS)
    assert fresh.read_bytes() == QT_EXTRA_QM.read_bytes(), "run `python tools/i18n.py`"


def test_qt_own_words_are_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from app.ui import application

    application.create_application([], "zh_CN")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"  # Qt's own


def test_translation_loads(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from app.ui import application

    application.create_application([], "zh_CN")
    assert QCoreApplication.translate("MainWindow", "Settings") == "设置"


@pytest.mark.parametrize("code", sorted(messages.CATALOG))
def test_catalog_has_both_languages_with_the_same_fields(code: str) -> None:
    zh, en = messages.CATALOG[code]
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    assert zh and en and fields(zh) == fields(en)
    assert re.search(r"[\u4e00-\u9fff]", zh), "the Chinese wording must be Chinese"
