"""The export's contents step: what goes into the bundle is a checkable Qt model (records by
kind, then imaging studies), ticked with the mouse or the space bar; a kind's box is partly
ticked when some of its documents are; ticks survive the list being read again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.completeness import Completeness
from casebook.core.model import Document, ImagingStudy, PartialDate, RecordKind, Slot
from casebook.services.export.wizard import ExportChoices
from casebook.ui.export.contents_model import ITEM, SIZE, ContentsGroup, ObjectRole
from casebook.ui.export.contents_step import ContentsStep

CHECKED, UNCHECKED, PARTLY = (
    Qt.CheckState.Checked,
    Qt.CheckState.Unchecked,
    Qt.CheckState.PartiallyChecked,
)
CHECK = Qt.ItemDataRole.CheckStateRole


def _document(number: int, kind: RecordKind, *, review: bool = False) -> Document:
    return Document(
        number, f"Report {number}", kind, f"scan-{number}.pdf", "application/pdf",
        2_600, f"{number:064x}", "2026-03-02T09:30:00Z", PartialDate.parse("2024-02-09"),
        needs_review=review,
    )  # fmt: skip


def _choices(*documents: Document, studies: int = 1) -> ExportChoices:
    kinds = (RecordKind.PATHOLOGY, RecordKind.LABS, RecordKind.HISTORY)
    return ExportChoices(
        slots=[Slot(kind) for kind in kinds],
        documents=list(documents),
        studies=[
            ImagingStudy(
                100 + n, f"1.2.{n}", PartialDate.parse("2007-04-04"), "Chest", "CT", image_count=6
            )
            for n in range(studies)
        ],
        completeness=Completeness(),
    )


@pytest.fixture
def step() -> Iterator[ContentsStep]:
    """Kept until the model tester has let go of its model."""
    made = ContentsStep()
    made.resize(900, 600)
    yield made
    made.close()


def _state(index: QModelIndex) -> Qt.CheckState:
    return Qt.CheckState(index.data(CHECK))


def test_the_contents_are_a_checkable_model(
    step: ContentsStep, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = step.model
    step.set_choices(
        _choices(
            _document(1, RecordKind.PATHOLOGY, review=True),
            _document(2, RecordKind.PATHOLOGY),
            _document(3, RecordKind.LABS),
        )
    )
    qtmodeltester.check(model, force_py=True)
    groups = [model.index(row, ITEM) for row in range(model.rowCount())]
    assert [g.data(ObjectRole).kind for g in groups] == [
        RecordKind.PATHOLOGY,
        RecordKind.LABS,
        None,
    ]  # a kind with nothing filed is left out; the studies come last
    assert isinstance(groups[0].data(ObjectRole), ContentsGroup)
    assert model.index(0, SIZE).data() == "2 documents"
    assert model.index(2, ITEM).data() == "Imaging studies"
    assert model.index(2, SIZE).data() == "1 study"
    flagged = model.index(0, ITEM, groups[0])
    assert flagged.data().startswith("⚑ Report 1 (not confirmed yet) · ")
    assert flagged.data(Qt.ItemDataRole.ToolTipRole) == "scan-1.pdf"
    assert model.index(0, SIZE, groups[2]).data() == "6 images"
    assert model.index(0, ITEM, groups[2]).data(ObjectRole).id == 100
    assert model.headerData(ITEM, Qt.Orientation.Horizontal) == "Item"
    assert all(_state(g) == CHECKED for g in groups)

    # "Everything" gives no list; choosing gives the ticked ones (all, at first).
    assert step.document_ids() is None
    step.choose_radio.setChecked(True)
    assert step.document_ids() == frozenset({1, 2, 3})
    assert step.study_ids() == frozenset({100})

    # Unticking one document leaves its kind partly ticked; unticking the kind, none.
    with qtbot.waitSignal(step.changed):
        assert model.setData(flagged, UNCHECKED, CHECK)
    assert _state(groups[0]) == PARTLY
    assert step.document_ids() == frozenset({2, 3})
    model.setData(groups[0], UNCHECKED, CHECK)
    assert [_state(model.index(r, ITEM, groups[0])) for r in range(2)] == [UNCHECKED] * 2
    assert step.document_ids() == frozenset({3})
    model.setData(groups[2], UNCHECKED, CHECK)
    assert step.study_ids() == frozenset()
    assert step.is_complete()  # a document is still ticked
    model.setData(groups[1], UNCHECKED, CHECK)
    assert not step.is_complete()

    step.set_checked(document_ids={2}, study_ids={100})
    assert step.document_ids() == frozenset({2})
    assert [_state(g) for g in groups] == [PARTLY, UNCHECKED, CHECKED]
    qtmodeltester.check(model, force_py=True)


def test_ticks_stay_when_the_list_is_read_again(
    step: ContentsStep, qtmodeltester: ModelTester
) -> None:
    model = step.model
    step.set_choices(_choices(_document(1, RecordKind.PATHOLOGY), _document(2, RecordKind.LABS)))
    step.set_checked(document_ids={2}, study_ids=set())
    # A document imported meanwhile comes ticked; what the family unticked stays unticked.
    step.set_choices(
        _choices(
            _document(1, RecordKind.PATHOLOGY),
            _document(2, RecordKind.LABS),
            _document(4, RecordKind.PATHOLOGY),
        )
    )
    qtmodeltester.check(model, force_py=True)
    assert step.document_ids() == frozenset({2, 4})
    assert step.study_ids() == frozenset()
    assert _state(model.index(0, ITEM)) == PARTLY


def test_the_space_bar_ticks(step: ContentsStep, qtbot: QtBot) -> None:
    model = step.model
    step.set_choices(
        _choices(_document(1, RecordKind.PATHOLOGY), _document(2, RecordKind.PATHOLOGY))
    )
    step.show()
    qtbot.waitExposed(step)
    step.choose_radio.setChecked(True)
    tree = step.tree
    tree.setFocus()
    group = model.index(0, ITEM)
    tree.setCurrentIndex(group)
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # to the first document
    assert tree.currentIndex() == model.index(0, ITEM, group)
    with qtbot.waitSignal(step.changed):
        qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert step.document_ids() == frozenset({2})
    assert _state(group) == PARTLY
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # the kind's box: all of it again
    assert step.document_ids() == frozenset({1, 2})
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert step.document_ids() == frozenset()
    assert step.study_ids() == frozenset({100})  # the studies are ticked still
