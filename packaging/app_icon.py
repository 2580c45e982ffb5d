"""The app icon in the sizes desktops and installers want, drawn from the one SVG.

``assets/icons/silverreel.svg`` is the source; the PNGs (Linux icon theme) and the ICO
(Windows) are made from it at build time, so they never drift apart.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_SVG = Path(__file__).resolve().parent.parent / "assets" / "icons" / "silverreel.svg"
THEME_SIZES = (48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


class IconError(Exception):
    """The icon could not be drawn or written."""


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent ``size`` × ``size`` square."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise IconError(f"{svg} is not a readable SVG image")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_theme_pngs(svg: Path, icon_theme: Path, name: str,
                     sizes: Iterable[int] = THEME_SIZES) -> list[Path]:
    """``icon_theme/NxN/apps/name.png`` for each size (the freedesktop icon theme layout)."""
    written = []
    for size in sizes:
        target = icon_theme / f"{size}x{size}" / "apps" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target)):  # PNG, from the suffix
            raise IconError(f"could not write {target}")
        written.append(target)
    return written


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs want bytes for the format, but PySide6 accepts only str at run time.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def write_ico(svg: Path, target: Path, sizes: Iterable[int] = ICO_SIZES) -> Path:
    """A Windows icon holding every size, each stored as PNG (read by Windows Vista and later).

    Written by hand because Qt's ICO writer stores a single size only, and Windows picks the
    sharpest entry for the taskbar, the desktop and the Start menu from several.
    """
    images = [(size, _png_bytes(render(svg, size))) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, png in images:
        edge = 0 if size >= 256 else size  # 0 stands for 256 in an ICO directory entry
        entries.append(struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(header + b"".join(entries) + b"".join(blobs))
    return target
