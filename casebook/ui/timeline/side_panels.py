"""The timeline's side panels: gaps worth checking, and events suggested from the records.

A suggestion is only ever proposed: the caregiver adds it (after checking it in the event
dialog) or dismisses it, and a dismissed one does not come back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casebook.core.timeline import TimelineEvent
from casebook.core.timeline_gaps import Gap
from casebook.core.timeline_suggestions import TimelineSuggestion
from casebook.ui.common.labels import format_partial_date
from casebook.ui.common.look import look_as
from casebook.ui.timeline.labels import gap_text, kind_label


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def _card() -> QFrame:
    card = QFrame()
    card.setObjectName("timeline_card")
    look_as(card, role="card")
    return card


class GapsPanel(QWidget):
    """What the MDT will probably ask about, one short sentence each, with a symbol."""

    event_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gaps_panel")
        heading = QLabel(self.tr("Worth checking"))
        heading.setProperty("role", "subheading")
        hint = QLabel(self.tr("Questions an MDT is likely to ask about this timeline."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(self._rows)
        self.texts: list[str] = []

    def show_gaps(self, gaps: Sequence[Gap], events: dict[int, TimelineEvent]) -> None:
        _clear(self._rows)
        self.texts = [gap_text(gap, events) for gap in gaps]
        if not gaps:
            none = QLabel(self.tr("✓  Nothing obvious is missing from the timeline."))
            none.setWordWrap(True)
            self._rows.addWidget(none)
            return
        for gap, text in zip(gaps, self.texts, strict=True):
            label = QLabel(f"⚠  {text}")
            label.setObjectName("gap_label")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if gap.event_id is not None:
                label.setToolTip(self.tr("Double-click the event on the timeline to edit it."))
            self._rows.addWidget(label)


class SuggestionsPanel(QWidget):
    """Events proposed from dated documents and imaging: "Add…" or "Dismiss"."""

    accept_requested = Signal(object)  # TimelineSuggestion
    dismiss_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestions_panel")
        heading = QLabel(self.tr("Suggested from your records"))
        heading.setProperty("role", "subheading")
        hint = QLabel(
            self.tr(
                "Dates found in documents and imaging. Add the ones that belong on the timeline."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(self._rows)
        self.suggestions: list[TimelineSuggestion] = []

    def show_suggestions(self, suggestions: Sequence[TimelineSuggestion]) -> None:
        _clear(self._rows)
        self.suggestions = list(suggestions)
        if not suggestions:
            none = QLabel(self.tr("No suggestions right now."))
            none.setProperty("role", "hint")
            self._rows.addWidget(none)
            return
        for suggestion in suggestions:
            self._rows.addWidget(self._row(suggestion))

    def _row(self, suggestion: TimelineSuggestion) -> QFrame:
        event = suggestion.event
        card = _card()
        when = format_partial_date(event.start)
        title = QLabel(f"<b>{when}</b> · {kind_label(event.kind)}")
        detail = QLabel(event.title)
        detail.setWordWrap(True)
        add = QPushButton(self.tr("Add…"))
        add.setObjectName("accept_suggestion_button")
        add.setToolTip(self.tr("Check the details and add this event to the timeline"))
        add.clicked.connect(lambda: self.accept_requested.emit(suggestion))
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.setObjectName("dismiss_suggestion_button")
        dismiss.setToolTip(self.tr("Do not suggest this again"))
        dismiss.clicked.connect(lambda: self.dismiss_requested.emit(suggestion))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(dismiss)
        buttons.addWidget(add)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(detail)
        layout.addLayout(buttons)
        return card
