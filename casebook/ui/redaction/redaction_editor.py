"""Hide parts of a document: the family draws boxes over what to hide, or accepts the boxes
Casebook suggests over the patient's name, ID number, birth date, phone numbers and addresses.

Saving makes a new, redacted copy (each page rendered as a picture with the boxes burnt in);
the original stays in the binder untouched. A document without anything to hide can be marked
as showing nothing of the patient, so a de-identified bundle may take it as it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Document
from casebook.core.redaction import Box
from casebook.services.binder.session import BinderSession
from casebook.services.records.previews import page_count, render_page
from casebook.services.redaction import copies
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.screen_fit import fit_to_screen
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.redaction.box_canvas import BoxCanvas

PAGE_PIXELS = 2_500_000
BoxRole = Qt.ItemDataRole.UserRole + 1


def _image(pixels: Any) -> QImage:
    array = np.ascontiguousarray(pixels)
    height, width = array.shape[:2]
    return QImage(array.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class RedactionEditor(QDialog):
    """For one document; reads and writes through ops, so it never blocks the window."""

    def __init__(
        self, session: BinderSession, document: Document, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("redaction_editor")
        self.setWindowTitle(self.tr("Hide parts of “{title}”").format(title=document.title))
        fit_to_screen(self, 1080, 680)
        self._session = session
        self.document = document
        self.pages = 1
        self.saved = False

        self.canvas = BoxCanvas()
        self.canvas.boxes_changed.connect(self._refresh)
        self.page_label = QLabel()
        self.page_label.setObjectName("redaction_page_label")
        self.previous_button = QPushButton(self.tr("◀ Previous page"))
        self.previous_button.clicked.connect(lambda: self.go_to(self.canvas.page - 1))
        self.next_button = QPushButton(self.tr("Next page ▶"))
        self.next_button.clicked.connect(lambda: self.go_to(self.canvas.page + 1))
        pager = QHBoxLayout()
        pager.addWidget(self.previous_button)
        pager.addStretch(1)
        pager.addWidget(self.page_label)
        pager.addStretch(1)
        pager.addWidget(self.next_button)

        hint = QLabel(
            self.tr(
                "Drag over anything the reader should not see: a name, an ID number, an "
                "address, another person's results. Right-click a black box to remove it."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        suggestions_heading = QLabel(self.tr("Suggested by Casebook"))
        suggestions_heading.setProperty("role", "subheading")
        self.suggest_button = QPushButton(self.tr("Find the patient's details"))
        self.suggest_button.setObjectName("suggest_button")
        self.suggest_button.clicked.connect(self.suggest)
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("suggestions_list")
        self.suggestions.setAccessibleName(self.tr("Suggested boxes: tick the ones to hide"))
        self.suggestions.itemChanged.connect(self._suggestion_changed)
        self.suggestions.itemClicked.connect(self._show_suggestion)
        self.suggest_hint = QLabel(
            self.tr(
                "Casebook reads the document's text for the patient's name, ID number, birth "
                "date, phone numbers and addresses. Tick a suggestion to hide it. Photos and "
                "scans have no text: look at them and draw the boxes yourself."
            )
        )
        self.suggest_hint.setWordWrap(True)
        self.suggest_hint.setProperty("role", "hint")
        self.no_identity_button = QPushButton(self.tr("It shows nothing of the patient"))
        self.no_identity_button.setObjectName("no_identity_button")
        self.no_identity_button.setToolTip(
            self.tr("Send it as it is, even to a reader who must not know who the patient is.")
        )
        self.no_identity_button.clicked.connect(self.confirm_no_identity)

        side = QVBoxLayout()
        side.addWidget(suggestions_heading)
        side.addWidget(self.suggest_hint)
        side.addWidget(self.suggest_button)
        side.addWidget(self.suggestions, 1)
        side.addWidget(self.no_identity_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(330)

        left = QVBoxLayout()
        left.addWidget(hint)
        left.addWidget(self.canvas, 1)
        left.addLayout(pager)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(side_widget)

        self.message_bar = MessageBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("redaction_count_label")
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save a hidden copy"))
        self.save_button.setObjectName("primary_button")
        self.save_button.setToolTip(
            self.tr("Makes a new copy with the boxes burnt in; the original is kept as it is.")
        )
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(body, 1)
        layout.addWidget(self.message_bar)
        layout.addLayout(buttons)
        self._refresh()
        self._load()

    # Reading ---------------------------------------------------------------------------------

    def _load(self) -> None:
        session, document = self._session, self.document

        def read() -> tuple[int, list[Box] | None]:
            return page_count(session, document), copies.saved_boxes(session, document.id)

        ReadOp(self, read).on_success(self._loaded).on_failure(self._failed).start()

    def _loaded(self, result: tuple[int, list[Box] | None]) -> None:
        self.pages, saved = result
        if saved:
            self.canvas.kept = list(saved)
        self.go_to(0)

    def go_to(self, page: int) -> None:
        if not 0 <= page < self.pages:
            return
        session, document = self._session, self.document
        ReadOp(self, lambda: render_page(session, document, page, PAGE_PIXELS)).on_success(
            lambda pixels: self._show(page, pixels)
        ).on_failure(self._failed).start()

    def _show(self, page: int, pixels: Any) -> None:
        self.canvas.show_page(page, _image(pixels))
        self._refresh()

    @Slot()
    def suggest(self) -> None:
        session, document_id = self._session, self.document.id
        self.suggest_button.setEnabled(False)
        ReadOp(self, lambda: copies.propose(session, document_id)).on_success(
            self._show_suggestions
        ).on_failure(self._failed).start()

    def _show_suggestions(self, boxes: list[Box]) -> None:
        self.suggest_button.setEnabled(True)
        self.suggestions.blockSignals(True)
        self.suggestions.clear()
        words = {
            "name": self.tr("Patient's name"),
            "id_number": self.tr("ID number"),
            "birth_date": self.tr("Date of birth"),
            "phone": self.tr("Phone number"),
            "address": self.tr("Address"),
        }
        for box in boxes:
            text = self.tr("{what}, page {page}").format(
                what=words.get(box.reason, box.reason), page=box.page + 1
            )
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(BoxRole, box)
            self.suggestions.addItem(item)
            if box not in self.canvas.kept:
                self.canvas.kept.append(box)
        self.suggestions.blockSignals(False)
        if not boxes:
            self.message_bar.show_message(
                self.tr("Casebook found nothing to suggest. Look at each page yourself.")
            )
        self.canvas.update()
        self._refresh()

    def _suggestion_changed(self, item: QListWidgetItem) -> None:
        box = item.data(BoxRole)
        if not isinstance(box, Box):
            return
        if item.checkState() == Qt.CheckState.Checked:
            if box not in self.canvas.kept:
                self.canvas.kept.append(box)
            self.canvas.suggested = [b for b in self.canvas.suggested if b != box]
        else:
            self.canvas.kept = [b for b in self.canvas.kept if b != box]
            self.canvas.suggested.append(box)
        self.canvas.update()
        self._refresh()

    def _show_suggestion(self, item: QListWidgetItem) -> None:
        box = item.data(BoxRole)
        if isinstance(box, Box) and box.page != self.canvas.page:
            self.go_to(box.page)

    # Writing ---------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        session, document_id, boxes = self._session, self.document.id, list(self.canvas.kept)
        self.save_button.setEnabled(False)
        self.message_bar.show_message(self.tr("Making the hidden copy…"))
        WriteOp(self, session, lambda: copies.make_redacted_copy(session, document_id, boxes))\
            .on_success(self._saved).on_failure(self._failed).start()  # fmt: skip

    def _saved(self, _copy: object) -> None:
        self.saved = True
        self.accept()

    @Slot()
    def confirm_no_identity(self) -> None:
        session, document_id = self._session, self.document.id
        WriteOp(
            self, session, lambda: copies.confirm_shows_no_identity(session, document_id, True)
        ).on_success(lambda _: self.accept()).on_failure(self._failed).start()

    def _failed(self, failure: TaskFailure) -> None:
        self.suggest_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.message_bar.show_failure(failure)

    def _refresh(self) -> None:
        self.page_label.setText(
            self.tr("Page {page} of {pages}").format(page=self.canvas.page + 1, pages=self.pages)
        )
        self.previous_button.setEnabled(self.canvas.page > 0)
        self.next_button.setEnabled(self.canvas.page + 1 < self.pages)
        count = len(self.canvas.kept)
        self.count_label.setText(
            self.tr("%n part(s) will be hidden.", "", count) if count else
            self.tr("Nothing is hidden yet.")
        )  # fmt: skip
        self.save_button.setEnabled(count > 0)
