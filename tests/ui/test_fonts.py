"""Chinese text has a font from the first window on, even on a computer without one."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

CHINESE = "把患者的病历资料集中放在这台电脑上"


def test_chinese_is_drawn_with_a_font_that_has_its_characters(qapp: QApplication) -> None:
    # The autouse look fixture ran apply_look; the CI machines have no Chinese font of their own.
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    layout = QTextLayout(CHINESE, QFont(qapp.font()))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs
    for run in runs:
        font = run.rawFont()
        assert all(font.supportsCharacter(ord(c)) for c in CHINESE), font.familyName()
        assert 0 not in run.glyphIndexes()  # glyph 0 is the empty box of a missing character
