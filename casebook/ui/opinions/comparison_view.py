"""Two to four opinions side by side: one row per field, one column per opinion, and a last
column where the family confirms or changes Casebook's suggestion (same / different / only one
says). Marks show a symbol and a word; a tint only repeats what the words say.

The cells come from `ComparisonModel`; the mark column's controls are `MarkEditor`s that
`MarkDelegate` keeps open in every row that has a mark to check.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.opinions import USER_MARKS, Comparison, ComparisonRow, OpinionField
from casebook.ui.common.look import TABLE_CELL_PADDING
from casebook.ui.opinions.comparison_model import ComparisonModel, ObjectRole
from casebook.ui.opinions.labels import field_label, mark_label

FIELD_COLUMN_WIDTH = 200
MARK_COLUMN_WIDTH = 250
CELL_PADDING = TABLE_CELL_PADDING
AnyIndex = QModelIndex | QPersistentModelIndex


class MarkEditor(QWidget):
    """The mark of one row: a choice, and whether the family has confirmed it."""

    changed = Signal(object)  # Mark | None (None: back to Casebook's suggestion)

    def __init__(self, row: ComparisonRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"mark_{row.field.value}")
        self.setAutoFillBackground(True)  # covers the cell it sits in
        self.combo = QComboBox()
        self.combo.setObjectName("mark_combo")
        self.combo.setAccessibleName(
            self.tr("Same or different: {field}").format(field=field_label(row.field))
        )
        for mark in USER_MARKS:
            self.combo.addItem(mark_label(mark), mark)
        self.confirm_box = QCheckBox(self.tr("Checked by us"))
        self.confirm_box.setObjectName("confirm_box")
        self.status = QLabel()
        self.status.setObjectName("mark_status")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.combo)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.combo.activated.connect(self._mark_chosen)
        self.confirm_box.clicked.connect(self._confirm_clicked)
        self.show_row(row)

    def show_row(self, row: ComparisonRow) -> None:
        """Show the row's mark as saved (programmatic changes emit nothing)."""
        self.combo.setCurrentIndex(max(0, self.combo.findData(row.mark)))
        self.confirm_box.setChecked(row.confirmed)
        self.status.setText(self._status_text(row))
        self.status.setVisible(row.needs_check)  # only where Casebook could not tell

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


class MarkDelegate(QStyledItemDelegate):
    """Puts a `MarkEditor` in the mark column; `mark_changed(field, mark | None)` when the
    family changes one. Nothing is written into the model: the page saves the mark and the
    change it announces brings the comparison back."""

    mark_changed = Signal(object, object)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        row = index.data(ObjectRole)
        assert isinstance(row, ComparisonRow)
        editor = MarkEditor(row, parent)
        editor.changed.connect(partial(self.mark_changed.emit, row.field))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        row = index.data(ObjectRole)
        if isinstance(editor, MarkEditor) and isinstance(row, ComparisonRow):
            editor.show_row(row)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Marks are saved by the page, through the writer."""


class ComparisonView(QWidget):
    """Shows one `Comparison`; `mark_changed(field, mark | None)` asks the page to save."""

    mark_changed = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ComparisonModel(self)
        self.delegate = MarkDelegate(self)
        self.delegate.mark_changed.connect(self.mark_changed)
        self.table = QTableView()
        self.table.setObjectName("comparison_table")
        self.table.setAccessibleName(self.tr("The opinions side by side"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        header.sectionResized.connect(lambda *_: self.fit_rows())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    @property
    def comparison(self) -> Comparison | None:
        return self.model.comparison

    def clear(self) -> None:
        """Show nothing (the opinions compared are gone)."""
        self.model.set_comparison(None)

    def show_comparison(self, comparison: Comparison) -> None:
        reshaped = self.model.comparison is None or self.model.columnCount() != (
            len(comparison.opinions) + 2
        )
        self.model.set_comparison(comparison)
        mark_column = self.model.mark_column
        for number in range(self.model.rowCount()):
            index = self.model.index(number, mark_column)
            has_editor = self.table.isPersistentEditorOpen(index)
            wants_editor = bool(self.model.flags(index) & Qt.ItemFlag.ItemIsEditable)
            if wants_editor and not has_editor:
                self.table.openPersistentEditor(index)
            elif has_editor and not wants_editor:
                self.table.closePersistentEditor(index)
        if reshaped:
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(0, FIELD_COLUMN_WIDTH)
            for column in range(1, mark_column):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(mark_column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(mark_column, MARK_COLUMN_WIDTH)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped text, and never shorter than their mark editor."""
        table = self.table
        table.resizeRowsToContents()
        if self.model.comparison is None:
            return
        mark_column = self.model.mark_column
        for number in range(self.model.rowCount()):
            editor = table.indexWidget(self.model.index(number, mark_column))
            if editor is not None:
                # Style sheets apply on polish; unpolished widgets report too small a size.
                for child in (editor, *editor.findChildren(QWidget)):
                    child.ensurePolished()
                # The editor sits inside the cell, which has the item's padding top and bottom.
                needed = editor.sizeHint().height() + 2 * CELL_PADDING + 2
                if table.rowHeight(number) < needed:
                    table.setRowHeight(number, needed)

    def mark_editor(self, which: OpinionField) -> MarkEditor | None:
        number = self.model.row_of(which)
        if number is None:
            return None
        widget = self.table.indexWidget(self.model.index(number, self.model.mark_column))
        return widget if isinstance(widget, MarkEditor) else None
