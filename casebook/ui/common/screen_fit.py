"""Windows that fit a laptop screen: 1366 × 768, 1280 × 720, or 1920 × 1080 at 200 % (960 × 540).

A window is never made larger than the free part of its screen (less its taskbar and its own
frame), and a long form scrolls inside a fixed frame while its buttons (Save, Cancel, Next)
stay where they are, below the scrolling part. tests/ui/test_screen_sizes.py opens every page
and dialog at those sizes and fails when something falls outside.

The screen is found from a position (`QGuiApplication.screenAt`), never with `widget.screen()`:
PySide ties that QScreen wrapper to the widget and a later garbage collection deletes the
QScreen itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# Room a window's frame (title bar, borders) takes beyond its contents, at most.
WINDOW_FRAME = (16, 40)


def free_area(widget: QWidget | None = None) -> QRect:
    """The free part (less taskbars and docks) of the screen `widget` is on, else the main one."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        if not widget.isVisible() and parent is not None:
            widget = parent.window()  # a dialog about to open appears over its window
        centre = widget.mapToGlobal(QPoint(widget.width() // 2, widget.height() // 2))
        screen = QGuiApplication.screenAt(centre)
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size `window` to width × height, or to the screen's free area where that is smaller
    (a 1366 × 768 laptop less its taskbar): never taller or wider than the screen."""
    free = free_area(window)
    width = min(width, free.width() - WINDOW_FRAME[0])
    height = min(height, free.height() - WINDOW_FRAME[1])
    window.resize(max(width, window.minimumSizeHint().width()), height)


ACTION_ROW = "action_row"  # property of a row of buttons that must never scroll out of view


def mark_action_row(row: QWidget) -> None:
    """Say that `row` holds a form's buttons (Back, Next, Save): the screen-size test checks
    that they are in view without scrolling."""
    row.setProperty(ACTION_ROW, True)


def scrolling(content: QWidget, object_name: str = "") -> QScrollArea:
    """`content` in a frameless scroll area: a long page scrolls, its window keeps its size.

    Put a form's buttons outside it (below, in the window's own layout), so they stay in view
    however far the form is scrolled.
    """
    area = QScrollArea()
    _set_up(area, content, object_name)
    return area


class _DownOnly(QScrollArea):
    """Scrolls up and down only: asks for the width its form needs, never less."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.minimumSizeHint().width() + bar, hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        if content is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        wanted = content.sizeHint()
        return QSize(max(hint.width(), wanted.width() + bar), wanted.height())


def fit_form_to_screen(window: QWidget) -> None:
    """Open a dialog tall enough for all of it where the screen allows: Qt stops at two thirds
    of the screen's height, and forgets that wrapped text needs more lines in a narrow window
    (a form that still does not fit scrolls, see `scrolling_layout`)."""
    wanted = window.sizeHint()
    free = free_area(window)
    width = min(wanted.width(), free.width() - WINDOW_FRAME[0])
    width = max(width, window.minimumSizeHint().width())
    height = wanted.height()
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    window.resize(width, min(height, free.height() - WINDOW_FRAME[1]))


def form_above_buttons(
    window: QWidget,
    parts: Sequence[QWidget | QLayout],
    message: QWidget,
    buttons: QLayout,
    *,
    margins: tuple[int, int, int, int],
    spacing: int,
) -> None:
    """Lay out a dialog: `parts` (heading, text, form) scroll when the screen is too short
    for them; the `message` and the `buttons` stay in view below."""
    body = QVBoxLayout()
    body.setSpacing(spacing)
    for part in parts:
        if isinstance(part, QLayout):
            body.addLayout(part)
        else:
            body.addWidget(part)
    body.addStretch(1)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    layout.addWidget(scrolling_layout(body), 1)
    layout.addWidget(message)
    layout.addLayout(buttons)


def scrolling_layout(inner: QLayout, object_name: str = "") -> QScrollArea:
    """`inner` (a dialog's form) in a frameless area that scrolls up and down when the screen
    is too short for it, and is always as wide as the form needs (no sideways scrolling)."""
    content = QWidget()
    content.setLayout(inner)
    inner.setContentsMargins(0, 0, 0, 0)
    area = _DownOnly()
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _set_up(area, content, object_name)
    return area


def _set_up(area: QScrollArea, content: QWidget, object_name: str) -> None:
    if object_name:
        area.setObjectName(object_name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # Tab goes straight to the first control inside, and the area scrolls to whichever
    # control has the focus; the area itself is no stop on the way.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)


class ShownPageStack(QStackedWidget):
    """Pages in a scroll area, asking for the room of the page shown, not of the largest one.

    A QStackedWidget asks for the largest minimum size, and the largest height for a given
    width, of all its pages, hidden ones too: one wide or tall page behind the shown one made
    the shown one scroll on a laptop screen. Here the shown page alone decides, and its height
    for a width is the least it needs (a scroll area takes it as the least height to give; the
    preferred height would scroll a page that fits).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        """The least height the shown page needs at `width` (wrapped text takes more lines on
        a narrow screen), not the height it would like: a scroll area gives at least this."""
        page = self.currentWidget()
        layout = page.layout() if page is not None else None
        if layout is None or not layout.hasHeightForWidth():
            return -1
        return layout.totalMinimumHeightForWidth(width)
