"""The sharing windows' lists as Qt models: the family members, the things with two versions,
what others deleted. Each is checked by Qt's model tester and read as the dialogs read it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.modeltest import ModelTester

from casebook.core.changes import Changed
from casebook.services.sharing.members import FamilyMember, PendingInvitation, Sharing
from casebook.services.sharing.versions import TwoVersions, VersionOption
from casebook.services.undo import Deleted, Undoable
from casebook.ui.sharing import deleted_model, members_model, versions_model
from casebook.ui.sharing.deleted_model import DeletedElsewhereModel
from casebook.ui.sharing.members_model import MembersModel
from casebook.ui.sharing.versions_model import TwoVersionsModel, key_of

JOINED = "2026-03-02T09:30:00Z"
UNTIL = "2026-03-09T09:30:00Z"


@pytest.fixture
def owner() -> Iterator[QObject]:
    """Holds the models until the model tester has let go of them."""
    holder = QObject()
    yield holder
    holder.deleteLater()


def test_members_then_invitations(owner: QObject, qtmodeltester: ModelTester) -> None:
    model = MembersModel(owner)
    qtmodeltester.check(model, force_py=True)
    model.set_sharing(
        Sharing(
            shared=True,
            members=(
                FamilyMember("li", "Li", "laptop", is_me=True, removed=False, joined_at=JOINED),
                FamilyMember("wei", "Wei", "desktop", is_me=False, removed=False, joined_at=JOINED),
                FamilyMember("bo", "", "tablet", is_me=False, removed=True, joined_at=JOINED),
            ),
            invitations=(
                PendingInvitation("mei", "Mei", UNTIL, expired=False),
                PendingInvitation("jun", "Jun", UNTIL, expired=True),
            ),
            my_name="Li",
        )
    )
    qtmodeltester.check(model, force_py=True)
    texts = [model.index(row).data() for row in range(model.rowCount())]
    assert texts[0] == "Li — on “laptop” — this computer"
    assert texts[1].startswith("Wei — on “desktop” — joined ")
    assert texts[2] == "? — on “tablet” — removed"
    assert texts[3].startswith("Mei — invited, not joined yet (until ")
    assert texts[4].startswith("Jun — invitation expired on ")
    people = [model.index(row).data(members_model.ObjectRole) for row in range(5)]
    assert [p.uid for p in people] == ["li", "wei", "bo", "mei", "jun"]
    # Only someone else still in the family, or an invitation, can be removed.
    assert [model.can_remove(p) for p in people] == [False, True, False, True, True]
    assert model.row_of("mei") == 3
    assert model.row_of("nobody") is None
    assert model.index(1).data(members_model.SortRole) == 1


def _two_versions(uid: str, label: str) -> TwoVersions:
    when = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    return TwoVersions(
        "questions", uid, "text", Changed.QUESTIONS, label, 1,
        (VersionOption("a", "a", "Li", "laptop", when), VersionOption("b", "b", "Wei", "pc", when)),
    )  # fmt: skip


def test_two_versions_are_listed_by_what_they_are(
    owner: QObject, qtmodeltester: ModelTester
) -> None:
    model = TwoVersionsModel(owner)
    long = "Is surgery still possible, or only radiotherapy, and what are the risks for her?"
    items = [_two_versions("q1", "Is surgery possible?"), _two_versions("q2", long)]
    model.set_items(items)
    qtmodeltester.check(model, force_py=True)
    assert model.index(0).data() == "A question: Wording of the question\n“Is surgery possible?”"
    shortened = model.index(1).data().split("\n")[1]
    assert shortened == f"“{long[:57]}…”"
    assert model.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "A question: Wording of the question — “Is surgery possible?”"
    )
    assert model.index(1).data(versions_model.ObjectRole) is items[1]
    assert model.row_of(key_of(items[1])) == 1
    model.set_items(items[1:])
    assert model.row_of(key_of(items[1])) == 0


def test_what_others_deleted_is_named_and_leaves_when_brought_back(
    owner: QObject, qtmodeltester: ModelTester
) -> None:
    model = DeletedElsewhereModel(owner)
    deleted = [Deleted(10 + n, kind, "PET-CT") for n, kind in enumerate(Undoable)]
    model.set_deleted(deleted)
    qtmodeltester.check(model, force_py=True)
    texts = [model.index(row).data() for row in range(model.rowCount())]
    assert len(set(texts)) == len(Undoable)  # every kind has its own words
    appointment = next(d for d in deleted if d.kind is Undoable.APPOINTMENT)
    row = model.row_of(appointment.snapshot_id)
    assert row is not None
    assert texts[row] == "The appointment “PET-CT”"
    assert model.index(row).data(deleted_model.ObjectRole) is appointment
    model.forget(appointment.snapshot_id)
    assert model.rowCount() == len(Undoable) - 1
    assert appointment.snapshot_id not in [
        model.index(r).data(deleted_model.ObjectRole).snapshot_id for r in range(model.rowCount())
    ]
    model.forget(appointment.snapshot_id)  # gone already: nothing happens
    assert model.rowCount() == len(Undoable) - 1
