"""The app's look: Fusion style, a calm light palette, larger text and generous spacing.

Users are tired caregivers, often reading English as a second language: text is a little larger
than the platform default and controls are roomy. One place, so screenshots match the app.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11.5
ACCENT = "#2f6f8f"

_STYLE_SHEET = f"""
QWidget {{ font-size: {BASE_POINT_SIZE}pt; }}
QPushButton {{ padding: 7px 16px; min-height: 22px; }}
QPushButton#primary_button {{
    background: {ACCENT}; color: white; border: 1px solid #275d78; border-radius: 4px;
    font-weight: bold;
}}
QPushButton#primary_button:disabled {{ background: #9fb9c6; border-color: #9fb9c6; }}
QLineEdit, QPlainTextEdit, QSpinBox {{ padding: 5px; }}
QLabel[role="heading"] {{ font-size: {BASE_POINT_SIZE * 1.6:.1f}pt; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {BASE_POINT_SIZE * 1.2:.1f}pt; font-weight: bold; }}
QLabel[role="hint"] {{ color: #4a5560; }}
QListWidget#navigation_list {{
    background: #eef2f4; border: none; border-right: 1px solid #d5dde2; padding-top: 8px;
}}
QListWidget#navigation_list::item {{ padding: 10px 16px; }}
QListWidget#navigation_list::item:selected {{ background: #d4e4ec; color: #10222c; }}
"""


def apply_look(app: QApplication) -> None:
    """Give `app` Casebook's style, palette and font size."""
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f7f8f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f1f4f6"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2328"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2328"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2328"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#eceff1"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(_STYLE_SHEET)
