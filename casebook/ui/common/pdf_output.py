"""Printing or saving one of Casebook's own printouts: the one flow every page uses.

`PrintControls` is the row a page shows (language, "Save as PDF…", "Print…"); `PdfOutput`
does the work.

- "Print…" opens the system's print dialog (where "Print to PDF" is one of the printers). Once
  the family chose, the PDF is built and each of its pages rendered at the printer's resolution
  and painted onto the printer, off the GUI thread, with a progress dialog. The printer gets
  the very pages "Save as PDF" writes, and no file: a printout names the patient, so nothing
  goes to a temporary folder.
- "Save as PDF…" asks where, starting in the folder this binder's printouts were last saved in
  (remembered inside the encrypted binder), suggests a name, writes the file, and says where it
  went in the message bar, with "Open folder".

The print language follows the interface's by default; a page may offer a choice.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPainter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QProgressDialog, QPushButton, QWidget

from casebook.core.progress import CancelToken, Progress, Report
from casebook.resources import resource_path
from casebook.services.print_pages import (
    PrintedPage,
    last_pdf_folder,
    print_pages,
    remember_pdf_folder,
    save_pdf,
)
from casebook.ui.common import file_dialogs
from casebook.ui.common.job_progress import PROGRESS_STEPS, open_job_progress
from casebook.ui.common.labels import choose_plural, ui_language
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure

if TYPE_CHECKING:
    from casebook.services.binder.session import BinderSession

PRINT_LANGUAGES = (("en", "English"), ("zh", "中文"), ("en+zh", "English + 中文"))
"""Each language is offered in its own name."""

PdfJob = Callable[[str], Callable[[], bytes]]
"""`job(language)` runs on the GUI thread and captures what the page shows now; the function
it returns builds the PDF on a worker thread."""
PrintDialogFactory = Callable[[QPrinter, QWidget], QPrintDialog]
UrlOpener = Callable[[QUrl], bool]


def default_print_language(languages: Sequence[tuple[str, str]] = PRINT_LANGUAGES) -> int:
    """The index in `languages` of the interface's own language."""
    wanted = "zh" if ui_language().startswith("zh") else "en"
    codes = [code for code, _label in languages]
    return codes.index(wanted) if wanted in codes else 0


@functools.cache
def register_print_fonts() -> str:
    """Make the shipped fonts known to Qt (Latin + CJK) and return the Latin family; call on
    the GUI thread before painting a printout anywhere else."""
    family = "DejaVu Sans"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0 and name == "DejaVuSans.ttf":
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfOutput", text)


class PrintControls(QWidget):
    """An optional language choice with "Save as PDF…" and "Print…" buttons."""

    save_requested = Signal(str)  # language
    print_requested = Signal(str)

    def __init__(
        self,
        what: str,
        name: str,
        parent: QWidget | None = None,
        *,
        languages: Sequence[tuple[str, str]] | None = PRINT_LANGUAGES,
        language_combo: QComboBox | None = None,
        print_text: str | None = None,
    ) -> None:
        """`what` names the printout for screen readers ("the medicine list"); `name` prefixes
        the object names. `languages=None` offers no choice (the printout has one language,
        the interface's or one chosen elsewhere); `language_combo` shares a choice the page
        shows once for several printouts."""
        super().__init__(parent)
        self.language_combo = QComboBox() if language_combo is None else language_combo
        if language_combo is None:
            self.language_combo.setObjectName(f"{name}_language_combo")
            self.language_combo.setAccessibleName(self.tr("Language of {what}").format(what=what))
            for code, label in languages or PRINT_LANGUAGES:
                self.language_combo.addItem(label, code)
            self.language_combo.setCurrentIndex(
                default_print_language(languages or PRINT_LANGUAGES)
            )
        self.print_button = QPushButton(print_text or self.tr("Print…"))
        self.print_button.setObjectName(f"{name}_print_button")
        self.print_button.setAccessibleName(self.tr("Print {what}").format(what=what))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.language()))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName(f"{name}_save_button")
        self.save_button.setAccessibleName(self.tr("Save {what} as PDF").format(what=what))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.language()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if language_combo is None and languages is not None:
            layout.addWidget(self.language_combo)
        layout.addWidget(self.print_button)
        layout.addWidget(self.save_button)

    def language(self) -> str:
        """The chosen language; the interface's when the row offers no choice."""
        data = self.language_combo.currentData()
        if data is None:
            return "zh" if ui_language().startswith("zh") else "en"
        return str(data)

    def setEnabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)


