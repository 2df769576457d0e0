""" "What the hospital will read": the pre-flight findings, each a link to where it is fixed.

On the Overview at any time, and in the export wizard before sealing. The findings come from
`services.preflight` (the same check as `casebook check --content`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListView, QVBoxLayout, QWidget

from casebook.core.preflight import Finding
from casebook.ui.overview.findings_model import FindingRole, FindingsModel

VISIBLE_ROWS = 6


class PreflightPanel(QFrame):
    """`open_requested(Finding)` when the family activates a line."""

    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preflight_panel")
        heading = QLabel(self.tr("What the hospital will read"))
        heading.setProperty("role", "subheading")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("preflight_summary")
        self.summary_label.setWordWrap(True)
        self.model = FindingsModel(self)
        self.view = QListView()
        self.view.setObjectName("preflight_view")
        self.view.setAccessibleName(self.tr("Things to look at before sending"))
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view)
        self.show_findings([])

    def show_findings(self, findings: list[Finding]) -> None:
        self.model.set_entries(findings)
        if findings:
            self.summary_label.setText(
                self.tr(
                    "%n thing(s) to look at before sending. Click a line to go where it is fixed.",
                    "",
                    len(findings),
                )
            )
        else:
            self.summary_label.setText(
                self.tr("Nothing to look at: what you would send agrees with the binder.")
            )
        self.view.setVisible(bool(findings))
        rows = min(len(findings), VISIBLE_ROWS)
        line = self.view.fontMetrics().lineSpacing()
        self.view.setFixedHeight(max(1, rows) * (line * 2 + 8) + 6)

    def _activated(self, index: QModelIndex) -> None:
        finding = self.model.data(index, FindingRole)
        if isinstance(finding, Finding):
            self.open_requested.emit(finding)
