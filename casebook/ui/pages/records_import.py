"""The import flow of `import_flow.py`, able to file every added document under one record.

Used when files are dropped on a record on the Records page. Progress, cancel and summary are
the shared flow's; only the job differs (it passes the chosen slot). `ImportFlow.start` builds
its job inline, so this repeats its few lines of set-up; once `ImportFlow.start` takes a
`slot` argument this subclass can go.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from casebook.core.model import SlotKind
from casebook.core.progress import CancelToken, Report
from casebook.services.importing import ImportSummary, import_paths
from casebook.ui.import_flow import ImportFlow
from casebook.ui.tasks import BackgroundTask, writer_pool

_STEPS = 1000


class RecordsImportFlow(ImportFlow):
    """`start(paths, slot)`: with a slot, every new document is filed under that record."""

    def start(self, paths: Sequence[Path], slot: SlotKind | None = None) -> bool:
        if slot is None:
            return super().start(paths)
        if self._task is not None or not paths:
            return False
        session, chosen = self._session, list(paths)
        progress = QProgressDialog(
            self.tr("Getting ready…"), self.tr("Cancel"), 0, _STEPS, self._window
        )
        progress.setObjectName("import_progress_dialog")
        progress.setWindowTitle(self.tr("Adding files"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(520)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(self._cancel)
        progress.show()
        self._progress = progress

        def job(report: Report, cancel: CancelToken) -> ImportSummary:
            return import_paths(session, chosen, slot, report, cancel)

        self._task = (
            BackgroundTask(self, job)
            .on_progress(self._show_progress)
            .on_success(self._on_done)
            .on_failure(self._on_failed)
            .on_cancel(self._on_cancelled)
            .start(writer_pool())
        )
        return True
