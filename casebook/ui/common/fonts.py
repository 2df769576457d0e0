"""The Chinese font Casebook brings with it, for a computer that has none.

An English Linux or Windows installation may have no font for Chinese characters. Casebook's
own words in Chinese, and Chinese names and titles in an English interface, would then show as
empty boxes — and, worse for layout, with widths that change the moment some other part of the
app (a printout) happens to load a font that has them. The font shipped for the PDFs is made
known to Qt at start, before any window is laid out, whenever the system lacks one.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QFontDatabase

from casebook.resources import resource_path

CHINESE_FONT_FILE = "DroidSansFallbackFull.ttf"


@functools.cache
def ensure_chinese_font() -> bool:
    """Make a font for Simplified Chinese available; True when one is (the system's or ours).

    Call on the GUI thread with a QGuiApplication, before the first window is shown.
    """
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return True
    font_file = resource_path("fonts", CHINESE_FONT_FILE)
    return font_file.is_file() and QFontDatabase.addApplicationFont(str(font_file)) >= 0
