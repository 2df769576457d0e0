"""Printing and saving printouts: every Print… and Save as PDF… goes through one flow.

"Print…" must reach the system's print dialog. The tests choose the printer at the flow's seam
(`PdfOutput.print_dialog_factory`): the real QPrintDialog, with the printer set to write a PDF
into the test's folder, as "Print to PDF" would. pdftotext and pdfinfo then judge what was
printed. "Save as PDF…" is driven through its real file dialog.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from casebook.bundle.plan import Recipient
from casebook.core.consultations import Consultation
from casebook.core.diary import DiaryEntry, Severity
from casebook.core.medicines import Allergy, MedicineDetails
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.diary import diary
from casebook.services.export.sealing import ExportRequest, export_bundle
from casebook.services.medicines import medicines
from casebook.services.questions import questions
from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.common import file_dialogs, tasks
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.common.message_bar import MessageKind
from casebook.ui.common.pdf_output import PdfOutput
from casebook.ui.common.preferences import settings_file
from casebook.ui.consultations.consultations_page import ConsultationsPage
from casebook.ui.diary.diary_page import DiaryPage
from casebook.ui.export.password_panel import PasswordPanel
from casebook.ui.medicines.medicines_page import MedicinesPage
from casebook.ui.overview.daily_card import DailyCard
from casebook.ui.questions.questions_page import QuestionsPage
from casebook.ui.timeline.timeline_page import TimelinePage

from .test_opinions_page import add_three, compare_all
from .test_opinions_page import make_page as make_opinions_page
from .timeline_samples import enter_story, import_records

WAIT = 30_000


@pytest.fixture(autouse=True)
def jobs_finish_before_the_binder_closes(qtbot: QtBot, session: BinderSession) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    apply_language(CHINESE, app=qapp)
    yield
    apply_language(ENGLISH, app=qapp)


@pytest.fixture
def printer_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the "printer" writes: every print dialog the flow opens is the real one, its
    printer set to a PDF file here."""
    target = tmp_path / "printer" / "printed.pdf"
    target.parent.mkdir()

    def pdf_printer_dialog(printer: QPrinter, parent: QWidget) -> QPrintDialog:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QPrintDialog(printer, parent)

    monkeypatch.setattr(PdfOutput, "print_dialog_factory", staticmethod(pdf_printer_dialog))
    return target


