"""Step 3 of the export: how the bundle travels, and the folder it is written to.

Email: parts of at most N MB (default 20) that 7-Zip joins again; USB stick or upload: one file.
The folder is checked on the review step (free space, writable, FAT32's 4 GiB file limit).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casebook.services.export import DEFAULT_VOLUME_MB


class DeliveryStep(QWidget):
    """Email parts or one file, and the destination folder."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_delivery_step")
        heading = QLabel(self.tr("How will you send it?"))
        heading.setProperty("role", "subheading")
        self.email_radio = QRadioButton(self.tr("By email, in several parts"))
        self.email_radio.setObjectName("email_radio")
        self.usb_radio = QRadioButton(self.tr("On a USB stick or by upload, as one file"))
        self.usb_radio.setObjectName("usb_radio")
        self.email_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.email_radio)
        group.addButton(self.usb_radio)
        self.email_radio.toggled.connect(self._mode_changed)

        self.volume_spin = QSpinBox()
        self.volume_spin.setObjectName("volume_size_spin")
        self.volume_spin.setAccessibleName(self.tr("Largest part, in megabytes"))
        self.volume_spin.setRange(1, 4000)
        self.volume_spin.setValue(DEFAULT_VOLUME_MB)
        self.volume_spin.setSuffix(" MB")
        self.volume_spin.setMinimumWidth(120)
        self.volume_spin.valueChanged.connect(lambda _value: self.changed.emit())
        volume_row = QHBoxLayout()
        volume_row.setContentsMargins(28, 0, 0, 0)
        volume_row.addWidget(QLabel(self.tr("Largest part:")))
        volume_row.addWidget(self.volume_spin)
        volume_hint = QLabel(
            self.tr(
                "Many email services refuse attachments above 20–25 MB. Send one part per email."
            )
        )
        volume_hint.setProperty("role", "hint")
        volume_hint.setWordWrap(True)
        volume_row.addWidget(volume_hint, 1)

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
        layout.addLayout(volume_row)
        layout.addWidget(self.usb_radio)
        layout.addSpacing(16)
        layout.addWidget(folder_heading)
        layout.addLayout(folder_row)
        layout.addWidget(folder_hint)
        layout.addStretch(1)

    @Slot(bool)
    def _mode_changed(self, email: bool) -> None:
        self.volume_spin.setEnabled(email)
        self.changed.emit()

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the bundle"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def volume_size_mb(self) -> int | None:
        """None for one file, else the largest part in MB."""
        return self.volume_spin.value() if self.email_radio.isChecked() else None

    def use_parts(self, megabytes: int) -> None:
        """Switch to parts (the FAT32 way out) of `megabytes` each."""
        self.email_radio.setChecked(True)
        self.volume_spin.setValue(megabytes)

    def directory(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def is_complete(self) -> bool:
        return self.directory() is not None
