"""The Opinions page on a real small binder: record, compare, mark, ask, print, decide."""

from __future__ import annotations

from pathlib import Path

from core.opinion_samples import dr_chen, dr_mueller, fudan_mdt
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from casebook.core.consultations import Consultation
from casebook.core.model import PartialDate
from casebook.core.opinions import FieldValue, Mark, Opinion, OpinionField
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.consultations import EntryDraft
from casebook.services.opinions import opinions as service
from casebook.services.questions.questions import list_questions
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.opinions.comparison_model import ObjectRole
from casebook.ui.opinions.comparison_view import ComparisonView, MarkEditor
from casebook.ui.opinions.opinions_page import OpinionsPage

from .screenshots import save_screenshot, screenshot_folder
from .test_date_field import type_into, with_chinese_font

F = OpinionField
GOALS = (
    "To keep working at the shop while it is possible, to be home for the spring festival with "
    "the whole family, and to avoid long stays in hospital far from the grandchildren."
)


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
    assert page.opinions_model.rowCount() == 0
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
    qtbot.waitUntil(lambda: page.opinions_model.rowCount() == 1)
    (saved,) = service.list_opinions(session)
    assert saved.value(F.SEQUENCE_TIMING).text == "Surgery first"
    assert saved.value(F.SUBTYPE).not_stated
    assert saved.value(F.TREATMENT_INTENT).text == "control"
    assert "Germany" in page.opinions_model.index(0).data()


def test_filling_a_field_from_consultation_notes(qtbot: QtBot, session: BinderSession) -> None:
    call = consultations.create_consultation(
        session, Consultation(0, "Heidelberg call", held_on="2025-01-24")
    )
    EntryDraft(call, "Li", written_at="2025-01-24T10:03:00+00:00").save(
        session, "Operation first, within four weeks\nThen six months of chemotherapy"
    )
    page = make_page(qtbot, session)
    dialog = page.open_editor(None)
    button = dialog.editors[F.SEQUENCE_TIMING].from_notes
    assert not button.isEnabled()  # no consultation chosen yet
    dialog.consultation_combo.setCurrentIndex(dialog.consultation_combo.findData(call))
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
    assert page.opinions_model.rowCount() == 3
    compare_all(qtbot, page, ids)
    model = page.comparison_view.model
    assert page.tabs.currentIndex() == 1
    assert (model.rowCount(), model.columnCount()) == (16, 5)
    assert "胰腺肿瘤MDT" in model.headerData(3, Qt.Orientation.Horizontal)
    assert model.index(0, 1).data() == "Pancreatic ductal adenocarcinoma"
    assert model.index(1, 1).data() == "Not stated"

    editor = page.comparison_view.mark_editor(F.STAGE)
    assert isinstance(editor, MarkEditor)
    assert editor.combo.currentData() is Mark.DIFFER
    assert "Please read them and check" in editor.status.text()
    editor.combo.setCurrentIndex(editor.combo.findData(Mark.AGREE))
    editor.combo.activated.emit(editor.combo.currentIndex())
    qtbot.waitUntil(lambda: service.load_comparison(session, ids).row(F.STAGE).mark is Mark.AGREE)
    qtbot.waitUntil(lambda: page.comparison_view.comparison.row(F.STAGE).confirmed)  # type: ignore[union-attr]
    again = page.comparison_view.mark_editor(F.STAGE)
    assert again is editor  # repainted in place: the same row keeps its editor
    assert again.confirm_box.isChecked()
    again.confirm_box.click()  # unticked: back to Casebook's suggestion
    qtbot.waitUntil(lambda: not service.load_comparison(session, ids).row(F.STAGE).confirmed)
    # The page shows the write's result a moment after it is in the binder; asking before
    # that would use the comparison as it was.
    qtbot.waitUntil(lambda: not page.comparison_view.comparison.row(F.STAGE).confirmed)  # type: ignore[union-attr]

    # The questions are shown first, all ticked; the family unticks one they would not ask.
    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.follow_up_dialog is not None)
    dialog = page.follow_up_dialog
    assert dialog is not None
    shown = [dialog.questions_list.item(r).text() for r in range(dialog.questions_list.count())]
    assert shown
    assert not [text for text in shown if "…" in text or len(text) > 200]
    assert dialog.add_button.text() == f"Add {len(shown)} questions"
    first_field = dialog.chosen_fields()[0]
    dialog.set_checked(0, False)
    assert dialog.add_button.text() == f"Add {len(shown) - 1} questions"
    dialog.accept()
    qtbot.waitUntil(lambda: "added to your list" in page.message_bar.text())
    listed = [q.text for q in list_questions(session)]
    assert shown[0] not in listed
    assert all(text in listed for text in shown[1:])
    # Asked again: the others are greyed as already listed; only the unticked one is offered.
    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.follow_up_dialog not in (dialog, None))
    again = page.follow_up_dialog
    assert again is not None
    assert again.chosen_fields() == [first_field]
    assert "(already on your list)" in again.questions_list.item(1).text()
    again.accept()
    qtbot.waitUntil(lambda: "1 question was added" in page.message_bar.text())
    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no new question" in page.message_bar.text())

    target = tmp_path / "comparison.pdf"
    with qtbot.waitSignal(page.pdf.saved, timeout=20_000):
        page.pdf.save(page.print_controls.language(), target)
    assert "comparison.pdf" in page.message_bar.text()
    assert target.read_bytes().startswith(b"%PDF")


