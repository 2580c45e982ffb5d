"""Chinese first, English available: the app's own catalogue and Qt's stock strings.

The source strings are Chinese, so Chinese needs no catalogue at all; English comes from
``assets/i18n/silverreel_en.qm``. Qt's own ``qtbase_zh_CN.qm`` makes stock dialogs Chinese.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from player.assets import assets_dir

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str) -> list[str]:
    """Load the catalogues for ``language`` ("zh" or "en"); returns what was loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
            loaded.append("qtbase_zh_CN")
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        own = QTranslator(app)
        catalogue = Path(assets_dir()) / "i18n"
        if own.load("silverreel_en", str(catalogue)):
            app.installTranslator(own)
            _installed.append(own)
            loaded.append("silverreel_en")
    return loaded


def english() -> bool:
    """Whether English is shown. Texts that carry both languages (the settings declaration,
    presets) ask this; the English catalogue translates this marker to "en", and Chinese
    needs no catalogue."""
    return QCoreApplication.translate("Language", "zh") == "en"
