"""What the viewer lists: the study's series (for "next series") and the shown series' images
in reading order (see `core.slice_order`).

Images filed by an older Casebook have no placement yet: they are shown at once in
instance-number order, and meanwhile their headers are read again in the worker pool (a
reader job that can be cancelled); when the placements arrive they are kept in the binder (a
small write) and the series is put in order in place, the image on screen staying on screen.
A result for a series the window has already left is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from casebook.core.progress import CancelToken, Report
from casebook.core.slice_order import SlicePlacement
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.records import InstanceRecord, SeriesRecord, list_series
from casebook.services.imaging.slice_order import (
    in_reading_order,
    ordered_instances,
    read_placements,
    remember_placements,
    unplaced,
)
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure


class SeriesLoader(QObject):
    """`load(series)` lists its images; `list_study()` the study's series. Results as signals."""

    loaded = Signal(object, object)  # SeriesRecord, list[InstanceRecord] in reading order
    reordered = Signal(object)  # list[InstanceRecord]: the same series, placements now read
    study_listed = Signal(object)  # list[SeriesRecord]
    ordering = Signal(bool)  # True while placements are being read
    failed = Signal(object)  # TaskFailure

    def __init__(self, session: BinderSession, study_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._study_id = study_id
        self._generation = 0
        self._placing: ReadOp[dict[int, SlicePlacement]] | None = None
        self.study_series: list[SeriesRecord] = []

    def load(self, series: SeriesRecord) -> None:
        """List `series`' images (dropping any list still coming for an earlier one)."""
        self._generation += 1
        generation = self._generation
        self._stop_placing()
        session = self._session
        ReadOp(self, lambda: ordered_instances(session, series.id)).on_success(
            lambda instances: self._arrived(generation, series, instances)
        ).on_failure(self.failed.emit).start()

    def list_study(self) -> None:
        session, study_id = self._session, self._study_id
        ReadOp(self, lambda: list_series(session, study_id)).on_success(self._study_arrived).start()

    def neighbour(self, series_id: int, step: int) -> SeriesRecord | None:
        """The series `step` places after `series_id` in the study, wrapping round; None when
        the study holds no other series."""
        ids = [series.id for series in self.study_series]
        if series_id not in ids or len(ids) < 2:
            return None
        return self.study_series[(ids.index(series_id) + step) % len(ids)]

    def stop(self) -> None:
        """Deliver nothing more (the window is closing or the binder locking)."""
        self._generation += 1
        self._stop_placing()

    # Results -------------------------------------------------------------------------------

    def _study_arrived(self, series: list[SeriesRecord]) -> None:
        self.study_series = series
        self.study_listed.emit(series)

    def _arrived(
        self, generation: int, series: SeriesRecord, instances: list[InstanceRecord]
    ) -> None:
        if generation != self._generation:
            return
        self.loaded.emit(series, instances)
        missing = unplaced(instances)
        if missing:
            self._read_placements(generation, instances, missing)

    def _read_placements(
        self, generation: int, instances: list[InstanceRecord], missing: list[InstanceRecord]
    ) -> None:
        session = self._session

        def job(report: Report, cancel: CancelToken) -> dict[int, SlicePlacement]:
            return read_placements(session, missing, report, cancel)

        def done(placements: dict[int, SlicePlacement]) -> None:
            self._placing = None
            self.ordering.emit(False)
            WriteOp(self, session, lambda: remember_placements(session, placements)).on_failure(
                _crash_if_bug
            ).start()
            if generation == self._generation:
                placed = [
                    replace(i, placement=placements.get(i.id, i.placement)) for i in instances
                ]
                self.reordered.emit(in_reading_order(placed))

        def failed(failure: TaskFailure) -> None:
            self._placing = None
            self.ordering.emit(False)
            _crash_if_bug(failure)  # else the series stays in instance-number order

        def cancelled() -> None:
            self._placing = None
            self.ordering.emit(False)

        self.ordering.emit(True)
        self._placing = (
            ReadOp.with_progress(self, job)
            .on_success(done)
            .on_failure(failed)
            .on_cancel(cancelled)
            .start()
        )

    def _stop_placing(self) -> None:
        if self._placing is not None:
            self._placing.cancel()
            self._placing = None


def _crash_if_bug(failure: TaskFailure) -> None:
    if failure.is_bug:
        failure.show_as_crash()
