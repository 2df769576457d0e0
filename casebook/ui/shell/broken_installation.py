"""The one window shown when Casebook's own files are missing: a plain, bilingual explanation.

It must work with the installation broken, so it needs nothing from it: the text arrives
already written in English and Chinese, and the Chinese font is borrowed from Casebook's own
folder only when it is there (the system's fonts serve otherwise).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from casebook.resources import resource_path


def show_broken_installation(english: str, chinese: str) -> None:
    """Show the two paragraphs in a message box and wait until it is closed."""
    app = QApplication.instance() or QApplication([])
    cjk = resource_path("fonts", "DroidSansFallbackFull.ttf")
    if cjk.is_file():
        QFontDatabase.addApplicationFont(str(cjk))
    box = QMessageBox(QMessageBox.Icon.Critical, "Casebook", english)
    box.setInformativeText(chinese)
    box.setObjectName("broken_installation_box")
    for name in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
        label = box.findChild(QLabel, name)
        if label is not None:  # wide enough that the two languages do not wrap word by word
            label.setMinimumWidth(420)
    box.exec()
    del app
