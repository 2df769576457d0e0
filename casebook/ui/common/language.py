"""The interface language: English or Simplified Chinese, chosen in Preferences or by the system.

The choice is a UI preference in QSettings (never in the binder). It is applied once at start:
Casebook's own catalogue (`resources/translations/casebook_zh_CN.qm`, built from the .ts), Qt's
own words for standard buttons and dialogs (`qtbase_zh_CN.qm`, shipped with PySide6) and the
default QLocale, so dates, numbers and the bilingual slot catalogue follow the language too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from casebook.resources import resource_path
from casebook.ui.common.preferences import settings

if TYPE_CHECKING:  # an English interface loads no catalogue
    from PySide6.QtCore import QTranslator

LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
CHOICES = (SYSTEM, ENGLISH, CHINESE)

_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The stored preference: SYSTEM (the default), ENGLISH or CHINESE."""
    value = settings().value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in CHOICES else SYSTEM


def set_chosen_language(choice: str) -> None:
    if choice not in CHOICES:
        raise ValueError(f"unknown language choice: {choice!r}")
    settings().setValue(LANGUAGE_KEY, choice)


def effective_language(choice: str | None = None, system: QLocale | None = None) -> str:
    """ENGLISH or CHINESE: a fixed choice as is; SYSTEM → Chinese on any Chinese system."""
    choice = chosen_language() if choice is None else choice
    if choice in (ENGLISH, CHINESE):
        return choice
    system = QLocale.system() if system is None else system
    return CHINESE if system.language() == QLocale.Language.Chinese else ENGLISH


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale that formats dates and numbers in `language`.

    English keeps an English system's own variant (en_GB writes 14/03/2025); on any other
    system it is US English, so the interface never mixes languages.
    """
    if language == CHINESE:
        return QLocale(
            QLocale.Language.Chinese,
            QLocale.Script.SimplifiedChineseScript,
            QLocale.Country.China,
        )
    system = QLocale.system() if system is None else system
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def qt_translations_folders() -> list[Path]:
    """Where Qt's own catalogues (qtbase_*.qm) may be: Qt's path, then inside PySide6."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo

    package = Path(PySide6.__file__).resolve().parent
    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        package / "Qt" / "translations",
        package / "translations",
    ]


def _load(translator: QTranslator, name: str, folders: list[Path]) -> bool:
    return any(
        folder.is_dir() and translator.load(f"{name}_{CHINESE}", str(folder)) for folder in folders
    )


def apply_language(
    language: str | None = None,
    casebook_folder: Path | None = None,
    app: QCoreApplication | None = None,
) -> list[QTranslator]:
    """Install the translators and default locale for `language` (default: the preference).

    Replaces whatever an earlier call installed, so tests can switch back and forth. Returns
    the translators now installed (empty for English, or when a catalogue is missing).
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = effective_language(language)
    QLocale.setDefault(locale_for(language))
    if language != CHINESE:
        return []
    from PySide6.QtCore import QTranslator

    folder = resource_path("translations") if casebook_folder is None else casebook_folder
    sources = (("casebook", [folder]), ("qtbase", qt_translations_folders()))
    for name, folders in sources:
        translator = QTranslator(app)
        if _load(translator, name, folders):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)
