"""Tell a running screen reader (Orca, NVDA, VoiceOver) what was just said or shown."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def tell_screen_reader(widget: QWidget, text: str) -> None:
    """Hand ``text`` to a running screen reader as an announcement from ``widget``."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
