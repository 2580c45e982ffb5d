from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImageReader

from tests.packaging.scripts import load

app_icon = load("app_icon.py")


def test_icon_is_drawn_on_a_transparent_square_in_its_colours() -> None:
    image = app_icon.render(app_icon.ICON_SVG, 128)
    assert (image.width(), image.height()) == (128, 128)
    assert image.pixelColor(0, 0).alpha() == 0  # outside the rounded corner
    red = image.pixelColor(10, 64)
    assert (red.red(), red.green(), red.blue()) == (0xB7, 0x1C, 0x1C)
    assert image.pixelColor(40, 64) == QColor("white")  # the screen


def test_theme_pngs_follow_the_icon_theme_layout(tmp_path: Path) -> None:
    written = app_icon.write_theme_pngs(app_icon.ICON_SVG, tmp_path, "silverreel", (48, 256))
    assert written == [tmp_path / "48x48/apps/silverreel.png",
                       tmp_path / "256x256/apps/silverreel.png"]
    reader = QImageReader(str(written[1]))
    assert reader.size().width() == 256


def test_ico_holds_every_size_and_windows_readers_accept_it(tmp_path: Path) -> None:
    ico = app_icon.write_ico(app_icon.ICON_SVG, tmp_path / "app.ico", (16, 32, 256))
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 3)
    widths = [data[6 + 16 * index] for index in range(count)]
    assert widths == [16, 32, 0]  # 0 means 256
    reader = QImageReader(str(ico), b"ico")
    assert reader.imageCount() == 3
    sizes = []
    for index in range(3):
        reader.jumpToImage(index)
        sizes.append(reader.read().width())
    assert sorted(sizes) == [16, 32, 256]


@pytest.mark.qt_log_ignore("Cannot read file")  # Qt's own note about the broken file
def test_a_broken_svg_is_a_clean_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    with pytest.raises(app_icon.IconError, match="not a readable SVG"):
        app_icon.render(broken, 32)
