"""The Imaging page: studies by date, each study's series as thumbnails, the report link,
adding a disc, and opening a series in the viewer.

It reads with `ReadOp` and writes with `WriteOp`; thumbnails arrive lazily. It reads again
whenever a write anywhere changes the imaging (an import, a removal, a key image, a report).
Studies, series and single images can be removed to the trash and brought back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from casebook.core.changes import Changed, Changes
from casebook.core.model import Document, ImagingStudy
from casebook.services.binder.session import BinderSession
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.records import SeriesRecord
from casebook.services.records import documents as records
from casebook.ui.common import file_dialogs
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, ReadOp, WriteOp
from casebook.ui.common.staged_build import StagedBuild
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.imaging.dicom_viewer import DicomViewer
from casebook.ui.imaging.imaging_import_flow import ImagingImportFlow
from casebook.ui.imaging.imaging_trash import ImagingTrashDialog
from casebook.ui.imaging.report_link_dialog import ReportLinkDialog
from casebook.ui.imaging.series_model import SeriesModel
from casebook.ui.imaging.series_thumbnails import SeriesThumbnailCache
from casebook.ui.imaging.studies_model import StudiesModel, StudyColumn
from casebook.ui.imaging.texts import date_text

_SHOWN = (Changed.IMAGING, Changed.DOCUMENTS)


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
    viewer_opened = Signal(object)  # a new DicomViewer
    viewer_raised = Signal(object)  # the DicomViewer already showing the series asked for

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imaging_page")
        self._session = session
        self.documents: list[Document] = []
        self.viewers: list[DicomViewer] = []
        self._selected_study_id: int | None = None
        self._wanted_series_id: int | None = None
        self.imports = ImagingImportFlow(session, self)
        self.thumbnails = SeriesThumbnailCache(session, self)
        self.studies_model = StudiesModel(self)
        self.series_model = SeriesModel(self.thumbnails, self)
        self._build()
        # The lists in later turns of the event loop (issue 15: made with the rest on the
        # page's first show, they held the loop for over 70 ms); the read starts meanwhile and
        # is shown once they are there. Until then neither the lists nor "No images yet" show.
        self.building = StagedBuild(self, (self._build_studies, self._build_study_panel))
        self._reader = LatestRead(
            self, lambda: load_imaging(session),
            lambda snapshot: self.building.then(lambda: self._loaded(snapshot)), self._failed,
        )  # fmt: skip
        follow_changes(self, session, _SHOWN, self._binder_changed)
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
        look_as(self.add_folder_button, role="accent")
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.add_file_button = QPushButton(self.tr("Add a .zip or DICOMDIR file…"))
        self.add_file_button.setObjectName("add_file_button")
        self.add_file_button.clicked.connect(self.choose_file)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        self.trash_button = QPushButton(self.tr("Removed imaging…"))
        self.trash_button.setObjectName("imaging_trash_button")
        self.trash_button.clicked.connect(self.show_trash)
        actions.addWidget(self.add_folder_button)
        actions.addWidget(self.add_file_button)
        actions.addStretch(1)
        actions.addWidget(self.trash_button)
        self.message_bar = MessageBar()
        self.undo_bar = UndoBar()
        self.undo_bar.setObjectName("imaging_undo_bar")
        self.empty_label = QLabel(
            self.tr(
                "No images yet. Put the hospital's CD in the drive (or plug in the USB stick), "
                "then press “Add a disc or folder…” and choose the disc."
            )
        )
        self.empty_label.setObjectName("imaging_empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        self.empty_label.hide()  # until the read says so

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(28, 24, 28, 20)
        self._layout.setSpacing(12)
        self._layout.addWidget(heading)
        self._layout.addWidget(hint)
        self._layout.addLayout(actions)
        self._layout.addWidget(self.message_bar)
        self._layout.addWidget(self.undo_bar)
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(0)  # takes the room only while there is nothing to show

    def _build_studies(self) -> None:
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
        look_as(self.studies_view, rows="spaced")
        header = self.studies_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StudyColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.studies_view.verticalHeader().setDefaultSectionSize(34)
        self.studies_view.selectionModel().selectionChanged.connect(self._study_selected)
        # Styled now, in this turn: a hidden widget is otherwise polished when first shown,
        # and the whole list and panel would be polished in the one turn that shows them.
        self.studies_view.ensurePolished()

    def _build_study_panel(self) -> None:
        self.study_title = QLabel()
        self.study_title.setObjectName("study_title")
        self.study_title.setProperty("role", "subheading")
        self.report_label = QLabel()
        self.report_label.setObjectName("report_label")
        self.link_button = QPushButton(self.tr("Link the report…"))
        self.link_button.setObjectName("link_report_button")
        self.link_button.clicked.connect(self.choose_report)
        self.remove_study_button = QPushButton(self.tr("Remove this study"))
        self.remove_study_button.setObjectName("remove_study_button")
        self.remove_study_button.setToolTip(
            self.tr("Moves the whole study to the trash; you can bring it back.")
        )
        self.remove_study_button.clicked.connect(self.remove_selected_study)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_label, 1)
        report_row.addWidget(self.link_button)
        report_row.addWidget(self.remove_study_button)
        series_hint = QLabel(
            self.tr(
                "Double-click a series to look through its images. Select series to remove "
                "ones that do not belong to this case."
            )
        )
        series_hint.setProperty("role", "hint")
        series_hint.setWordWrap(True)
        self.remove_series_button = QPushButton(self.tr("Remove the selected series"))
        self.remove_series_button.setObjectName("remove_series_button")
        self.remove_series_button.setEnabled(False)
        self.remove_series_button.clicked.connect(self.remove_selected_series)
        series_row = QHBoxLayout()
        series_row.addWidget(series_hint, 1)
        series_row.addWidget(self.remove_series_button)
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
        self.series_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # `activated` alone: it comes with a double-click (or a single click, where the
        # platform opens items that way) and with Enter. Connecting `doubleClicked` as well
        # opened every series twice.
        self.series_view.activated.connect(self._series_activated)

        self.study_panel = QWidget()
        study_layout = QVBoxLayout(self.study_panel)
        study_layout.setContentsMargins(0, 8, 0, 0)
        study_layout.setSpacing(8)
        study_layout.addWidget(self.study_title)
        study_layout.addLayout(report_row)
        study_layout.addLayout(series_row)
        study_layout.addWidget(self.series_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.hide()  # until the read says there are studies to show
        splitter.addWidget(self.studies_view)
        splitter.addWidget(self.study_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.ensurePolished()
        self._layout.insertWidget(self._layout.count() - 1, splitter, 1)
        self.splitter = splitter

    # Loading -------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        self._reader.start()

    def _binder_changed(self, changes: Changes) -> None:
        if changes.touches(Changed.IMAGING):
            self.thumbnails.forget()  # a series may have gained or lost its middle image
        self.reload()

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

    def select_study(self, study_id: int) -> None:
        """Show this study (now if it is listed, else once the list arrives)."""
        self._selected_study_id = study_id
        row = self.studies_model.row_of(study_id)
        if row is not None:  # listed: the page is whole (the list is shown once it is)
            self.studies_view.selectRow(row)

    def select_series(self, series_id: int) -> None:
        """Show the study holding this series, with the series selected."""
        self._wanted_series_id = series_id
        session = self._session
        ReadOp(self, lambda: imaging_records.study_of_series(session, series_id)).on_success(
            lambda study_id: self.select_study(study_id) if study_id is not None else None
        ).on_failure(self._failed).start()

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
        ReadOp(self, lambda: imaging_records.list_series(session, study_id)).on_success(
            lambda series: self._series_arrived(study_id, series)
        ).on_failure(self._failed).start()

    def _series_arrived(self, study_id: int, series: list[SeriesRecord]) -> None:
        if study_id != self._selected_study_id:
            return
        self.series_model.set_entries(series)
        self.remove_series_button.setEnabled(False)
        wanted, self._wanted_series_id = self._wanted_series_id, None
        for row, record in enumerate(series):
            if record.id == wanted:
                self.series_view.setCurrentIndex(self.series_model.index(row))
        self.series_view.selectionModel().selectionChanged.connect(
            self._series_selection_changed, Qt.ConnectionType.UniqueConnection
        )
        self.series_loaded.emit()

    def _series_selection_changed(self, *_args: object) -> None:
        self.remove_series_button.setEnabled(bool(self.selected_series()))

    def selected_series(self) -> list[SeriesRecord]:
        if not self.building.finished:
            return []  # no series is listed before the page is whole
        rows = sorted(
            {index.row() for index in self.series_view.selectionModel().selectedIndexes()}
        )
        return [self.series_model.series(row) for row in rows]

    # Actions -------------------------------------------------------------------------------

    @Slot()
    def choose_folder(self) -> None:
        folder = file_dialogs.get_existing_directory(self, self.tr("Choose the disc or folder"))
        if folder:
            self.add_media(Path(folder))

    @Slot()
    def choose_file(self) -> None:
        path, _filter = file_dialogs.get_open_file_name(
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

    def _series_activated(self, index: QModelIndex) -> None:
        study = self.selected_study
        if study is None or not index.isValid():
            return
        self.open_viewer(study, self.series_model.series(index.row()))

    def open_viewer(self, study: ImagingStudy, series: SeriesRecord) -> DicomViewer:
        """A viewer on `series`: the one already showing it, brought to the front, or a new
        one."""
        for viewer in self.viewers:
            if viewer.series.id == series.id:
                if viewer.isMinimized():
                    viewer.showNormal()
                viewer.raise_()
                viewer.activateWindow()
                self.viewer_raised.emit(viewer)
                return viewer
        viewer = DicomViewer(self._session, study, series, self)
        viewer.destroyed.connect(lambda _obj=None: self._forget_viewer(viewer))
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
        WriteOp(
            self, session, lambda: imaging_records.link_report(session, study_id, document_id)
        ).on_failure(self._failed).start()

    # Removing ------------------------------------------------------------------------------

    @Slot()
    def remove_selected_study(self) -> None:
        study = self.selected_study
        if study is None:
            return
        session, study_id = self._session, study.id
        name = study.description or study.modalities or date_text(study.study_date)
        self._remove(
            lambda: imaging_records.remove_study(session, study_id),
            self.tr("The study “{name}” was moved to the trash.").format(name=name),
            lambda: imaging_records.restore_imaging(session, "study", study_id),
        )

    @Slot()
    def remove_selected_series(self) -> None:
        chosen = self.selected_series()
        if not chosen:
            return
        session, ids = self._session, [series.id for series in chosen]
        self._remove(
            lambda: imaging_records.remove_series(session, ids),
            self.tr("%n series moved to the trash.", "", len(ids)),
            lambda: [imaging_records.restore_imaging(session, "series", i) for i in ids],
        )

    def _remove(self, remove: Callable[[], object], said: str, undo: Callable[[], object]) -> None:
        def removed(_result: object) -> None:
            self.undo_bar.show_message(said, lambda: self._write(undo))

        WriteOp(self, self._session, remove).on_success(removed).on_failure(self._failed).start()

    def _write(self, job: Callable[[], object]) -> None:
        WriteOp(self, self._session, job).on_failure(self._failed).start()

    @Slot()
    def show_trash(self) -> ImagingTrashDialog:
        dialog = ImagingTrashDialog(self._session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def stop_work(self) -> None:
        """Cancel pending jobs and close viewers; called before the binder locks."""
        self.imports.cancel()
        self.thumbnails.cancel()
        for viewer in list(self.viewers):
            viewer.stop_work()
            viewer.close()
