"""The chain heads and their short printed code (链锚码).

A code names the newest entry of each chain (the audit trail's and the duty log's sequence
numbers) and 50 bits of a digest of their two hashes, in Crockford's base-32 (no I, L, O, U:
nothing to misread on paper): ``1234-567-8F3KQ-M2X9P``. Rewriting the log and recomputing
every later hash changes the hash at those entries, so the code no longer matches; finding a
rewrite that keeps 50 bits of it takes about 2**50 hash computations.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

GENESIS = "0" * 64
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DIGEST_CHARS = 10
_CODE = re.compile(r"^(\d{1,12})-(\d{1,12})-([0-9A-Z]{5})-?([0-9A-Z]{5})$")
# Crockford's base 32 reads the letters people confuse with digits as those digits.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class Heads:
    """The newest entry of each chain: its sequence number and hash (0 and GENESIS when empty)."""

    audit_seq: int
    audit_hash: str
    log_seq: int
    log_hash: str

    @property
    def code(self) -> str:
        return f"{self.audit_seq}-{self.log_seq}-{_digest(self.audit_hash, self.log_hash)}"


@dataclass(frozen=True)
class Code:
    """A code read off a printed sheet: the two sequence numbers and the digest it shows."""

    audit_seq: int
    log_seq: int
    digest: str

    @property
    def text(self) -> str:
        return f"{self.audit_seq}-{self.log_seq}-{self.digest[:5]}-{self.digest[5:]}"

    def matches(self, audit_hash: str, log_hash: str) -> bool:
        """True when the entries' hashes give this code's digest."""
        return _digest(audit_hash, log_hash).replace("-", "") == self.digest


def _digest(audit_hash: str, log_hash: str) -> str:
    raw = hashlib.sha256(f"dutydesk-anchor:{audit_hash}:{log_hash}".encode("ascii")).digest()
    number = int.from_bytes(raw[:8], "big") >> (64 - 5 * _DIGEST_CHARS)
    chars = "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_DIGEST_CHARS)))
    return f"{chars[:5]}-{chars[5:]}"


def parse(value: str) -> Code | None:
    """The code in ``value`` (spaces, case, 链锚码： and O/I/L for 0/1 forgiven), or None."""
    cleaned = "".join(value.split()).upper()
    for prefix in ("链锚码：", "链锚码:", "链锚码"):
        cleaned = cleaned.removeprefix(prefix)
    match = _CODE.match(cleaned.translate(_READ_AS))
    if match is None:
        return None
    return Code(int(match.group(1)), int(match.group(2)), match.group(3) + match.group(4))