def pdf_text(require_tool: Callable[[str], Path], pdf: Path) -> str:
    return subprocess.run(
        [str(require_tool("pdftotext")), str(pdf), "-"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip


def pdf_pages(require_tool: Callable[[str], Path], pdf: Path) -> int:
    info = subprocess.run(
        [str(require_tool("pdfinfo")), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def print_through(
    qtbot: QtBot,
    output: PdfOutput,
    button: QPushButton,
    printed: Path,
    require_tool: Callable[[str], Path],
) -> str:
    """Click `button`, accept the print dialog it opens, wait for the pages: their text."""
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: output.print_dialog is not None, timeout=WAIT)
    dialog = output.print_dialog
    assert isinstance(dialog, QPrintDialog)
    assert dialog.isVisible()
    with qtbot.waitSignal(output.printed, timeout=WAIT) as sent:
        dialog.accept()
        assert output.progress is not None  # printing shows its progress, off the GUI thread
        assert output.progress.isVisible()
    assert output.progress is None
    assert printed.is_file()
    assert pdf_pages(require_tool, printed) == sent.args[0]
    return pdf_text(require_tool, printed)


def save_through(qtbot: QtBot, output: PdfOutput, button: QPushButton, target: Path) -> None:
    """Click `button`, answer the save dialog with `target`, wait for the file."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: output.save_dialog is not None, timeout=WAIT)
    dialog = output.save_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    type_path(dialog, target)
    with qtbot.waitSignal(output.saved, timeout=WAIT):
        dialog.accept()


def type_path(dialog: QFileDialog, target: Path) -> None:
    """Go to the folder and type the name, as a person would."""
    dialog.setDirectory(str(target.parent))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name, QLineEdit)
    name.setText(target.name)


def medicines_page(qtbot: QtBot, session: BinderSession) -> MedicinesPage:
    medicines.add_medicine(session, MedicineDetails(generic_name="Pemetrexed", dose="500 mg/m²"))
    medicines.save_allergy(session, Allergy("Penicillin"))
    page = MedicinesPage(session)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.listing is not None, timeout=WAIT)
    return page


# The shared flow ---------------------------------------------------------------------------


def test_print_opens_the_print_dialog_and_prints_the_pages_of_the_pdf(
    qtbot: QtBot,
    session: BinderSession,
    printer_output: Path,
    tmp_path: Path,
    require_tool: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Nothing lands in the temporary folder or the folder the app was started from.
    temp, start = tmp_path / "temp", tmp_path / "started here"
    temp.mkdir()
    start.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(start)
    page = medicines_page(qtbot, session)
    assert page.print_controls.language() == "en"  # the interface's language
    text = print_through(
        qtbot, page.pdf, page.print_controls.print_button, printer_output, require_tool
    )
    assert "Pemetrexed" in text
    assert "Penicillin" in text
    assert "page was sent to the printer" in page.error_bar.text()
    # The printer got the pages "Save as PDF" writes: same count, same words.
    saved = tmp_path / "saved.pdf"
    page.pdf.save("en", saved)
    qtbot.waitUntil(lambda: page.pdf.last_saved == saved, timeout=WAIT)
    assert pdf_pages(require_tool, saved) == pdf_pages(require_tool, printer_output)
    assert pdf_text(require_tool, saved).split() == text.split()
    assert list(temp.iterdir()) == []
    assert list(start.iterdir()) == []


@pytest.mark.usefixtures("chinese")
def test_in_chinese_the_print_is_in_chinese(
    qtbot: QtBot,
    session: BinderSession,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    page = medicines_page(qtbot, session)
    assert page.print_controls.language() == "zh"
    assert page.print_controls.print_button.text() == "打印…"
    text = print_through(
        qtbot, page.pdf, page.print_controls.print_button, printer_output, require_tool
    )
    assert "目前用药" in text
    assert "培美曲塞" in text
    assert "Penicillin — 过敏" in text
    assert "打印机" in page.error_bar.text()


@pytest.mark.usefixtures("chinese")
def test_in_chinese_save_as_pdf_suggests_a_chinese_name_and_says_where_it_went(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = medicines_page(qtbot, session)
    assert page.print_controls.save_button.text() == "另存为 PDF…"
    qtbot.mouseClick(page.print_controls.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pdf.save_dialog is not None, timeout=WAIT)
    dialog = page.pdf.save_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.selectedFiles()[0].endswith("目前用药.pdf")
    target = tmp_path / "目前用药.pdf"
    type_path(dialog, target)
    with qtbot.waitSignal(page.pdf.saved, timeout=WAIT):
        dialog.accept()
    assert target.read_bytes().startswith(b"%PDF")
    assert page.error_bar.text() == f"已将“目前用药.pdf”保存到文件夹 {tmp_path}。"
    assert page.error_bar.action_button.text() == "打开文件夹"


def test_cancelling_the_print_dialog_prints_nothing(
    qtbot: QtBot, session: BinderSession, printer_output: Path
) -> None:
    page = medicines_page(qtbot, session)
    qtbot.mouseClick(page.print_controls.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pdf.print_dialog is not None, timeout=WAIT)
    dialog = page.pdf.print_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.reject()
    assert page.pdf.print_dialog is None
    assert page.pdf.progress is None
    assert not printer_output.exists()


def test_save_as_pdf_asks_where_remembers_the_folder_and_offers_to_open_it(
    qtbot: QtBot, session: BinderSession, tmp_path: Path, require_tool: Callable[[str], Path]
) -> None:
    page = medicines_page(qtbot, session)
    folder = tmp_path / "For Dr Wang"
    folder.mkdir()
    opened: list[QUrl] = []
    page.pdf.open_url = lambda url: opened.append(url) or True
    qtbot.mouseClick(page.print_controls.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pdf.save_dialog is not None, timeout=WAIT)
    dialog = page.pdf.save_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.selectedFiles()[0].endswith("Current medicines.pdf")  # a sensible name
    target = folder / "medicines.pdf"
    type_path(dialog, target)
    with qtbot.waitSignal(page.pdf.saved, timeout=WAIT):
        dialog.accept()
    assert page.pdf.last_saved == target, page.pdf.last_saved
    assert "Pemetrexed" in pdf_text(require_tool, target)
    assert "medicines.pdf" in page.error_bar.text()
    assert str(folder) in page.error_bar.text()
    button = page.error_bar.action_button
    assert button.isVisible()
    assert button.text() == "Open folder"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folder))]

    # Another page of the same binder, in a later run (the dialogs' memory of this run is
    # gone): its save dialog opens in that folder.
    qtbot.waitUntil(lambda: not tasks._running, timeout=WAIT)
    page.close()
    file_dialogs.forget_last_folder()
    again = MedicinesPage(session)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.listing is not None, timeout=WAIT)
    qtbot.mouseClick(again.print_controls.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.pdf.save_dialog is not None, timeout=WAIT)
    second = again.pdf.save_dialog
    assert second is not None
    assert Path(second.directory().absolutePath()) == folder
    second.reject()
    # Remembered inside the encrypted binder, never in the plaintext settings.
    assert not settings_file().exists() or "For Dr Wang" not in settings_file().read_text()


# Every page's printout goes through the shared flow ---------------------------------------


def shown(qtbot: QtBot, widget: QWidget, size: tuple[int, int] = (1366, 768)) -> None:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()


def test_the_diary_prints_through_the_shared_flow(
    qtbot: QtBot,
    session: BinderSession,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    today = date(2026, 12, 2)
    diary.save_entry(
        session, DiaryEntry(date(2026, 11, 30), "Hiccups after meals", Severity.MODERATE)
    )
    page = DiaryPage(session, lambda: today)
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    text = print_through(
        qtbot, page.pdf, page.print_controls.print_button, printer_output, require_tool
    )
    assert "Hiccups after meals" in text


def test_the_case_at_a_glance_prints_through_the_shared_flow(
    qtbot: QtBot,
    session: BinderSession,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    medicines.save_allergy(session, Allergy("Latex"))
    card = DailyCard(session, lambda: datetime(2026, 12, 2, 9, 0))
    shown(qtbot, card)
    qtbot.waitUntil(lambda: card.shown is not None, timeout=WAIT)
    text = print_through(
        qtbot, card.glance, card.glance_controls.print_button, printer_output, require_tool
    )
    assert "Ada Example" in text
    assert "Latex" in text


def test_the_questions_sheet_prints_through_the_shared_flow(
    qtbot: QtBot,
    session: BinderSession,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    questions.add_own_question(session, "Can Mum still travel to Shenzhen in May?")
    page = QuestionsPage(session)
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.loaded is not None, timeout=WAIT)
    text = print_through(qtbot, page.sheet_pdf, page.print_button, printer_output, require_tool)
    assert "Can Mum still travel to Shenzhen in May?" in text


def test_a_consultation_prints_its_sheet_and_summary_through_the_shared_flow(
    qtbot: QtBot,
    session: BinderSession,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    question = questions.add_own_question(session, "Is surgery still possible?")
    questions.add_own_question(session, "How long is each cycle?")
    cid = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City Hospital")
    )
    consultations.record_answer(session, cid, question, "Mei", "Only after chemotherapy.")
    page = ConsultationsPage(session)
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.detail.view is not None, timeout=WAIT)
    sheet = print_through(
        qtbot, page.sheet_pdf, page.detail.sheet_button, printer_output, require_tool
    )
    assert "How long is each cycle?" in sheet
    summary = print_through(
        qtbot, page.summary_pdf, page.detail.summary_button, printer_output, require_tool
    )
    assert "Only after chemotherapy." in summary
    assert "Dr Li" in summary


def test_the_comparison_of_opinions_prints_through_the_shared_flow(
    qtbot: QtBot,
    session: BinderSession,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    ids = add_three(session)
    page = make_opinions_page(qtbot, session, (1366, 768))
    compare_all(qtbot, page, ids)
    page.tabs.setCurrentIndex(1)
    text = print_through(qtbot, page.pdf, page.print_button, printer_output, require_tool)
    assert "Dr Wei Chen" in text
    assert "复旦大学附属肿瘤医院" in text


def test_the_timeline_prints_through_the_shared_flow(
    qtbot: QtBot,
    session: BinderSession,
    tmp_path: Path,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    import_records(session, tmp_path)
    enter_story(session)
    page = TimelinePage(session, today=lambda: date(2026, 12, 2))
    shown(qtbot, page)
    qtbot.waitUntil(lambda: page.state is not None, timeout=WAIT)
    text = print_through(qtbot, page.pdf, page.print_button, printer_output, require_tool)
    assert "Docetaxel" in text
    assert "Printed on 2026-12-02" in text
    page.stop_work()


def test_the_cover_sheet_prints_through_the_shared_flow(
    qtbot: QtBot,
    session: BinderSession,
    tmp_path: Path,
    printer_output: Path,
    require_tool: Callable[[str], Path],
) -> None:
    request = ExportRequest(Recipient("Example Cancer Centre", "", "", "China"))
    out = tmp_path / "out"
    out.mkdir()
    today = date(2026, 11, 22)
    result = export_bundle(session, request, out, "bundle", ignore_progress, NEVER_CANCELLED, today)
    panel = PasswordPanel()
    shown(qtbot, panel)
    panel.show_result(request, result, today)
    text = print_through(qtbot, panel.pdf, panel.print_button, printer_output, require_tool)
    assert result.password in text
    assert panel.pdf.file_name() == "Bundle password 2026-11-22.pdf"
    panel.clear()


def test_the_emergency_kit_prints_through_the_shared_flow(
    qtbot: QtBot, tmp_path: Path, printer_output: Path, require_tool: Callable[[str], Path]
) -> None:
    code = "7KQ2M-9XH4T-PQR9S"
    dialog = RecoveryCodeDialog(code, tmp_path / "Casebook binder", today=lambda: date(2026, 12, 2))
    shown(qtbot, dialog, (760, 600))
    button = dialog.findChild(QPushButton, "print_code_button")
    assert isinstance(button, QPushButton)
    text = print_through(qtbot, dialog.pdf, button, printer_output, require_tool)
    assert code in text
    assert "2026-12-02" in text
    assert "Ada Example" not in text
    qtbot.keyClicks(dialog.confirm_edit, "PQR9S")
    dialog.accept()


def test_a_save_that_fails_says_why_and_leaves_nothing(
    qtbot: QtBot, session: BinderSession, tmp_path: Path
) -> None:
    page = medicines_page(qtbot, session)
    gone = tmp_path / "USB stick" / "list.pdf"  # the stick was pulled out
    page.pdf.save("en", gone)
    qtbot.waitUntil(lambda: page.error_bar.kind is MessageKind.ERROR, timeout=WAIT)
    assert "could not write list.pdf" in page.error_bar.text()
    assert not page.error_bar.action_button.isVisible()
    assert page.pdf.last_saved is None
    assert not gone.parent.exists()