def _system_print_dialog(printer: QPrinter, parent: QWidget) -> QPrintDialog:
    return QPrintDialog(printer, parent)


def print_onto(printer: QPrinter, pdf: bytes, report: Report, cancel: CancelToken) -> int:
    """Paint each page of `pdf` onto `printer` at its resolution, fitted to the paper and
    turned the way the page is; returns the number of pages. Runs on a worker thread: Qt
    allows a QPainter on a QPrinter there. A cancelled job is aborted at the printer.

    When the family prints to a PDF file ("Print to PDF"), each page also gets its text,
    invisible, over the picture, so the file can be searched and copied from like the one
    "Save as PDF" writes."""
    painter = QPainter()
    printer.setFullPage(True)  # our PDF pages carry their own margins
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat

    def paint(page: PrintedPage) -> None:
        landscape = page.width > page.height
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        if page.index == 0:
            if not painter.begin(printer):
                raise OSError("the printer could not be opened")
        elif not printer.newPage():
            raise OSError("the printer refused a new page")
        height, width, _ = page.pixels.shape
        image = QImage(page.pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888)
        paper = QRectF(painter.viewport())
        scale = min(paper.width() / width, paper.height() / height)
        target = QRectF(0, 0, width * scale, height * scale)
        target.moveCenter(paper.center())
        painter.drawImage(target, image)
        _paint_text(painter, page, target)

    try:
        return print_pages(pdf, printer.resolution(), paint, report, cancel, with_text=to_file)
    except BaseException:
        if painter.isActive():
            printer.abort()
        raise
    finally:
        if painter.isActive():
            painter.end()


def _paint_text(painter: QPainter, page: PrintedPage, target: QRectF) -> None:
    """Each run of text, invisible, stretched over the place it has on the picture."""
    if not page.text:
        return
    points = target.width() / page.width  # device pixels per point
    painter.save()
    painter.setPen(QColor(Qt.GlobalColor.transparent))
    font = QFont(register_print_fonts())
    for box in page.text:
        box_height = max(box.top - box.bottom, 1.0) * points
        font.setPixelSize(max(1, round(box_height * 0.8)))
        painter.setFont(font)
        drawn = QFontMetricsF(font).horizontalAdvance(box.text)
        if drawn <= 0:
            continue
        painter.save()
        painter.translate(
            target.left() + box.left * points, target.top() + (page.height - box.bottom) * points
        )
        painter.scale(max(box.right - box.left, 1.0) * points / drawn, 1.0)
        painter.drawText(QPointF(0, -box_height * 0.2), box.text)
        painter.restore()
    painter.restore()


