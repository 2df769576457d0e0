"""The Overview: who the binder is for, which records are in and which are still missing.

Missing records are marked with a word and a symbol, never by colour alone. The page loads on
the reader lane and reloads after every import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import SlotStatus
from casebook.services.binder import BinderSession
from casebook.services.overview import Overview, load_overview
from casebook.ui.error_messages import failure_message
from casebook.ui.import_flow import ImportFlow
from casebook.ui.labels import (
    choose_plural,
    format_size,
    slot_kind_label,
    slot_status_label,
    slot_status_symbol,
)
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool
from casebook.ui.widgets.completeness_panel import CompletenessPanel, load_completeness
from casebook.ui.widgets.message_bar import MessageBar

_OPEN_STATUSES = (SlotStatus.MISSING, SlotStatus.REQUESTED)


class OverviewPage(QWidget):
    """The case at a glance, with "Add files…" and "Add folder…"."""

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview_page")
        self._session = session
        self.overview: Overview | None = None
        self.imports = ImportFlow(session, self)
        self.imports.finished.connect(self.reload)

        self.name_label = QLabel()
        self.name_label.setObjectName("patient_name_label")
        self.name_label.setProperty("role", "heading")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.birth_label = QLabel()
        self.birth_label.setObjectName("date_of_birth_label")
        self.diagnosis_label = QLabel()
        self.diagnosis_label.setObjectName("diagnosis_label")
        self.diagnosis_label.setWordWrap(True)

        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.setObjectName("primary_button")
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.setObjectName("add_folder_button")
        self.add_folder_button.clicked.connect(self._choose_folder)
        drop_hint = QLabel(self.tr("You can also drag files or folders onto this window."))
        drop_hint.setProperty("role", "hint")
        actions = QHBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.add_files_button)
        actions.addWidget(self.add_folder_button)
        actions.addWidget(drop_hint, 1)

        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals_label")
        self.missing_bar = MessageBar()
        self.missing_bar.setObjectName("missing_records_bar")
        self.error_bar = MessageBar()
        self.completeness_panel = CompletenessPanel(compact=True)

        records_heading = QLabel(self.tr("Records"))
        records_heading.setProperty("role", "subheading")
        self.slots_tree = QTreeWidget()
        self.slots_tree.setObjectName("slots_tree")
        self.slots_tree.setRootIsDecorated(False)
        self.slots_tree.setAlternatingRowColors(True)
        self.slots_tree.setHeaderLabels([self.tr("Record"), self.tr("Status"), self.tr("Files")])
        self.slots_tree.setStyleSheet("QTreeWidget::item { padding: 5px 6px; }")
        self.slots_tree.headerItem().setTextAlignment(
            2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        header = self.slots_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.slots_tree.setSizeAdjustPolicy(QTreeWidget.SizeAdjustPolicy.AdjustToContents)
        self.slots_tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activity_label = QLabel()
        self.activity_label.setObjectName("activity_label")
        self.activity_label.setProperty("role", "hint")

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(self.name_label)
        layout.addWidget(self.birth_label)
        layout.addWidget(self.diagnosis_label)
        layout.addSpacing(6)
        layout.addLayout(actions)
        layout.addWidget(self.error_bar)
        layout.addSpacing(6)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.missing_bar)
        layout.addWidget(self.completeness_panel)
        layout.addSpacing(6)
        layout.addWidget(records_heading)
        layout.addWidget(self.slots_tree)
        layout.addWidget(self.activity_label)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.reload()

    @Slot()
    def reload(self) -> None:
        session = self._session
        BackgroundTask(self, lambda _r, _c: load_overview(session)).on_success(
            self.show_overview
        ).on_failure(self._on_failed).start(reader_pool())
        BackgroundTask(self, lambda _r, _c: load_completeness(session)).on_success(
            self.completeness_panel.show_completeness
        ).on_failure(self._on_failed).start(reader_pool())

    def _on_failed(self, failure: TaskFailure) -> None:
        self.error_bar.show_error(failure_message(failure.error))
        if failure.is_bug:
            failure.show_as_crash()

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.error_bar.clear()
        case = overview.case
        self.name_label.setText(case.patient_name)
        if case.date_of_birth is not None:
            self.birth_label.setText(self.tr("Born: {date}").format(date=case.date_of_birth))
        else:
            self.birth_label.setText(self.tr("Date of birth not given"))
        self.diagnosis_label.setText(case.diagnosis_summary)
        self.diagnosis_label.setVisible(bool(case.diagnosis_summary))

        totals = choose_plural(
            overview.document_count, self.tr("{count} document"), self.tr("{count} documents")
        )
        totals += self.tr(", {size} in total").format(size=format_size(overview.content_bytes))
        totals += " · " + choose_plural(
            overview.imaging_study_count,
            self.tr("{count} imaging study"),
            self.tr("{count} imaging studies"),
        )
        self.totals_label.setText(totals)

        missing = [s for s in overview.slots if s.status in _OPEN_STATUSES]
        if missing:
            names = ", ".join(slot_kind_label(s.kind) for s in missing)
            self.missing_bar.show_message(self.tr("Still to collect: {names}").format(names=names))
        else:
            self.missing_bar.show_message(self.tr("Every kind of record is in or not needed."))

        self.slots_tree.clear()
        bold = QFont(self.slots_tree.font())
        bold.setBold(True)
        for summary in overview.slots:
            status = f"{slot_status_symbol(summary.status)}  {slot_status_label(summary.status)}"
            item = QTreeWidgetItem(
                [slot_kind_label(summary.kind), status, str(summary.document_count)]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if summary.status in _OPEN_STATUSES:
                item.setFont(1, bold)
            self.slots_tree.addTopLevelItem(item)

        never = self.tr("never")
        self.activity_label.setText(
            self.tr("Last backup: {backup}    Last export: {export}").format(
                backup=overview.last_backup_at or never, export=overview.last_export_at or never
            )
        )

    def import_paths(self, paths: list[Path]) -> bool:
        """Start importing (also used for files dropped on the window)."""
        return self.imports.start(paths)

    @Slot()
    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add files to the binder"))
        if names:
            self.import_paths([Path(name) for name in names])

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to the binder"))
        if folder:
            self.import_paths([Path(folder)])
