"""After sealing: how to send it, step by step, for the way the family chose.

E-mail: one message per part, in order, each with a suggested subject line (so the hospital
can tell that nothing is missing); a stick, a disc or a cloud link: the one file. Then, always,
the password by another way (phone, SMS, a different messenger), never next to the bundle:
whoever gets hold of one should not get the other. The password itself is not shown here; the
previous page showed it once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.bundle.volumes import ArchivePart
from casebook.services.export.sending import email_subjects
from casebook.ui.common.labels import format_size
from casebook.ui.common.look import look_as
from casebook.ui.export.delivery_step import Travel


def _text(name: str, *, hint: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if hint:
        label.setProperty("role", "hint")
    return label


class SendGuide(QWidget):
    """`finished` when the family is done with the wizard."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_send_guide")
        self._folder: Path | None = None
        heading = QLabel(self.tr("How to send it"))
        heading.setProperty("role", "heading")
        self.first_heading = QLabel()
        self.first_heading.setProperty("role", "subheading")
        self.first_text = _text("send_first_text")
        self.parts_tree = QTreeWidget()
        self.parts_tree.setObjectName("send_parts_tree")
        self.parts_tree.setAccessibleName(self.tr("The files to send, in order"))
        self.parts_tree.setRootIsDecorated(False)
        self.parts_tree.setAlternatingRowColors(True)
        self.parts_tree.setHeaderLabels(
            [self.tr("E-mail"), self.tr("Attach this file"), self.tr("Size"),
             self.tr("Suggested subject line")]
        )  # fmt: skip
        look_as(self.parts_tree, rows="spaced")
        header = self.parts_tree.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.copy_subject_button = QPushButton(self.tr("Copy the subject line"))
        self.copy_subject_button.setObjectName("copy_subject_button")
        self.copy_subject_button.clicked.connect(self.copy_subject)
        self.parts_tree.itemDoubleClicked.connect(lambda _item, _column: self.copy_subject())
        self.parts_tree.currentItemChanged.connect(lambda _now, _before: self._show_subject())
        # The bilingual subject is longer than its column on a laptop: the chosen e-mail's
        # subject is also shown whole below the list, wrapped, to read or select.
        self.subject_caption = QLabel()
        self.subject_caption.setObjectName("chosen_subject_caption")
        self.subject_caption.setProperty("role", "hint")
        self.subject_text = _text("chosen_subject_text")
        self.subject_text.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject_caption.setBuddy(self.subject_text)
        open_folder = QPushButton(self.tr("Open the folder"))
        open_folder.setObjectName("open_bundle_folder_button")
        open_folder.clicked.connect(self._open_folder)
        self.copied_label = _text("subject_copied_label", hint=True)
        tools = QHBoxLayout()
        tools.addWidget(self.copy_subject_button)
        tools.addWidget(open_folder)
        tools.addWidget(self.copied_label, 1)

        password_heading = QLabel(self.tr("Then send the password another way"))
        password_heading.setProperty("role", "subheading")
        self.password_text = _text("send_password_text")
        opening_heading = QLabel(self.tr("Tell them how to open it"))
        opening_heading.setProperty("role", "subheading")
        self.opening_text = _text("send_opening_text")

        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setObjectName("primary_button")
        self.finish_button.clicked.connect(self.finished)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.first_heading)
        layout.addWidget(self.first_text)
        layout.addWidget(self.parts_tree, 1)
        layout.addWidget(self.subject_caption)
        layout.addWidget(self.subject_text)
        layout.addLayout(tools)
        layout.addSpacing(8)
        layout.addWidget(password_heading)
        layout.addWidget(self.password_text)
        layout.addSpacing(8)
        layout.addWidget(opening_heading)
        layout.addWidget(self.opening_text)
        layout.addLayout(bottom)

    def show_guide(
        self,
        travel: Travel,
        parts: tuple[ArchivePart, ...],
        institution: str,
        created_on: date,
        language: str,
    ) -> None:
        """Fill the steps for this bundle; `language` is the summary's, for the subjects."""
        count = len(parts)
        email = travel is Travel.EMAIL
        self._folder = parts[0].path.parent if parts else None
        who = institution or self.tr("the hospital")
        subjects = email_subjects(count, created_on, language) if email else [""] * count
        self.parts_tree.clear()
        for number, (part, subject) in enumerate(zip(parts, subjects, strict=True), start=1):
            item = QTreeWidgetItem([str(number), part.path.name, format_size(part.size), subject])
            item.setToolTip(3, subject)
            self.parts_tree.addTopLevelItem(item)
        self.parts_tree.setColumnHidden(0, not email)
        self.parts_tree.setColumnHidden(3, not email)
        self.copy_subject_button.setVisible(email)
        self.copied_label.clear()
        if (first_item := self.parts_tree.topLevelItem(0)) is not None:
            self.parts_tree.setCurrentItem(first_item)
        self._show_subject()
        self.first_heading.setText(self._first_heading(travel, count))
        self.first_text.setText(self._first_text(travel, count, who))
        self.password_text.setText(self._password_text(travel, count))
        first = parts[0].path.name if parts else ""
        self.opening_text.setText(
            self.tr(
                "Put all the files in one folder and open {first} with 7-Zip (Windows) or "
                "Keka (Mac); it asks for the password. The README inside explains the rest."
            ).format(first=first)
            if count > 1
            else self.tr(
                "Open {first} with 7-Zip (Windows) or Keka (Mac); it asks for the password. "
                "The README inside explains the rest."
            ).format(first=first)
        )

    def _first_heading(self, travel: Travel, count: int) -> str:
        if travel is Travel.EMAIL:
            if count == 1:
                return self.tr("1. Send one e-mail with the file")
            return self.tr("1. Send {count} e-mails, one part in each, in this order").format(
                count=count
            )
        if travel is Travel.USB:
            return self.tr("1. Copy it onto the USB stick or disc")
        return self.tr("1. Share it through the folder or cloud link")

    def _first_text(self, travel: Travel, count: int, who: str) -> str:
        if travel is Travel.EMAIL:
            return self.tr(
                "Write to {who}. Attach only the file named on its line, and copy its subject "
                "line, so they can see that nothing is missing. Do not write the password in "
                "any of these e-mails."
            ).format(who=who)
        if travel is Travel.USB:
            return self.tr(
                "If Casebook wrote it elsewhere, copy the file(s) below onto the stick or disc. "
                "Hand it to {who} or post it. Do not write the password on it or put it in the "
                "envelope."
            ).format(who=who)
        return self.tr(
            "Put the file(s) below into the shared folder, or upload them to the cloud service, "
            "and send {who} the link. Do not put the password next to the link."
        ).format(who=who)

    def _password_text(self, travel: Travel, count: int) -> str:
        arrived = (
            self.tr("Wait until they confirm that all {count} parts arrived.").format(count=count)
            if travel is Travel.EMAIL and count > 1
            else self.tr("Wait until they confirm that it arrived.")
        )
        return self.tr(
            "{arrived} Then give them the password by a different way than the bundle: read it "
            "out on the phone, send it by SMS, or through a different messenger (for example "
            "WeChat or WhatsApp). Anyone who gets only the bundle, or only the password, can "
            "read nothing."
        ).format(arrived=arrived)

    def _show_subject(self) -> None:
        """The chosen e-mail's subject in full (hidden when the bundle does not go by e-mail)."""
        item = self.parts_tree.currentItem()
        subject = item.text(3) if item is not None else ""
        self.subject_caption.setVisible(bool(subject))
        self.subject_text.setVisible(bool(subject))
        if subject and item is not None:
            self.subject_caption.setText(
                self.tr("Subject line of e-mail {number}:").format(number=item.text(0))
            )
        self.subject_text.setText(subject)

    @Slot()
    def copy_subject(self) -> None:
        item = self.parts_tree.currentItem()
        if item is None or not item.text(3):
            return
        QGuiApplication.clipboard().setText(item.text(3))
        self.copied_label.setText(
            self.tr("Copied the subject line of e-mail {number}.").format(number=item.text(0))
        )

    @Slot()
    def _open_folder(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))
