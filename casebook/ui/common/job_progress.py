"""The progress dialog of one background job (import, scan, backup, check)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_STEPS = 1000


def open_job_progress(
    parent: QWidget, name: str, title: str, label: str, width: int = 520
) -> QProgressDialog:
    """Window-modal, shown at once, with Cancel; it stays open at 100 % until the job's
    outcome closes it (so the summary never races an auto-closing dialog)."""
    cancel = QCoreApplication.translate("JobProgress", "Cancel")
    progress = QProgressDialog(label, cancel, 0, PROGRESS_STEPS, parent)
    progress.setObjectName(name)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setMinimumWidth(width)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)
    progress.show()
    return progress
