"""Paints the engine's decoded pictures, fitted to the widget, black elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

# Frames within this many pixels of the target are drawn unscaled.
_SNAP_PX = 6


def fitted_rect(source: QSize, area: QRect) -> QRect:
    if source.isEmpty() or area.isEmpty():
        return QRect()
    scaled = source.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) // 2
    y = area.y() + (area.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


class VideoView(QWidget):
    picture_shape_changed = Signal()  # the picture's aspect ratio is known or changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("画面"))
        self._image = QImage()
        self._shape = QSize()

    @Slot(QSize)
    def set_picture_size(self, size: QSize) -> None:
        """The picture's true shape; frames are fitted to it even if slightly stretched."""
        if size != self._shape and not size.isEmpty():
            self._shape = QSize(size)
            self.picture_shape_changed.emit()
            self.update()

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        self._image = image
        if self._shape.isEmpty():
            self.set_picture_size(image.size())
        self.update(self.picture_rect())

    def clear(self) -> None:
        self._image = QImage()
        self._shape = QSize()
        self.update()

    def picture_size(self) -> QSize:
        return self._shape

    def picture_rect(self) -> QRect:
        return fitted_rect(self._shape, self.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), Qt.GlobalColor.black)
        if not self._image.isNull():
            target = self.picture_rect()
            image = self._image
            if (abs(image.width() - target.width()) <= _SNAP_PX
                    and abs(image.height() - target.height()) <= _SNAP_PX):
                # libVLC already scaled to the display size (give or take the decoder's
                # padding): draw 1:1, centred, rather than rescale every frame.
                centre = target.center()
                painter.drawImage(centre.x() - image.width() // 2,
                                  centre.y() - image.height() // 2, image)
            else:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
                painter.drawImage(target, image)
        painter.end()