class PdfOutput(QObject):
    """Saves or prints the PDF `job(language)` makes, saying what happened in `bar`.

    `session` (when the printout belongs to an open binder) keeps the last folder inside it;
    without one the folder is remembered for this run only."""

    saved = Signal(Path)
    printed = Signal(int)  # pages sent to the printer

    print_dialog_factory: PrintDialogFactory = staticmethod(_system_print_dialog)
    """How the print dialog is made; the tests' seam to choose a PDF printer of their own."""

    def __init__(
        self,
        context: QWidget,
        bar: MessageBar,
        job: PdfJob,
        file_name: str | Callable[[], str],
        session: BinderSession | None = None,
        open_url: UrlOpener = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(context)
        register_print_fonts()
        self._context = context
        self._bar = bar
        self._job = job
        self._file_name = file_name  # suggested name, translated by the caller
        self._session = session
        self.open_url = open_url
        self.last_saved: Path | None = None
        self.save_dialog: file_dialogs.PrivateFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.progress: QProgressDialog | None = None

    def serve(self, controls: PrintControls) -> None:
        """Let `controls`' buttons save and print through this flow."""
        controls.save_requested.connect(self.save)
        controls.print_requested.connect(self.print)

    # Save as PDF ----------------------------------------------------------------------------

    def save(self, language: str, target: Path | None = None) -> None:
        """Ask where (unless `target` is given), then build and write the PDF there."""
        if target is not None:
            self._write(language, target)
            return
        session = self._session
        if session is None:
            self._ask(language, None)
            return
        ReadOp(self._context, lambda: last_pdf_folder(session)).on_success(
            lambda folder: self._ask(language, folder)
        ).on_failure(self._failed).start()

    def _ask(self, language: str, folder: Path | None) -> None:
        start = folder if folder is not None and folder.is_dir() else None
        start = start or Path(file_dialogs.last_folder())
        dialog = file_dialogs.new_save_dialog(
            self._context,
            _tr("Save as PDF"),
            str(start / self.file_name()),
            _tr("PDF files (*.pdf)"),
        )
        dialog.setObjectName("save_pdf_dialog")
        dialog.setDefaultSuffix("pdf")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.save_dialog = dialog

        def chosen() -> None:
            names = list(dialog.chosen)
            self.save_dialog = None
            dialog.forget()
            dialog.deleteLater()
            if names:
                self._write(language, Path(names[0]))

        dialog.finished.connect(chosen)
        dialog.open()

    def file_name(self) -> str:
        """The name the save dialog suggests."""
        return self._file_name if isinstance(self._file_name, str) else self._file_name()

    def _write(self, language: str, target: Path) -> None:
        build = self._job(language)
        ReadOp(self._context, lambda: save_pdf(build(), target)).on_success(self._saved).on_failure(
            self._failed
        ).start()

    def _saved(self, path: Path) -> None:
        self.last_saved = path
        folder = path.parent
        session = self._session
        if session is not None:
            WriteOp(self._context, session, lambda: remember_pdf_folder(session, folder)).start()
        self._bar.show_message(
            _tr("Saved “{name}” in the folder {folder}.").format(name=path.name, folder=folder),
            action=(_tr("Open folder"), lambda: self.open_folder(folder)),
        )
        self.saved.emit(path)

    def open_folder(self, folder: Path) -> None:
        self.open_url(QUrl.fromLocalFile(str(folder)))

    # Print ----------------------------------------------------------------------------------

    def print(self, language: str) -> None:
        """Open the print dialog; once accepted, print on a worker thread with progress."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.file_name()).stem)
        dialog = type(self).print_dialog_factory(printer, self._context)
        dialog.setObjectName("print_dialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.print_dialog = dialog

        def closed(result: int) -> None:
            self.print_dialog = None
            dialog.deleteLater()
            if result == QPrintDialog.DialogCode.Accepted.value:
                self._send(language, printer)

        dialog.finished.connect(closed)
        dialog.show()  # window-modal: the page waits, the app does not

    def _send(self, language: str, printer: QPrinter) -> None:
        build = self._job(language)
        progress = open_job_progress(
            self._context, "print_progress", _tr("Printing"), _tr("Preparing the pages…")
        )
        self.progress = progress

        def run(report: Report, cancel: CancelToken) -> int:
            return print_onto(printer, build(), report, cancel)

        def done() -> None:
            self.progress = None
            if shiboken6.isValid(progress):
                progress.hide()  # not close(): that would report a cancel
                progress.deleteLater()

        def printed(pages: int) -> None:
            done()
            self._bar.show_message(
                choose_plural(
                    pages,
                    _tr("{count} page was sent to the printer."),
                    _tr("{count} pages were sent to the printer."),
                )
            )
            self.printed.emit(pages)

        def failed(failure: TaskFailure) -> None:
            done()
            self._failed(failure)

        op = ReadOp.with_progress(self._context, run)
        op.on_progress(lambda step: _show_progress(progress, step)).on_success(printed).on_failure(
            failed
        ).on_cancel(done)
        progress.canceled.connect(op.cancel)
        op.start()

    def _failed(self, failure: TaskFailure) -> None:
        self._bar.show_failure(failure)


def _show_progress(progress: QProgressDialog, step: Progress) -> None:
    if not shiboken6.isValid(progress):
        return
    if step.total:
        progress.setLabelText(
            _tr("Printing page {page} of {count}…").format(
                page=min(step.done + 1, step.total), count=step.total
            )
        )
    fraction = step.fraction
    if fraction is not None:
        progress.setValue(int(fraction * PROGRESS_STEPS))
