"""The Medicines page through real widgets: its models, adding, changing and stopping a
medicine, a suggestion from a discharge summary confirmed, and every other page agreeing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from services.discharge_summary import write_discharge_summary

from casebook.core.contacts import Contact, ContactKind
from casebook.core.medicines import Allergy, MedicineDetails, Route, StopReason
from casebook.core.model import PartialDate, RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import contacts
from casebook.services.binder.session import BinderSession
from casebook.services.medicines import medicines
from casebook.services.medicines.suggestions import MedicineSuggestion, medicine_suggestions
from casebook.services.records.importing import import_paths
from casebook.ui.common import tasks
from casebook.ui.common.labels import slot_kind_label
from casebook.ui.medicines.history_dialog import HistoryDialog
from casebook.ui.medicines.medicine_dialog import MedicineDialog
from casebook.ui.medicines.medicine_models import MedicineColumn, ObjectRole
from casebook.ui.medicines.medicines_page import MedicinesPage
from casebook.ui.medicines.stop_dialog import StopDialog
from casebook.ui.shell.workspace import Workspace

from .screenshots import save_screenshot, screenshot_folder
from .test_accessibility import accessibility_problems

WAIT = 20_000


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=30_000)


def _page(qtbot: QtBot, session: BinderSession) -> MedicinesPage:
    page = MedicinesPage(session)
    qtbot.addWidget(page)
    page.resize(1156, 740)
    page.show()
    qtbot.waitUntil(lambda: page.listing is not None and page.building.finished, timeout=WAIT)
    return page


def _names(page: MedicinesPage) -> list[str]:
    view = page.view.model()
    return [str(view.index(row, MedicineColumn.NAME).data()) for row in range(view.rowCount())]


def test_models_pass_the_model_tester(
    qtbot: QtBot, session: BinderSession, tmp_path: Path, qtmodeltester: object
) -> None:
    medicines.add_medicine(
        session, MedicineDetails(generic_name="Osimertinib", brand_name="Tagrisso", dose="80 mg")
    )
    stopped = medicines.add_medicine(session, MedicineDetails(generic_name="Ibuprofen"))
    medicines.stop_medicine(session, stopped, PartialDate(2026, 9), StopReason.SIDE_EFFECTS)
    medicines.save_allergy(session, Allergy("Penicillin", reaction="rash"))
    import_paths(
        session, [write_discharge_summary(tmp_path / "discharge.pdf")], None, ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    page = _page(qtbot, session)
    qtbot.waitUntil(lambda: page.suggestions.model.rowCount() > 0, timeout=WAIT)
    qtbot.waitUntil(lambda: page.listing is not None, timeout=WAIT)  # read apart from those
    for model in (page.model, page.filter, page.allergies.model, page.suggestions.model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert _names(page) == ["Osimertinib (Tagrisso)"]  # stopped ones hidden
    page.show_stopped.setChecked(True)
    assert _names(page) == ["Ibuprofen", "Osimertinib (Tagrisso)"]
    page.view.selectRow(0)
    history = page.show_history()
    assert isinstance(history, HistoryDialog)
    qtmodeltester.check(history.model)  # type: ignore[attr-defined]
    assert history.model.rowCount() == 2
    assert "Why it stopped: — → Side effects" in history.model.index(0, 2).data()
    history.reject()


def test_add_change_and_stop_through_the_dialogs_and_every_page_agrees(
    qtbot: QtBot, session: BinderSession
) -> None:
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 740)
    workspace.show()
    workspace.show_section("medicines")
    page = workspace.medicines_page
    qtbot.waitUntil(lambda: page.listing is not None, timeout=WAIT)
    assert page.stop_button.isEnabled() is False

    dialog = page.open_medicine(None)
    problems = accessibility_problems(dialog, "medicine dialog")
    assert problems == [], "\n".join(problems)
    dialog.generic_edit.setText("Pemetrexed")
    dialog.dose_edit.setText("500 mg/m²")
    dialog.frequency_edit.setText("every 3 weeks")
    dialog.route_combo.setCurrentIndex(dialog.route_combo.findData(Route.INTO_A_VEIN))
    dialog.started_edit.set_value(PartialDate(2026, 9, 30))
    dialog.purpose_edit.setText("lung cancer")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog._save()
    qtbot.waitUntil(lambda: _names(page) == ["Pemetrexed"], timeout=WAIT)
    [medicine] = medicines.list_medicines(session)
    assert medicine.lexicon_key == "pemetrexed"
    qtbot.waitUntil(lambda: page.chosen_medicine() is not None, timeout=WAIT)

    # The Overview's card and the Records page agree without being told.
    workspace.show_section("overview")
    card = workspace.overview_page.daily_card
    qtbot.waitUntil(lambda: "Pemetrexed" in card.medicines_label.text(), timeout=WAIT)
    workspace.show_section("records")
    records_page = workspace.records_page
    qtbot.waitUntil(lambda: records_page.snapshot is not None, timeout=WAIT)
    qtbot.waitUntil(
        lambda: (
            records_page.snapshot is not None
            and next(
                s for s in records_page.snapshot.slots if s.kind is RecordKind.MEDICATIONS
            ).status.value
            == "received"
        ),
        timeout=WAIT,
    )

    workspace.show_section("medicines")
    page.select_medicine(medicine.id)
    change = page.open_medicine(medicine)
    change.dose_edit.setText("400 mg/m²")
    with qtbot.waitSignal(change.finished, timeout=WAIT):
        change._save()
    qtbot.waitUntil(
        lambda: page.model.index(0, MedicineColumn.DOSE).data() == "400 mg/m²", timeout=WAIT
    )
    page.select_medicine(medicine.id)
    page.stop_medicine()
    stop = page.dialog
    assert isinstance(stop, StopDialog)
    problems = accessibility_problems(stop, "stop dialog")
    assert problems == [], "\n".join(problems)
    stop.date_edit.set_value(PartialDate(2026, 11, 30))
    stop.reason_combo.setCurrentIndex(stop.reason_combo.findData(StopReason.FINISHED))
    with qtbot.waitSignal(stop.finished, timeout=WAIT):
        stop._save()
    qtbot.waitUntil(lambda: _names(page) == [], timeout=WAIT)
    stored = medicines.get_medicine(session, medicine.id)
    assert stored is not None
    assert [v.details.dose for v in stored.history] == [
        "500 mg/m²", "400 mg/m²", "400 mg/m²",
    ]  # fmt: skip
    assert stored.current.stop_reason is StopReason.FINISHED
    workspace.show_section("overview")
    qtbot.waitUntil(
        lambda: card.medicines_label.text() == "No current medicines written down.", timeout=WAIT
    )
    workspace.show_section("records")
    qtbot.waitUntil(
        lambda: (
            records_page.snapshot is not None
            and next(
                s for s in records_page.snapshot.slots if s.kind is RecordKind.MEDICATIONS
            ).status.value
            == "missing"
        ),
        timeout=WAIT,
    )
    assert slot_kind_label(RecordKind.MEDICATIONS)


def test_a_suggestion_is_checked_and_added(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    import_paths(
        session, [write_discharge_summary(tmp_path / "discharge.pdf")], None, ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    page = _page(qtbot, session)
    qtbot.waitUntil(lambda: page.suggestions.isVisible(), timeout=WAIT)
    before = page.suggestions.model.rowCount()
    row = next(
        r for r in range(before)
        if page.suggestions.model.index(r, 0).data(ObjectRole).key == "osimertinib"
    )  # fmt: skip
    page.suggestions.view.selectRow(row)
    page.suggestions.confirm()
    dialog = page.dialog
    assert isinstance(dialog, MedicineDialog)
    assert dialog.generic_edit.text() == "Osimertinib"
    assert dialog.brand_edit.text() == "Tagrisso"
    assert dialog.dose_edit.text() == "80 mg"
    assert dialog.route_combo.currentData() is Route.BY_MOUTH
    dialog.purpose_edit.setText("lung cancer (EGFR)")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog._save()
    qtbot.waitUntil(lambda: page.suggestions.model.rowCount() == before - 1, timeout=WAIT)
    qtbot.waitUntil(lambda: _names(page) == ["Osimertinib (Tagrisso)"], timeout=WAIT)
    [medicine] = medicines.list_medicines(session)
    assert medicine.source_document_id is not None
    page.suggestions.view.selectRow(0)
    page.suggestions.dismiss()
    qtbot.waitUntil(lambda: page.suggestions.model.rowCount() == before - 2, timeout=WAIT)
    QApplication.processEvents()
    problems = accessibility_problems(page, "medicines page")
    assert problems == [], "\n".join(problems)


def test_the_print_is_saved_where_asked(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    medicines.add_medicine(session, MedicineDetails(generic_name="Pemetrexed", dose="500 mg/m²"))
    page = _page(qtbot, session)
    target = tmp_path / "list.pdf"
    page.print_controls.language_combo.setCurrentIndex(2)
    page.pdf.save(page.print_controls.language(), target)
    qtbot.waitUntil(lambda: page.pdf.last_saved == target, timeout=WAIT)
    assert target.read_bytes().startswith(b"%PDF")
    assert target.name in page.error_bar.text()


def _top_of(widget: QWidget, page: QWidget) -> int:
    """Where the widget is on the page once every layout in it has placed what it holds."""
    for inner in [*reversed(page.findChildren(QWidget)), page]:
        layout = inner.layout()
        if layout is not None:
            layout.activate()
    return widget.mapTo(page, QPoint(0, 0)).y()


def _no_box_asked() -> bool:
    return not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())


def test_a_medicine_and_an_allergy_removed_at_once_come_back_with_undo(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    doctor = contacts.save_contact(session, Contact(ContactKind.DOCTOR, "Dr Wei Chen"))
    medicine = medicines.add_medicine(
        session, MedicineDetails(generic_name="Osimertinib", dose="80 mg", prescriber_id=doctor)
    )
    medicines.change_medicine(
        session, medicine, MedicineDetails(generic_name="Osimertinib", dose="40 mg",
                                           prescriber_id=doctor),
    )  # fmt: skip
    kept = medicines.add_medicine(session, MedicineDetails(generic_name="Ondansetron"))
    allergy = medicines.save_allergy(session, Allergy("Penicillin", reaction="rash"))
    before = medicines.get_medicine(session, medicine)
    page = _page(qtbot, session)
    qtbot.waitUntil(lambda: page.allergies.model.rowCount() == 1, timeout=WAIT)
    page.select_medicine(medicine)
    table_top = _top_of(page.view, page)
    buttons_top = _top_of(page.remove_button, page)

    QTest.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(page) == ["Ondansetron"], timeout=WAIT)
    qtbot.waitUntil(page.undo_bar.isVisible, timeout=WAIT)
    assert _no_box_asked()
    assert page.undo_bar.text() == "Deleted “Osimertinib”."
    save_screenshot(qtbot, page, screenshot_folder(tmp_path), "medicines_undo_bar")
    assert [m.id for m in medicines.list_medicines(session)] == [kept]
    assert not page.remove_button.isEnabled()  # no other medicine takes its place
    # The bar takes the message line: nothing under the pointer moved.
    assert (_top_of(page.view, page), _top_of(page.remove_button, page)) == (
        table_top, buttons_top,
    )  # fmt: skip
    assert page.undo_bar.undo_button.hasFocus()

    QTest.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (chosen := page.chosen_medicine()) is not None and chosen.id == medicine,
        timeout=WAIT,
    )
    assert page.undo_bar.isHidden()
    assert _names(page) == ["Ondansetron", "Osimertinib"]
    assert medicines.get_medicine(session, medicine) == before  # its history and prescriber
    assert _top_of(page.view, page) == table_top

    # An allergy the same way; "Stop…" is not removing and still asks its own questions.
    page.allergies.select(allergy)
    remove_allergy = page.allergies.findChild(QPushButton, "remove_allergy_button")
    QTest.mouseClick(remove_allergy, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.allergies.model.rowCount() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: page.undo_bar.text() == "Deleted “Penicillin”.", timeout=WAIT)
    assert _no_box_asked()
    assert medicines.list_allergies(session) == []
    QTest.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (chosen := page.allergies.chosen()) is not None and chosen.id == allergy,
        timeout=WAIT,
    )
    [back] = medicines.list_allergies(session)
    assert (back.id, back.substance, back.reaction) == (allergy, "Penicillin", "rash")
    page.select_medicine(medicine)
    page.stop_medicine()
    assert isinstance(page.dialog, StopDialog)
    page.dialog.reject()


def test_a_message_and_the_offer_to_undo_share_one_line(
    qtbot: QtBot, session: BinderSession
) -> None:
    medicines.add_medicine(session, MedicineDetails(generic_name="Osimertinib"))
    page = _page(qtbot, session)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.error_bar.show_message("Saved Current medicines.pdf")
    page.view.selectRow(0)
    page.remove_medicine()
    qtbot.waitUntil(page.undo_bar.isVisible, timeout=WAIT)
    assert page.error_bar.isHidden()  # the newer replaces the older
    assert page.undo_bar.geometry().top() == page.error_bar.geometry().top()
    assert page.undo_bar.height() == page.error_bar.height()
    page.error_bar.show_message("Printed")
    assert page.undo_bar.isHidden()


def test_the_search_for_suggestions_starts_once_the_page_is_whole(
    qtbot: QtBot, session: BinderSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: the list shows first; the suggestions and printing come in a later turn of the
    event loop, and only then does the documents' search start (pure Python for up to 100 ms,
    it took the GIL from the page's first layout and paint)."""
    import_paths(
        session, [write_discharge_summary(tmp_path / "discharge.pdf")], None, ignore_progress,
        NEVER_CANCELLED,
    )  # fmt: skip
    original = medicine_suggestions
    searched: list[bool] = []  # for each search: were the suggestions' widgets made by then

    def search(session: BinderSession) -> list[MedicineSuggestion]:
        searched.append(hasattr(page, "print_controls"))
        return original(session)

    monkeypatch.setattr("casebook.ui.medicines.medicines_page.medicine_suggestions", search)
    page = MedicinesPage(session)
    qtbot.addWidget(page)
    page.resize(1156, 740)
    page.show()
    assert not page.building.finished
    with qtbot.waitSignal(page.building.done, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: page.suggestions.isVisible(), timeout=WAIT)
    assert searched == [True]  # one search, started by the build's last part
    assert page.print_controls.isVisible()
