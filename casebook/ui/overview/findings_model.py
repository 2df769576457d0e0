"""The pre-flight findings as a list model, worded for the family, each knowing where it is
fixed (`FindingRole` holds the `Finding`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from casebook.core.model import RecordKind
from casebook.core.preflight import Finding, FindingKind
from casebook.ui.common.labels import slot_kind_label

FindingRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex

# The most serious kinds get a warning sign; the rest an arrow (never colour alone).
_SERIOUS = {
    FindingKind.OTHER_PATIENT_IMAGING,
    FindingKind.INCOMPLETE_SERIES,
    FindingKind.REQUIRED_RECORD_MISSING,
    FindingKind.IDENTITY_DOCUMENT_MISMATCH,
    FindingKind.DOCUMENT_SHOWS_IDENTITY,
    FindingKind.BURNED_IN_TEXT,
}


class FindingsModel(QAbstractListModel):
    """One row per finding, in the order the rules give (most serious first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_entries(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            symbol = "⚠" if finding.kind in _SERIOUS else "→"
            return f"{symbol}  {self.describe(finding)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Open the place where this is fixed")
        if role == FindingRole:
            return finding
        return None

    def describe(self, finding: Finding) -> str:
        """The finding in plain words."""
        record = (
            slot_kind_label(RecordKind(finding.ref))
            if isinstance(finding.ref, str) and finding.ref in {k.value for k in RecordKind}
            else ""
        )
        name = finding.name or self.tr("(no name)")
        kind = finding.kind
        if kind is FindingKind.OTHER_PATIENT_IMAGING:
            return self.tr(
                "The scans “{name}” are labelled with another name: {patient}. Are they this "
                "patient's?"
            ).format(name=name, patient=finding.detail)
        if kind is FindingKind.INCOMPLETE_SERIES:
            return self.tr(
                "The series “{name}” holds {count} of its {expected} images: part of it is missing."
            ).format(name=name, count=finding.count, expected=finding.expected)
        if kind is FindingKind.REQUESTED_BUT_HOLDS_FILES:
            return self.tr(
                "{record}: marked as requested, and %n file(s) have arrived. Is everything there?",
                "",
                finding.count,
            ).format(record=record)
        if kind is FindingKind.NOT_NEEDED_BUT_HOLDS_FILES:
            return self.tr(
                "{record}: marked as not needed, but it holds %n file(s).", "", finding.count
            ).format(record=record)
        if kind is FindingKind.MISSING_RECORD:
            return self.tr("{record}: still missing.").format(record=record)
        if kind is FindingKind.UNCONFIRMED_DOCUMENT:
            return self.tr(
                "“{name}”: Casebook guessed its kind and date. Please check them."
            ).format(name=name)
        if kind is FindingKind.UNDATED_DOCUMENT:
            return self.tr("“{name}” has no date.").format(name=name)
        if kind is FindingKind.STUDY_WITHOUT_REPORT:
            return self.tr("The scans “{name}” have no report linked.").format(name=name)
        return self._describe_for_reader(finding, record, name)

    def _describe_for_reader(self, finding: Finding, record: str, name: str) -> str:
        """Findings a destination profile adds (who will read the bundle)."""
        kind = finding.kind
        if kind is FindingKind.REQUIRED_RECORD_MISSING:
            return self.tr("{record}: this reader needs it, and it is still missing.").format(
                record=record
            )
        if kind is FindingKind.TRANSLATION_MISSING:
            language = {"zh": self.tr("Chinese"), "en": self.tr("English")}.get(
                finding.detail, finding.detail
            )
            return self.tr(
                "“{name}” is in {language}: add a translation the reader can read."
            ).format(name=name, language=language)
        if kind is FindingKind.IDENTITY_DOCUMENT_MISMATCH:
            return self.tr(
                "The identity document “{name}” does not show the patient's name or date of "
                "birth as the case gives them. Please compare them."
            ).format(name=name)
        if kind is FindingKind.DOCUMENT_SHOWS_IDENTITY:
            return self.tr(
                "“{name}” shows who the patient is. Hide those parts, or it stays out."
            ).format(name=name)
        if kind is FindingKind.DOCUMENT_NOT_CHECKED:
            return self.tr(
                "“{name}”: look at it and hide what shows the patient, or confirm it shows "
                "nothing. Until then it stays out."
            ).format(name=name)
        return self.tr(
            "The scans “{name}” may show text in the pictures themselves, such as a name. "
            "Look at them before sending."
        ).format(name=name)
