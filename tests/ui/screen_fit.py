"""Does every window fit a laptop screen? The geometry judge and the screen configurations.

Qt chooses its platform when the QApplication is made, so each screen size runs in its own
process (`screen_run.py`), on the offscreen platform told the screen's size and scaling by a
JSON file (`offscreen:configfile=…`, read by Qt's qoffscreenintegration.cpp). Each screen is
made shorter by a taskbar and each window judged with a title bar (the offscreen platform has
neither). A scaled screen is described as Windows and X11 describe one: device pixels plus a
logical DPI twice the base DPI, which Qt turns into half as many logical pixels and a device
pixel ratio of 2.

The judge (`misfits`) reports, for one top-level window:
- the window (with its frame) reaching outside the screen's available geometry;
- a visible control sticking out of the widget that holds it (a layout squeezed below its
  minimum, a fixed size larger than its place): it would be cut off, out of reach;
- a label, button or field given less height than its text needs (the text is cut);
- an action button (OK, Save, Cancel, Next, Done: a dialog's button box or the page's primary
  button) not wholly in view without scrolling: long forms scroll, their buttons stay put.
Controls inside a scroll area may lie outside its viewport: scrolling brings them into view.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QTabBar,
    QWidget,
)

from casebook.ui.common.screen_fit import ACTION_ROW
from casebook.ui.common.tasks import running_task_count

CONTROLS = (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTabBar,
    QLabel,
)
PATIENCE = 60.0  # seconds a page may take to read the demo binder on a loaded machine
WAKE_MS = 50  # a waiting loop looks again at least this often
# The offscreen platform has no taskbar and no title bars: the screens are made shorter by a
# taskbar (Windows' is 40 to 48 px) and every window is judged with a title bar added.
TASKBAR = 40
TITLE_BAR = 30
SQUEEZE_TOLERANCE = 2  # px: a field a pixel or two short of its style's wish still shows its text
TOLERANCE = 1  # px: a rounding error of the layout is not a control out of reach


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until `condition` holds (the work it waits for is real, not a clock).

    Between two looks the loop sleeps until an event comes (a background job's reply is one),
    or at the latest until `wake` fires. (`processEvents(flags, ms)` never sleeps: Qt drops
    WaitForMoreEvents from it, and waiting with it spun a core for as long as the work ran.)
    """
    deadline = time.monotonic() + PATIENCE
    wake = QTimer()
    wake.start(WAKE_MS)
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"gave up waiting for {what}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def settle() -> None:
    """Let background reads deliver and layouts run before a window is judged.

    A change of text travels up the layouts one posted event per level, so events are handled
    until the geometry of every shown widget stays the same from one round to the next.
    """
    for _ in range(20):  # a layout pass may start a read (a page shown loads its data)
        wait_until(lambda: running_task_count() == 0, "background work to finish")
        settle_layouts()
        if running_task_count() == 0:
            return
    raise TimeoutError("background work kept starting")


def settle_layouts() -> None:
    """Handle events until the geometry of every shown widget stays the same from one round to
    the next (background work may still be running: a picture of its progress is wanted)."""
    before: list[tuple[int, int, int, int]] = []
    for _ in range(100):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        now = [
            widget.geometry().getRect()
            for top in QApplication.topLevelWidgets()
            if top.isVisible()
            for widget in (top, *top.findChildren(QWidget))
        ]
        if now == before:
            return
        before = now
    raise TimeoutError("the layouts never settled")


@dataclass(frozen=True)
class Screen:
    """A laptop screen: its size in device pixels and its scaling (1.0 = 100 %)."""

    name: str
    width: int
    height: int
    scale: float = 1.0

    @property
    def logical(self) -> tuple[int, int]:
        return round(self.width / self.scale), round(self.height / self.scale)

    def platform_config(self) -> dict[str, object]:
        """The offscreen plugin's configuration for this one screen."""
        return {
            "synchronousWindowSystemEvents": False,
            "windowFrameMargins": True,
            "screens": [
                {
                    "name": self.name,
                    "x": 0,
                    "y": 0,
                    "width": self.width,
                    "height": self.height - round(TASKBAR * self.scale),
                    "logicalDpi": round(96 * self.scale),
                    "logicalBaseDpi": 96,
                    "dpr": 1.0,
                }
            ],
        }

    def platform(self, folder: Path) -> str:
        """The QT_QPA_PLATFORM value that gives a QApplication this screen."""
        config = folder / f"screen-{self.name}.json"
        config.write_text(json.dumps(self.platform_config()), encoding="utf-8")
        return f"offscreen:configfile={config}"


