"""One episode tile on the Series screen: the button, its three lines of words, the state
it shows to the style sheet and to screen readers, and the tiles' part of the style sheet.

``SeriesScreen`` keeps the pages of tiles; this module says what a single tile looks like.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton

from accessibility.theme import (
    FOCUS,
    PACE_FAST,
    PACE_VERY_FAST,
    SURFACE,
    SURFACE_FOCUSED,
    TEXT,
    Theme,
)
from player.ui.strings import episode_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("SeriesScreen", text)


def new_tile() -> QToolButton:
    """An empty tile: picture above three lines of words, never squeezed below its text."""
    button = QToolButton()
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    # Never squeezed below its text to fit the page: the page scrolls instead.
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setProperty("role", "tile")
    return button


def dress_tile(button: QToolButton, number: int, watched: bool, unplayable: bool,
               pace: tuple[str, str] | None) -> None:
    """A tile's words and state: the number, then 已看 / 打不开 / the pace word."""
    state = " "
    if unplayable:
        state = _tr("打不开")
    elif watched:
        state = _tr("已看")
    word = pace[0] if pace is not None and not unplayable else " "
    # Always three lines (number, state, pace), so every number sits at the same height
    # and a line never has to hold two words on a narrow tile.
    button.setText("\n".join([str(number), state, word]))
    button.setProperty("watched", "true" if watched else "false")
    button.setProperty("unplayable", "true" if unplayable else "false")
    button.setProperty("pace", pace[1] if pace is not None else "")
    button.style().unpolish(button)
    button.style().polish(button)
    state = _tr("打不开") if unplayable else _tr("已看完") if watched else _tr("未看")
    name = f"{episode_label(number)}，{state}"
    if pace is not None:
        name += f"，{_tr('画面节奏')}{pace[0]}"
    button.setAccessibleName(name)


def tile_style(theme: Theme) -> str:
    """The tiles' part of the Series screen's style sheet."""
    frame = theme.focus_frame_px
    pad = round(theme.spacing_px * 0.4)
    # Every state keeps white text (≥ 7:1 on both tile colours); states are words.
    return f"""
QToolButton[role="tile"] {{
    color: {TEXT}; background: {SURFACE}; font-size: {theme.body_px}px;
    border: {frame}px solid {SURFACE}; border-radius: {frame * 2}px; padding: {pad}px;
    min-width: {theme.target_px}px;
}}
QToolButton[role="tile"]:focus {{
    background: {SURFACE_FOCUSED}; border: {frame}px solid {FOCUS};
    font-size: {round(theme.body_px * 1.06)}px;
}}
QToolButton[pace="fast"] {{ border-bottom: {frame}px solid {PACE_FAST}; }}
QToolButton[pace="very_fast"] {{ border-bottom: {frame}px solid {PACE_VERY_FAST}; }}
QToolButton[pace="fast"]:focus, QToolButton[pace="very_fast"]:focus {{
    border: {frame}px solid {FOCUS}; }}
QToolButton[unplayable="true"] {{ border-style: dashed; }}
QToolButton[unplayable="true"]:focus {{ border: {frame}px solid {FOCUS}; }}
"""
