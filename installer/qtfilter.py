"""Which of the files PyInstaller's PySide6 hooks collect stay out of the bundle.

Used by installer/dutydesk.spec on every platform; tested in tests/installer/. Each entry was
checked against what the program uses: app/ui imports QtCore, QtGui, QtWidgets, QtMultimedia
(the alarm sound) and QtPrintSupport; Qt itself loads the platform (xcb, wayland, windows,
offscreen), input-method (ibus, compose, fcitx), theme, print, SVG and multimedia plugins.
"""

from __future__ import annotations

import re

# Paths inside the bundle, '/'-separated, matched anywhere in the destination path.
UNUSED_QT = [
    r"plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin",  # pulls QtQuick and QtQml
    r"(lib)?Qt6(VirtualKeyboard|Quick|Qml|QmlModels|QmlMeta|QmlWorkerScript)[A-Za-z]*\.(so|dll)",
    r"plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay)",  # kiosks, devices
    r"plugins/egldeviceintegrations/",
    r"(lib)?Qt6EglFs[A-Za-z]*\.(so|dll)",
    r"(lib)?Qt6EglFSDeviceIntegration\.(so|dll)",
    r"plugins/generic/",  # evdev and TUIO input for machines without a window system
    r"plugins/imageformats/(lib)?q(gif|icns|jpeg|tga|tiff|wbmp|webp|pdf)",  # SVG and ICO only
    r"plugins/networkinformation/",
    r"plugins/sqldrivers/",
    r"plugins/qmltooling/",
    r"plugins/wayland-graphics-integration-client/.*(vulkan|dmabuf|drm-egl)",
    r"plugins/wayland-shell-integration/.*(ivi-shell|fullscreen-shell|qt-shell)",
    # GTK 3's own stack, which PyInstaller would copy from a build machine that has GTK for the
    # GTK theme plugin: that plugin is for the desktop's own GTK, and Qt skips it without one.
    r"(^|/)lib(gtk-3|gdk-3|gdk_pixbuf-2\.0|atk-1\.0|atk-bridge-2\.0|atspi|cairo|cairo-gobject|"
    r"pango-1\.0|pangocairo-1\.0|pangoft2-1\.0|epoxy|pixman-1|fribidi|thai|datrie|graphite2|"
    r"Xcomposite|Xcursor|Xdamage|Xinerama)\.so",
]
_UNUSED = re.compile("|".join(f"(?:{pattern})" for pattern in UNUSED_QT))
# Qt's own translations: only Chinese (the program speaks zh_CN and English, Qt's default).
_FOREIGN_TRANSLATION = re.compile(r"PySide6/(Qt/)?translations/(?!.*_zh_CN\.qm$)")  # Linux, Windows


def keep(destination: str) -> bool:
    """False for a bundle path (as PyInstaller's TOC names it) that the program never uses."""
    path = destination.replace("\\", "/")
    return not (_UNUSED.search(path) or _FOREIGN_TRANSLATION.search(path))
