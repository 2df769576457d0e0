"""After a disc import was stopped: what was kept, and an offer to remove it, a whole series at
a time. Series cut short are ticked, because a half series misleads whoever reads it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.services.imaging.records import KeptSeries
from casebook.ui.imaging.texts import image_count


class CancelledImportDialog(QDialog):
    """Lists the kept series; "Remove the ticked series" accepts with `chosen_series_ids()`."""

    def __init__(self, kept: list[KeptSeries], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelled_import_dialog")
        self.setWindowTitle(self.tr("Adding images was stopped"))
        self.setMinimumWidth(520)
        self._kept = kept
        partial = [series for series in kept if series.is_partial]
        total = sum(series.kept for series in kept)
        heading = QLabel(
            self.tr(
                "The images added before you stopped are kept: {images} in %n series.",
                "",
                len(kept),
            ).format(images=image_count(total))
        )
        heading.setObjectName("cancelled_import_heading")
        heading.setWordWrap(True)
        heading.setProperty("role", "subheading")
        explanation = QLabel(
            self.tr(
                "%n series are incomplete. A doctor looking at an incomplete series may miss "
                "what matters, so they are ticked below for removal. You can add the disc again "
                "later to complete them.",
                "",
                len(partial),
            )
            if partial
            else self.tr("Every series that was started is complete. You can keep them.")
        )
        explanation.setWordWrap(True)
        self.series_list = QListWidget()
        self.series_list.setObjectName("kept_series_list")
        self.series_list.setAccessibleName(self.tr("Series kept from the stopped import"))
        for series in kept:
            name = series.description or series.modality or self.tr("Series without a name")
            text = self.tr("{name} — {kept} of {listed} images").format(
                name=name, kept=series.kept, listed=series.listed
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, series.series_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if series.is_partial else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.series_list.addItem(item)
        rows = min(max(len(kept), 2), 8)
        self.series_list.setMaximumHeight(rows * self.series_list.sizeHintForRow(0) + 8)
        buttons = QDialogButtonBox()
        self.remove_button = buttons.addButton(
            self.tr("Remove the ticked series"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.remove_button.setObjectName("remove_kept_series_button")
        self.keep_button = buttons.addButton(
            self.tr("Keep everything"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setObjectName("keep_kept_series_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Removed series go to the trash; you can bring them back."))
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.series_list, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        (self.remove_button if partial else self.keep_button).setDefault(True)

    def chosen_series_ids(self) -> list[int]:
        chosen = []
        for row in range(self.series_list.count()):
            item = self.series_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return chosen
