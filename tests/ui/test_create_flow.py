"""Creating a binder: the form, the background creation and the one-time recovery code."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from casebook.services.binder.session import NewBinder, is_binder, unlock_binder
from casebook.store.keyslots import KdfParams
from casebook.ui.binder.create_binder_dialog import CreateBinderDialog
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog

from .conftest import PASSWORD, PATIENT, close_on_writer_lane


def fill_form(dialog: CreateBinderDialog, password: str, confirm: str) -> None:
    dialog.name_edit.setText(PATIENT)
    dialog.birth_edit.text_edit.setText("1958-03-14")
    dialog.password_edit.setText(password)
    dialog.confirm_edit.setText(confirm)


def test_create_button_waits_for_a_strong_matching_password(
    qtbot: QtBot, tmp_path: Path, kdf: KdfParams
) -> None:
    dialog = CreateBinderDialog(parent_folder=tmp_path, kdf=kdf)
    qtbot.addWidget(dialog)
    fill_form(dialog, "password1", "password1")
    assert not dialog.create_button.isEnabled()
    assert "Not strong enough" in dialog.strength.text()
    fill_form(dialog, PASSWORD, PASSWORD + "x")
    assert dialog.strength.acceptable
    assert not dialog.create_button.isEnabled()
    assert "not the same" in dialog.match_label.text()
    dialog.confirm_edit.setText(PASSWORD)
    assert dialog.create_button.isEnabled()


def test_the_patient_name_makes_a_password_weak(
    qtbot: QtBot, tmp_path: Path, kdf: KdfParams
) -> None:
    dialog = CreateBinderDialog(parent_folder=tmp_path, kdf=kdf)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Wilhelmina Zoltanovska")
    dialog.password_edit.setText("wilhelminazoltanovska")
    assert not dialog.strength.acceptable


def test_creating_a_binder_in_the_background(qtbot: QtBot, tmp_path: Path, kdf: KdfParams) -> None:
    dialog = CreateBinderDialog(parent_folder=tmp_path, kdf=kdf)
    qtbot.addWidget(dialog)
    fill_form(dialog, PASSWORD, PASSWORD)
    expected = dialog.binder_folder()
    assert expected.name.startswith("Casebook binder 20")
    with qtbot.waitSignal(dialog.created, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert not dialog.create_button.isEnabled()  # busy while the key is derived
    new_binder = blocker.args[0]
    assert isinstance(new_binder, NewBinder)
    close_on_writer_lane(qtbot, new_binder.session)
    assert new_binder.session.folder == expected
    assert is_binder(expected)
    assert PATIENT.split()[0] not in str(expected)
    unlock_binder(expected, PASSWORD).close()


def test_a_second_binder_gets_its_own_folder(tmp_path: Path, qtbot: QtBot) -> None:
    dialog = CreateBinderDialog(parent_folder=tmp_path)
    qtbot.addWidget(dialog)
    first = dialog.binder_folder()
    first.mkdir()
    assert dialog.binder_folder() == first.with_name(first.name + " (2)")


def test_unclear_date_of_birth_is_explained(qtbot: QtBot, tmp_path: Path, kdf: KdfParams) -> None:
    dialog = CreateBinderDialog(parent_folder=tmp_path, kdf=kdf)
    qtbot.addWidget(dialog)
    fill_form(dialog, PASSWORD, PASSWORD)
    qtbot.keyClicks(dialog.birth_edit.text_edit, "14/03/58")
    dialog.start_creating()
    assert "not a date" in dialog.message.text()
    assert dialog.focusWidget() is dialog.birth_edit.text_edit
    assert not any(tmp_path.iterdir())


CODE = "7K3MQ-AB12C-DEF34-GHJ56-KMN78-PQR9S"


def test_recovery_code_must_be_confirmed_before_continuing(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog(CODE, tmp_path / "Casebook binder 2026-11-22")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code_label.text() == CODE
    assert not dialog.continue_button.isEnabled()
    dialog.reject()  # Escape / the close button do nothing yet
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.confirm_edit, "PQR9X")
    assert not dialog.continue_button.isEnabled()
    assert "does not match" in dialog.status_label.text()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, "pqr9s")  # case does not matter
    assert dialog.continue_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)


def test_recovery_code_can_be_copied(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog(CODE, tmp_path)
    qtbot.addWidget(dialog)
    dialog.copy_code()
    assert QGuiApplication.clipboard().text() == CODE
    QGuiApplication.clipboard().clear()


def test_emergency_kit_pdf_holds_the_code_but_not_the_patient(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = tmp_path / "kit.pdf"
    dialog = RecoveryCodeDialog(CODE, tmp_path / "Casebook binder 2026-11-22")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.pdf.saved, timeout=20_000):
        dialog.pdf.save("en", pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "kit.pdf" in dialog.print_bar.text()
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert CODE in text
    assert "emergency kit" in text.lower()
    assert PATIENT not in text


def test_enter_in_the_confirmation_continues_and_never_copies(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog(CODE, tmp_path / "Casebook binder 2026-11-22")
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().clear()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.confirm_edit  # the one thing to type
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)  # not confirmed: nothing happens
    assert dialog.isVisible()
    assert QGuiApplication.clipboard().text() == ""
    qtbot.keyClicks(dialog.confirm_edit, "PQR9S")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == ""  # Enter continued; it did not copy


def test_the_create_dialog_starts_on_the_patients_name(
    qtbot: QtBot, tmp_path: Path, kdf: KdfParams
) -> None:
    dialog = CreateBinderDialog(parent_folder=tmp_path, kdf=kdf)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name_edit
    qtbot.keyClicks(dialog.focusWidget(), PATIENT)
    assert dialog.name_edit.text() == PATIENT
