"""The studies in the binder as a table: date, modality, description, institution, counts."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casebook.core.model import ImagingStudy
from casebook.ui.imaging.texts import date_text

StudyRole = Qt.ItemDataRole.UserRole + 1  # the ImagingStudy
StudySortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class StudyColumn(enum.IntEnum):
    DATE = 0
    MODALITY = 1
    DESCRIPTION = 2
    INSTITUTION = 3
    SERIES = 4
    IMAGES = 5
    REPORT = 6


class StudiesModel(QAbstractTableModel):
    """One row per study, in the order given (by date, from the store)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._studies: list[ImagingStudy] = []
        self._report_titles: dict[int, str] = {}
        # Asked hundreds of times while the table is first laid out (its columns fit their
        # headings): translated once.
        self._titles = (
            self.tr("Date"),
            self.tr("Type"),
            self.tr("Description"),
            self.tr("Hospital"),
            self.tr("Series"),
            self.tr("Images"),
            self.tr("Report"),
        )

    def set_entries(self, studies: list[ImagingStudy], report_titles: dict[int, str]) -> None:
        """Replace every row; `report_titles` names linked report documents by id."""
        self.beginResetModel()
        self._studies = list(studies)
        self._report_titles = dict(report_titles)
        self.endResetModel()

    def study(self, row: int) -> ImagingStudy:
        return self._studies[row]

    def row_of(self, study_id: int) -> int | None:
        for row, study in enumerate(self._studies):
            if study.id == study_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._studies)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(StudyColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(StudyColumn):
            return None
        return self._titles[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._studies):
            return None
        study = self._studies[index.row()]
        column = StudyColumn(index.column())
        if role == StudyRole:
            return study
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(study, column)
        if role == StudySortRole:
            if column == StudyColumn.DATE:
                return study.study_date.iso() if study.study_date else ""
            if column in (StudyColumn.SERIES, StudyColumn.IMAGES):
                return study.series_count if column == StudyColumn.SERIES else study.image_count
            return self._text(study, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            StudyColumn.SERIES,
            StudyColumn.IMAGES,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, study: ImagingStudy, column: StudyColumn) -> str:
        if column == StudyColumn.DATE:
            return date_text(study.study_date)
        if column == StudyColumn.MODALITY:
            return study.modalities.replace(",", ", ")
        if column == StudyColumn.DESCRIPTION:
            return study.description or self.tr("(no description)")
        if column == StudyColumn.INSTITUTION:
            return study.institution or "—"
        if column == StudyColumn.SERIES:
            return str(study.series_count)
        if column == StudyColumn.IMAGES:
            return str(study.image_count)
        if study.report_document_id is None:
            return self.tr("Not linked")
        return self._report_titles.get(study.report_document_id, self.tr("Linked"))
