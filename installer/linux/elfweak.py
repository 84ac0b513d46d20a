"""Mark a symbol-version requirement of an ELF file as weak (VER_FLG_WEAK).

    python elfweak.py FILE VERSION [VERSION ...]

The dynamic loader refuses to load a file that requires a version its libraries do not define
("version `GLIBCXX_3.4.29' not found"), unless the requirement is weak: then it loads the file
and resolves the symbols of that version from whatever object defines them (installer/linux/
fcitx5-qt6.sh ships that object). Only 64-bit little-endian ELF (x86_64, aarch64).
Standard library only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def _string(data: bytes, offset: int) -> str:
    return data[offset:data.index(b"\0", offset)].decode()


def weaken(path: Path, versions: set[str]) -> list[str]:
    """Mark the requirements of ``versions`` weak in ``path``; return the ones changed."""
    data = bytearray(path.read_bytes())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise SystemExit(f"{path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    changed = []
    for _name, kind, _flags, _addr, offset, _size, link, info, _align, _entsize in sections:
        if kind != SHT_GNU_VERNEED:
            continue
        strtab = sections[link][4]
        entry = offset
        for _ in range(info):  # sh_info: the number of Verneed entries
            _version, count, _file, aux, following = struct.unpack_from("<HHIII", data, entry)
            at = entry + aux
            for _ in range(count):
                _hash, flags, _other, name, next_aux = struct.unpack_from("<IHHII", data, at)
                version = _string(bytes(data), strtab + name)
                if version in versions and not flags & VER_FLG_WEAK:
                    struct.pack_into("<H", data, at + 4, flags | VER_FLG_WEAK)
                    changed.append(version)
                at += next_aux
            entry += following
    path.write_bytes(bytes(data))
    return changed


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    done = weaken(Path(sys.argv[1]), set(sys.argv[2:]))
    print(f"{sys.argv[1]}: weak {', '.join(done) or '(nothing to change)'}")
