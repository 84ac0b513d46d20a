"""Phone numbers are checked with phonenumbers (region CN), not a pattern of our own."""

from __future__ import annotations

import pytest

from app.domain.phones import is_valid


@pytest.mark.parametrize("number", [
    "13905761234", "139 0576 1234", "0576-88001234", "057688001234", "(0576)88001234",
    "+86 576 8800 1234", "010-12345678", "0576-88001234转801", "0576-88001234 分机 801",
    "0576-88001234 ext 801", "110", "12345", "400-810-8888",
])
def test_numbers_one_can_dial(number: str) -> None:
    assert is_valid(number)


@pytest.mark.parametrize("number", [
    "", "88001234", "1390576123", "12345678901", "0576-8800123", "abc", "0576-88001234转", "电话",
    "1" * 41,
])
def test_numbers_one_cannot(number: str) -> None:
    assert not is_valid(number)
