"""Phone numbers as duty rooms write them, checked with ``phonenumbers`` (region CN).

Mobiles (13905761234), landlines with their area code (0576-88001234, (0576)88001234,
+86 576 8800 1234), an extension after 转, 分机 or ext (0576-88001234转801), and the short
service numbers the library knows (110, 12345). A landline without its area code is refused:
the number must be dialable from any other city.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "CN"
MAX_LENGTH = 40  # what the columns that hold a number keep
# Chinese words for "extension", read as the library's own "ext".
_EXTENSION = re.compile(r"\s*(?:转|分机|轉)\s*")


def is_valid(value: str) -> bool:
    """Whether ``value`` (stripped) is a number a duty officer can dial."""
    text = value.strip()
    if not text or len(text) > MAX_LENGTH:
        return False
    text = _EXTENSION.sub(" ext ", text)
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return number.extension is None or number.extension.isdigit()
    return number.extension is None and shortnumberinfo.is_valid_short_number_for_region(number, REGION)