def test_the_decision_log_keeps_versions(
    qtbot: QtBot, session: BinderSession, qtmodeltester: ModelTester
) -> None:
    add_three(session)
    page = make_page(qtbot, session)
    page.tabs.setCurrentIndex(2)
    dialog = page.open_decision(None)
    dialog.option_edit.setText("Chemotherapy first")
    dialog.reasons_edit.setPlainText("Two teams suggested it; it keeps surgery possible.")
    dialog.goals_edit.setPlainText(GOALS)
    dialog.opinions_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.save()
    panel = page.decision_panel
    qtbot.waitUntil(lambda: len(panel.decisions) == 1)
    qtmodeltester.check(panel.model, force_py=True)
    rect = panel.tree.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.edit_button.isEnabled()
    edit = page.open_decision(panel.selected())
    assert edit.option_edit.text() == "Chemotherapy first"
    edit.revisit_edit.setPlainText("If the CT in two months shows growth")
    edit.save()
    qtbot.waitUntil(lambda: bool(panel.decisions) and panel.decisions[0].version == 2)
    qtbot.waitUntil(lambda: panel.selected() is not None and panel.selected().version == 2)  # type: ignore[union-attr]
    top = panel.model.index(0, 0)
    texts = [panel.model.index(i, 0, top).data() for i in range(panel.model.rowCount(top))]
    assert "Earlier versions (1)" in texts
    rows = {panel.model.index(i, 0, top).data(): i for i in range(panel.model.rowCount(top))}
    goals = panel.model.index(rows["What matters most to the patient"], 1, top)
    assert goals.data() == GOALS
    # Long words in the family's own hand wrap onto more lines instead of ending in "…".
    line = panel.tree.fontMetrics().height()
    qtbot.waitUntil(lambda: panel.tree.visualRect(goals).height() >= 2 * line)
    (decision,) = service.list_decisions(session)
    assert decision.history[0].draft.revisit_if == ""
    assert decision.current.revisit_if == "If the CT in two months shows growth"
    assert decision.current.goals == GOALS
    assert decision.current.opinion_ids == (service.list_opinions(session)[0].id,)


