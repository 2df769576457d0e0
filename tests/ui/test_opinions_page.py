"""The Opinions page on a real small binder: record, compare, mark, ask, print, decide."""

from __future__ import annotations

from pathlib import Path

from core.opinion_samples import dr_chen, dr_mueller, fudan_mdt
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from casebook.core.opinions import Mark, OpinionField
from casebook.services import opinions as service
from casebook.services.binder import BinderSession
from casebook.store.database import transaction
from casebook.ui.opinions.comparison_view import MarkEditor
from casebook.ui.pages.opinions_page import OpinionsPage

from .screenshots import save_screenshot, screenshot_folder

F = OpinionField


def make_page(
    qtbot: QtBot, session: BinderSession, size: tuple[int, int] = (1100, 760)
) -> OpinionsPage:
    page = OpinionsPage(session)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    return page


def add_three(session: BinderSession) -> list[int]:
    return [service.save_opinion(session, o) for o in (dr_chen(), dr_mueller(), fudan_mdt())]


def compare_all(qtbot: QtBot, page: OpinionsPage, ids: list[int]) -> None:
    page.tick(ids)
    assert page.compare_button.isEnabled()
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.comparison_view.comparison is not None)


def test_an_empty_binder_says_what_to_do(qtbot: QtBot, session: BinderSession) -> None:
    page = make_page(qtbot, session)
    assert page.opinion_list.count() == 0
    assert "Add an opinion" in page.message_bar.text()
    assert not page.compare_button.isEnabled()
    assert not page.ask_button.isEnabled()


def test_recording_an_opinion_in_the_dialog(qtbot: QtBot, session: BinderSession) -> None:
    page = make_page(qtbot, session)
    dialog = page.open_editor(None)
    dialog.save()
    assert dialog.isVisible()  # no name: refused with a message
    assert "who gave the opinion" in dialog.error_bar.text()
    dialog.name_edit.setText("Dr Anna Müller")
    dialog.country_edit.setText("Germany")
    editors = dialog.editors
    text_edit = editors[F.SEQUENCE_TIMING].text_edit
    assert text_edit is not None
    text_edit.setPlainText("Surgery first")
    editors[F.SUBTYPE].not_stated.setChecked(True)
    assert not editors[F.SUBTYPE].editor.isEnabled()
    choice = editors[F.TREATMENT_INTENT].choice
    assert choice is not None
    choice.setCurrentIndex(choice.findData("control"))
    dialog.save()
    qtbot.waitUntil(lambda: page.opinion_list.count() == 1)
    (saved,) = service.list_opinions(session)
    assert saved.value(F.SEQUENCE_TIMING).text == "Surgery first"
    assert saved.value(F.SUBTYPE).not_stated
    assert saved.value(F.TREATMENT_INTENT).text == "control"
    assert "Germany" in page.opinion_list.item(0).text()


def test_filling_a_field_from_consultation_notes(qtbot: QtBot, session: BinderSession) -> None:
    db = session.database()
    with transaction(db):
        db.execute(
            "INSERT INTO consultations(id, title, held_on, created_at) "
            "VALUES (3, 'Heidelberg call', '2025-01-24', '2025-01-24T10:00:00+00:00')"
        )
        db.execute(
            "INSERT INTO consultation_entries(consultation_id, author, written_at, text) "
            "VALUES (3, 'Li', '2025-01-24T10:03:00+00:00', ?)",
            ["Operation first, within four weeks\nThen six months of chemotherapy"],
        )
    page = make_page(qtbot, session)
    dialog = page.open_editor(None)
    button = dialog.editors[F.SEQUENCE_TIMING].from_notes
    assert not button.isEnabled()  # no consultation chosen yet
    dialog.consultation_combo.setCurrentIndex(dialog.consultation_combo.findData(3))
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(dialog, "note_picker") and dialog.note_picker.isVisible())
    picker = dialog.note_picker
    assert picker.lines_list.count() == 2
    picker.check_line(0)
    picker.accept()
    edit = dialog.editors[F.SEQUENCE_TIMING].text_edit
    assert edit is not None
    assert edit.toPlainText() == "Operation first, within four weeks"


