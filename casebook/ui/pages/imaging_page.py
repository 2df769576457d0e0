"""The Imaging page: studies by date, each study's series as thumbnails, the report link,
adding a disc, and opening a series in the viewer.

Reading runs on the reader lane, writing on the writer lane; thumbnails arrive lazily. The
page emits `changed` after every write so other pages can follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Document, ImagingStudy
from casebook.core.progress import CancelToken, Report
from casebook.services import imaging_records, records
from casebook.services.binder import BinderSession
from casebook.store.imaging import SeriesRecord
from casebook.ui.imaging.dicom_viewer import DicomViewer
from casebook.ui.imaging.imaging_import_flow import ImagingImportFlow
from casebook.ui.imaging.report_link_dialog import ReportLinkDialog
from casebook.ui.imaging.series_model import SeriesModel
from casebook.ui.imaging.series_thumbnails import SeriesThumbnailCache
from casebook.ui.imaging.studies_model import StudiesModel, StudyColumn
from casebook.ui.imaging.texts import date_text
from casebook.ui.look import ACCENT
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool, writer_pool
from casebook.ui.widgets.message_bar import MessageBar

_ADD_STYLE = (
    f"QPushButton {{ background: {ACCENT}; color: white; border: 1px solid #275d78;"
    " border-radius: 4px; font-weight: bold; }"
)


@dataclass(frozen=True)
class ImagingSnapshot:
    studies: list[ImagingStudy]
    documents: list[Document]


def load_imaging(session: BinderSession) -> ImagingSnapshot:
    return ImagingSnapshot(imaging_records.list_studies(session), records.list_documents(session))


class ImagingPage(QWidget):
    """`loaded` after each reload, `series_loaded` when a study's series are listed."""

    loaded = Signal()
    series_loaded = Signal()
    changed = Signal()
    viewer_opened = Signal(object)  # the DicomViewer

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imaging_page")
        self._session = session
        self.documents: list[Document] = []
        self.viewers: list[DicomViewer] = []
        self._selected_study_id: int | None = None
        self.imports = ImagingImportFlow(session, self)
        self.imports.finished.connect(self._after_import)
        self.thumbnails = SeriesThumbnailCache(session, self)
        self.studies_model = StudiesModel(self)
        self.series_model = SeriesModel(self.thumbnails, self)
        self._build()
        self.reload()

    def _build(self) -> None:
        heading = QLabel(self.tr("Imaging"))
        heading.setProperty("role", "heading")
        hint = QLabel(
            self.tr(
                "Scans from hospital discs and USB sticks (CT, MRI, PET, ultrasound). The "
                "original files are kept unchanged and encrypted inside the binder."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.add_folder_button = QPushButton(self.tr("Add a disc or folder…"))
        self.add_folder_button.setObjectName("add_disc_button")
        self.add_folder_button.setStyleSheet(_ADD_STYLE)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.add_file_button = QPushButton(self.tr("Add a .zip or DICOMDIR file…"))
        self.add_file_button.setObjectName("add_file_button")
        self.add_file_button.clicked.connect(self.choose_file)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.add_folder_button)
        actions.addWidget(self.add_file_button)
        actions.addStretch(1)
        self.message_bar = MessageBar()
        self.empty_label = QLabel(
            self.tr(
                "No images yet. Put the hospital's CD in the drive (or plug in the USB stick), "
                "then press “Add a disc or folder…” and choose the disc."
            )
        )
        self.empty_label.setObjectName("imaging_empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")

        self.studies_view = QTableView()
        self.studies_view.setObjectName("studies_view")
        self.studies_view.setAccessibleName(self.tr("Imaging studies"))
        self.studies_view.setModel(self.studies_model)
        self.studies_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.studies_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.studies_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.studies_view.verticalHeader().setVisible(False)
        self.studies_view.setAlternatingRowColors(True)
        self.studies_view.setWordWrap(False)
        self.studies_view.setStyleSheet(
            "QTableView::item { padding: 4px 10px; }"
            " QHeaderView::section { padding: 6px 10px; font-weight: bold; }"
        )
        header = self.studies_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StudyColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.studies_view.verticalHeader().setDefaultSectionSize(34)
        self.studies_view.selectionModel().selectionChanged.connect(self._study_selected)

        self.study_title = QLabel()
        self.study_title.setObjectName("study_title")
        self.study_title.setProperty("role", "subheading")
        self.report_label = QLabel()
        self.report_label.setObjectName("report_label")
        self.link_button = QPushButton(self.tr("Link the report…"))
        self.link_button.setObjectName("link_report_button")
        self.link_button.clicked.connect(self.choose_report)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_label, 1)
        report_row.addWidget(self.link_button)
        series_hint = QLabel(self.tr("Double-click a series to look through its images."))
        series_hint.setProperty("role", "hint")
        self.series_view = QListView()
        self.series_view.setObjectName("series_view")
        self.series_view.setAccessibleName(self.tr("Series of the chosen study"))
        self.series_view.setModel(self.series_model)
        self.series_view.setViewMode(QListView.ViewMode.IconMode)
        self.series_view.setIconSize(QSize(160, 160))
        self.series_view.setGridSize(QSize(230, 240))
        self.series_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.series_view.setMovement(QListView.Movement.Static)
        self.series_view.setWordWrap(True)
        self.series_view.setUniformItemSizes(True)
        self.series_view.setSpacing(8)
        self.series_view.activated.connect(self._series_activated)
        self.series_view.doubleClicked.connect(self._series_activated)

        self.study_panel = QWidget()
        study_layout = QVBoxLayout(self.study_panel)
        study_layout.setContentsMargins(0, 8, 0, 0)
        study_layout.setSpacing(8)
        study_layout.addWidget(self.study_title)
        study_layout.addLayout(report_row)
        study_layout.addWidget(series_hint)
        study_layout.addWidget(self.series_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.studies_view)
        splitter.addWidget(self.study_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(actions)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)

    # Loading -------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        session = self._session
        BackgroundTask(self, lambda _r, _c: load_imaging(session)).on_success(
            self._loaded
        ).on_failure(self._failed).start(reader_pool())

    def _loaded(self, snapshot: ImagingSnapshot) -> None:
        self.documents = snapshot.documents
        titles = {document.id: document.title for document in snapshot.documents}
        self.studies_model.set_entries(snapshot.studies, titles)
        has_studies = bool(snapshot.studies)
        self.empty_label.setVisible(not has_studies)
        self.splitter.setVisible(has_studies)
        if has_studies:
            wanted = self._selected_study_id
            row = self.studies_model.row_of(wanted) if wanted is not None else None
            self.studies_view.selectRow(row if row is not None else len(snapshot.studies) - 1)
        else:
            self._show_study(None)
        self.loaded.emit()

    def _failed(self, failure: TaskFailure) -> None:
        self.message_bar.show_failure(failure)

    @property
    def selected_study(self) -> ImagingStudy | None:
        if self._selected_study_id is None:
            return None
        row = self.studies_model.row_of(self._selected_study_id)
        return self.studies_model.study(row) if row is not None else None

    def _study_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_study(self.studies_model.study(indexes[0].row()))

    def _show_study(self, study: ImagingStudy | None) -> None:
        self._selected_study_id = study.id if study is not None else None
        self.series_model.set_entries([])
        if study is None:
            return
        parts = [date_text(study.study_date)]
        parts.append(study.description or study.modalities.replace(",", ", "))
        if study.institution:
            parts.append(study.institution)
        self.study_title.setText("  ·  ".join(parts))
        report = next((d for d in self.documents if d.id == study.report_document_id), None)
        self.report_label.setText(
            self.tr("Report: {title}").format(title=report.title)
            if report is not None
            else self.tr("Report: not linked yet")
        )
        session, study_id = self._session, study.id

        def job(_report: Report, _cancel: CancelToken) -> list[SeriesRecord]:
            return imaging_records.list_series(session, study_id)

        BackgroundTask(self, job).on_success(
            lambda series: self._series_arrived(study_id, series)
        ).on_failure(self._failed).start(reader_pool())

    def _series_arrived(self, study_id: int, series: list[SeriesRecord]) -> None:
        if study_id != self._selected_study_id:
            return
        self.series_model.set_entries(series)
        self.series_loaded.emit()

    # Actions -------------------------------------------------------------------------------

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the disc or folder"))
        if folder:
            self.add_media(Path(folder))

    @Slot()
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a .zip or DICOMDIR file"),
            "",
            self.tr("Disc contents (*.zip DICOMDIR *.dcm);;All files (*)"),
        )
        if path:
            self.add_media(Path(path))

    def add_media(self, path: Path) -> bool:
        """Scan `path` and show what it holds before anything is stored."""
        self.message_bar.clear()
        started = self.imports.start(path)
        if not started:
            self.message_bar.show_message(self.tr("Please wait until the current disc is done."))
        return started

    def _after_import(self) -> None:
        self.thumbnails.forget()
        self.reload()
        self.changed.emit()

    def _series_activated(self, index: QModelIndex) -> None:
        study = self.selected_study
        if study is None or not index.isValid():
            return
        self.open_viewer(study, self.series_model.series(index.row()))

    def open_viewer(self, study: ImagingStudy, series: SeriesRecord) -> DicomViewer:
        viewer = DicomViewer(self._session, study, series, self)
        viewer.destroyed.connect(lambda _obj=None: self._forget_viewer(viewer))
        viewer.key_image_saved.connect(lambda _id, _key: self.changed.emit())
        self.viewers.append(viewer)
        viewer.show()
        self.viewer_opened.emit(viewer)
        return viewer

    def _forget_viewer(self, viewer: DicomViewer) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)

    @Slot()
    def choose_report(self) -> None:
        study = self.selected_study
        if study is None:
            return
        dialog = ReportLinkDialog(self.documents, study.report_document_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.link_report(study.id, dialog.chosen_document_id))
        dialog.open()

    def link_report(self, study_id: int, document_id: int | None) -> None:
        session = self._session

        def job(_report: Report, _cancel: CancelToken) -> None:
            imaging_records.link_report(session, study_id, document_id)

        def done(_none: None) -> None:
            self.reload()
            self.changed.emit()

        BackgroundTask(self, job).on_success(done).on_failure(self._failed).start(writer_pool())

    @Slot()
    def stop_work(self) -> None:
        """Cancel pending jobs and close viewers; called before the binder locks."""
        self.imports.cancel()
        self.thumbnails.cancel()
        for viewer in list(self.viewers):
            viewer.stop_work()
            viewer.close()
