""" "Exchange with the family": read what the others left in a folder, leave this copy's news.

The exchange runs on the writer lane with progress and Cancel; afterwards the dialog says in
plain words what came in ("From Wei: 12 new notes, 1 question changed."), how many fields now
have two versions (with a way to choose), what others deleted (with a way to bring it back on
this computer too), and which files were not read and why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder.session import BinderSession
from casebook.services.sharing.exchange import (
    ExchangeSummary,
    exchange,
    last_folder,
    remember_folder,
)
from casebook.services.sharing.inbox import News
from casebook.services.undo import Deleted, undo_delete
from casebook.ui.common import file_dialogs
from casebook.ui.common.job_progress import PROGRESS_STEPS, open_job_progress
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.sharing import words
from casebook.ui.sharing.deleted_model import DeletedElsewhereModel, ObjectRole


class ExchangeDialog(QDialog):
    """Emits `versions_requested` when the family wants to choose between two versions."""

    versions_requested = Signal()

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchange_dialog")
        self.setWindowTitle(self.tr("Exchange with the family"))
        self.setMinimumWidth(720)
        self._session = session
        self._folder: Path | None = None
        self._task: WriteOp[ExchangeSummary] | None = None
        self._progress: QProgressDialog | None = None
        self.summary: ExchangeSummary | None = None

        heading = QLabel(self.tr("Exchange with the family"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "Casebook reads the changes your family left in a folder, and leaves yours there "
                "for them. Use a folder you can all reach: a USB stick you pass around, or a "
                "folder that a cloud drive or Syncthing keeps in step. Everything in it is "
                "encrypted; Casebook itself never goes on the internet."
            )
        )
        intro.setWordWrap(True)
        self.folder_label = QLabel(self.tr("No folder chosen yet"))
        self.folder_label.setObjectName("exchange_folder_label")
        self.folder_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("choose_exchange_folder_button")
        choose.clicked.connect(self._choose_folder)
        self.exchange_button = QPushButton(self.tr("Exchange now"))
        self.exchange_button.setObjectName("primary_button")
        self.exchange_button.setDefault(True)
        self.exchange_button.clicked.connect(self.start)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder:")))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(choose)
        folder_row.addWidget(self.exchange_button)

        self.message = MessageBar()
        self.results_heading = QLabel(self.tr("What happened"))
        self.results_heading.setProperty("role", "subheading")
        self.results = QLabel()
        self.results.setObjectName("exchange_results")
        self.results.setWordWrap(True)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.versions_button = QPushButton(self.tr("Choose between the versions…"))
        self.versions_button.setObjectName("choose_versions_button")
        self.versions_button.clicked.connect(self.versions_requested)
        self.deleted_heading = QLabel(self.tr("Deleted on another computer"))
        self.deleted_heading.setProperty("role", "subheading")
        self.deleted_model = DeletedElsewhereModel(self)
        self.deleted_list = QListView()
        self.deleted_list.setModel(self.deleted_model)
        self.deleted_list.setObjectName("deleted_elsewhere_list")
        self.deleted_list.setAccessibleName(self.tr("Deleted on another computer"))
        self.deleted_list.setMaximumHeight(110)
        self.bring_back_button = QPushButton(self.tr("Bring back the selected one"))
        self.bring_back_button.setObjectName("bring_back_button")
        self.bring_back_button.clicked.connect(self._bring_back)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close_button")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.versions_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.message)
        layout.addWidget(self.results_heading)
        layout.addWidget(self.results)
        layout.addWidget(self.deleted_heading)
        layout.addWidget(self.deleted_list)
        layout.addWidget(self.bring_back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._show_summary(None)
        self._refresh()
        ReadOp(self, lambda: last_folder(session)).on_success(self._remembered).start()

    # The folder ---------------------------------------------------------------------------------

    def _remembered(self, folder: Path | None) -> None:
        if folder is not None and self._folder is None and folder.is_dir():
            self.set_folder(folder)

    def set_folder(self, folder: Path) -> None:
        self._folder = folder
        self.folder_label.setText(str(folder))
        self._refresh()

    @Slot()
    def _choose_folder(self) -> None:
        start = str(self._folder) if self._folder else ""
        chosen = file_dialogs.get_existing_directory(
            self, self.tr("Choose the folder you share with your family"), start
        )
        if chosen:
            self.set_folder(Path(chosen))

    def _refresh(self) -> None:
        self.exchange_button.setEnabled(self._folder is not None and self._task is None)

    # Exchanging ---------------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        if self._folder is None or self._task is not None:
            return
        session, folder = self._session, self._folder

        def job(report: Report, cancel: CancelToken) -> ExchangeSummary:
            summary = exchange(session, folder, report, cancel)
            remember_folder(session, folder)
            return summary

        title = self.tr("Exchanging")
        self._progress = open_job_progress(
            self, "exchange_progress_dialog", title, self.tr("Reading and writing the news…")
        )
        task: WriteOp[ExchangeSummary] = WriteOp.with_progress(self, session, job)
        self._progress.canceled.connect(task.cancel)
        self.message.clear()
        self._task = (
            task.on_progress(self._show_progress)
            .on_success(self._done)
            .on_failure(self._failed)
            .on_cancel(self._stopped)
            .start()
        )
        self._refresh()

    def _show_progress(self, progress: Progress) -> None:
        if self._progress is not None and progress.fraction is not None:
            self._progress.setValue(int(progress.fraction * PROGRESS_STEPS))

    def _close_progress(self) -> None:
        self._task = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._refresh()

    def _done(self, summary: ExchangeSummary) -> None:
        self._close_progress()
        self._show_summary(summary)

    def _failed(self, failure: TaskFailure) -> None:
        self._close_progress()
        self.message.show_failure(failure)

    def _stopped(self) -> None:
        self._close_progress()
        self.message.show_message(
            self.tr("Stopped. What was read completely is kept; the rest comes next time.")
        )

    # The summary --------------------------------------------------------------------------------

    def summary_lines(self, summary: ExchangeSummary) -> list[str]:
        lines: list[str] = []
        news: dict[str, list[News]] = {}
        for read in summary.read:
            for item in read.news:
                news.setdefault(item.author, []).append(item)
        for author, items in news.items():
            line = words.news_line(words.someone(summary.names.get(author, "")), items)
            if line:
                lines.append(line)
        if summary.read and not lines:
            lines.append(self.tr("The others' files held nothing new for this copy."))
        if not summary.read and not summary.refused:
            lines.append(self.tr("No new files from the family in this folder."))
        if summary.two_versions:
            lines.append(words.two_versions_line(summary.two_versions))
        for refusal in summary.refused:
            lines.append(
                self.tr("Not read: {file}. {reason}").format(
                    file=refusal.path.name, reason=words.refused_reason(refusal.problem)
                )
            )
        if summary.removed_me:
            lines.append(
                self.tr(
                    "This computer was removed from the family binder, so nothing was left in "
                    "the folder for the others."
                )
            )
        elif summary.written is not None:
            lines.append(self.tr("Your news was left in the folder for the others."))
        else:
            lines.append(self.tr("You had nothing new to leave for the others."))
        return lines

    def _show_summary(self, summary: ExchangeSummary | None) -> None:
        self.summary = summary
        shown = summary is not None
        self.results_heading.setVisible(shown)
        self.results.setVisible(shown)
        self.versions_button.setVisible(bool(summary and summary.two_versions))
        deleted = summary.deleted if summary else ()
        self.deleted_model.set_deleted(deleted)
        for widget in (self.deleted_heading, self.deleted_list, self.bring_back_button):
            widget.setVisible(bool(deleted))
        if summary is not None:
            self.results.setText("\n".join(f"•  {line}" for line in self.summary_lines(summary)))

    @Slot()
    def _bring_back(self) -> None:
        chosen = self.deleted_list.currentIndex().data(ObjectRole)
        if not isinstance(chosen, Deleted):
            return
        session, snapshot = self._session, chosen.snapshot_id
        (
            WriteOp(self, session, lambda: undo_delete(session, snapshot))
            .on_success(lambda _row_id: self.deleted_model.forget(snapshot))
            .reporting_to(self.message)
            .start()
        )

    def reject(self) -> None:
        if self._task is None:
            super().reject()
