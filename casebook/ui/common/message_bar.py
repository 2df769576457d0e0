"""An inline message shown next to the action it is about (errors, notes), hidden when empty.

A message must never move the page under the pointer: a row that slides down as a bar appears
(or up as it vanishes) takes the click meant for its neighbour. So the bar always holds its line
in the layout, shown or not, and a message longer than that line spreads over what lies below
it (above, when there is no room below) instead of pushing it away.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QMoveEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.look import look_as

if TYPE_CHECKING:  # the first window shows a message bar before any task has run
    from casebook.ui.common.tasks import TaskFailure


class MessageKind(enum.Enum):
    INFO = "info"
    ERROR = "error"


_SYMBOLS = {MessageKind.INFO: "ℹ", MessageKind.ERROR: "⚠"}
# (left, top, right, bottom): a follow-up button takes the room of the text's margins.
_TEXT_MARGINS = (12, 8, 12, 8)
_BUTTON_MARGINS = (12, 3, 8, 3)


class MessageBar(QFrame):
    """A word-wrapped message with a symbol, so its meaning never rests on colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._symbol = QLabel()
        self._symbol.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self._text = QLabel()
        self._text.setObjectName("message_text")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._box = QHBoxLayout(self)
        self._box.setContentsMargins(*_TEXT_MARGINS)
        self._box.setSpacing(10)
        self._box.addWidget(self._symbol)
        self._box.addWidget(self._text, 1)
        # One optional follow-up ("Open folder"), next to the message it belongs to.
        self.action_button = QPushButton()
        self.action_button.setObjectName("message_action_button")
        self.action_button.hide()
        self.action_button.clicked.connect(self._act)
        self._action: Callable[[], None] | None = None
        self._box.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Shown only while a long message covers what lies below it, to uncover it at once.
        self.close_button = QToolButton()
        self.close_button.setObjectName("message_close_button")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Close the message"))
        self.close_button.setToolTip(self.tr("Close the message"))
        self.close_button.clicked.connect(self.clear)
        self.close_button.hide()
        self._box.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._set_kind(MessageKind.INFO)
        self._show_when_parented = False
        # The line the layout gives the bar, and the geometry the bar last gave itself.
        self._slot: QRect | None = None
        self._placed: QRect | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    # The reserved line ---------------------------------------------------------------------

    def _line_height(self) -> int:
        """One line of text, or one follow-up button: what the bar holds in the layout, shown
        or hidden (the same for both, so neither moves the page)."""
        line = max(self._text.fontMetrics().lineSpacing(), self._symbol.sizeHint().height())
        text = line + _TEXT_MARGINS[1] + _TEXT_MARGINS[3]
        button = self.action_button.sizeHint().height() + _BUTTON_MARGINS[1] + _BUTTON_MARGINS[3]
        return max(text, button) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._line_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._line_height())

    def hasHeightForWidth(self) -> bool:
        return False  # the layout must not grow the line for a long message

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # a message set while its page was hidden: sized when it shows

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._placed_by_layout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._placed_by_layout()

    def _placed_by_layout(self) -> None:
        if self.geometry() != self._placed:
            self._slot = self.geometry()
            self._fit()

    def _height_for(self, width: int, *, with_close: bool) -> int:
        """The bar's height for the whole message at `width`, measured without showing or
        hiding anything (that would ask the page for a new layout every time)."""
        margins = self._box.contentsMargins()
        frame = 2 * self.frameWidth()
        spacing = self._box.spacing()
        text = width - frame - margins.left() - margins.right()
        text -= self._symbol.sizeHint().width() + spacing
        if not self.action_button.isHidden():
            text -= self.action_button.sizeHint().width() + spacing
        if with_close:
            text -= self.close_button.sizeHint().width() + spacing
        lines = self._text.heightForWidth(max(1, text))
        tallest = max(lines, self._symbol.sizeHint().height())
        if not self.action_button.isHidden():
            tallest = max(tallest, self.action_button.sizeHint().height())
        return tallest + margins.top() + margins.bottom() + frame

    def _fit(self) -> None:
        """Grow over the neighbours when the message needs more than the line, never moving
        them; shrink back to the line for a short one."""
        parent = self.parentWidget()
        if parent is None or not self.isVisible():
            return
        slot = self._slot if self._slot is not None else self.geometry()
        needed = self._height_for(slot.width(), with_close=False)
        overflows = needed > slot.height()
        if overflows:
            needed = self._height_for(slot.width(), with_close=True)
        if self.close_button.isHidden() == overflows:  # only a change: no relayout loop
            self.close_button.setVisible(overflows)
        needed = max(slot.height(), needed)
        top = slot.top()
        if top + needed > parent.height():
            top = max(0, slot.bottom() + 1 - needed)  # no room below: spread upwards
        self._placed = QRect(slot.left(), top, slot.width(), needed)
        if self.geometry() != self._placed:
            self.setGeometry(self._placed)
        if needed > slot.height():
            self.raise_()

    def _set_kind(self, kind: MessageKind) -> None:
        """Every kind has the same 1 px border, so the reserved line never changes height."""
        self.kind = kind
        look_as(self, kind=kind.value)  # its colours: look.py, for the light and dark schemes

    def show_message(
        self,
        text: str,
        kind: MessageKind = MessageKind.INFO,
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """Show `text`; `action` (label, what it does) adds a button after it."""
        self._set_kind(kind)
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self._box.setContentsMargins(*(_BUTTON_MARGINS if action else _TEXT_MARGINS))
        self._symbol.setText(_SYMBOLS[kind])
        self._text.setText(text)
        if self.parentWidget() is None:
            # Shown without a parent it would open as a window of its own (and take focus
            # from the main window); show it once it has been put into a layout.
            self._show_when_parented = True
            return
        self.show()
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        parented = event.type() == QEvent.Type.ParentChange and self.parentWidget() is not None
        if parented and self._show_when_parented:
            self._show_when_parented = False
            self.show()
            self._fit()

    def _act(self) -> None:
        if self._action is not None:
            self._action()

    def text(self) -> str:
        return "" if self.isHidden() and not self._show_when_parented else self._text.text()

    def show_error(self, text: str) -> None:
        self.show_message(text, MessageKind.ERROR)

    def show_failure(self, failure: TaskFailure) -> None:
        """The plain reason a background job failed; a bug also goes to the crash dialog."""
        self.show_error(failure_message(failure.error))
        if failure.is_bug:
            failure.show_as_crash()

    def clear(self) -> None:
        self._text.clear()
        self._action = None
        self.action_button.hide()
        self._show_when_parented = False
        self.hide()
