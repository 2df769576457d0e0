"""After an import: how many files were added, already there, or could not be added and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.importers.furniture import Furniture
from casebook.services.records.importing import ImportSummary
from casebook.ui.common.error_messages import describe_file_problem
from casebook.ui.common.labels import choose_plural


class ImportSummaryDialog(QDialog):
    """A short report in plain words; details listed only when there is something to explain."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary_dialog")
        self.setWindowTitle(self.tr("Files added"))
        self.setMinimumWidth(560)

        heading = QLabel(self.tr("Adding files is finished"))
        heading.setProperty("role", "subheading")
        lines = [
            choose_plural(
                len(summary.added),
                self.tr("✓  Added to the binder: {count} file"),
                self.tr("✓  Added to the binder: {count} files"),
            ),
            choose_plural(
                len(summary.duplicates),
                self.tr("=  Already in the binder: {count} file"),
                self.tr("=  Already in the binder: {count} files"),
            ),
        ]
        if summary.images_added or summary.images_already_there:
            lines.append(
                choose_plural(
                    summary.images_added,
                    self.tr("✓  Scan images filed under Imaging: {count} image"),
                    self.tr("✓  Scan images filed under Imaging: {count} images"),
                )
            )
        if summary.images_already_there:
            lines.append(
                choose_plural(
                    summary.images_already_there,
                    self.tr("=  Scan images already in the binder: {count} image"),
                    self.tr("=  Scan images already in the binder: {count} images"),
                )
            )
        if summary.refused:
            lines.append(
                choose_plural(
                    len(summary.refused),
                    self.tr("✗  Could not be added: {count} file"),
                    self.tr("✗  Could not be added: {count} files"),
                )
            )
        if summary.skipped_count:
            lines.append(
                choose_plural(
                    summary.skipped_count,
                    self.tr("–  Left out, not medical records: {count} file"),
                    self.tr("–  Left out, not medical records: {count} files"),
                )
            )
        held_back = sum(patient.image_count for patient in summary.held_back)
        if held_back:
            lines.append(
                choose_plural(
                    held_back,
                    self.tr("–  Left out, someone else's scan: {count} image"),
                    self.tr("–  Left out, someone else's scan: {count} images"),
                )
            )
        self.counts_label = QLabel("\n".join(lines))
        self.counts_label.setObjectName("import_counts_label")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.counts_label)

        self.details_list = QListWidget()
        self.details_list.setObjectName("import_details_list")
        for refusal in summary.refused:
            self.details_list.addItem(
                self.tr("{name}: {reason}").format(
                    name=refusal.path.name, reason=describe_file_problem(refusal.problem)
                )
            )
        for document in summary.password_protected:
            self.details_list.addItem(
                self.tr(
                    "{name}: protected by a password. It was kept as it is; the hospital "
                    "will need the password to open it, so send it separately."
                ).format(name=document.original_name)
            )
        for kind, count in summary.skipped.most_common():
            self.details_list.addItem(
                self.tr("{what}: {count} left out").format(what=furniture_label(kind), count=count)
            )
        if summary.worker_restarts:
            self.details_list.addItem(
                choose_plural(
                    summary.worker_restarts,
                    self.tr(
                        "{count} damaged file stopped the file reader; Casebook restarted it "
                        "and carried on"
                    ),
                    self.tr(
                        "{count} damaged files stopped the file reader; Casebook restarted it "
                        "and carried on"
                    ),
                )
            )
        for path, document in summary.duplicates:
            self.details_list.addItem(
                self.tr("{name}: already in the binder as “{title}”").format(
                    name=path.name, title=document.title
                )
            )
        if self.details_list.count():
            layout.addWidget(QLabel(self.tr("Details:")))
            layout.addWidget(self.details_list)
        else:
            self.details_list.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def furniture_label(kind: Furniture) -> str:
    """What was left out, in plain words."""
    texts = {
        Furniture.PROGRAM: _tr("Programs (such as a disc's viewer)"),
        Furniture.AUTORUN: _tr("Autorun files of a disc"),
        Furniture.DISC_INDEX: _tr("The disc's index (DICOMDIR)"),
        Furniture.WEB_PAGE: _tr("The disc's web pages"),
        Furniture.DISC_README: _tr("The disc's read-me file"),
        Furniture.SYSTEM_FILE: _tr("Hidden system files (.DS_Store, Thumbs.db)"),
        Furniture.LOCK_FILE: _tr("Lock files of open documents"),
    }
    return texts[kind]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportSummaryDialog", text)
