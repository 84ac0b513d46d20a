"""vCards of contacts, written by app.export.vcard alone and read back by an independent reader
(vobject) as a phone or a mail program would."""

from __future__ import annotations

import vobject

from app.export import vcard
from app.export.vcard import Card

LEADER = Card("欧阳明远", "欧阳", "明远", organization="江州市应急管理局", title="副局长",
              phones=[("mobile", "13900001234"), ("office", "0576-88001111"),
                      ("duty", "0576-88001234"), ("home", "0576-88990000"), ("fax", "0576-88001235"),
                      ("satellite", "17400001111")],
              note="分管防汛; 夜间请先打值班电话,再打手机\n备用：对讲机 3 频道",
              categories=["领导", "值班员,备班"])
PLAIN = Card("李四", "李", "四")


def _read(text: str) -> list[vobject.base.Component]:
    return list(vobject.readComponents(text))


def test_a_card_reader_gets_back_names_unit_numbers_tags_and_note() -> None:
    [card] = _read(vcard.card_text(LEADER))
    assert card.version.value == "3.0"
    assert card.fn.value == "欧阳明远"
    assert (card.n.value.family, card.n.value.given) == ("欧阳", "明远")  # a two-character surname
    assert card.org.value == ["江州市应急管理局"] and card.title.value == "副局长"
    assert [(t.value, t.params["TYPE"]) for t in card.tel_list] == [
        ("13900001234", ["CELL", "VOICE"]),
        ("0576-88001111", ["WORK", "VOICE"]),
        ("0576-88001234", ["WORK", "VOICE", "PREF"]),  # the duty phone is the one to call
        ("0576-88990000", ["HOME", "VOICE"]),
        ("0576-88001235", ["WORK", "FAX"]),
        ("17400001111", ["VOICE"]),  # a kind vCard has no word for
    ]
    assert card.categories.value == ["领导", "值班员,备班"]  # a comma inside a tag is escaped
    assert card.note.value == "分管防汛; 夜间请先打值班电话,再打手机\n备用：对讲机 3 频道"


def test_a_bare_card_has_only_the_required_lines() -> None:
    text = vcard.card_text(PLAIN)
    assert text == "BEGIN:VCARD\r\nVERSION:3.0\r\nN:李;四;;;\r\nFN:李四\r\nEND:VCARD\r\n"
    [card] = _read(text)
    assert card.fn.value == "李四" and not hasattr(card, "tel")


def test_long_lines_fold_at_75_octets_and_unfold_to_the_same_text() -> None:
    long_note = "值班须知：" + "接到事件报告后，立即核实并按时限报送；" * 6
    card = Card("张三", "张", "三", organization="江州市东湖区城关街道办事处应急管理办公室（安全生产监督管理站）",
                note=long_note)
    text = vcard.card_text(card)
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert sum(line.startswith(" ") for line in lines) >= 3
    unfolded = text.replace("\r\n ", "").split("\r\n")
    assert "NOTE:" + long_note in unfolded
    [read] = _read(text)
    assert read.note.value == long_note and read.org.value == [card.organization]


def test_several_cards_are_one_file() -> None:
    text = vcard.vcards([LEADER, PLAIN])
    assert text == vcard.card_text(LEADER) + vcard.card_text(PLAIN)
    assert [c.fn.value for c in _read(text)] == ["欧阳明远", "李四"]
    assert vcard.vcards([]) == ""
