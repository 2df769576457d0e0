"""The app's look: Fusion style, calm colours, larger text, roomy controls and a clear focus ring.

Users are tired caregivers, often reading English as a second language: text is a little larger
than the platform default and never smaller than the user's own system font; buttons are at
least `MIN_TARGET_HEIGHT` pixels tall; the control that has the keyboard focus wears a thick ring.
The colours follow the system: a light or a dark set by `QStyleHints.colorScheme()`, and when the
system asks for high contrast, the system's own palette is kept as it is. One place, so
screenshots match the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessibilityHints, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from casebook.resources import resource_path

BASE_POINT_SIZE = 11.5  # the text size when the system's own is the common 9 pt
SYSTEM_SCALE = 1.15  # text is this much larger than the system's, and never smaller
MIN_TARGET_HEIGHT = 32  # pixels: every button is at least this tall
ACCENT = "#2f6f8f"

_SYSTEM_SIZE_PROPERTY = "casebook_system_point_size"
_BASE_SIZE_PROPERTY = "casebook_base_point_size"
_FOLLOWING_PROPERTY = "casebook_follows_system"


@dataclass(frozen=True)
class Colours:
    """The colours of one scheme; `palette_kept` means the system palette is used untouched."""

    window: str
    base: str
    alternate: str
    text: str
    hint: str
    button: str
    button_hover: str
    border: str
    accent: str
    accent_border: str
    accent_disabled: str
    highlight: str
    highlighted_text: str
    focus: str
    focus_on_accent: str
    navigation: str
    navigation_selected: str
    navigation_selected_text: str
    link: str
    disabled_text: str
    palette_kept: bool = False


LIGHT = Colours(
    window="#f7f8f9", base="#ffffff", alternate="#f1f4f6", text="#1d2328", hint="#4a5560",
    button="#eceff1", button_hover="#e1e7eb", border="#a9b6bf", accent=ACCENT,
    accent_border="#275d78", accent_disabled="#9fb9c6", highlight=ACCENT,
    highlighted_text="#ffffff", focus="#d9822b", focus_on_accent="#10222c",
    navigation="#eef2f4", navigation_selected="#d4e4ec", navigation_selected_text="#10222c",
    link="#275d78", disabled_text="#7d8890",
)  # fmt: skip
DARK = Colours(
    window="#1e2326", base="#262c30", alternate="#2b3237", text="#e8ecef", hint="#b3bec6",
    button="#343c42", button_hover="#3e474e", border="#5d6a73", accent="#2f6f8f",
    accent_border="#5d9fbf", accent_disabled="#3b4d57", highlight="#3d82a6",
    highlighted_text="#ffffff", focus="#f0a04b", focus_on_accent="#ffffff",
    navigation="#252b2f", navigation_selected="#33505f", navigation_selected_text="#ffffff",
    link="#8cc8e6", disabled_text="#8a969e",
)  # fmt: skip


def _from_system(palette: QPalette) -> Colours:
    """High contrast: every colour taken from the system's own palette."""

    def role(name: QPalette.ColorRole) -> str:
        return palette.color(name).name()

    roles = QPalette.ColorRole
    text, base, highlight = role(roles.WindowText), role(roles.Base), role(roles.Highlight)
    return Colours(
        window=role(roles.Window), base=base, alternate=role(roles.AlternateBase), text=text,
        hint=text, button=role(roles.Button), button_hover=role(roles.Button), border=text,
        accent=highlight, accent_border=text, accent_disabled=role(roles.Button),
        highlight=highlight, highlighted_text=role(roles.HighlightedText), focus=highlight,
        focus_on_accent=text, navigation=base, navigation_selected=highlight,
        navigation_selected_text=role(roles.HighlightedText), link=role(roles.Link),
        disabled_text=role(roles.PlaceholderText), palette_kept=True,
    )  # fmt: skip


