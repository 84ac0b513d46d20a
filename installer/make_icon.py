"""Make installer/build/dutydesk.ico (16 to 256 px) from resources/icons/dutydesk.svg.

The .ico is built, never committed: the SVG is the one source. Qt draws each size; the file
holds them as PNG images (the ICO format Windows Vista and later read), written here by hand
because Qt's ICO writer stores one size only.

    python installer/make_icon.py [OUT.ico]
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(svg: Path) -> bytes:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    images = [(size, png(renderer, size)) for size in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size == 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "installer" / "build" / "dutydesk.ico"
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QImage needs it for fonts)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(ico(ROOT / "resources" / "icons" / "dutydesk.svg"))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