def test_screenshot_of_a_three_opinion_comparison(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    ids = add_three(session)
    service.set_mark(session, ids, F.STAGE, Mark.DIFFER)
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


def test_ticks_are_kept_by_opinion_when_the_list_changes(
    qtbot: QtBot, session: BinderSession, qtmodeltester: ModelTester
) -> None:
    """The family ticks with the keyboard; an opinion edited and another removed repaint the
    list, and the ticks stay on the opinions they were given to."""
    ids = add_three(session)
    page = make_page(qtbot, session)
    model = page.opinions_model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    qtmodeltester.check(model, force_py=True)
    page.opinion_list.setFocus()
    for row in (0, 2):
        page.select_row(row)
        qtbot.keyClick(page.opinion_list, Qt.Key.Key_Space)
    assert page.ticked_ids() == [ids[0], ids[2]]
    assert page.compare_button.isEnabled()
    assert model.index(2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    page.select_row(2)
    dialog = page.open_editor(model.object_at(2))
    dialog.name_edit.setText("Fudan team")
    dialog.save()
    qtbot.waitUntil(lambda: "Fudan team" in model.index(2).data())
    assert page.ticked_ids() == [ids[0], ids[2]]
    page.select_row(1)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert page.ticked_ids() == [ids[0], ids[2]]
    assert page.compare_button.isEnabled()


def test_the_comparison_is_a_model_repainted_in_place(
    qtbot: QtBot, session: BinderSession, qtmodeltester: ModelTester
) -> None:
    """A saved mark comes back as a changed row, not a new table: the row keeps its editor."""
    ids = add_three(session)
    view = ComparisonView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.show_comparison(service.load_comparison(session, ids))
    model = view.model
    qtmodeltester.check(model, force_py=True)
    stage = model.row_of(F.STAGE)
    assert stage is not None
    assert model.index(stage, 0).data() == "Stage"
    assert model.flags(model.index(stage, model.mark_column)) & Qt.ItemFlag.ItemIsEditable
    editor = view.mark_editor(F.STAGE)
    assert editor is not None
    assert not editor.confirm_box.isChecked()

    service.set_mark(session, ids, F.STAGE, Mark.AGREE)
    changed: list[int] = []
    model.modelReset.connect(lambda: changed.append(-1))
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    view.show_comparison(service.load_comparison(session, ids))
    assert changed == [0]  # same opinions and topics: no reset
    row = model.index(stage, 0).data(ObjectRole)
    assert row.mark is Mark.AGREE
    assert view.mark_editor(F.STAGE) is editor
    assert editor.confirm_box.isChecked()
    assert editor.combo.currentData() is Mark.AGREE
    view.clear()
    assert (model.rowCount(), model.columnCount(), changed[-1]) == (0, 0, -1)
    assert view.mark_editor(F.STAGE) is None


MAIN = (F.DIAGNOSIS, F.STAGE, F.TREATMENT_INTENT, F.RECOMMENDED_PLAN)


def test_a_new_opinion_asks_for_the_five_that_matter_first(
    qtbot: QtBot, session: BinderSession
) -> None:
    page = make_page(qtbot, session)
    dialog = page.open_editor(None)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name_edit  # who gave it: typed first
    assert dialog.name_edit.isVisible()
    for which in MAIN:
        assert dialog.editors[which].editor.isVisible(), which
    hidden = [w for w in F if w not in MAIN]
    assert len(hidden) == 12
    assert not any(dialog.editors[w].editor.isVisible() for w in hidden)
    assert not dialog.date_edit.isVisible()
    assert dialog.details_button.text() == "More details"

    type_into(qtbot, dialog.name_edit, "Dr Anna Müller")
    diagnosis = dialog.editors[F.DIAGNOSIS].text_edit
    assert diagnosis is not None
    qtbot.keyClicks(diagnosis, "Pancreatic adenocarcinoma")
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.date_edit.isVisible()
    assert dialog.editors[F.ALTERNATIVES].editor.isVisible()
    qtbot.keyClicks(dialog.date_edit.text_edit, "2025-01")
    assert dialog.date_edit.reading_text() == "Read as January 2025"
    alternatives = dialog.editors[F.ALTERNATIVES].text_edit
    assert alternatives is not None
    qtbot.keyClicks(alternatives, "Chemoradiotherapy first")
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)  # folded away again
    assert not dialog.date_edit.isVisible()
    assert dialog.details_button.text() == "More details (2 filled in)"
    dialog.save()  # what is folded away is saved all the same
    qtbot.waitUntil(lambda: page.opinions_model.rowCount() == 1)
    (saved,) = service.list_opinions(session)
    assert saved.given_on == PartialDate(2025, 1)  # the month is kept, not dropped
    assert saved.value(F.DIAGNOSIS).text == "Pancreatic adenocarcinoma"
    assert saved.value(F.ALTERNATIVES).text == "Chemoradiotherapy first"


def test_an_opinion_with_details_opens_with_them_shown(
    qtbot: QtBot, session: BinderSession
) -> None:
    detailed = service.save_opinion(session, dr_chen())
    brief = service.save_opinion(
        session,
        Opinion(
            source_name="Dr Li",
            fields={F.DIAGNOSIS: FieldValue("Adenocarcinoma"), F.STAGE: FieldValue("cT3")},
        ),
    )
    page = make_page(qtbot, session)
    by_id = {o.id: o for o in service.list_opinions(session)}
    shown = page.open_editor(by_id[detailed])
    assert shown.details_button.isChecked()
    assert shown.details.isVisibleTo(shown)
    assert shown.date_edit.value() == PartialDate(2025, 1, 10)
    shown.reject()
    folded = page.open_editor(by_id[brief])
    assert not folded.details_button.isChecked()
    assert not folded.details.isVisibleTo(folded)
    folded.reject()


def test_screenshots_of_the_opinion_form(
    qtbot: QtBot, session: BinderSession, tmp_path: Path, qapp: QApplication
) -> None:
    with_chinese_font()
    opinion_id = service.save_opinion(session, dr_chen())
    folder = screenshot_folder(tmp_path)
    for language in (ENGLISH, CHINESE):
        apply_language(language, app=qapp)
        try:
            page = make_page(qtbot, session, (1366, 768))
            (opinion,) = [o for o in service.list_opinions(session) if o.id == opinion_id]
            fresh = page.open_editor(None)
            save_screenshot(qtbot, fresh, folder, f"opinion_new_{language}")
            fresh.reject()
            filled = page.open_editor(opinion)
            save_screenshot(qtbot, filled, folder, f"opinion_details_{language}")
            filled.reject()
        finally:
            apply_language(ENGLISH, app=qapp)


def test_the_page_opens_on_the_comparison_marked_last(qtbot: QtBot, session: BinderSession) -> None:
    ids = add_three(session)
    service.set_mark(session, ids[:2], F.STAGE, Mark.DIFFER)
    page = OpinionsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    with qtbot.waitSignal(page.comparison_shown, timeout=10_000):
        page.show()
    assert page.ticked_ids() == ids[:2]
    assert page.comparison_view.comparison is not None
    assert [o.id for o in page.comparison_view.comparison.opinions] == ids[:2]
    assert page.tabs.currentIndex() == 0  # shown, not jumped to
    service.delete_opinion(session, ids[1])  # a compared opinion removed: nothing to reopen
    assert service.last_compared_ids(session) == ()
