"""Every text in every state measures ≥ 7:1 against what is behind it, read off the rendered
pixels (not the colour table): tiles plain, watched, 打不开 and with each pace badge, focused
and not; the poster wall's titles; the big buttons; the message banner; the question overlay.
Also: only the focused item wears the focus colour (the banner has a neutral edge)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import FOCUS
from tests.accessibility.test_theme import contrast
from tests.media import colour_clip
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def text_contrast(image: QImage, region: QRect | None = None, min_pixels: int = 12) -> float:
    """Contrast between the commonest colour (the background) and the colour that stands out
    most from it among colours drawn on at least ``min_pixels`` pixels (the text's core)."""
    area = region or image.rect()
    counts: Counter[str] = Counter()
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            counts[QColor(image.pixel(x, y)).name()] += 1
    background = counts.most_common(1)[0][0]
    drawn = [colour for colour, n in counts.items() if n >= min_pixels and colour != background]
    assert drawn, "no text found"
    return max(contrast(colour, background) for colour in drawn)


def inner(widget: QWidget, inset: int) -> QRect:
    """The widget less its frame (the focus frame and pace edge are not text)."""
    return widget.rect().adjusted(inset, inset, -inset, -inset)


def _library(root: Path, media_dir: Path) -> Path:
    clip = colour_clip(media_dir / "contrast-grey.mp4", "0x404040", 2.0)
    for name, episodes in (("[养生] 八段锦", 6), ("春风又起", 3)):
        folder = root / name
        folder.mkdir(parents=True)
        for number in range(1, episodes + 1):
            shutil.copy(clip, folder / f"第{number}集.mp4")
    return root


@pytest.mark.parametrize("enlarged", [False, True])
def test_every_tile_state_has_text_at_7_to_1_focused_or_not(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path, enlarged: bool
) -> None:
    parts = build_app(_library(tmp_path / "lib", media_dir))
    parts.settings.set("ui.enlarged", enlarged)
    window, series = parts.window, parts.window.library[0]
    parts.progress.save(series, series.episodes[1], 59_000, 60_000)  # watched
    parts.progress.mark_unplayable(series.episodes[2].location, "unplayable")
    window.open_series(0)
    screen = window.series_screen
    window.library_view.episode_frames.cancel()  # measure the words, not a frame picture
    screen.set_pace(3, "较快", "fast")
    screen.set_pace(4, "很快", "very_fast")
    screen.set_pace(5, "平缓", "calm")
    frame = window.theme().focus_frame_px
    states = {0: "plain", 1: "已看", 2: "打不开", 3: "较快", 4: "很快", 5: "平缓"}
    measured: dict[str, float] = {}
    for index, state in states.items():
        tile = screen.episode_button(index)
        assert tile.icon().isNull()
        if state != "plain":
            assert state in tile.text()  # the state is a word, never colour alone
        for focused in (False, True):
            if focused:
                screen.set_focus(tile)
            else:
                screen.set_focus(screen.initial_focus())  # type: ignore[arg-type]
            qtbot.wait_until(lambda t=tile, f=focused: t.hasFocus() == f, timeout=2000)
            image = tile.grab().toImage()
            measured[f"{state}{' focused' if focused else ''}"] = text_contrast(
                image, inner(tile, frame * 2))
    for big in (screen.initial_focus(),):
        assert big is not None
        measured["resume"] = text_contrast(big.grab().toImage(), inner(big, frame * 2))
    low = {state: round(value, 2) for state, value in measured.items() if value < 7.0}
    assert not low, f"below 7:1: {low}"


def test_home_texts_and_the_banner_are_7_to_1_and_only_the_focus_wears_yellow(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    parts = build_app(_library(tmp_path / "lib", media_dir))
    window, home = parts.window, parts.window.home
    frame = window.theme().focus_frame_px
    big = home.initial_focus()
    assert big is not None
    measured = {"继续观看 focused": text_contrast(big.grab().toImage(), inner(big, frame * 2))}
    press(qtbot, parts, K.Key_Down)
    row = home.rows()[0]
    assert QApplication.focusWidget() is row
    measured["继续观看 not focused"] = text_contrast(big.grab().toImage(), inner(big, frame * 2))
    cover = row.delegate.cover_size()
    for label in ("focused poster", "poster"):
        image = row.grab().toImage()
        rect = row.current_rect() if label == "focused poster" else row.visualRect(
            row.model().index(1, 0))
        text_area = QRect(rect.left() + frame * 3, rect.top() + cover.height() + frame * 4,
                          rect.width() - frame * 6, rect.height() - cover.height() - frame * 8)
        measured[label] = text_contrast(image, text_area)

    window.show_message("有一个文件打不开，已经跳过。")
    banner = window.banner
    assert banner.isVisible()
    focused_rect = row.current_rect().translated(row.mapTo(window, row.rect().topLeft()))
    assert not banner.geometry().intersects(focused_rect)  # never over the focused poster
    shot = banner.grab().toImage()
    measured["banner"] = text_contrast(shot, inner(banner, 12))
    assert _yellow_pixels(shot) == 0  # the banner is not dressed as the focus
    low = {state: round(value, 2) for state, value in measured.items() if value < 7.0}
    assert not low, f"below 7:1: {low}"

    window.ask("要退出长辈剧场吗？", ("不退出", "退出"), lambda _choice: None)
    overlay = window._overlay
    assert overlay is not None
    stay, leave = overlay.buttons()  # type: ignore[attr-defined]
    for button in (stay, leave):
        value = text_contrast(button.grab().toImage(), inner(button, frame * 2))
        assert value >= 7.0, (button.text(), value)


def _yellow_pixels(image: QImage) -> int:
    focus = QColor(FOCUS)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if (abs(colour.red() - focus.red()) < 40 and abs(colour.green() - focus.green()) < 40
                    and abs(colour.blue() - focus.blue()) < 60):
                count += 1
    return count


def test_family_settings_rows_and_the_playing_side_texts_are_7_to_1(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    from player.ui.family.option_row import OptionRow
    from tests.player.ui.family.conftest import open_family_settings, type_on_pad

    parts = build_app(_library(tmp_path / "lib", media_dir))
    assert parts.family is not None
    parts.family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "2468")
    screen = parts.family.settings_screen
    measured: dict[str, float] = {}
    rows = [w for w in screen.focusables() if isinstance(w, OptionRow)][:4]
    for row in rows:
        for focused in (False, True):
            if focused:
                screen.set_focus(row)
            qtbot.wait_until(lambda r=row, f=focused: r.hasFocus() == f, timeout=2000)
            for label in row.findChildren(QLabel):
                if label.isVisible() and label.text().strip():
                    image = row.grab(label.geometry()).toImage()
                    key = f"{label.text()[:8]}{' focused' if focused else ''}"
                    measured[key] = text_contrast(image, min_pixels=8)
            screen.set_focus(screen.preset_buttons[0])
    for heading in screen.findChildren(QLabel):
        if heading.property("role") == "heading" and heading.isVisible():
            measured[heading.text()] = text_contrast(heading.grab().toImage(), min_pixels=8)

    window = parts.window
    window.stack.setCurrentWidget(window.playing)
    window.playing.show_episode("八段锦", 3)
    window.playing.show_remaining(61_000)
    window.playing.show_note("第 1 集打不开，接着播放第 3 集。")
    window.playing.show_pace_hint("前方画面切换较快")
    qtbot.wait_until(lambda: window.playing.note_text() != "", timeout=2000)
    QApplication.processEvents()
    shot = window.grab().toImage()
    for label in window.playing.findChildren(QLabel):
        if label.isVisible() and label.text().strip():
            area = QRect(label.mapTo(window, label.rect().topLeft()), label.size())
            measured[label.text()[:10]] = text_contrast(shot, area, min_pixels=8)
    assert len(measured) >= 10
    low = {state: round(value, 2) for state, value in measured.items() if value < 7.0}
    assert not low, f"below 7:1: {low}"
