"""Step 4 of the export: how the bundle travels, and the folder it is written to.

The part size follows from the way it travels. By e-mail it must get through the smallest limit
on the way, and e-mail makes an attachment about a third bigger (base64), so each preset's part
is the limit divided by 1.37; a USB stick, a disc, a shared folder or a cloud link take one file.
Before anything is sealed the step says how many e-mails it will take, counted from the exact
archive size the seal will write (`BundleSize.parts`). The folder is checked on the review step
(free space, writable, FAT32's 4 GiB file limit).
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casebook.services.export.sealing import BundleSize
from casebook.ui.common import file_dialogs
from casebook.ui.common.labels import format_size
from casebook.ui.common.look import look_as


class Travel(enum.Enum):
    """How the bundle reaches the hospital; only e-mail needs parts."""

    EMAIL = "email"
    USB = "usb"  # a USB stick or a disc, handed over or posted
    SHARED = "shared"  # a shared folder or a cloud link


# (attachment limit in MB, the part that gets through it once encoded, what it is)
EMAIL_LIMITS = (
    (20, 14, QT_TRANSLATE_NOOP("DeliveryStep", "Most web mail: limit 20 MB")),
    (25, 18, QT_TRANSLATE_NOOP("DeliveryStep", "Gmail or Outlook: limit 25 MB")),
    (10, 7, QT_TRANSLATE_NOOP("DeliveryStep", "Some hospital mail: limit 10 MB")),
)
DEFAULT_EMAIL_PART_MB = EMAIL_LIMITS[0][1]


class DeliveryStep(QWidget):
    """E-mail parts or one file, with the count of e-mails, and the destination folder."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_delivery_step")
        self._size: BundleSize | None = None
        self._one_file_parts_mb: int | None = None  # the FAT32 way out for a stick
        heading = QLabel(self.tr("How will the bundle travel?"))
        heading.setProperty("role", "subheading")
        self.email_radio = QRadioButton(self.tr("By e-mail, in parts: one part in each message"))
        self.email_radio.setObjectName("email_radio")
        self.usb_radio = QRadioButton(self.tr("On a USB stick or a disc: one file"))
        self.usb_radio.setObjectName("usb_radio")
        self.cloud_radio = QRadioButton(
            self.tr("Through a shared folder or a cloud link: one file")
        )
        self.cloud_radio.setObjectName("cloud_radio")
        self.email_radio.setChecked(True)
        group = QButtonGroup(self)
        for radio in (self.email_radio, self.usb_radio, self.cloud_radio):
            group.addButton(radio)
            radio.toggled.connect(self._mode_changed)

        self.limit_combo = QComboBox()
        self.limit_combo.setObjectName("email_limit_combo")
        self.limit_combo.setAccessibleName(self.tr("Attachment limit of the e-mail"))
        for _limit, part, text in EMAIL_LIMITS:
            self.limit_combo.addItem(QCoreApplication.translate("DeliveryStep", str(text)), part)
        self.limit_combo.addItem(self.tr("Another part size"), 0)
        self.limit_combo.currentIndexChanged.connect(self._limit_chosen)
        self.volume_spin = QSpinBox()
        self.volume_spin.setObjectName("volume_size_spin")
        self.volume_spin.setAccessibleName(self.tr("Largest part, in megabytes"))
        self.volume_spin.setRange(1, 4000)
        self.volume_spin.setValue(DEFAULT_EMAIL_PART_MB)
        self.volume_spin.setSuffix(" MB")
        self.volume_spin.setMinimumWidth(110)
        self.volume_spin.valueChanged.connect(self._part_size_changed)
        limit_row = QHBoxLayout()
        limit_row.setContentsMargins(28, 0, 0, 0)
        limit_row.addWidget(QLabel(self.tr("E-mail service:")))
        limit_row.addWidget(self.limit_combo)
        limit_row.addSpacing(12)
        limit_row.addWidget(QLabel(self.tr("Parts of at most")))
        limit_row.addWidget(self.volume_spin)
        limit_row.addStretch(1)
        self.email_hint = QLabel(
            self.tr(
                "Each part is smaller than the limit: e-mail makes attachments about a third "
                "bigger on the way. If the hospital says its limit is smaller, choose that."
            )
        )
        self.email_hint.setObjectName("email_hint")
        self.email_hint.setProperty("role", "hint")
        self.email_hint.setWordWrap(True)
        self.email_hint.setContentsMargins(28, 0, 0, 0)

        self.estimate_label = QLabel()
        self.estimate_label.setObjectName("parts_estimate_label")
        self.estimate_label.setWordWrap(True)
        look_as(self.estimate_label, role="strong")

        folder_heading = QLabel(self.tr("Where should Casebook write the bundle?"))
        folder_heading.setProperty("role", "subheading")
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("destination_edit")
        self.folder_edit.setAccessibleName(self.tr("Folder for the bundle"))
        self.folder_edit.setPlaceholderText(self.tr("Choose a folder or a USB stick"))
        self.folder_edit.textChanged.connect(lambda _text: self.changed.emit())
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("choose_destination_button")
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        folder_hint = QLabel(
            self.tr(
                "The file names never contain the patient's name. Everything inside is encrypted."
            )
        )
        folder_hint.setProperty("role", "hint")
        folder_hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.email_radio)
        layout.addLayout(limit_row)
        layout.addWidget(self.email_hint)
        layout.addWidget(self.usb_radio)
        layout.addWidget(self.cloud_radio)
        layout.addSpacing(6)
        layout.addWidget(self.estimate_label)
        layout.addSpacing(16)
        layout.addWidget(folder_heading)
        layout.addLayout(folder_row)
        layout.addWidget(folder_hint)
        layout.addStretch(1)
        self._show_estimate()

    # The way it travels ------------------------------------------------------------------

    def travel(self) -> Travel:
        if self.email_radio.isChecked():
            return Travel.EMAIL
        return Travel.USB if self.usb_radio.isChecked() else Travel.SHARED

    @Slot(bool)
    def _mode_changed(self, checked: bool) -> None:
        if not checked:
            return  # the radio being unchecked; the checked one reports
        email = self.email_radio.isChecked()
        self.limit_combo.setEnabled(email)
        self.volume_spin.setEnabled(email)
        self.email_hint.setEnabled(email)
        self._one_file_parts_mb = None
        self._show_estimate()
        self.changed.emit()

    @Slot(int)
    def _limit_chosen(self, index: int) -> None:
        part = int(self.limit_combo.itemData(index) or 0)
        if part:
            self.volume_spin.setValue(part)

    @Slot(int)
    def _part_size_changed(self, megabytes: int) -> None:
        """A typed size that is a preset's part shows that preset; any other, "Another"."""
        presets = [part for _limit, part, _text in EMAIL_LIMITS]
        index = presets.index(megabytes) if megabytes in presets else len(presets)
        if index != self.limit_combo.currentIndex():
            self.limit_combo.blockSignals(True)
            self.limit_combo.setCurrentIndex(index)
            self.limit_combo.blockSignals(False)
        self._show_estimate()
        self.changed.emit()

    def volume_size_mb(self) -> int | None:
        """None for one file, else the largest part in MB."""
        if self.travel() is Travel.EMAIL:
            return self.volume_spin.value()
        return self._one_file_parts_mb

    def use_parts(self, megabytes: int) -> None:
        """E-mail parts of `megabytes` each (a reader's profile asks for them)."""
        self.email_radio.setChecked(True)
        self.volume_spin.setValue(megabytes)

    def split_large_file(self, megabytes: int) -> None:
        """Keep the stick or folder, but in parts of `megabytes` (the FAT32 way out)."""
        if self.travel() is Travel.EMAIL:
            self.volume_spin.setValue(megabytes)
            return
        self._one_file_parts_mb = megabytes
        self._show_estimate()
        self.changed.emit()

    def use_one_file(self) -> None:
        self.usb_radio.setChecked(True)

    # The count of parts ------------------------------------------------------------------

    def set_size(self, size: BundleSize | None) -> None:
        """The measured bundle (None while it is being measured)."""
        self._size = size
        self._show_estimate()

    def _show_estimate(self) -> None:
        if self._size is None:
            self.estimate_label.setText(self.tr("Measuring the bundle…"))
            return
        size = format_size(self._size.archive_bytes)
        parts = self._size.parts(self.volume_size_mb())
        if self.travel() is Travel.EMAIL:
            one = self.tr("{size} in all: it fits in one e-mail.")
            many = self.tr("{size} in all: {count} e-mails, one part in each.")
        else:
            one = self.tr("{size} in all, as one file.")
            many = self.tr("{size} in all: {count} files of at most {mb} MB.")
        text = one if parts == 1 else many
        self.estimate_label.setText(text.format(size=size, count=parts, mb=self.volume_size_mb()))

    def parts_needed(self) -> int | None:
        """How many files the seal will make with the choice on screen (None: not measured)."""
        return None if self._size is None else self._size.parts(self.volume_size_mb())

    # The folder --------------------------------------------------------------------------

    @Slot()
    def _choose_folder(self) -> None:
        folder = file_dialogs.get_existing_directory(
            self, self.tr("Folder for the bundle"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def directory(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def is_complete(self) -> bool:
        return self.directory() is not None
