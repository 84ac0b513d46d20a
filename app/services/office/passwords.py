"""Password hashes that keep their parameters: argon2id through argon2-cffi.

The encoded hash (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``) carries its own salt and cost, so
raising the cost (``configure``) never strands a stored password: it verifies with the
parameters it was made with, and is hashed again with the new ones at the next sign-in.
Hashes from before (scrypt with the fixed parameters below and a separate salt column) still
verify, and are upgraded the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's first argon2id choice: 46 MiB, one pass, one lane (tens of milliseconds here).
MEMORY_KIB, PASSES, LANES = 47_104, 1, 1
_hasher = PasswordHasher(memory_cost=MEMORY_KIB, time_cost=PASSES, parallelism=LANES)
_ARGON2 = b"$argon2"
# The scrypt parameters every hash had before argon2 (n=2**14, r=8: 16 MiB).
_LEGACY_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 64}
_DUMMY = _hasher.hash("not a password of anyone")


def configure(*, memory_cost: int, time_cost: int, parallelism: int) -> None:
    """Set the cost of new hashes (stored ones are rehashed at their next sign-in)."""
    global _hasher
    _hasher = PasswordHasher(memory_cost=memory_cost, time_cost=time_cost,
                             parallelism=parallelism)


def hash_password(password: str) -> bytes:
    """The encoded argon2id hash of ``password``, with its salt and parameters."""
    return _hasher.hash(password).encode("ascii")


@dataclass(frozen=True)
class Verdict:
    ok: bool
    rehash: bytes | None = None  # a new hash to store: the cost was raised, or a legacy hash


def verify(password: str, stored: bytes, salt: bytes = b"") -> Verdict:
    """Whether ``password`` matches the stored hash; a new hash when it should be upgraded."""
    if stored.startswith(_ARGON2):
        encoded = stored.decode("ascii", errors="replace")
        try:
            _hasher.verify(encoded, password)
        except (VerificationError, InvalidHashError):
            return Verdict(False)
        return Verdict(True, hash_password(password) if _hasher.check_needs_rehash(encoded) else None)
    legacy = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_LEGACY_SCRYPT)
    if hmac.compare_digest(legacy, stored):
        return Verdict(True, hash_password(password))
    return Verdict(False)


def spend_time(password: str) -> None:
    """Cost what a verification costs, for a user who does not exist (no timing tells)."""
    with contextlib.suppress(VerificationError, InvalidHashError):
        _hasher.verify(_DUMMY, password)


def legacy_scrypt(password: str, salt: bytes) -> bytes:
    """A hash as the program made them before argon2 (for tests of the upgrade)."""
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, **_LEGACY_SCRYPT)
