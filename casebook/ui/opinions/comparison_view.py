"""Two to four opinions side by side: one row per field, one column per opinion, and a last
column where the family confirms or changes Casebook's suggestion (same / different / only one
says). Marks show a symbol and a word; a tint only repeats what the words say."""

from __future__ import annotations

import textwrap
from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.core.opinions import (
    USER_MARKS,
    Comparison,
    ComparisonRow,
    FieldValue,
    Mark,
    Opinion,
    OpinionField,
    SourceKind,
    TreatmentIntent,
)
from casebook.ui.labels import format_partial_date
from casebook.ui.opinions.labels import field_label, intent_label, mark_label, not_stated_label

FIELD_COLUMN_WIDTH = 200
MARK_COLUMN_WIDTH = 250
CELL_PADDING = 8
HEADER_WRAP = 30
"""Characters per line of an opinion's institution in the column header."""
_DIFFER_TINT = QColor("#fff4e0")
_MUTED = QColor("#5f6b75")
_ON_TINT = QColor("#1d2328")


class MarkEditor(QWidget):
    """The mark of one row: a choice, and whether the family has confirmed it."""

    changed = Signal(object)  # Mark | None (None: back to Casebook's suggestion)

    def __init__(self, row: ComparisonRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"mark_{row.field.value}")
        self.combo = QComboBox()
        self.combo.setObjectName("mark_combo")
        for mark in USER_MARKS:
            self.combo.addItem(mark_label(mark), mark)
        self.combo.setCurrentIndex(max(0, self.combo.findData(row.mark)))
        self.confirm_box = QCheckBox(self.tr("Checked by us"))
        self.confirm_box.setObjectName("confirm_box")
        self.confirm_box.setChecked(row.confirmed)
        self.status = QLabel(self._status_text(row))
        self.status.setObjectName("mark_status")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        self.status.setVisible(row.needs_check)  # only where Casebook could not tell
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.combo)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.combo.activated.connect(self._mark_chosen)
        self.confirm_box.clicked.connect(self._confirm_clicked)

    def _status_text(self, row: ComparisonRow) -> str:
        if row.confirmed:
            return self.tr("You checked this row.")
        if row.needs_check:
            return self.tr("The words differ. Please read them and check.")
        return self.tr("Suggested by Casebook.")

    @Slot()
    def _mark_chosen(self) -> None:
        self.changed.emit(self.combo.currentData())

    @Slot(bool)
    def _confirm_clicked(self, checked: bool) -> None:
        self.changed.emit(self.combo.currentData() if checked else None)


class ComparisonView(QWidget):
    """Shows one `Comparison`; `mark_changed(field, mark | None)` asks the page to save."""

    mark_changed = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.table = QTableWidget()
        self.table.setObjectName("comparison_table")
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.setStyleSheet(
            "QTableWidget { gridline-color: #d5dde2; }"
            f"QTableWidget::item {{ padding: {CELL_PADDING}px; }}"
            "QHeaderView::section { padding: 8px; background: palette(alternate-base);"
            " border: none; border-right: 1px solid #d5dde2; border-bottom: 1px solid #d5dde2; }"
        )
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        header.sectionResized.connect(lambda *_: self.fit_rows())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        opinions = comparison.opinions
        table = self.table
        table.clear()
        table.setColumnCount(len(opinions) + 2)
        table.setRowCount(len(comparison.rows))
        table.setHorizontalHeaderItem(0, QTableWidgetItem(self.tr("Topic")))
        for column, opinion in enumerate(opinions, start=1):
            table.setHorizontalHeaderItem(column, self._header_item(opinion))
        table.setHorizontalHeaderItem(
            len(opinions) + 1, QTableWidgetItem(self.tr("Same or different?"))
        )
        bold = QFont(table.font())
        bold.setBold(True)
        for number, row in enumerate(comparison.rows):
            topic = QTableWidgetItem(field_label(row.field))
            topic.setFont(bold)
            topic.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(number, 0, topic)
            for column, value in enumerate(row.values, start=1):
                table.setItem(number, column, self._value_item(row.field, value))
            if row.mark is Mark.NONE_SAY:
                nobody = QTableWidgetItem(mark_label(Mark.NONE_SAY))
                nobody.setForeground(QBrush(_MUTED))
                table.setItem(number, len(opinions) + 1, nobody)
            else:
                editor = MarkEditor(row)
                editor.changed.connect(partial(self._mark_edited, row.field))
                table.setCellWidget(number, len(opinions) + 1, editor)
            if row.mark is Mark.DIFFER:
                for column in range(len(opinions) + 1):
                    item = table.item(number, column)
                    if item is not None:
                        item.setBackground(QBrush(_DIFFER_TINT))
                        item.setForeground(QBrush(_ON_TINT))  # readable in the dark scheme too
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(0, FIELD_COLUMN_WIDTH)
        for column in range(1, len(opinions) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(opinions) + 1, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(len(opinions) + 1, MARK_COLUMN_WIDTH)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped text, and never shorter than their mark editor."""
        table = self.table
        table.resizeRowsToContents()
        for number in range(table.rowCount()):
            editor = table.cellWidget(number, table.columnCount() - 1)
            if editor is not None:
                # Style sheets apply on polish; unpolished widgets report too small a size.
                for child in (editor, *editor.findChildren(QWidget)):
                    child.ensurePolished()
                # The cell widget sits inside the item's padding, top and bottom.
                needed = editor.sizeHint().height() + 2 * CELL_PADDING + 2
                if table.rowHeight(number) < needed:
                    table.setRowHeight(number, needed)

    def _header_item(self, opinion: Opinion) -> QTableWidgetItem:
        """Name, then institution (wrapped: headers do not wrap by themselves), then the rest."""
        lines = [opinion.label]
        if opinion.source_kind is SourceKind.MDT:
            lines.append(self.tr("Team (MDT)"))
        if opinion.institution:
            lines += textwrap.wrap(opinion.institution, HEADER_WRAP) or [opinion.institution]
        rest = [opinion.country, format_partial_date(opinion.given_on)]
        if any(rest):
            lines.append(" · ".join(x for x in rest if x))
        item = QTableWidgetItem("\n".join(lines))
        item.setToolTip("\n".join(lines))
        return item

    def _value_item(self, which: OpinionField, value: FieldValue) -> QTableWidgetItem:
        if value.not_stated:
            item = QTableWidgetItem(not_stated_label())
            font = QFont(self.table.font())
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(QBrush(_MUTED))
            return item
        text = value.text.strip()
        if which is OpinionField.TREATMENT_INTENT and text:
            known = {i.value: i for i in TreatmentIntent}
            text = intent_label(known[text]) if text in known else text
        item = QTableWidgetItem(text or "—")
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if not text:
            item.setForeground(QBrush(_MUTED))
        return item

    def _mark_edited(self, which: OpinionField, mark: Mark | None) -> None:
        self.mark_changed.emit(which, mark)

    def mark_editor(self, which: OpinionField) -> MarkEditor | None:
        if self.comparison is None:
            return None
        rows = [r.field for r in self.comparison.rows]
        widget = self.table.cellWidget(rows.index(which), self.table.columnCount() - 1)
        return widget if isinstance(widget, MarkEditor) else None