SCREENS = (
    Screen("1366x768", 1366, 768),
    Screen("1280x720", 1280, 720),
    Screen("1920x1080-200pc", 1920, 1080, 2.0),
)


def describe(widget: QWidget) -> str:
    """A name a developer can find in the code: object name, else class and text."""
    name = widget.objectName() or type(widget).__name__
    text = ""
    if isinstance(widget, QAbstractButton | QLabel):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    text = " ".join(text.split())
    return f"{name} {text[:40]!r}" if text else name


def _is_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def _is_action_button(widget: QWidget) -> bool:
    """A dialog's button box, a row marked with `mark_action_row`, a dialog's default button."""
    if not isinstance(widget, QAbstractButton):
        return False
    if isinstance(widget, QPushButton) and widget.isDefault():
        return isinstance(widget.window(), QDialog)
    holder = widget.parentWidget()
    while holder is not None and not holder.isWindow():
        if isinstance(holder, QDialogButtonBox) or holder.property(ACTION_ROW):
            return True
        holder = holder.parentWidget()
    return False


def _sticks_out(widget: QWidget, window: QWidget, *, through_scrolling: bool) -> str | None:
    """Where `widget` leaves a holder on its way up to `window`, or None if it never does.

    With `through_scrolling` False a scroll area's viewport ends the walk (what lies beyond
    it can be scrolled to); with True the viewport clips like any holder.
    """
    rect = widget.rect()
    child = widget
    while child is not window:
        parent = child.parentWidget()
        if parent is None:
            return None
        rect = rect.translated(child.pos())
        if _is_viewport(parent) and not through_scrolling:
            area = parent.parentWidget()
            assert isinstance(area, QAbstractScrollArea)
            off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            inside = parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
            if area.horizontalScrollBarPolicy() == off and (
                rect.left() < inside.left() or rect.right() > inside.right()
            ):
                return f"{describe(widget)} is cut off at the side of a scroll area"
            if area.verticalScrollBarPolicy() == off and (
                rect.top() < inside.top() or rect.bottom() > inside.bottom()
            ):
                return f"{describe(widget)} is cut off at the bottom of a scroll area"
            return None
        bounds = parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
        if not bounds.contains(rect):
            return (
                f"{describe(widget)} ({rect.width()}×{rect.height()} at {rect.x()},{rect.y()}) "
                f"sticks out of {describe(parent)} ({parent.width()}×{parent.height()})"
            )
        child = parent
    return None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return (
        widget.isVisibleTo(window)
        and widget.width() > 0
        and widget.height() > 0
        and not isinstance(widget, QScrollBar)  # a scroll area's own, placed by it
    )


def misfits(window: QWidget, available: QRect, where: str) -> list[str]:
    """Everything about `window` that does not fit `available` (the screen's free area)."""
    found: list[str] = []
    frame = window.frameGeometry().adjusted(0, -TITLE_BAR, 0, 0)
    if frame.top() < available.top():  # where a window manager would have put it
        frame.moveTop(available.top())
    if frame.width() > available.width() or frame.height() > available.height():
        found.append(
            f"{where}: the window is {frame.width()}×{frame.height()}, larger than the "
            f"screen's {available.width()}×{available.height()}"
        )
    elif not available.contains(frame):
        found.append(f"{where}: the window at {frame.x()},{frame.y()} leaves the screen")
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not _shown(widget, window):
            continue
        if isinstance(widget, QLabel) and not widget.text().strip() and widget.pixmap().isNull():
            continue
        problem = _sticks_out(widget, window, through_scrolling=_is_action_button(widget))
        problem = problem or _squeezed(widget)
        if problem:
            found.append(f"{where}: {problem}")
    return found


def _squeezed(widget: QWidget) -> str | None:
    """A label, button or field given less height than its text needs: the text is cut."""
    if not isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return None  # lists, editors and sliders may be short: they scroll or show less
    if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
        return None  # the field inside a combo or spin box, sized by it
    if widget.hasHeightForWidth():
        needed = widget.heightForWidth(widget.width())
    else:
        needed = widget.minimumSizeHint().height()
    if needed > widget.height() + SQUEEZE_TOLERANCE:
        return f"{describe(widget)} is {widget.height()} px tall and needs {needed}: squeezed"
    return None
