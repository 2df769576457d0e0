"""Python's cycle collector, run on the GUI thread only.

CPython runs its cycle collector in whichever thread allocates past the threshold, which is
often a worker lane busy parsing DICOM. A reference cycle that holds a Qt object (a page, the
callbacks a task keeps, a dialog) is then torn down on that thread while the GUI thread may be
delivering a deferred delete to the same object: an intermittent segfault in QObject's
destructor, seen in the UI tests about once in fifteen runs. So automatic collection is
switched off and a timer on the GUI thread collects instead, at the thresholds the collector
would have used. Long-lived PyQt applications (Anki, for one) do the same.

Each collection holds the GUI thread for as long as it takes, so it is kept as small as the
automatic collector keeps it: the timer looks often (a young generation checked every half
second had grown to tens of thousands of objects while a thread imported modules or parsed a
disc, and collecting it and the next generation took 20–80 ms, a visible stall of the window —
issue 15), and the whole heap is only traversed by CPython's own rule, once the objects that
reached the oldest generation since the last full collection are a quarter of those it held
then (`gc.collect(2)` called by hand skips that rule, and a full collection of the app's
hundreds of thousands of objects took 40–110 ms).

The modules the pages need are imported once the workspace shows (`shell.warm_up`): more than
a hundred thousand objects that live as long as the app, which the next collections would walk
through for 40–190 ms, then again in every full collection. Once they are in, `freeze()` sets
everything then alive aside (`gc.freeze`), and `unfreeze()` gives it back when the binder
locks, so that the workspace's cycles, and what they held of the binder, are still freed.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 100
"""How often the GUI thread looks at the allocation counts (a check costs microseconds)."""

LONG_LIVED_GROWTH = 4
"""A full collection once the oldest generation grew by 1/4 since the last one (CPython's)."""


class GuiThreadCollector(QObject):
    """Owned by the application; collects the generation whose threshold was passed."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("gui_thread_collector")
        self.collections = 0
        self.full_collections = 0
        # CPython's long_lived_total and long_lived_pending, which gc.collect() does not keep.
        self._long_lived_total = 0
        self._long_lived_pending = 0
        self._freeze_wanted = threading.Event()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        gc.disable()
        self._timer.start()

    def freeze(self) -> None:
        """Set aside every object now alive, at the GUI thread's next check (any thread may
        ask: the warm-up's, once its imports are done)."""
        self._freeze_wanted.set()

    def unfreeze(self) -> None:
        """Give back what `freeze` set aside, to be walked by the next full collection."""
        self._freeze_wanted.clear()
        gc.unfreeze()
        self._long_lived_total = 0  # so the next full collection is not put off

    def collect_if_due(self) -> int | None:
        """Collect the oldest generation that is due, as the automatic collector would."""
        if self._freeze_wanted.is_set():
            self._freeze_wanted.clear()
            gc.freeze()
            self._long_lived_total = self._long_lived_pending = 0
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] <= thresholds[generation]:
                continue
            if generation == 2 and not self._full_collection_due():
                continue  # as CPython does: the younger generations instead
            self._collect(generation)
            self.collections += 1
            return generation
        return None

    def _full_collection_due(self) -> bool:
        return self._long_lived_pending >= self._long_lived_total // LONG_LIVED_GROWTH

    def _collect(self, generation: int) -> None:
        if generation == 2:
            gc.collect(2)
            self.full_collections += 1
            self._long_lived_total = len(gc.get_objects(2))
            self._long_lived_pending = 0
        elif generation == 1:
            # What survives moves into the oldest generation (freed objects are counted in
            # `collected`, which is what the collector found unreachable).
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))
            collected = gc.collect(1)
            self._long_lived_pending += max(0, young - collected)
        else:
            gc.collect(0)


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per application (idempotent)."""
    found = app.findChild(GuiThreadCollector, "gui_thread_collector")
    if isinstance(found, GuiThreadCollector):
        return found
    return GuiThreadCollector(app)
