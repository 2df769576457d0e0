"""The full list of a DICOM file's attributes (without pixel data), nested by sequence."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from casebook.services.imaging.previews import TagRow


class TagPanel(QTreeWidget):
    """Tag, name, VR and value, one row per attribute; sequence items fold open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tag_panel")
        self.setColumnCount(4)
        self.setHeaderLabels([self.tr("Tag"), self.tr("Name"), self.tr("VR"), self.tr("Value")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setRootIsDecorated(True)
        self.rows: list[TagRow] = []

    def set_rows(self, rows: list[TagRow]) -> None:
        self.clear()
        self.rows = list(rows)
        parents: list[QTreeWidgetItem] = []
        for row in rows:
            item = QTreeWidgetItem([row.tag, row.name, row.vr, row.value])
            item.setToolTip(3, row.value)
            del parents[row.depth :]
            if parents:
                parents[-1].addChild(item)
            else:
                self.addTopLevelItem(item)
            while len(parents) <= row.depth:
                parents.append(item)
        for column in range(3):
            self.resizeColumnToContents(column)

    def show_message(self, text: str) -> None:
        self.clear()
        self.rows = []
        self.addTopLevelItem(QTreeWidgetItem(["", text, "", ""]))
