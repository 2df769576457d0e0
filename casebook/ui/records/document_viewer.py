"""A window showing one document: PDF pages or a picture, from bytes decrypted in memory.

Each page is rendered by `previews.render_page` (in the isolated worker) in a background job;
the window shows "Preparing page…" meanwhile and never waits. A result for a page the user has
already left is kept in a small in-memory cache but not shown. The window is a child of the
Records page, so locking the binder closes it with everything else.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casebook.core.model import Document
from casebook.services.binder.session import BinderSession
from casebook.services.records.previews import Pixels, page_count, render_page
from casebook.services.records.recognition import (
    DocumentText,
    correct_text,
    document_text,
    recognise_document,
)
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.screen_fit import fit_to_screen
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.records.outside_copy_flow import OutsideCopyFlow, UrlOpener
from casebook.ui.records.page_canvas import PageCanvas
from casebook.ui.records.text_correction_dialog import TextCorrectionDialog
from casebook.ui.records.text_layer import LaidLine

# Pictures and scans whose text Casebook can read (see services/records/recognition.py).
READABLE_TYPES = ("image/jpeg", "image/png", "image/heic", "image/tiff", "application/pdf")

CACHED_PAGES = 6


def pixels_to_image(pixels: Pixels) -> QImage:
    """RGB numpy pixels to a QImage that owns its memory (safe to build in a worker)."""
    rgb = np.ascontiguousarray(pixels)
    height, width = rgb.shape[0], rgb.shape[1]
    image = QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return image.copy()


class DocumentViewer(QWidget):
    """Page navigation and zoom for PDFs; zoom and rotate for pictures; outside copies."""

    page_shown = Signal(int)

    def __init__(
        self,
        session: BinderSession,
        document: Document,
        parent: QWidget | None = None,
        open_url: UrlOpener = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("document_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("{title} — Casebook").format(title=document.title))
        fit_to_screen(self, 900, 760)
        self._session = session
        self.document = document
        self.page = 0
        self.page_count = 1
        self._pages: dict[int, QImage] = {}
        self.message_bar = MessageBar()
        self.message_bar.setObjectName("viewer_message_bar")
        self.outside = OutsideCopyFlow(session, document, self, open_url)
        self.outside.copy_saved.connect(
            lambda path: self.message_bar.show_message(
                self.tr("Unencrypted copy saved: {path}").format(path=path)
            )
        )
        self.outside.copy_opened.connect(
            lambda _path: self.message_bar.show_message(
                self.tr("Opened in another program. The copy is deleted when you lock.")
            )
        )
        self.outside.failed.connect(lambda text: self.message_bar.show_error(text))

        def button(text: str, name: str, tip: str) -> QPushButton:
            widget = QPushButton(text)
            widget.setObjectName(name)
            widget.setToolTip(tip)
            return widget

        self.previous_button = button(self.tr("◀ Previous"), "previous_page_button", "PgUp")
        self.previous_button.clicked.connect(self.show_previous_page)
        self.page_label = QLabel()
        self.page_label.setObjectName("page_number_label")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setMinimumWidth(130)
        self.next_button = button(self.tr("Next ▶"), "next_page_button", "PgDown")
        self.next_button.clicked.connect(self.show_next_page)
        self.canvas = PageCanvas()
        self.zoom_out_button = button(self.tr("− Smaller"), "zoom_out_button", "Ctrl+-")
        self.zoom_out_button.clicked.connect(self.canvas.zoom_out)
        self.zoom_in_button = button(self.tr("+ Larger"), "zoom_in_button", "Ctrl++")
        self.zoom_in_button.clicked.connect(self.canvas.zoom_in)
        self.fit_button = button(self.tr("Fit"), "fit_button", self.tr("Show the whole page"))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.rotate_button = button(self.tr("↻ Turn"), "rotate_button", self.tr("Turn right"))
        self.rotate_button.clicked.connect(self.canvas.rotate_clockwise)
        self.save_button = button(
            self.tr("Save a copy…"),
            "save_copy_button",
            self.tr("Save an unencrypted copy of the original file"),
        )
        self.save_button.clicked.connect(self.outside.ask_to_save)
        self.open_button = button(
            self.tr("Open with another program…"),
            "open_externally_button",
            self.tr("Open an unencrypted copy in another program"),
        )
        self.open_button.clicked.connect(self.outside.ask_to_open)
        self.text: DocumentText | None = None
        self.show_text_button = button(
            self.tr("Show text"), "show_text_button", self.tr("Show the text read from the page")
        )
        self.show_text_button.setCheckable(True)
        self.show_text_button.toggled.connect(self._show_text_toggled)
        self.copy_text_button = button(
            self.tr("Copy text"),
            "copy_text_button",
            self.tr("Copy the selected lines, or all the text (Ctrl+C)"),
        )
        self.copy_text_button.clicked.connect(self.copy_text)
        self.correct_text_button = button(
            self.tr("Correct the text…"),
            "correct_text_button",
            self.tr("Fix what was misread: your text is what search finds"),
        )
        self.correct_text_button.clicked.connect(self._correct_text)
        self.read_text_button = button(
            self.tr("Read the text"),
            "read_text_button",
            self.tr("Read the text of this photo or scan, on this computer"),
        )
        self.read_text_button.clicked.connect(self.read_text)
        self.text_status = QLabel()
        self.text_status.setObjectName("text_status")
        self.text_status.setProperty("role", "hint")

        navigation = QHBoxLayout()
        navigation.setSpacing(8)
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.page_label)
        navigation.addWidget(self.next_button)
        navigation.addSpacing(20)
        navigation.addWidget(self.zoom_out_button)
        navigation.addWidget(self.zoom_in_button)
        navigation.addWidget(self.fit_button)
        navigation.addWidget(self.rotate_button)
        navigation.addStretch(1)
        text_row = QHBoxLayout()
        text_row.setSpacing(8)
        text_row.addWidget(self.show_text_button)
        text_row.addWidget(self.copy_text_button)
        text_row.addWidget(self.correct_text_button)
        text_row.addWidget(self.read_text_button)
        text_row.addWidget(self.text_status, 1)
        outside = QHBoxLayout()
        outside.setSpacing(8)
        outside_hint = QLabel(self.tr("Copies made outside Casebook are not encrypted."))
        outside_hint.setProperty("role", "hint")
        outside.addWidget(outside_hint, 1)
        outside.addWidget(self.save_button)
        outside.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(navigation)
        layout.addLayout(text_row)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.message_bar)
        layout.addLayout(outside)

        for keys, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, self.show_previous_page),
            (QKeySequence.StandardKey.MoveToNextPage, self.show_next_page),
            (QKeySequence.StandardKey.ZoomIn, self.canvas.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.canvas.zoom_out),
        ):
            QShortcut(QKeySequence(keys), self, slot)

        is_pdf = document.media_type == "application/pdf"
        self.previous_button.setVisible(is_pdf)
        self.next_button.setVisible(is_pdf)
        self.page_label.setVisible(is_pdf)
        self._update_navigation()
        if is_pdf:
            ReadOp(self, lambda: page_count(session, document)).on_success(
                self._set_page_count
            ).on_failure(lambda _failure: None).start()
        self._show_text_controls()
        if document.media_type in READABLE_TYPES:
            self._load_text()
        self.show_page(0)

    # Text read from the page --------------------------------------------------------------

    def _load_text(self) -> None:
        session, document_id = self._session, self.document.id
        ReadOp(self, lambda: document_text(session, document_id)).on_success(
            self._text_arrived
        ).reporting_to(self.message_bar).start()

    def _text_arrived(self, text: DocumentText) -> None:
        self.text = text
        self._show_text_controls()
        self._lay_text_on_page()

    def _show_text_controls(self) -> None:
        text = self.text
        readable = self.document.media_type in READABLE_TYPES
        recognised = text is not None and text.recognised and bool(text.text.strip())
        self.show_text_button.setVisible(recognised)
        self.copy_text_button.setVisible(recognised)
        self.correct_text_button.setVisible(recognised)
        self.read_text_button.setVisible(readable and text is not None and not text.recognised)
        if text is None or not readable:
            self.text_status.setText("")
        elif not text.recognised:
            self.text_status.setText(self.tr("The text of this page has not been read yet."))
        elif not text.text.strip():
            self.text_status.setText(self.tr("No text was found on this page."))
        elif text.corrected:
            self.text_status.setText(self.tr("Text corrected by you."))
        else:
            self.text_status.setText(self.tr("Text read by Casebook; it may contain mistakes."))

    def _lay_text_on_page(self) -> None:
        text = self.text
        page = next((p for p in text.pages if p.page == self.page), None) if text else None
        if page is None:
            self.canvas.set_text_lines([], 0)
            return
        lines = [
            LaidLine(str(line["text"]), tuple((float(x), float(y)) for x, y in line["box"]))
            for line in page.lines
        ]
        self.canvas.set_text_lines(lines, page.width)
        self.canvas.show_text(self.show_text_button.isChecked())

    def _show_text_toggled(self, shown: bool) -> None:
        self.canvas.show_text(shown)
        if shown:
            self.canvas.text_layer.setFocus()

    def copy_text(self) -> str:
        """Copy the selected lines (or the family's corrected text, or all lines)."""
        if self.text is not None and self.text.corrected and not self.canvas.text_layer.selected:
            from PySide6.QtWidgets import QApplication

            QApplication.clipboard().setText(self.text.text)
            copied = self.text.text
        else:
            copied = self.canvas.text_layer.copy()
        self.message_bar.show_message(self.tr("Text copied."))
        return copied

    def read_text(self) -> None:
        """Read the text now (a photo imported before Casebook could read text)."""
        session, document_id = self._session, self.document.id
        self.read_text_button.setEnabled(False)
        self.text_status.setText(self.tr("Reading the text… this can take a minute."))

        def done(_text: str) -> None:
            self.read_text_button.setEnabled(True)
            self._load_text()

        def failed(failure: TaskFailure) -> None:
            self.read_text_button.setEnabled(True)
            self.message_bar.show_failure(failure)

        WriteOp.with_progress(
            self, session, lambda _report, cancel: recognise_document(session, document_id, cancel)
        ).on_success(done).on_failure(failed).start()

    def _correct_text(self) -> None:
        if self.text is None:
            return
        dialog = TextCorrectionDialog(self.text.text, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session, document_id = self._session, self.document.id

        def save() -> None:
            corrected = dialog.text()
            WriteOp(
                self, session, lambda: correct_text(session, document_id, corrected)
            ).on_success(lambda _none: self._load_text()).reporting_to(self.message_bar).start()

        dialog.accepted.connect(save)
        dialog.open()

    # Pages ---------------------------------------------------------------------------------

    def _set_page_count(self, count: int) -> None:
        self.page_count = max(1, count)
        self._update_navigation()

    def _update_navigation(self) -> None:
        self.page_label.setText(
            self.tr("Page {page} of {count}").format(page=self.page + 1, count=self.page_count)
        )
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page + 1 < self.page_count)

    def show_previous_page(self) -> None:
        if self.page > 0:
            self.show_page(self.page - 1)

    def show_next_page(self) -> None:
        if self.page + 1 < self.page_count:
            self.show_page(self.page + 1)

    def show_page(self, page: int) -> None:
        """Show `page` now if it was rendered before, otherwise start rendering it."""
        self.page = page
        self._update_navigation()
        cached = self._pages.get(page)
        if cached is not None:
            self._display(page, cached)
            return
        self.canvas.show_message(self.tr("Preparing page {page}…").format(page=page + 1))
        session, document = self._session, self.document

        def job(_report: object, _cancel: object) -> QImage:
            return pixels_to_image(render_page(session, document, page))

        ReadOp.with_progress(self, job).on_success(
            lambda image: self._arrived(page, image)
        ).on_failure(lambda failure: self._render_failed(page, failure)).start()

    def _arrived(self, page: int, image: QImage) -> None:
        if len(self._pages) >= CACHED_PAGES:
            self._pages.pop(next(iter(self._pages)))
        self._pages[page] = image
        if page == self.page:  # the user may have moved on meanwhile
            self._display(page, image)

    def _display(self, page: int, image: QImage) -> None:
        self.canvas.set_image(image)
        self._lay_text_on_page()
        self.page_shown.emit(page)

    def _render_failed(self, page: int, failure: TaskFailure) -> None:
        if page != self.page:
            return
        self.canvas.set_image(None)
        self.canvas.show_message(
            self.tr("This page cannot be shown. {reason}\nYou can still save a copy.").format(
                reason=failure_message(failure.error)
            )
        )
        if failure.is_bug:
            failure.show_as_crash()
