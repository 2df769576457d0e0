"""The Overview's record kinds as a Qt model, checked by Qt's model tester while refilled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy
from pytestqt.modeltest import ModelTester

from casebook.core.model import RecordKind, SlotStatus
from casebook.services.overview import SlotSummary
from casebook.ui.overview.record_status_model import (
    ObjectRole,
    RecordStatusModel,
    SortRole,
    StatusColumn,
)

SUMMARIES = [
    SlotSummary(RecordKind.PATHOLOGY, SlotStatus.MISSING, 0),
    SlotSummary(RecordKind.IMAGING, SlotStatus.RECEIVED, 6),
    SlotSummary(RecordKind.LABS, SlotStatus.REQUESTED, 0),
    SlotSummary(RecordKind.OTHER, SlotStatus.NOT_APPLICABLE, 0),
]


def test_record_status_model_passes_the_model_tester_while_refilled(
    qtmodeltester: ModelTester,
) -> None:
    model = RecordStatusModel()
    model.set_entries(SUMMARIES)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4
    assert model.headerData(StatusColumn.FILES, Qt.Orientation.Horizontal) == "Files"
    missing = model.index(0, StatusColumn.STATUS)
    assert missing.data() == "✗  Missing"  # a shape as well as a word, never colour alone
    assert missing.data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, StatusColumn.STATUS).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, StatusColumn.FILES).data() == "6"
    assert model.index(1, StatusColumn.FILES).data(SortRole) == 6
    assert model.index(1, StatusColumn.RECORD).data(ObjectRole) == SUMMARIES[1]
    assert model.index(0, 0).data(SortRole) < model.index(3, 0).data(SortRole)

    # A file arrives: the row is repainted, nothing is rebuilt.
    resets, changes = QSignalSpy(model.modelReset), QSignalSpy(model.dataChanged)
    received = SlotSummary(RecordKind.PATHOLOGY, SlotStatus.RECEIVED, 1)
    model.set_entries([received, *SUMMARIES[1:]])
    assert (resets.count(), changes.count()) == (0, 1)
    assert "Received" in model.index(0, StatusColumn.STATUS).data()
    assert model.row_of(RecordKind.LABS) == 2
    model.set_entries(SUMMARIES[:2])  # other kinds: rebuilt
    assert resets.count() == 1
    assert model.rowCount() == 2
    model.set_entries([])
    assert model.rowCount() == 0
