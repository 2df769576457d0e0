"""Medicines: the current list, allergies beside it, and medicines found in the documents.

Allergies come first (what an emergency room asks before anything else). The list shows the
current medicines, or every medicine with "Show stopped medicines"; a change is saved as a new
version and stopping one keeps it with its date and reason. Medicines named in the documents'
text are offered below for the family to check and add, or to dismiss. Removing a medicine or
an allergy asks nothing: the page says what went and offers Undo. The page says plainly
that Casebook never checks doses or interactions. Reads follow the change signal; writes go
through `WriteOp`.

The page is made over a few turns of the event loop (issue 15: in one, its first show held
the loop for 130-200 ms): the allergies and the list first, then the suggestions and the
printing row below them, and only then the first search of the documents for suggestions.
That search is pure Python for up to 100 ms (its pattern of every medicine's names is compiled
the first time); started with the page, it took the GIL from the GUI thread while the page was
being laid out and painted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.errors import InvalidInput
from casebook.core.medicines import Allergy, Medicine, MedicineDetails, StopReason
from casebook.core.model import PartialDate
from casebook.services.binder.session import BinderSession
from casebook.services.medicines import medicines as service
from casebook.services.medicines.medicines import MedicineList
from casebook.services.medicines.printing import build_medicine_sheet
from casebook.services.medicines.suggestions import (
    MedicineSuggestion,
    dismiss_suggestion,
    medicine_suggestions,
)
from casebook.services.undo import Deleted, Undoable, undo_delete
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.message_line import message_line
from casebook.ui.common.object_rows import select_source_row
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.pdf_output import PdfOutput, PrintControls
from casebook.ui.common.staged_build import StagedBuild
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.medicines.allergies_panel import AllergiesPanel
from casebook.ui.medicines.allergy_dialog import AllergyDialog
from casebook.ui.medicines.history_dialog import HistoryDialog
from casebook.ui.medicines.medicine_dialog import MedicineDialog
from casebook.ui.medicines.medicine_models import (
    CurrentMedicinesFilter,
    MedicineColumn,
    MedicinesModel,
    ObjectRole,
)
from casebook.ui.medicines.stop_dialog import StopDialog
from casebook.ui.medicines.suggestions_panel import SuggestionsPanel
from casebook.ui.medicines.widgets import chosen_object, named_button, read_only_table

_SHOWN = (Changed.MEDICINES, Changed.CONTACTS, Changed.TIMELINE, Changed.DOCUMENTS)


class MedicinesPage(QWidget):
    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicines_page")
        self._session = session
        self.listing: MedicineList | None = None
        self.dialog: QWidget | None = None
        self._pending_selection: int | None = None
        self._pending_allergy: int | None = None
        self._undo_kinds: dict[int, Undoable] = {}  # snapshot id → what it brings back

        heading = QLabel(self.tr("Medicines"))
        heading.setProperty("role", "heading")
        hint = QLabel(
            self.tr(
                "The medicines the doctors prescribed, copied from prescriptions and discharge"
                " letters. Casebook only keeps this list: it never checks doses or"
                " interactions. Ask a doctor or pharmacist about those."
            )
        )
        hint.setObjectName("medicines_hint")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.error_bar = MessageBar()
        self.undo_bar = UndoBar()
        self.undo_bar.setObjectName("medicines_undo_bar")
        self.undo_bar.undo_requested.connect(self.undo_delete)

        self.allergies = AllergiesPanel()
        self.allergies.add_requested.connect(lambda: self.open_allergy(None))
        self.allergies.edit_requested.connect(self.open_allergy)
        self.allergies.remove_requested.connect(self.remove_allergy)

        medicines_heading = QLabel(self.tr("Medicines"))
        medicines_heading.setProperty("role", "subheading")
        self.count_label = QLabel()
        self.count_label.setObjectName("medicines_count_label")
        self.add_button = named_button(
            self.tr("Add a medicine…"), "primary_button", self.tr("Add a medicine"),
            lambda: self.open_medicine(None),
        )  # fmt: skip
        self.change_button = named_button(
            self.tr("Change…"), "change_medicine_button", self.tr("Change the chosen medicine"),
            self.change_medicine,
        )  # fmt: skip
        self.stop_button = named_button(
            self.tr("Stop…"), "stop_medicine_button", self.tr("Record that it was stopped"),
            self.stop_medicine,
        )  # fmt: skip
        self.history_button = named_button(
            self.tr("History"), "medicine_history_button", self.tr("Show its history"),
            self.show_history,
        )  # fmt: skip
        self.remove_button = named_button(
            self.tr("Remove"), "remove_medicine_button",
            self.tr("Remove a medicine written down by mistake"), self.remove_medicine,
        )  # fmt: skip
        self.show_stopped = QCheckBox(self.tr("Show stopped medicines"))
        self.show_stopped.setObjectName("show_stopped_check")
        medicine_buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.stop_button,
                       self.history_button, self.remove_button):  # fmt: skip
            medicine_buttons.addWidget(button)
        medicine_buttons.addStretch(1)
        medicine_buttons.addWidget(self.show_stopped)
        self.model = MedicinesModel(self)
        self.filter = CurrentMedicinesFilter(self)
        self.filter.setSourceModel(self.model)
        self.show_stopped.toggled.connect(self.filter.set_show_stopped)
        self.view = read_only_table("medicines_view", self.tr("Medicines"))
        self.view.setModel(self.filter)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(MedicineColumn.NAME, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MedicineColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MedicineColumn.PURPOSE, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.change_medicine())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 20)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(message_line(self.error_bar, self.undo_bar))
        layout.addWidget(self.allergies)
        layout.addSpacing(6)
        title_row = QHBoxLayout()
        title_row.addWidget(medicines_heading)
        title_row.addWidget(self.count_label, 1)
        layout.addLayout(title_row)
        layout.addLayout(medicine_buttons)
        layout.addWidget(self.view, 1)
        self._layout = layout

        self._list_reader = LatestRead(
            self, lambda: service.load_medicine_list(session), self.show_list, self._failed
        )
        self._suggestion_reader = LatestRead(
            self,
            lambda: medicine_suggestions(session),
            lambda found: self.suggestions.show_suggestions(found),
            self._failed,
        )
        # The last part starts the first search for suggestions; `reload` starts the others.
        self.building = StagedBuild(
            self, (self._build_suggestions_and_printing, self._suggestion_reader.start)
        )
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    def _build_suggestions_and_printing(self) -> None:
        """Below the list: the suggestions (hidden until the search finds some) and printing."""
        session = self._session
        self.suggestions = SuggestionsPanel()
        self.suggestions.confirm_requested.connect(self.confirm_suggestion)
        self.suggestions.dismiss_requested.connect(self.dismiss_suggestion)

        self.print_controls = PrintControls(self.tr("the medicine list"), "medicines")
        self.pdf = PdfOutput(
            self, self.error_bar,
            lambda language: lambda: build_medicine_sheet(session, language).pdf,
            self.tr("Current medicines.pdf"),
            session,
        )  # fmt: skip
        self.pdf.serve(self.print_controls)
        print_row = QHBoxLayout()
        print_label = QLabel(self.tr("The current list on one page:"))
        print_row.addWidget(print_label)
        print_row.addWidget(self.print_controls)
        print_row.addStretch(1)
        self._layout.addWidget(self.suggestions)
        self._layout.addLayout(print_row)
        # Styled in this turn, not in the one that first shows them (the suggestions appear
        # when the search is done).
        self.suggestions.ensurePolished()
        self.print_controls.ensurePolished()

    # Reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._list_reader.start()
        if self.building.finished:  # else the build's last part starts the search
            self._suggestion_reader.start()

    def _failed(self, failure: TaskFailure) -> None:
        if not self._session.closed:
            self.error_bar.show_failure(failure)

    def show_list(self, listing: MedicineList) -> None:
        chosen = self.chosen_medicine()
        self.listing = listing
        self.model.set_medicines(listing.medicines, listing.contacts)
        self.allergies.show_allergies(listing.allergies)
        if self._pending_allergy is not None and self.allergies.select(self._pending_allergy):
            self._pending_allergy = None
        current = len(listing.current)
        stopped = len(listing.medicines) - current
        text = self.tr("%n current", "", current)
        if stopped:
            text += " · " + self.tr("%n stopped", "", stopped)
        self.count_label.setText(text)
        pending = self._pending_selection
        wanted = pending or (chosen.id if chosen is not None else None)
        if wanted is not None and self.model.row_of(wanted) is not None:
            self._pending_selection = None
            # One just saved or brought back is shown even when stopped ones are hidden.
            self.select_medicine(wanted, reveal=pending is not None)
        self._update_buttons()

    def select_medicine(self, medicine_id: int, reveal: bool = False) -> None:
        """Choose the medicine; `reveal` shows the stopped ones when it is one of them."""
        widen = (lambda: self.show_stopped.setChecked(True)) if reveal else None
        select_source_row(self.view, self.filter, self.model, self.model.row_of(medicine_id), widen)

    def chosen_medicine(self) -> Medicine | None:
        medicine = chosen_object(self.view, ObjectRole)
        return medicine if isinstance(medicine, Medicine) else None

    def _update_buttons(self) -> None:
        medicine = self.chosen_medicine()
        for button in (self.change_button, self.history_button, self.remove_button):
            button.setEnabled(medicine is not None)
        self.stop_button.setEnabled(medicine is not None and medicine.is_current)

    def _name(self, medicine: Medicine) -> str:
        row = self.model.row_of(medicine.id)
        if row is None:
            return medicine.current.name
        return str(self.model.index(row, MedicineColumn.NAME).data())

    # Medicines ------------------------------------------------------------------------------

    def open_medicine(
        self,
        medicine: Medicine | None,
        proposed: MedicineDetails | None = None,
        key: str = "",
        source: int | None = None,
    ) -> MedicineDialog:
        listing = self.listing
        dialog = MedicineDialog(
            medicine,
            listing.contacts if listing else (),
            listing.therapy_lines if listing else (),
            self,
            proposed=proposed,
            lexicon_key=key,
            source_document_id=source,
        )
        dialog.save_requested.connect(self._save_medicine)
        self._open(dialog)
        return dialog

    def _open(self, dialog: Any) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def change_medicine(self) -> None:
        medicine = self.chosen_medicine()
        if medicine is not None:
            self.open_medicine(medicine)

    def _save_medicine(
        self, medicine_id: int, details: MedicineDetails, key: str, source: int | None
    ) -> None:
        session, dialog = self._session, self.dialog

        def save() -> int:
            if medicine_id:
                service.change_medicine(session, medicine_id, details)
                return medicine_id
            return service.add_medicine(session, details, key, source)

        def saved(saved_id: int) -> None:
            if isinstance(dialog, MedicineDialog):
                dialog.accept()
            self.select_after_read(saved_id)

        def failed(failure: TaskFailure) -> None:
            if isinstance(dialog, MedicineDialog) and isinstance(failure.error, InvalidInput):
                dialog.show_problem(failure.error)
            else:
                self._failed(failure)

        WriteOp(self, session, save).on_success(saved).on_failure(failed).start()

    def select_after_read(self, medicine_id: int) -> None:
        """Select `medicine_id` now if the list has it, else when the next read brings it."""
        self._pending_selection = medicine_id
        listing = self.listing
        if listing is not None and any(m.id == medicine_id for m in listing.medicines):
            self._pending_selection = None
            self.select_medicine(medicine_id, reveal=True)

    def stop_medicine(self) -> None:
        medicine = self.chosen_medicine()
        if medicine is None or not medicine.is_current:
            return
        dialog = StopDialog(medicine, self._name(medicine), self)
        dialog.stop_requested.connect(self._stop)
        self._open(dialog)

    def _stop(self, medicine_id: int, on: PartialDate, reason: StopReason, note: str) -> None:
        session, dialog = self._session, self.dialog

        def failed(failure: TaskFailure) -> None:
            if isinstance(dialog, StopDialog) and isinstance(failure.error, InvalidInput):
                dialog.show_problem()
            else:
                self._failed(failure)

        WriteOp(
            self, session, lambda: service.stop_medicine(session, medicine_id, on, reason, note)
        ).on_success(lambda _none: dialog.accept() if isinstance(dialog, StopDialog) else None
        ).on_failure(failed).start()  # fmt: skip

    def show_history(self) -> HistoryDialog | None:
        medicine = self.chosen_medicine()
        if medicine is None or self.listing is None:
            return None
        dialog = HistoryDialog(
            medicine, self._name(medicine), self.listing.contacts, self.listing.therapy_lines, self
        )
        self._open(dialog)
        return dialog

    def remove_medicine(self) -> None:
        """Remove a medicine written down by mistake (a stopped one is kept: Stop…); the page
        says so and offers Undo, instead of asking first."""
        medicine = self.chosen_medicine()
        if medicine is None:
            return
        session = self._session
        self._write(lambda: service.delete_medicine(session, medicine.id), self._deleted)

    def _write(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        op = WriteOp(self, self._session, job).on_failure(self._failed)
        if done is not None:
            op.on_success(done)
        op.start()

    def _deleted(self, deleted: Deleted | None) -> None:
        if deleted is None:
            return  # gone already (deleted elsewhere): nothing to offer back
        self._undo_kinds[deleted.snapshot_id] = deleted.kind
        self.undo_bar.show_deleted(deleted)

    def undo_delete(self, snapshot_id: int) -> None:
        """Bring back what was removed, and choose it again."""
        session, kind = self._session, self._undo_kinds.pop(snapshot_id, None)
        self._write(
            lambda: undo_delete(session, snapshot_id), lambda rid: self._restored(kind, rid)
        )

    def _restored(self, kind: Undoable | None, row_id: int) -> None:
        if kind is Undoable.ALLERGY:
            self._pending_allergy = row_id
            if self.allergies.select(row_id):
                self._pending_allergy = None
        elif kind is Undoable.MEDICINE:
            self.select_after_read(row_id)

    # Allergies ------------------------------------------------------------------------------

    def open_allergy(self, allergy: Allergy | None) -> AllergyDialog:
        dialog = AllergyDialog(allergy, self)
        dialog.save_requested.connect(self._save_allergy)
        self._open(dialog)
        return dialog

    def _save_allergy(self, allergy: Allergy) -> None:
        session, dialog = self._session, self.dialog
        WriteOp(self, session, lambda: service.save_allergy(session, allergy)).on_success(
            lambda _id: dialog.accept() if isinstance(dialog, AllergyDialog) else None
        ).on_failure(self._failed).start()

    def remove_allergy(self, allergy: Allergy) -> None:
        session = self._session
        self._write(lambda: service.delete_allergy(session, allergy.id), self._deleted)

    # Suggestions ----------------------------------------------------------------------------

    def confirm_suggestion(self, suggestion: MedicineSuggestion) -> MedicineDialog:
        """Open the medicine dialog filled from the suggestion, to check and add."""
        return self.open_medicine(
            None, suggestion.details(), suggestion.key, suggestion.document_id
        )

    def dismiss_suggestion(self, suggestion: MedicineSuggestion) -> None:
        self._write(lambda: dismiss_suggestion(self._session, suggestion))
