"""The printed chain-anchor code: its shape, reading it back, and what it binds."""

from __future__ import annotations

from app.domain.anchor_code import GENESIS, Heads, parse


def test_the_code_names_both_heads_and_a_50_bit_digest() -> None:
    heads = Heads(1234, "a" * 64, 567, "b" * 64)
    code = heads.code
    audit, log, first, second = code.split("-")
    assert (audit, log) == ("1234", "567") and len(first) == len(second) == 5
    assert not set(first + second) & set("ILOU")  # nothing to misread on paper
    parsed = parse(code)
    assert parsed is not None and parsed.text == code and parsed.matches("a" * 64, "b" * 64)
    assert not parsed.matches("a" * 63 + "c", "b" * 64)


def test_reading_forgives_what_people_do_when_typing() -> None:
    code = Heads(0, GENESIS, 0, GENESIS).code
    assert parse(f"  链锚码：{code.lower()} ") == parse(code)
    digest = code.split("-", 2)[2]
    assert parse(f"0-0-{digest.replace('-', '')}") == parse(code)
    assert parse(code.replace("0", "O")) == parse(code)


def test_anything_else_is_not_a_code() -> None:
    for bad in ("", "12-x", "1-2-ABCDE", "1-2-ABCDE-FGHJKM", "a-b-ABCDE-FGHJK", "1-2-ABCDE-FGHJ!"):
        assert parse(bad) is None, bad
