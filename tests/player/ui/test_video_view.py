"""The picture: the engine's frames fitted to the screen, black bands beside a vertical
drama, driven by the shared FakeEngine the way the Playing screen wires the real one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from player.ui.video_view import VideoView, fitted_rect
from tests.fakes import FakeEngine
from tests.player.ui.hosting import show_widget


@pytest.mark.parametrize(("source", "area", "expected"), [
    (QSize(360, 640), QRect(0, 0, 1920, 1080), QRect(656, 0, 607, 1080)),  # vertical: bands
    (QSize(1920, 1080), QRect(0, 0, 1920, 1080), QRect(0, 0, 1920, 1080)),
    (QSize(1280, 720), QRect(0, 0, 1080, 1920), QRect(0, 656, 1080, 607)),
    (QSize(480, 480), QRect(100, 50, 800, 400), QRect(300, 50, 400, 400)),
    (QSize(), QRect(0, 0, 800, 400), QRect()),
    (QSize(360, 640), QRect(), QRect()),
])
def test_a_picture_is_fitted_whole_and_centred(source: QSize, area: QRect,
                                               expected: QRect) -> None:
    assert fitted_rect(source, area) == expected


@pytest.fixture
def wired(qtbot: QtBot) -> tuple[VideoView, FakeEngine]:
    view = VideoView()
    engine = FakeEngine()
    engine.picture_size_changed.connect(view.set_picture_size)
    engine.frame_ready.connect(view.show_frame)
    show_widget(qtbot, view, size=(960, 540))
    return view, engine


def _colour(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()


def test_a_vertical_episode_shows_in_the_middle_with_black_beside_it(
        qtbot: QtBot, wired: tuple[VideoView, FakeEngine]) -> None:
    view, engine = wired
    engine.add_media("竖屏.mp4", picture=QSize(360, 640), colour="#2e7d32")
    with qtbot.wait_signal(view.picture_shape_changed):
        engine.load("竖屏.mp4")
    assert view.picture_size() == QSize(360, 640)
    assert view.picture_rect() == QRect(328, 0, 303, 540)  # 303.75 px, never wider
    shown = view.grab().toImage()
    assert _colour(shown, 480, 270) == "#2e7d32"
    assert _colour(shown, 100, 270) == _colour(shown, 860, 270) == "#000000"


def test_a_slightly_padded_frame_is_drawn_at_the_pictures_true_shape(
        qtbot: QtBot, wired: tuple[VideoView, FakeEngine]) -> None:
    view, engine = wired
    # Decoders pad to 16 px: a 368×640 frame of a 360×640 picture must not widen it.
    engine.add_media("padded.mp4", picture=QSize(360, 640), colour="#1565c0")
    engine.set_display_size(368, 640)
    engine.load("padded.mp4")
    assert view.picture_size() == QSize(360, 640)
    shown = view.grab().toImage()
    rect = view.picture_rect()
    assert _colour(shown, rect.center().x(), rect.center().y()) == "#1565c0"
    assert _colour(shown, rect.left() - 20, rect.center().y()) == "#000000"


def test_the_shape_changes_once_per_new_shape(qtbot: QtBot,
                                              wired: tuple[VideoView, FakeEngine]) -> None:
    view, engine = wired
    engine.add_media("a.mp4", picture=QSize(360, 640))
    engine.add_media("b.mp4", picture=QSize(360, 640))
    engine.add_media("wide.mp4", picture=QSize(1280, 720))
    changes: list[QSize] = []
    view.picture_shape_changed.connect(lambda: changes.append(view.picture_size()))
    for location in ("a.mp4", "b.mp4", "wide.mp4"):
        engine.load(location)
    assert changes == [QSize(360, 640), QSize(1280, 720)]


def test_a_frame_before_any_size_gives_the_shape_itself(qtbot: QtBot) -> None:
    view = VideoView()
    show_widget(qtbot, view, size=(400, 400))
    frame = QImage(200, 100, QImage.Format.Format_RGB32)
    frame.fill(QColor("#ffd21f"))
    view.show_frame(frame)
    assert view.picture_size() == QSize(200, 100)
    assert _colour(view.grab().toImage(), 200, 200) == "#ffd21f"


def test_clearing_leaves_a_black_screen(qtbot: QtBot,
                                        wired: tuple[VideoView, FakeEngine]) -> None:
    view, engine = wired
    engine.add_media("a.mp4", colour="#ad1457")
    engine.load("a.mp4")
    view.clear()
    assert view.picture_size().isEmpty()
    shown = view.grab().toImage()
    assert {_colour(shown, x, 270) for x in range(0, 960, 40)} == {"#000000"}


def test_the_picture_is_named_and_never_takes_focus(wired: tuple[VideoView, FakeEngine]) -> None:
    view, _engine = wired
    assert view.accessibleName() == "画面"
    assert not view.focusPolicy()
