"""Every action, record and field the services write to the audit trail has its term."""

from __future__ import annotations

import ast
import dataclasses
import zoneinfo
from pathlib import Path

from app.domain import audit_terms, messages
from app.domain.incident_facts import IncidentFacts

ROOT = Path(__file__).resolve().parents[2]
SH = zoneinfo.ZoneInfo("Asia/Shanghai")


def _strings(node: ast.AST) -> set[str]:
    return {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}


def _dict_keys(node: ast.AST) -> set[str]:
    return {k.value for d in ast.walk(node) if isinstance(d, ast.Dict)
            for k in d.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}


def _written() -> tuple[set[str], set[str], set[str]]:
    """(actions, records, fields) in the services' audit.record and snapshot calls."""
    actions: set[str] = set()
    entities: set[str] = set()
    fields = {f.name for f in dataclasses.fields(IncidentFacts)} | {"missing_elements"}
    for path in (ROOT / "app" / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id.endswith("FIELDS") for t in node.targets):
                fields |= _strings(node.value)
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "audit"):
                continue
            if node.func.attr == "record" and len(node.args) >= 4:
                actions |= _strings(node.args[2])
                entities |= _strings(node.args[3])
                for keyword in node.keywords:
                    if keyword.arg in ("before", "after"):
                        fields |= _dict_keys(keyword.value)
            if node.func.attr == "snapshot" and len(node.args) > 1:
                fields |= _strings(node.args[1])
    return actions, entities, fields


def test_every_action_record_and_field_has_a_term() -> None:
    actions, entities, fields = _written()
    assert len(actions) > 20 and len(entities) > 20 and len(fields) > 100
    assert actions <= set(audit_terms.ACTIONS), actions - set(audit_terms.ACTIONS)
    assert entities <= set(audit_terms.ENTITIES), entities - set(audit_terms.ENTITIES)
    assert fields <= set(audit_terms.FIELDS), fields - set(audit_terms.FIELDS)


def test_a_change_reads_as_words() -> None:
    before = {"due_at": "2026-11-28T01:30:00+00:00", "report_kind": "initial", "channel": "written"}
    after = {"due_at": "2026-11-28T02:30:00+00:00", "report_kind": "initial", "channel": "phone"}
    assert audit_terms.changes(before, after, SH) == [
        "截止时间：2026-11-28 09:30 → 2026-11-28 10:30", "报送方式：书面 → 电话"]
    assert audit_terms.record("deadline", "354") == "报送时限 #354"
    assert audit_terms.action("meet") == "办结" and audit_terms.actor("root (cli)") == "root（命令行）"
    messages.set_language("en")
    try:
        assert audit_terms.changes(None, {"locked": True, "level": "III"}, SH) == [
            "locked: yes", "level: Level III"]
        assert audit_terms.action("sign_in") == "signed in"
    finally:
        messages.set_language("zh_CN")
    assert audit_terms.value("held_on", "2026-11-28", SH) == "2026-11-28"


def test_every_setting_has_a_term() -> None:
    keys = set()
    for path in (ROOT / "app" / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id.endswith("_KEY") for t in node.targets) \
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                keys.add(node.value.value)
    assert len(keys) >= 8
    assert keys <= set(audit_terms.SETTINGS), keys - set(audit_terms.SETTINGS)
    assert audit_terms.record("setting", "deadlines.long_range") == "设置：提醒设置"