def test_comparing_marking_asking_and_printing(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    ids = add_three(session)
    page = make_page(qtbot, session)
    assert page.opinion_list.count() == 3
    compare_all(qtbot, page, ids)
    table = page.comparison_view.table
    assert page.tabs.currentIndex() == 1
    assert (table.rowCount(), table.columnCount()) == (16, 5)
    assert "胰腺肿瘤MDT" in table.horizontalHeaderItem(3).text()
    assert table.item(0, 1).text() == "Pancreatic ductal adenocarcinoma"
    assert table.item(1, 1).text() == "Not stated"

    editor = page.comparison_view.mark_editor(F.STAGE)
    assert isinstance(editor, MarkEditor)
    assert editor.combo.currentData() is Mark.DIFFER
    assert "Please read them and check" in editor.status.text()
    editor.combo.setCurrentIndex(editor.combo.findData(Mark.AGREE))
    editor.combo.activated.emit(editor.combo.currentIndex())
    qtbot.waitUntil(lambda: service.load_comparison(session, ids).row(F.STAGE).mark is Mark.AGREE)
    qtbot.waitUntil(lambda: page.comparison_view.comparison.row(F.STAGE).confirmed)  # type: ignore[union-attr]
    again = page.comparison_view.mark_editor(F.STAGE)
    assert again is not None
    assert again.confirm_box.isChecked()
    again.confirm_box.click()  # unticked: back to Casebook's suggestion
    qtbot.waitUntil(lambda: not service.load_comparison(session, ids).row(F.STAGE).confirmed)

    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "added to your list" in page.message_bar.text())
    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no new question" in page.message_bar.text())

    target = tmp_path / "comparison.pdf"
    page.print_to(target)
    qtbot.waitUntil(lambda: "saved as" in page.message_bar.text())
    assert target.read_bytes().startswith(b"%PDF")


def test_the_decision_log_keeps_versions(qtbot: QtBot, session: BinderSession) -> None:
    add_three(session)
    page = make_page(qtbot, session)
    page.tabs.setCurrentIndex(2)
    dialog = page.open_decision(None)
    dialog.option_edit.setText("Chemotherapy first")
    dialog.reasons_edit.setPlainText("Two teams suggested it; it keeps surgery possible.")
    dialog.opinions_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    panel = page.decision_panel
    qtbot.waitUntil(lambda: len(panel.decisions) == 1)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    edit = page.open_decision(panel.selected())
    assert edit.option_edit.text() == "Chemotherapy first"
    edit.revisit_edit.setPlainText("If the CT in two months shows growth")
    edit.save()
    qtbot.waitUntil(lambda: bool(panel.decisions) and panel.decisions[0].version == 2)
    top = panel.tree.topLevelItem(0)
    texts = [top.child(i).text(0) for i in range(top.childCount())]
    assert "Earlier versions (1)" in texts
    (decision,) = service.list_decisions(session)
    assert decision.history[0].draft.revisit_if == ""
    assert decision.current.revisit_if == "If the CT in two months shows growth"
    assert decision.current.opinion_ids == (service.list_opinions(session)[0].id,)


def test_screenshot_of_a_three_opinion_comparison(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    ids = add_three(session)
    comparison = service.load_comparison(session, ids)
    service.set_mark(session, comparison, F.STAGE, Mark.DIFFER)
    page = make_page(qtbot, session, (1440, 900))
    compare_all(qtbot, page, ids)
    folder = screenshot_folder(tmp_path)
    path = save_screenshot(qtbot, page, folder, "opinions")
    assert path.stat().st_size > 10_000
    page.tabs.setCurrentIndex(0)
    save_screenshot(qtbot, page, folder, "opinions_list")
    dialog = page.open_editor(service.list_opinions(session)[0])
    dialog.resize(900, 820)
    save_screenshot(qtbot, dialog, folder, "opinions_editor")
    dialog.done(QDialog.DialogCode.Rejected)
