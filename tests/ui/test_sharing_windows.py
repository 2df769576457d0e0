"""The sharing windows, driven as a family would: invite (the code shown once opens the file),
join (the new copy opens with the family's case), the exchange summary in plain words, the
two-versions marker and chooser, members and removal. Screenshots go to the test folder (or
$CASEBOOK_SCREENSHOTS_DIR)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from services.sharing.family import FAST, PASSWORDS, Family, start_family

from casebook.core.appointments import Appointment, AppointmentKind
from casebook.core.diary import DiaryEntry, Severity
from casebook.core.medicines import MedicineDetails
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import consultations
from casebook.services.appointments import appointments
from casebook.services.binder.session import NewBinder
from casebook.services.diary import diary
from casebook.services.medicines import medicines
from casebook.services.questions import questions
from casebook.services.sharing.exchange import exchange
from casebook.services.sharing.invitations import join
from casebook.services.sharing.members import load_sharing
from casebook.services.sharing.versions import list_two_versions
from casebook.ui.binder.welcome_page import WelcomePage
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.medicines.medicine_models import HistoryModel
from casebook.ui.sharing.exchange_dialog import ExchangeDialog
from casebook.ui.sharing.invite_dialog import InviteDialog
from casebook.ui.sharing.join_dialog import JoinDialog
from casebook.ui.sharing.members_dialog import MembersDialog
from casebook.ui.sharing.versions_dialog import TwoVersionsDialog
from casebook.ui.shell.workspace import Workspace

from .conftest import _OFFSCREEN_NOISE, close_on_writer_lane
from .screenshots import save_screenshot, screenshot_folder
from .test_translations import (  # noqa: F401 - fixtures
    catalogue_folder,
    restore_language,
    tool,
)

pytestmark = _OFFSCREEN_NOISE

NOTES = [f"Note {n} from the video call with Dr Chen" for n in range(1, 13)]


@pytest.fixture
def family(tmp_path: Path) -> Iterator[Family]:
    """Li and Wei: Wei took twelve notes and reworded a question Li reworded too, and left
    his news in the shared folder."""
    made = start_family(tmp_path, ("Li", "Wei"))
    li, wei = made.copies["Li"], made.copies["Wei"]
    meeting = consultations.create_consultation(
        li, consultations.Consultation(0, "Video call with Dr Chen")
    )
    questions.add_own_question(li, "Is surgery still possible?")
    made.settle()
    [wei_meeting] = consultations.list_consultations(wei)
    for note in NOTES:
        consultations.EntryDraft(wei_meeting.id, "Wei").save(wei, note)
    [theirs] = questions.list_questions(wei)
    questions.update_question(wei, replace(theirs, text="Is surgery possible, or radiotherapy?"))
    [mine] = questions.list_questions(li)
    questions.update_question(li, replace(mine, text="Is surgery possible, and how risky?"))
    made.exchange("Wei")
    del meeting
    yield made
    made.close()


def _click(widget: object, name: str) -> None:
    button = widget.findChild(QPushButton, name)  # type: ignore[attr-defined]
    assert button is not None, name
    button.click()


def test_inviting_shows_a_code_that_opens_the_file(
    qtbot: QtBot, family: Family, tmp_path: Path
) -> None:
    li = family.copies["Li"]
    dialog = InviteDialog(li, "Li", kdf=FAST)
    qtbot.addWidget(dialog)
    dialog.invitee_edit.setText("Mei")
    assert dialog.invitation_file().name.startswith("Casebook invitation Mei ")
    dialog._folder = tmp_path  # where the test keeps files (the real dialog asks)
    folder = screenshot_folder(tmp_path)
    save_screenshot(qtbot, dialog, folder, "invite_form")
    dialog.make_button.click()
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=60_000)
    assert dialog.made is not None
    assert dialog.code_label.text() == dialog.made.code
    assert dialog.made.path.parent == tmp_path
    save_screenshot(qtbot, dialog, folder, "invite_code")
    joined = join(
        dialog.made.path,
        dialog.code_label.text(),
        tmp_path / "Mei",
        PASSWORDS["Mei"],
        ignore_progress,
        NEVER_CANCELLED,
        kdf=FAST,
    )
    try:
        assert [q.text for q in questions.list_questions(joined.session)] == [
            "Is surgery possible, and how risky?"
        ]
    finally:
        joined.session.close()


def test_joining_makes_a_copy_that_opens(qtbot: QtBot, family: Family, tmp_path: Path) -> None:
    from casebook.services.sharing.invitations import invite

    made = invite(
        family.copies["Li"],
        "Mei",
        "Li",
        tmp_path / "mei.cbi",
        ignore_progress,
        NEVER_CANCELLED,
        kdf=FAST,
    )
    welcome = WelcomePage()
    qtbot.addWidget(welcome)
    with qtbot.waitSignal(welcome.join_requested):
        welcome.join_button.click()
    dialog = JoinDialog(kdf=FAST)
    qtbot.addWidget(dialog)
    dialog._parent_folder = tmp_path
    dialog.set_invitation(made.path)
    dialog.code_edit.setText(made.code.lower())
    assert not dialog.join_button.isEnabled()  # no password yet
    for edit in (dialog.password_edit, dialog.confirm_edit):
        edit.setText(PASSWORDS["Mei"])
    assert dialog.join_button.isEnabled()
    save_screenshot(qtbot, dialog, screenshot_folder(tmp_path), "join")
    with qtbot.waitSignal(dialog.joined, timeout=60_000) as joined:
        dialog.join_button.click()
    new_binder = joined.args[0]
    assert isinstance(new_binder, NewBinder)
    assert new_binder.session.folder.parent == tmp_path
    assert [q.text for q in questions.list_questions(new_binder.session)] == [
        "Is surgery possible, and how risky?"
    ]
    close_on_writer_lane(qtbot, new_binder.session)


def test_a_wrong_code_is_said_plainly_and_nothing_is_made(
    qtbot: QtBot, family: Family, tmp_path: Path
) -> None:
    from casebook.services.sharing.invitations import invite

    made = invite(
        family.copies["Li"],
        "Mei",
        "Li",
        tmp_path / "mei.cbi",
        ignore_progress,
        NEVER_CANCELLED,
        kdf=FAST,
    )
    dialog = JoinDialog(kdf=FAST)
    qtbot.addWidget(dialog)
    dialog._parent_folder = tmp_path / "copies"
    dialog.set_invitation(made.path)
    dialog.code_edit.setText("AAAA-BBBB-CCCC")
    for edit in (dialog.password_edit, dialog.confirm_edit):
        edit.setText(PASSWORDS["Mei"])
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=60_000)
    assert "code does not open this invitation" in dialog.message.text()
    assert not (tmp_path / "copies").exists() or not any((tmp_path / "copies").iterdir())


def test_the_exchange_summary_says_what_came_in(
    qtbot: QtBot, family: Family, tmp_path: Path
) -> None:
    li = family.copies["Li"]
    dialog = ExchangeDialog(li)
    qtbot.addWidget(dialog)
    assert not dialog.exchange_button.isEnabled()  # no folder yet
    dialog.set_folder(family.root / "family folder")
    dialog.exchange_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60_000)
    text = dialog.results.text()
    assert "From Wei: 12 new notes, 1 question changed." in text
    assert "1 field now has two versions: choose which to keep." in text
    assert "Your news was left in the folder for the others." in text
    assert dialog.versions_button.isVisibleTo(dialog)
    save_screenshot(qtbot, dialog, screenshot_folder(tmp_path), "exchange_summary")
    # Reopened, it remembers the folder (kept inside the binder).
    again = ExchangeDialog(li)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.folder_label.text() == str(family.root / "family folder"))


def test_two_versions_are_marked_and_one_is_chosen(
    qtbot: QtBot, family: Family, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    li = family.copies["Li"]
    exchange(li, family.root / "family folder", ignore_progress, NEVER_CANCELLED)
    workspace = Workspace(li)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 740)
    workspace.show()
    qtbot.waitUntil(lambda: workspace.versions_banner.isVisible())
    questions_row = workspace.pages.indexOf(workspace.questions_page)
    assert workspace.navigation.item(questions_row).text().endswith("⚠")
    assert "1 thing has two versions" in workspace.versions_banner.label.text()
    folder = screenshot_folder(tmp_path)
    save_screenshot(qtbot, workspace, folder, "two_versions_marker")

    dialog = TwoVersionsDialog(li, workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.items) == 1)
    qtmodeltester.check(dialog.model, force_py=True)
    assert dialog.list.currentIndex().row() == 0  # the first is shown at once
    assert dialog.model.index(0).data().startswith("A question: ")
    save_screenshot(qtbot, dialog, folder, "two_versions_chooser")
    wei_version = next(n for n, o in enumerate(dialog.items[0].options) if o.author == "Wei")
    _click(dialog, f"keep_version_{wei_version}")
    qtbot.waitUntil(lambda: dialog.items == [] and dialog.empty.isVisible())
    assert [q.text for q in questions.list_questions(li)] == [
        "Is surgery possible, or radiotherapy?"
    ]
    qtbot.waitUntil(lambda: not workspace.versions_banner.isVisible())
    assert not workspace.navigation.item(questions_row).text().endswith("⚠")
    assert list_two_versions(li) == []


def test_a_member_is_removed_after_a_plain_warning(
    qtbot: QtBot, family: Family, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    li = family.copies["Li"]
    dialog = MembersDialog(li)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtmodeltester.check(dialog.model, force_py=True)
    texts = [dialog.model.index(row).data() for row in range(2)]
    [mine] = [row for row, text in enumerate(texts) if "this computer" in text]
    wei_row = 1 - mine
    assert texts[wei_row].startswith("Wei — ")
    save_screenshot(qtbot, dialog, screenshot_folder(tmp_path), "members")
    dialog.list.setCurrentIndex(dialog.model.index(wei_row))
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    box = dialog.findChild(QMessageBox, "remove_member_box")
    assert box is not None
    assert "new key that Wei does not get" in box.text()
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    remove.click()
    qtbot.waitUntil(lambda: "removed" in dialog.model.index(wei_row).data())
    assert dialog.list.currentIndex().row() == wei_row  # still the chosen one, by uid
    assert not dialog.remove_button.isEnabled()  # a removed member cannot be removed again
    [wei] = [m for m in load_sharing(li).members if m.name == "Wei"]
    assert wei.removed


@pytest.mark.usefixtures("restore_language")
@pytest.mark.parametrize("language", [ENGLISH, CHINESE])
def test_week_to_week_news_a_deleted_appointment_and_a_dose_in_two_versions(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    catalogue_folder: Path,  # noqa: F811
    language: str,
) -> None:
    """Wei changed the dose Li changed too, wrote in the diary and deleted an appointment: Li's
    summary says so in her language, offers to bring the appointment back, marks Medicines and
    lets her choose the dose."""
    apply_language(language, casebook_folder=catalogue_folder, app=qapp)
    prefix = "" if language == ENGLISH else "zh_"
    made = start_family(tmp_path, ("Li", "Wei"))
    try:
        li, wei = made.copies["Li"], made.copies["Wei"]
        medicines.add_medicine(li, MedicineDetails(generic_name="osimertinib", dose="80 mg"))
        appointments.save_appointment(
            li, Appointment(AppointmentKind.SCAN, "PET-CT", date(2026, 3, 20))
        )
        made.settle()
        [theirs], [mine] = medicines.list_medicines(wei), medicines.list_medicines(li)
        medicines.change_medicine(wei, theirs.id, replace(theirs.current, dose="40 mg"))
        medicines.change_medicine(li, mine.id, replace(mine.current, dose="60 mg"))
        diary.save_entry(wei, DiaryEntry(date(2026, 3, 2), "Rash", Severity.MILD))
        [visit] = appointments.list_appointments(wei)
        appointments.delete_appointment(wei, visit.id)
        made.exchange("Wei")

        dialog = ExchangeDialog(li)
        qtbot.addWidget(dialog)
        dialog.resize(760, 560)
        dialog.set_folder(made.root / "family folder")
        dialog.exchange_button.click()
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60_000)
        text = dialog.results.text()
        if language == ENGLISH:
            assert "From Wei: 1 appointment deleted, 1 medicine changed, 1 new diary entry." in text
            assert dialog.deleted_model.index(0).data() == "The appointment “PET-CT”"
        else:
            assert "删除了 1 个预约" in text
            assert dialog.deleted_model.index(0).data() == "预约“PET-CT”"
        folder = screenshot_folder(tmp_path / "shots")
        save_screenshot(qtbot, dialog, folder, f"{prefix}exchange_daily_summary")
        dialog.deleted_list.setCurrentIndex(dialog.deleted_model.index(0))
        dialog.bring_back_button.click()
        qtbot.waitUntil(lambda: dialog.deleted_model.rowCount() == 0)
        assert [a.title for a in appointments.list_appointments(li)] == ["PET-CT"]

        workspace = Workspace(li)
        qtbot.addWidget(workspace)
        workspace.resize(1366, 768)
        workspace.show()
        qtbot.waitUntil(lambda: workspace.versions_banner.isVisible())
        medicines_row = next(n for n, s in enumerate(workspace._sections) if s.name == "medicines")
        assert workspace.navigation.item(medicines_row).text().endswith("⚠")
        # Both doses are in the history, numbered by their place in it (the same on both
        # computers), though this copy numbered Wei's version after its own when it arrived.
        [medicine] = medicines.list_medicines(li)
        history = HistoryModel()
        history.set_history(medicine.history, None)
        shown = [
            (history.data(history.index(row, 0)), medicine.history[-1 - row].details.dose)
            for row in range(history.rowCount())
        ]
        assert shown == [("3", "60 mg"), ("2", "40 mg"), ("1", "80 mg")]
        assert sorted(v.version for v in medicine.history) == [1, 2, 3]
        assert [v.version for v in medicine.history] == [1, 3, 2]
        chooser = TwoVersionsDialog(li, workspace)
        qtbot.addWidget(chooser)
        chooser.show()
        qtbot.waitUntil(lambda: len(chooser.items) == 1)
        save_screenshot(qtbot, chooser, folder, f"{prefix}two_versions_dose")
        forty = next(n for n, o in enumerate(chooser.items[0].options) if o.text == "40 mg")
        _click(chooser, f"keep_version_{forty}")
        qtbot.waitUntil(lambda: chooser.items == [])
        assert [m.current.dose for m in medicines.list_medicines(li)] == ["40 mg"]
        qtbot.waitUntil(lambda: not workspace.versions_banner.isVisible())
    finally:
        made.close()
