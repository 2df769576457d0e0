"""The app's look: Fusion style, calm colours, larger text, roomy controls and a clear focus ring.

Users are tired caregivers, often reading English as a second language: text is a little larger
than the platform default and never smaller than the user's own system font; buttons are at
least `MIN_TARGET_HEIGHT` pixels tall; the control that has the keyboard focus wears a thick ring.
The colours follow the system: a light or a dark set by `QStyleHints.colorScheme()`, and when the
system asks for high contrast, the system's own palette is kept as it is. One place, so
screenshots match the app, and so a theme switch reaches every widget: pages name what they are
(an object name, a `role`/`kind`/`rows` property) and the application style sheet below says how
it looks; painted views ask `current_colours()` at paint time. No other module holds a colour
literal or calls `setStyleSheet` (tests/test_house_rules.py checks it).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessibilityHints, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from casebook.resources import resource_path
from casebook.ui.common.fonts import ensure_chinese_font

BASE_POINT_SIZE = 11.5  # the text size when the system's own is the common 9 pt
GUIDANCE_TEXT_SCALE = 1.2  # guidance is read slowly, by tired eyes: larger than the rest of the app
GUIDANCE_TOPIC_PADDING = 9  # pixels round a guidance topic's title
NOTES_POINT_SIZE = 15  # notes are taken in a hurry, on a lap, during the appointment
TABLE_CELL_PADDING = 8  # pixels round the words of a comparison cell
SYSTEM_SCALE = 1.15  # text is this much larger than the system's, and never smaller
MIN_TARGET_HEIGHT = 32  # pixels: every button is at least this tall
ACCENT = "#2f6f8f"
STYLE = "Fusion"

_SYSTEM_SIZE_PROPERTY = "casebook_system_point_size"
_BASE_SIZE_PROPERTY = "casebook_base_point_size"
_FOLLOWING_PROPERTY = "casebook_follows_system"
_STARTED_IN_STYLE_PROPERTY = "casebook_started_in_style"


class Colours(NamedTuple):
    """The colours of one scheme; `palette_kept` means the system palette is used untouched.

    A named tuple rather than a frozen dataclass: as immutable, and made in a tenth of the time
    (a dataclass of this many fields takes milliseconds to build, on the way to the first window).
    """

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
    # Named colours, where no palette role fits. Each bar keeps its meaning in both schemes: a
    # pale tint with dark words on light, a deep tint with light words on dark.
    info_background: str
    info_border: str
    info_text: str
    error_background: str
    error_border: str
    error_text: str
    warning_background: str
    warning_border: str
    warning_text: str
    done_background: str
    done_border: str
    done_text: str
    recording_background: str
    recording_border: str
    recording_text: str
    grid: str  # table lines, chart rules
    rule_strong: str  # the chart's year lines
    code_border: str  # the dashed frame round a code to copy by hand
    differ_tint: str  # a comparison row where the opinions differ
    differ_text: str
    today_line: str
    placeholder: str  # a document's picture not made yet
    placeholder_mark: str
    page_backdrop: str  # round a document's page in the viewer
    page_backdrop_text: str
    palette_kept: bool = False


LIGHT = Colours(
    window="#f7f8f9", base="#ffffff", alternate="#f1f4f6", text="#1d2328", hint="#4a5560",
    button="#eceff1", button_hover="#e1e7eb", border="#a9b6bf", accent=ACCENT,
    accent_border="#275d78", accent_disabled="#9fb9c6", highlight=ACCENT,
    highlighted_text="#ffffff", focus="#d9822b", focus_on_accent="#10222c",
    navigation="#eef2f4", navigation_selected="#d4e4ec", navigation_selected_text="#10222c",
    link="#275d78", disabled_text="#7d8890",
    info_background="#e8f1f6", info_border="#b7d0de", info_text="#17323f",
    error_background="#fbeaea", error_border="#e2b4b4", error_text="#6b1717",
    warning_background="#fdf3e1", warning_border="#c98a1b", warning_text="#3d2a05",
    done_background="#eef3ee", done_border="#bccfbc", done_text="#1f3320",
    recording_background="#fde8e8", recording_border="#c62828", recording_text="#c62828",
    grid="#d5dde2", rule_strong="#9aa7b0", code_border="#8aa5b3", differ_tint="#fff4e0",
    differ_text="#1d2328", today_line="#b23b3b", placeholder="#e9edf0",
    placeholder_mark="#9aa7b0", page_backdrop="#5f6b73", page_backdrop_text="#ffffff",
)  # fmt: skip
DARK = Colours(
    window="#1e2326", base="#262c30", alternate="#2b3237", text="#e8ecef", hint="#b3bec6",
    button="#343c42", button_hover="#3e474e", border="#5d6a73", accent="#2f6f8f",
    accent_border="#5d9fbf", accent_disabled="#3b4d57", highlight="#3d82a6",
    highlighted_text="#ffffff", focus="#f0a04b", focus_on_accent="#ffffff",
    navigation="#252b2f", navigation_selected="#33505f", navigation_selected_text="#ffffff",
    link="#8cc8e6", disabled_text="#8a969e",
    info_background="#1d3441", info_border="#3f6a80", info_text="#dcecf5",
    error_background="#3f2326", error_border="#8a4545", error_text="#f8dada",
    warning_background="#3b301a", warning_border="#b8862a", warning_text="#f6e6c4",
    done_background="#223226", done_border="#4f7355", done_text="#d9eedb",
    recording_background="#3f2326", recording_border="#ef5350", recording_text="#ff8a80",
    grid="#3e474e", rule_strong="#6b7880", code_border="#6f8c9b", differ_tint="#4a3b1f",
    differ_text="#f8ecd4", today_line="#ef7070", placeholder="#343c42",
    placeholder_mark="#7d8890", page_backdrop="#14181b", page_backdrop_text="#e8ecef",
)  # fmt: skip

# Colours that do not follow the scheme: medical images are looked at on black (as on every
# viewer and light box), the lanes of the timeline and diary keep their meaning on paper too, a
# redaction is drawn alike on every screen, and the strength of a password goes from red to green.
IMAGE_BACKGROUND = "#000000"
IMAGE_TEXT = "#e6ecef"
IMAGE_TEXT_BRIGHT = "#f3f6f8"
IMAGE_PLACEHOLDER = "#27313a"
IMAGE_PLACEHOLDER_TEXT = "#dfe6ea"
ON_COLOUR_TEXT = "#ffffff"  # words and outlines drawn on a lane's colour (charts)
LANE_DIAGNOSIS = "#7b4a8c"
LANE_TREATMENT = ACCENT
LANE_IMAGING = "#3b7a4c"
LANE_CONSULTATION = "#9a6418"
DIARY_MARK = "#9a4b1a"
RECORDING_MARK = "#e65100"
STRENGTH_COLOURS = (
    "#b3261e",
    "#c4581b",
    "#b08900",
    "#3d7f3d",
    "#2e6b2e",
)  # very weak … very strong
REDACTION_BACKGROUND = "#5b6169"
REDACTION_DRAWING = "#e07b00"
REDACTION_BOX = "#c62828"
REDACTION_FILL = "#000000"  # what a redaction leaves on the page
IMAGE_TEXT_SHADOW = (0, 0, 0, 200)  # under the words in an image's corners (RGBA)
# The text layer over a document's page: found words, the chosen word, and its outline (RGBA).
TEXT_FOUND = (255, 214, 0, 60)
TEXT_CHOSEN = (0, 120, 215, 110)
TEXT_CHOSEN_EDGE = (0, 90, 170, 160)


def qcolor(name: str) -> QColor:
    """`name` ("#rrggbb") as a QColor: painted views take their colours through here."""
    return QColor(name)


def rgba(values: tuple[int, int, int, int]) -> QColor:
    return QColor(*values)


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
        disabled_text=role(roles.PlaceholderText),
        info_background=base, info_border=text, info_text=text,
        error_background=base, error_border=text, error_text=text,
        warning_background=base, warning_border=text, warning_text=text,
        done_background=base, done_border=text, done_text=text,
        recording_background=base, recording_border=highlight, recording_text=text,
        grid=text, rule_strong=text, code_border=text, differ_tint=highlight,
        differ_text=role(roles.HighlightedText), today_line=highlight, placeholder=base,
        placeholder_mark=text, page_backdrop=base, page_backdrop_text=text,
        palette_kept=True,
    )  # fmt: skip


def style_sheet(colours: Colours, point_size: float) -> str:
    """The application style sheet for `colours` with body text of `point_size` points."""
    c = colours
    tick = resource_path("icons", "check.png").as_posix()
    strength = "".join(
        f'QProgressBar#password_strength_bar[score="{score}"]::chunk'
        f" {{ background: {colour}; border-radius: 3px; }}\n"
        for score, colour in enumerate(STRENGTH_COLOURS)
    )
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
    background: {c.accent}; color: {c.highlighted_text}; border-color: {c.accent_border};
    font-weight: bold;
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
QPushButton[role="accent"] {{
    background: {c.accent}; color: {c.highlighted_text}; border-color: {c.accent_border};
    font-weight: bold;
}}
QPushButton[role="accent"]:focus {{ border-color: {c.focus_on_accent}; }}
QPushButton[role="link"] {{
    border: none; background: transparent; color: {c.link}; text-decoration: underline;
    padding: 4px 2px; text-align: left;
}}
QPushButton[role="link"]:hover {{ color: {c.highlight}; background: transparent; }}
QPushButton[role="link"]:pressed {{ background: transparent; border: none; }}
QPushButton[role="link"]:focus {{
    border: 2px solid {c.focus}; border-radius: 3px; padding: 2px 0px;
}}
QPushButton[role="quiet_link"] {{ color: {c.link}; text-decoration: underline; }}
QLabel[role="strong"], QRadioButton[role="strong"] {{ font-weight: bold; }}
QCheckBox[role="choice"], QRadioButton[role="choice"] {{ padding: 3px 0px; }}
QTreeView[rows="spaced"]::item {{ padding: 5px 4px; }}
QTreeView[rows="compact"]::item {{ padding: 3px 4px; }}
QListView[rows="spaced"]::item {{ padding: 8px 6px; }}
QTableView[rows="spaced"]::item {{ padding: 4px 10px; }}
QTableView[rows="spaced"] QHeaderView::section {{ padding: 6px 10px; font-weight: bold; }}
QFrame[role="card"] {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 6px; }}
MessageBar[kind="info"] {{
    background: {c.info_background}; border: 1px solid {c.info_border}; border-radius: 4px;
}}
MessageBar[kind="info"] QLabel {{ color: {c.info_text}; }}
MessageBar[kind="error"] {{
    background: {c.error_background}; border: 1px solid {c.error_border}; border-radius: 4px;
}}
MessageBar[kind="error"] QLabel {{ color: {c.error_text}; }}
QFrame[role="undo_bar"] {{
    background: {c.done_background}; border: 1px solid {c.done_border}; border-radius: 4px;
}}
QFrame[role="undo_bar"] QLabel {{ color: {c.done_text}; }}
QFrame#identity_warning {{
    background: {c.warning_background}; border: 2px solid {c.warning_border}; border-radius: 6px;
}}
QFrame#identity_warning QLabel {{ color: {c.warning_text}; }}
QFrame#versions_banner {{
    background: {c.warning_background}; border: none;
    border-bottom: 1px solid {c.warning_border};
}}
QFrame#versions_banner QLabel {{ color: {c.warning_text}; }}
QFrame#recording_bar {{ border: 1px solid {c.border}; border-radius: 6px; }}
QFrame#recording_bar[recording="true"] {{
    background: {c.recording_background}; border: 2px solid {c.recording_border};
}}
QFrame#recording_bar[recording="true"] QLabel#recording_timer {{
    color: {c.recording_text}; font-weight: bold;
}}
QLabel[role="code"] {{
    font-size: 26pt; background: {c.base}; border: 2px dashed {c.code_border};
    border-radius: 6px; padding: 18px;
}}
QLabel#recovery_code_label {{ font-size: 20pt; }}
QLabel#invitation_code_label {{ padding: 14px; letter-spacing: 2px; }}
QLineEdit#confirm_code_edit {{ font-size: 16pt; }}
QLabel#version_text {{ font-size: {point_size * 1.05:.1f}pt; }}
QLabel#gap_label {{ padding: 4px 2px; }}
QScrollArea#page_canvas {{ background: {c.page_backdrop}; border: none; }}
QLabel#page_label {{ background: transparent; color: {c.page_backdrop_text}; }}
QWidget#note_taking_view, QWidget#note_taking_view QWidget {{ font-size: {NOTES_POINT_SIZE}pt; }}
QWidget#note_taking_view QListView::item {{ padding: 8px 6px; }}
QLabel#notes_title {{ font-size: {NOTES_POINT_SIZE * 1.35:.0f}pt; font-weight: bold; }}
QListWidget#guidance_topics::item {{ padding: {GUIDANCE_TOPIC_PADDING}px; }}
QTextBrowser#guidance_text {{
    font-size: {point_size * GUIDANCE_TEXT_SCALE:.1f}pt; background: {c.base};
    padding: 18px 26px;
}}
QTableWidget#comparison_table {{ gridline-color: {c.grid}; }}
QTableWidget#comparison_table::item {{ padding: {TABLE_CELL_PADDING}px; }}
QTableWidget#comparison_table QHeaderView::section {{
    padding: 8px; background: {c.alternate}; border: none;
    border-right: 1px solid {c.grid}; border-bottom: 1px solid {c.grid};
}}
{strength}"""


