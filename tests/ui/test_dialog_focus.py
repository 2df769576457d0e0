"""Every form opens ready to type into its first field, so a tired reader never has to find
where to click first (the create-binder dialog used to start on "Change…")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from casebook.core.medicines import Medicine
from casebook.core.model import Document, PartialDate, RecordKind, Slot, SlotStatement
from casebook.core.opinions import Opinion
from casebook.services.opinions.opinions import LinkChoices
from casebook.services.timeline import TimelineState
from casebook.store.keyslots import KdfParams
from casebook.ui.appointments.appointment_dialog import AppointmentDialog
from casebook.ui.binder.create_binder_dialog import CreateBinderDialog
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.medicines.allergy_dialog import AllergyDialog
from casebook.ui.medicines.medicine_dialog import MedicineDialog
from casebook.ui.medicines.stop_dialog import StopDialog
from casebook.ui.opinions.decision_dialog import DecisionDialog
from casebook.ui.opinions.opinion_dialog import OpinionDialog
from casebook.ui.records.document_dialog import DocumentDialog
from casebook.ui.records.slot_dialog import SlotDialog
from casebook.ui.timeline.event_dialog import EventDialog

DOCUMENT = Document(
    1, "Discharge summary", RecordKind.DISCHARGE_REFERRAL, "scan.pdf", "application/pdf", 1000,
    "0" * 64, "2026-11-22T09:00:00+00:00", PartialDate(2026, 10, 19),
)  # fmt: skip
NO_EVENTS = TimelineState((), {}, (), (), None, (), (), ())

# Each dialog, and the name of the widget that should have the keyboard when it opens.
DIALOGS: dict[str, tuple[Callable[[], QDialog], str]] = {
    "create binder": (
        lambda: CreateBinderDialog(parent_folder=Path("/tmp"), kdf=KdfParams.minimum()),
        "patient_name_edit",
    ),
    "recovery code": (
        lambda: RecoveryCodeDialog("7K3MQ-AB12C-DEF34-GHJ56-KMN78-PQR9S", Path("/tmp")),
        "confirm_code_edit",
    ),
    "document": (lambda: DocumentDialog(DOCUMENT, []), "title_edit"),
    "record status": (
        lambda: SlotDialog(Slot(RecordKind.PATHOLOGY, SlotStatement.REQUESTED)),
        "status_requested",
    ),
    "opinion": (
        lambda: OpinionDialog(Opinion(source_name=""), LinkChoices((), (), ()), lambda _i: []),
        "source_name_edit",
    ),
    "decision": (lambda: DecisionDialog(None, []), "option_edit"),
    "timeline event": (lambda: EventDialog(NO_EVENTS), "kind_combo"),
    "medicine": (lambda: MedicineDialog(None, [], []), "medicine_generic_edit"),
    "stopping a medicine": (
        lambda: StopDialog(Medicine(1, "2026-05-01T08:00:00+00:00", ()), "Capecitabine"),
        "date_text_edit",
    ),
    "allergy": (lambda: AllergyDialog(None), "allergy_substance_edit"),
    "appointment": (
        lambda: AppointmentDialog(None, [], [], date(2026, 5, 17)),
        "appointment_kind_combo",
    ),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_dialog_opens_on_its_first_field(qtbot: QtBot, name: str) -> None:
    make, expected = DIALOGS[name]
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # as the window system does for a dialog that opens
    qtbot.waitActive(dialog)
    focused = dialog.focusWidget()
    assert isinstance(focused, QWidget)
    assert focused.objectName() == expected
