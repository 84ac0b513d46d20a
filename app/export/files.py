"""Files that are whole or absent: written under a temporary name beside the target and
renamed into place at the end, so a failure, a cancel or a crash never leaves half a file.

``check_target`` refuses, before any work starts, a path the operator cannot mean: a folder,
a file in a folder that does not exist, or a place that cannot be written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.domain.errors import InputError
from app.domain.messages import Problem


def check_target(path: Path, field: str = "output") -> Path:
    """``path`` made absolute, or InputError naming what is wrong with it as an output file."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise InputError(Problem("output.is_dir", field, {"value": str(target)}))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(Problem("output.no_folder", field, {"value": str(folder)}))
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(Problem("output.read_only", field, {"value": str(target)}))
    return target.absolute()


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path in ``path``'s folder to write the whole file to; on success it is
    flushed to disk and renamed onto ``path`` (replacing it atomically), on any exception it is
    removed and ``path`` is left as it was."""
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
