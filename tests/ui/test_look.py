"""The look reaches every widget in both schemes: bars, banners and the consultation summary were
left light (or unreadable) in the dark scheme while their colours lived in their own modules."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation, ConsultationSummary
from casebook.ui.common.look import (
    DARK,
    LIGHT,
    STRENGTH_COLOURS,
    Colours,
    _from_system,
    apply_look,
    current_colours,
    style_sheet,
)
from casebook.ui.common.message_bar import MessageBar, MessageKind
from casebook.ui.consultations.summary_view import SummaryView

# Pairs of (words, background) that must stay readable: WCAG's 4.5:1 for body text.
_READABLE = [
    ("text", "window"),
    ("text", "base"),
    ("hint", "base"),
    ("hint", "window"),
    ("info_text", "info_background"),
    ("error_text", "error_background"),
    ("warning_text", "warning_background"),
    ("done_text", "done_background"),
    ("recording_text", "recording_background"),
    ("differ_text", "differ_tint"),
    ("page_backdrop_text", "page_backdrop"),
    ("link", "base"),
]


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((_luminance(QColor(one)), _luminance(QColor(other))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_words_stay_readable_on_their_backgrounds(colours: Colours) -> None:
    ratios = {
        f"{words} on {background}": contrast(getattr(colours, words), getattr(colours, background))
        for words, background in _READABLE
    }
    assert {pair: round(ratio, 1) for pair, ratio in ratios.items() if ratio < 4.5} == {}


@pytest.fixture
def dark_then_light(qapp: QApplication) -> Iterator[QApplication]:
    try:
        yield qapp
    finally:
        apply_look(qapp)  # the next test sees the usual light look


def _middle_right(widget: QWidget) -> QColor:
    """The colour just inside the right edge, halfway down: the widget's own background."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 8, image.height() // 2)


def test_a_shown_message_bar_follows_a_switch_of_scheme(
    qtbot: QtBot, dark_then_light: QApplication
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    bar = MessageBar()
    QVBoxLayout(page).addWidget(bar)
    page.resize(600, 120)
    page.show()
    bar.show_message("The file could not be read.", MessageKind.ERROR)
    qtbot.waitUntil(bar.isVisible)
    text = bar.findChild(QWidget, "message_text")
    assert text is not None

    light_background = _middle_right(bar)
    assert light_background.lightnessF() > 0.85
    assert light_background.name() == LIGHT.error_background

    apply_look(dark_then_light, Qt.ColorScheme.Dark)
    dark_background = _middle_right(bar)
    assert dark_background.name() == DARK.error_background
    assert dark_background.lightnessF() < 0.35
    words = text.palette().color(text.foregroundRole())
    assert words.name() == DARK.error_text
    assert contrast(words.name(), dark_background.name()) >= 4.5

    bar.show_message("Saved.", MessageKind.INFO)  # another kind, in the scheme now in force
    assert _middle_right(bar).name() == DARK.info_background


def test_the_consultation_summary_writes_quiet_words_in_the_schemes_hint_colour(
    qtbot: QtBot, dark_then_light: QApplication
) -> None:
    view = SummaryView()
    qtbot.addWidget(view)
    view.show_summary(ConsultationSummary(Consultation(1, "Oncology review", "2026-10-20")))
    assert LIGHT.hint in view.toHtml().lower()

    apply_look(dark_then_light, Qt.ColorScheme.Dark)
    assert current_colours() is DARK
    html = view.toHtml().lower()
    assert DARK.hint in html  # written again for the dark scheme
    assert LIGHT.hint not in html


def test_high_contrast_styles_everything_with_the_systems_own_colours() -> None:
    """Under high contrast the system's palette is kept, and every bar, banner, card and button
    the style sheet colours takes its colours from that palette (only the password strength
    keeps its red-to-green scale)."""
    system = QPalette()
    roles = QPalette.ColorRole
    chosen = {
        roles.Window: "#000000", roles.WindowText: "#ffffff", roles.Base: "#000000",
        roles.AlternateBase: "#000000", roles.Text: "#ffffff", roles.Button: "#000000",
        roles.ButtonText: "#ffffff", roles.Highlight: "#ffff00", roles.HighlightedText: "#000000",
        roles.Link: "#00ffff", roles.PlaceholderText: "#c0c0c0",
    }  # fmt: skip
    for role, colour in chosen.items():
        system.setColor(role, QColor(colour))
    colours = _from_system(system)
    assert colours.palette_kept
    sheet = style_sheet(colours, 12.0).lower()
    used = set(re.findall(r"#[0-9a-f]{6}", sheet))
    assert used - set(STRENGTH_COLOURS) <= set(chosen.values())
    assert contrast(colours.error_text, colours.error_background) >= 7  # AAA, as the system's