def style_sheet(colours: Colours, point_size: float) -> str:
    """The application style sheet for `colours` with body text of `point_size` points."""
    c = colours
    tick = resource_path("icons", "check.png").as_posix()
    return f"""
QWidget {{ font-size: {point_size:.1f}pt; }}
QLabel[role="heading"] {{ font-size: {point_size * 1.6:.1f}pt; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {point_size * 1.2:.1f}pt; font-weight: bold; }}
QLabel[role="hint"] {{ color: {c.hint}; }}
QPushButton {{
    background: {c.button}; color: {c.text}; border: 2px solid {c.border}; border-radius: 5px;
    padding: 5px 16px; min-height: {MIN_TARGET_HEIGHT - 14}px;
}}
QPushButton:hover {{ background: {c.button_hover}; }}
QPushButton:pressed, QPushButton:checked {{
    background: {c.navigation_selected}; color: {c.navigation_selected_text};
    border-color: {c.accent_border}; border-style: inset;
}}
QPushButton:disabled {{ color: {c.disabled_text}; border-style: dashed; }}
QPushButton:focus {{ border: 3px solid {c.focus}; padding: 4px 15px; }}
QPushButton#primary_button {{
    background: {c.accent}; color: #ffffff; border-color: {c.accent_border}; font-weight: bold;
}}
QPushButton#primary_button:disabled {{
    background: {c.accent_disabled}; border-color: {c.accent_disabled}; color: {c.disabled_text};
}}
QPushButton#primary_button:focus {{ border-color: {c.focus_on_accent}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox {{
    border: 2px solid {c.border}; border-radius: 4px; padding: 4px; min-height: 20px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{
    border: 3px solid {c.focus}; padding: 3px;
}}
QAbstractSpinBox {{ padding: 4px; min-height: 20px; }}
QAbstractItemView {{ border: 2px solid {c.border}; }}
QAbstractItemView:focus {{ border: 3px solid {c.focus}; }}
QCheckBox, QRadioButton {{ padding: 3px; border: 2px solid transparent; border-radius: 4px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {c.focus}; }}
QCheckBox::indicator, QRadioButton::indicator {{
    width: 16px; height: 16px; border: 2px solid {c.border}; background: {c.base};
}}
QCheckBox::indicator {{ border-radius: 3px; }}
QRadioButton::indicator {{ border-radius: 10px; }}
QCheckBox::indicator:checked {{
    background: {c.accent}; border-color: {c.accent_border}; image: url({tick});
}}
QRadioButton::indicator:checked {{
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 {c.accent}, stop: 0.55 {c.accent}, stop: 0.62 {c.base}, stop: 1 {c.base});
    border-color: {c.accent_border};
}}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-style: dashed; }}
QTabBar::tab {{ padding: 8px 16px; min-height: 18px; }}
QTabBar::tab:focus {{ border: 3px solid {c.focus}; }}
QListWidget#navigation_list {{
    background: {c.navigation}; border: 3px solid {c.navigation};
    border-right: 1px solid {c.border}; padding-top: 8px;
}}
QListWidget#navigation_list:focus {{ border: 3px solid {c.focus}; }}
QListWidget#navigation_list::item {{ padding: 10px 16px; color: {c.text}; }}
QListWidget#navigation_list::item:selected {{
    background: {c.navigation_selected}; color: {c.navigation_selected_text}; font-weight: bold;
}}
"""


def _palette(colours: Colours) -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, colours.window),
        (roles.Base, colours.base),
        (roles.AlternateBase, colours.alternate),
        (roles.Text, colours.text),
        (roles.WindowText, colours.text),
        (roles.ButtonText, colours.text),
        (roles.Button, colours.button),
        (roles.Highlight, colours.highlight),
        (roles.HighlightedText, colours.highlighted_text),
        (roles.Link, colours.link),
        (roles.PlaceholderText, colours.hint),
        (roles.ToolTipBase, colours.base),
        (roles.ToolTipText, colours.text),
        (roles.BrightText, colours.highlighted_text),
        (roles.Mid, colours.border),
        (roles.Light, colours.button_hover),
        (roles.Midlight, colours.button_hover),
        (roles.Dark, colours.border),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(disabled, role, QColor(colours.disabled_text))
    return palette


def _accessibility_hints(app: QGuiApplication) -> QAccessibilityHints | None:
    """The system's accessibility hints; None where the binding cannot reach them.

    (PySide6 6.11 on the offscreen platform hands out an already deleted object.)
    """
    try:
        hints = app.styleHints().accessibility()
        hints.contrastPreference()
    except RuntimeError:
        return None
    return hints


def wants_high_contrast(app: QGuiApplication) -> bool:
    hints = _accessibility_hints(app)
    preference = hints.contrastPreference() if hints is not None else None
    return preference == Qt.ContrastPreference.HighContrast


def colours_for(app: QGuiApplication, scheme: Qt.ColorScheme | None = None) -> Colours:
    """The colours the system asks for: its own palette in high contrast, else light or dark."""
    if wants_high_contrast(app):
        return _from_system(app.palette())
    chosen = scheme if scheme is not None else app.styleHints().colorScheme()
    return DARK if chosen == Qt.ColorScheme.Dark else LIGHT


def base_point_size() -> float:
    """The body text size in points, once `apply_look` ran (scaled from the system's font)."""
    app = QApplication.instance()
    size = app.property(_BASE_SIZE_PROPERTY) if app is not None else None
    return float(size) if isinstance(size, (int, float)) else BASE_POINT_SIZE


def _system_point_size(app: QApplication) -> float:
    """The system's own font size, remembered before Casebook first changed the font."""
    remembered = app.property(_SYSTEM_SIZE_PROPERTY)
    if isinstance(remembered, (int, float)) and remembered > 0:
        return float(remembered)
    size = app.font().pointSizeF()
    if size <= 0:  # a font sized in pixels: assume the 96 dpi equivalent
        size = app.font().pixelSize() * 0.75
    app.setProperty(_SYSTEM_SIZE_PROPERTY, size)
    return size


def apply_look(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Give `app` Casebook's style, palette and font size; follow the system when it changes.

    `scheme` forces light or dark (screenshots); None follows the system.
    """
    app.setStyle("Fusion")
    colours = colours_for(app, scheme)
    if not colours.palette_kept:
        app.setPalette(_palette(colours))
    point_size = max(BASE_POINT_SIZE, _system_point_size(app) * SYSTEM_SCALE)
    app.setProperty(_BASE_SIZE_PROPERTY, point_size)
    font = QFont(app.font())
    font.setPointSizeF(point_size)
    app.setFont(font)
    app.setStyleSheet(style_sheet(colours, point_size))
    if scheme is None and not app.property(_FOLLOWING_PROPERTY):
        app.setProperty(_FOLLOWING_PROPERTY, True)
        _follow_system(app)


def _follow_system(app: QApplication) -> None:
    """Apply the look again when the system switches between light, dark and high contrast."""
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: apply_look(app))
    accessibility = _accessibility_hints(app)
    if accessibility is not None:
        accessibility.contrastPreferenceChanged.connect(lambda _pref: apply_look(app))
