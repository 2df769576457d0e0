"""The GUI thread's cycle collector keeps each collection small (issue 15): a full collection
only once the oldest generation grew by a quarter, as CPython's own collector decides, and
what `freeze` set aside is walked again after `unfreeze` (the binder locks)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casebook.ui.common.gui_gc import LONG_LIVED_GROWTH, GuiThreadCollector, collect_on_gui_thread


@pytest.fixture
def collector() -> Iterator[GuiThreadCollector]:
    """The app's collector, at thresholds low enough that every check collects something."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    try:
        yield collect_on_gui_thread(app)
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def checks(collector: GuiThreadCollector, count: int) -> list[int | None]:
    """What `count` checks of the timer collected (the test runs on the GUI thread), with a
    few dozen new objects between checks, as an app always has (enough that objects other code
    frees meanwhile, which lower the count, do not hide them)."""
    made: list[list[object]] = []
    done = []
    for _ in range(count):
        made.extend([] for _ in range(50))
        done.append(collector.collect_if_due())
    return done


def test_a_full_collection_waits_until_the_old_generation_grew_by_a_quarter(
    collector: GuiThreadCollector,
) -> None:
    collector.unfreeze()  # nothing set aside: the next full collection is due
    assert 2 in checks(collector, 10)
    old = len(gc.get_objects(2))
    full = collector.full_collections
    # Generation 2 falls due every few checks, but it has not grown: younger ones instead.
    done = checks(collector, 30)
    assert collector.full_collections == full
    assert 2 not in done
    assert 1 in done
    # A quarter more objects that live on: they age through generation 1 into generation 2.
    kept = [[n] for n in range(old // LONG_LIVED_GROWTH + 1000)]
    done = checks(collector, 30)
    assert 2 in done
    assert collector.full_collections == full + 1
    assert len(kept) > old // LONG_LIVED_GROWTH


def test_what_was_frozen_is_collected_again_after_unfreeze(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    class Cycle:
        def __init__(self) -> None:
            self.me = self

    cycle = Cycle()
    gone = weakref.ref(cycle)
    # Asked from another thread (the warm-up's), done by the GUI thread's next check.
    asking = threading.Thread(target=collector.freeze)
    asking.start()
    asking.join()
    assert gc.get_freeze_count() == 0
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    del cycle
    checks(collector, 30)
    gc.collect()
    assert gone() is not None  # set aside: no collection walks it
    collector.unfreeze()
    assert gc.get_freeze_count() == 0
    checks(collector, 10)
    assert gone() is None
