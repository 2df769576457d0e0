"""Python's cycle collector, run on the GUI thread only.

CPython runs its cycle collector in whichever thread allocates past the threshold, which is
often a worker lane busy parsing DICOM. A reference cycle that holds a Qt object (a page, the
callbacks a task keeps, a dialog) is then torn down on that thread while the GUI thread may be
delivering a deferred delete to the same object: an intermittent segfault in QObject's
destructor, seen in the UI tests about once in fifteen runs. So automatic collection is
switched off and a timer on the GUI thread collects instead, at the thresholds the collector
would have used. Long-lived PyQt applications (Anki, for one) do the same.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 500
"""How often the GUI thread looks at the allocation counts (a check costs microseconds)."""


class GuiThreadCollector(QObject):
    """Owned by the application; collects the generation whose threshold was passed."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("gui_thread_collector")
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        gc.disable()
        self._timer.start()

    def collect_if_due(self) -> int | None:
        """Collect the oldest generation that is due, as the automatic collector would."""
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                self.collections += 1
                return generation
        return None


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per application (idempotent)."""
    found = app.findChild(GuiThreadCollector, "gui_thread_collector")
    if isinstance(found, GuiThreadCollector):
        return found
    return GuiThreadCollector(app)
