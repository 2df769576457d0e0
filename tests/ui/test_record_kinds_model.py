"""The record kinds as a Qt model: checked by Qt's model tester while it is refilled in place,
and shown in the Records page's tree, which keeps what is expanded, chosen and scrolled."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtTest import QSignalSpy
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.model import Document, RecordKind, Slot, SlotStatement
from casebook.ui.records.record_kinds_model import (
    KindRole,
    ObjectRole,
    RecordColumn,
    RecordKindsModel,
    SortRole,
)
from casebook.ui.records.slot_tree import SlotTree

SLOTS = [
    Slot(RecordKind.PATHOLOGY, file_count=2),
    Slot(RecordKind.IMAGING),
    Slot(RecordKind.LABS, SlotStatement.REQUESTED),
    Slot(RecordKind.OTHER, SlotStatement.NOT_APPLICABLE),
]


def document(number: int, kind: RecordKind, *, review: bool = False) -> Document:
    return Document(
        id=number,
        title=f"Document {number}",
        slot=kind,
        original_name=f"d{number}.pdf",
        media_type="application/pdf",
        size=100,
        content_sha256=f"{number:064x}",
        added_at="2024-01-01T00:00:00Z",
        needs_review=review,
    )


DOCUMENTS = [
    document(1, RecordKind.PATHOLOGY),
    document(2, RecordKind.PATHOLOGY, review=True),
    document(3, RecordKind.LABS),
    document(4, RecordKind.OTHER),
]


def children(model: RecordKindsModel, kind: RecordKind) -> list[int]:
    parent = model.kind_index(kind)
    ids = []
    for row in range(model.rowCount(parent)):
        value = model.index(row, 0, parent).data(ObjectRole)
        assert isinstance(value, Document)
        ids.append(value.id)
    return ids


def test_record_kinds_model_passes_the_model_tester_while_refilled(
    qtmodeltester: ModelTester,
) -> None:
    model = RecordKindsModel()
    assert model.rowCount() == 0  # not read yet: not even "All records"
    model.set_records(SLOTS, DOCUMENTS)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1 + len(SLOTS)
    everything = model.kind_index(None)
    assert everything.data() == "All records"
    assert everything.siblingAtColumn(RecordColumn.FILES).data() == "4"
    assert everything.data(ObjectRole) is None
    pathology = model.kind_index(RecordKind.PATHOLOGY)
    assert pathology.data() == "Pathology report"
    assert pathology.data(ObjectRole) == SLOTS[0]
    assert pathology.data(SortRole) < model.kind_index(RecordKind.OTHER).data(SortRole)
    status = pathology.siblingAtColumn(RecordColumn.STATUS)
    assert "Received" in status.data()
    assert status.data(Qt.ItemDataRole.FontRole) is None
    requested = model.kind_index(RecordKind.LABS).siblingAtColumn(RecordColumn.STATUS)
    assert "Requested" in requested.data()
    assert requested.data(Qt.ItemDataRole.FontRole).bold()  # still open
    assert children(model, RecordKind.PATHOLOGY) == [1, 2]
    second = model.index(1, 0, pathology)
    assert second.data() == "⚑ Document 2 (please confirm)"
    assert second.data(KindRole) is RecordKind.PATHOLOGY
    assert not model.flags(second) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(pathology) & Qt.ItemFlag.ItemIsDropEnabled

    # Refilled in place: moved, reordered, added, removed, renamed; never reset.
    resets = QSignalSpy(model.modelReset)
    moved = dataclasses.replace(DOCUMENTS[0], slot=RecordKind.LABS)
    renamed = dataclasses.replace(DOCUMENTS[1], title="Biopsy", needs_review=False)
    # The kinds' counts come with the slots, from the same read as the documents.
    counted = [
        dataclasses.replace(s, file_count=n) for s, n in zip(SLOTS, (1, 0, 3, 0), strict=True)
    ]
    model.set_records(counted, [renamed, document(5, RecordKind.LABS), moved, DOCUMENTS[2]])
    assert resets.count() == 0
    assert children(model, RecordKind.PATHOLOGY) == [2]
    assert children(model, RecordKind.LABS) == [5, 1, 3]
    assert children(model, RecordKind.OTHER) == []
    assert model.index(0, 0, model.kind_index(RecordKind.PATHOLOGY)).data() == "Biopsy"
    files = model.kind_index(RecordKind.LABS).siblingAtColumn(RecordColumn.FILES)
    assert files.data() == "3"
    model.set_records(SLOTS, list(reversed(DOCUMENTS)))
    assert children(model, RecordKind.PATHOLOGY) == [2, 1]
    assert resets.count() == 0
    model.set_records(SLOTS[:2], DOCUMENTS[:2])  # other kinds: rebuilt
    assert resets.count() == 1
    assert model.rowCount() == 3
    model.set_records([], [])
    assert model.rowCount() == 0


def test_tree_keeps_expansion_choice_and_scrolling_when_a_document_moves(qtbot: QtBot) -> None:
    tree = SlotTree()
    qtbot.addWidget(tree)
    tree.resize(400, 160)  # smaller than the rows: it scrolls
    tree.show()
    many = [document(number, RecordKind.PATHOLOGY) for number in range(10, 30)]
    tree.set_records(SLOTS, [*DOCUMENTS, *many])
    model = tree.records
    tree.expand(model.kind_index(RecordKind.PATHOLOGY))
    tree.expand(model.kind_index(RecordKind.OTHER))
    tree.setCurrentIndex(model.document_index(1))
    tree.verticalScrollBar().setValue(3)
    assert tree.selected_slot_kind() is RecordKind.PATHOLOGY
    assert tree.isFirstColumnSpanned(0, model.kind_index(RecordKind.PATHOLOGY))

    refiled = dataclasses.replace(DOCUMENTS[0], slot=RecordKind.OTHER)
    tree.set_records(SLOTS, [refiled, *DOCUMENTS[1:], *many, document(40, RecordKind.PATHOLOGY)])
    assert tree.isExpanded(model.kind_index(RecordKind.PATHOLOGY))
    assert tree.isExpanded(model.kind_index(RecordKind.OTHER))
    assert not tree.isExpanded(model.kind_index(RecordKind.LABS))
    assert tree.selected_document_id() == 1  # still chosen, now under "Other"
    assert tree.selected_slot_kind() is RecordKind.OTHER
    assert tree.verticalScrollBar().value() == 3
    added = model.document_index(40)
    assert tree.isFirstColumnSpanned(added.row(), added.parent())

    # A chosen document that goes to the trash leaves its record chosen.
    tree.set_records(SLOTS, [*DOCUMENTS[1:], *many])
    assert tree.selected_document_id() is None
    assert tree.selected_slot_kind() is RecordKind.OTHER

    # Other kinds rebuild the rows; what was open and chosen comes back.
    tree.set_records(SLOTS[:3], DOCUMENTS[:3])
    assert tree.isExpanded(model.kind_index(RecordKind.PATHOLOGY))
    assert tree.selected_slot_kind() is None  # "Other" is gone: all records
    tree.setCurrentIndex(model.document_index(2))
    tree.set_records(SLOTS, [*DOCUMENTS[1:], *many])
    assert tree.isExpanded(model.kind_index(RecordKind.PATHOLOGY))
    assert tree.selected_document_id() == 2
    assert tree.isFirstColumnSpanned(0, model.kind_index(RecordKind.PATHOLOGY))

    # Keyboard: up and down walk the rows, left folds a record.
    tree.setFocus()
    tree.select_kind(RecordKind.PATHOLOGY)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.selected_document_id() == 2
    qtbot.keyClick(tree, Qt.Key.Key_Left)  # to the record
    qtbot.keyClick(tree, Qt.Key.Key_Left)  # folded
    assert tree.currentIndex() == model.kind_index(RecordKind.PATHOLOGY)
    assert not tree.isExpanded(model.kind_index(RecordKind.PATHOLOGY))


def test_files_dragged_over_a_record_choose_it_and_are_filed_there(
    qtbot: QtBot, tmp_path: Path
) -> None:
    tree = SlotTree()
    qtbot.addWidget(tree)
    tree.resize(400, 400)
    tree.show()
    tree.set_records(SLOTS, DOCUMENTS)
    tree.expand(tree.slot_index(RecordKind.PATHOLOGY))
    model = tree.records
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "scan.png"))])
    over_document = tree.visualRect(model.document_index(2)).center()
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    allowed = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    no_keys = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(over_document, allowed, mime, left, no_keys)
    tree.dragEnterEvent(enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(over_document, allowed, mime, left, no_keys)
    tree.dragMoveEvent(move)
    assert move.isAccepted()
    assert move.dropAction() == copy  # copied into the binder, never moved away
    assert tree.currentIndex() == tree.slot_index(RecordKind.PATHOLOGY)

    dropped = QSignalSpy(tree.files_dropped)
    assert model.dropMimeData(
        mime, copy, -1, -1, model.index(0, 0, tree.slot_index(RecordKind.PATHOLOGY))
    )
    assert model.dropMimeData(mime, copy, -1, -1, QModelIndex())
    assert dropped.count() == 2
    assert dropped.at(0) == [[tmp_path / "scan.png"], RecordKind.PATHOLOGY]
    assert dropped.at(1) == [[tmp_path / "scan.png"], None]

    web = QMimeData()
    web.setUrls([QUrl("https://example.org/report.pdf")])
    refused = QDragMoveEvent(QPoint(5, 5), allowed, web, left, no_keys)
    tree.dragMoveEvent(refused)
    assert not refused.isAccepted()


def test_imaging_counts_its_images_as_the_overview_does() -> None:
    # Images are not documents filed below the kind, yet they are what the kind holds: the
    # Records tree, the Overview and the summary all say "6".
    model = RecordKindsModel()
    imaging = Slot(RecordKind.IMAGING, file_count=6)
    model.set_records([imaging], [])
    index = model.kind_index(RecordKind.IMAGING)
    assert index.siblingAtColumn(RecordColumn.FILES).data() == "6"
    assert model.rowCount(index) == 0
    assert "Received" in index.siblingAtColumn(RecordColumn.STATUS).data()
