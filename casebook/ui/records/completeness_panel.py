"""Answers "What is still missing before we can decide?" in a few plain lines.

The rules live in `core.completeness`, so the Records page, the Overview and the export all
agree. Each line starts with a symbol as well as words, never colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from casebook.core.completeness import Completeness, assess_completeness
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.records import list_studies
from casebook.services.records.documents import list_documents, list_slots
from casebook.ui.common.labels import (
    choose_plural,
    list_separator,
    slot_kind_label,
    slot_status_symbol,
)
from casebook.ui.common.look import look_as
from casebook.ui.records.slot_status_text import status_words

MAX_NAMED = 4


def load_completeness(session: BinderSession) -> Completeness:
    """Reads what the rules need (run it in a ReadOp)."""
    return assess_completeness(list_slots(session), list_documents(session), list_studies(session))


def _named(names: Sequence[str], more: str) -> str:
    shown = list_separator().join(f"“{name}”" for name in names[:MAX_NAMED])
    if len(names) > MAX_NAMED:
        shown += " " + more.format(count=len(names) - MAX_NAMED)
    return shown


class CompletenessPanel(QFrame):
    """Full (every gap named) on the Records page; `compact` (counts only) on the Overview."""

    def __init__(self, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completeness_panel")
        look_as(self, role="card")
        self._compact = compact
        self.completeness: Completeness | None = None
        heading = QLabel(self.tr("What is still missing before we can decide?"))
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        self.lines_label = QLabel()
        self.lines_label.setObjectName("completeness_lines")
        self.lines_label.setWordWrap(True)
        self.lines_label.setTextFormat(Qt.TextFormat.PlainText)
        self.lines_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.lines_label)

    def text(self) -> str:
        return self.lines_label.text()

    def show_completeness(self, completeness: Completeness) -> None:
        self.completeness = completeness
        lines = self._compact_lines(completeness) if self._compact else self._lines(completeness)
        if completeness.is_complete:
            lines = [self.tr("✓  Nothing is missing: every record is in or not needed.")]
        self.lines_label.setText("\n".join(lines))

    def _lines(self, gaps: Completeness) -> list[str]:
        more = self.tr("and {count} more")
        lines: list[str] = []
        if gaps.missing_slots:
            names = list_separator().join(slot_kind_label(slot.kind) for slot in gaps.missing_slots)
            lines.append(self.tr("✗  Not collected yet: {names}").format(names=names))
        for slot in gaps.requested_slots:
            symbol = slot_status_symbol(slot.status)
            lines.append(f"{symbol}  {slot_kind_label(slot.kind)} — {status_words(slot)}")
        if gaps.undated_documents:
            titles = [document.title for document in gaps.undated_documents]
            lines.append(
                self.tr("?  Documents without a date: {titles}").format(titles=_named(titles, more))
            )
        if gaps.studies_without_report:
            studies = [
                study.description or study.modalities or study.study_uid[-8:]
                for study in gaps.studies_without_report
            ]
            lines.append(
                self.tr("⚠  Imaging studies without their report: {studies}").format(
                    studies=_named(studies, more)
                )
            )
        if gaps.reports_without_images:
            titles = [document.title for document in gaps.reports_without_images]
            lines.append(
                self.tr("⚠  Imaging reports without their images: {titles}").format(
                    titles=_named(titles, more)
                )
            )
        return lines

    def _compact_lines(self, gaps: Completeness) -> list[str]:
        counts = [
            (
                len(gaps.missing_slots),
                self.tr("✗  {count} kind of record not collected yet"),
                self.tr("✗  {count} kinds of record not collected yet"),
            ),
            (
                len(gaps.requested_slots),
                self.tr("…  {count} requested, not received yet"),
                self.tr("…  {count} requested, not received yet"),
            ),
            (
                len(gaps.undated_documents),
                self.tr("?  {count} document without a date"),
                self.tr("?  {count} documents without a date"),
            ),
            (
                len(gaps.studies_without_report),
                self.tr("⚠  {count} imaging study without its report"),
                self.tr("⚠  {count} imaging studies without their report"),
            ),
            (
                len(gaps.reports_without_images),
                self.tr("⚠  {count} imaging report without its images"),
                self.tr("⚠  {count} imaging reports without their images"),
            ),
        ]
        return [choose_plural(count, one, many) for count, one, many in counts if count]