_CURRENT: list[Colours] = [LIGHT]


def current_colours() -> Colours:
    """The colours `apply_look` last chose: what painted views and HTML take at paint time."""
    return _CURRENT[0]


def look_as(widget: QWidget, **properties: str | int | bool) -> None:
    """Say what `widget` is (`role="card"`, `kind="error"`, `rows="spaced"` …) for the style sheet.

    The style sheet reads properties when a widget is polished, so a change after that polishes
    the widget again. (A widget not yet polished, as while a screen is being built, needs
    nothing more: and asking it for its style would have PySide build the Python enums of
    QStyle, some 600 members, for the first window.)
    """
    for name, value in properties.items():
        widget.setProperty(name, value)
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


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


def new_application(argv: list[str]) -> QApplication:
    """The app's QApplication, made in Casebook's style (`apply_look` does the rest).

    The style is named on Qt's command line (`-style`), so Qt makes it itself. Set afterwards
    with `setStyle`, it would be handed back to Python, and PySide would build the Python enums
    of QStyle for it: some 600 members, a noticeable part of the time to the first window.
    """
    app = QApplication([*argv, "-style", STYLE])
    app.setProperty(_STARTED_IN_STYLE_PROPERTY, True)
    return app


def apply_look(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Give `app` Casebook's style, palette and font size; follow the system when it changes.

    `scheme` forces light or dark (screenshots); None follows the system.
    """
    if app.property(_STARTED_IN_STYLE_PROPERTY):
        app.setProperty(_STARTED_IN_STYLE_PROPERTY, False)  # made in the style: set it next time
    else:
        app.setStyle(STYLE)
    ensure_chinese_font()  # before any window is laid out: text widths must not change later
    colours = colours_for(app, scheme)
    _CURRENT[0] = colours
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
