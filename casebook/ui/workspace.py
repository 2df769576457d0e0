"""The unlocked binder: a navigation list on the left and the chosen page on the right.

It exists only while the binder is unlocked. Locking destroys it, and with it every page and
every piece of case content on screen; results of jobs still running are then dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from casebook.services.binder import BinderSession
from casebook.ui.pages.imaging_page import ImagingPage
from casebook.ui.pages.overview_page import OverviewPage
from casebook.ui.pages.records_page import RecordsPage


class Workspace(QWidget):
    """Holds the pages of one unlocked binder, in the order a family works through them."""

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session = session
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation_list")
        self.navigation.setFixedWidth(210)
        self.pages = QStackedWidget()
        self.overview_page = OverviewPage(session)
        self._add_page(self.tr("Overview"), self.overview_page)
        self.records_page = RecordsPage(session)
        self._add_page(self.tr("Records"), self.records_page)
        self.imaging_page = ImagingPage(session)
        self._add_page(self.tr("Imaging"), self.imaging_page)
        # Any page may change the binder; the others follow.
        self.records_page.changed.connect(self.overview_page.reload)
        self.imaging_page.changed.connect(self.overview_page.reload)
        self.imaging_page.changed.connect(self.records_page.reload)
        self.overview_page.imports.finished.connect(self.records_page.reload)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)

    def _add_page(self, title: str, page: QWidget) -> None:
        self.navigation.addItem(title)
        self.pages.addWidget(page)

    @property
    def busy(self) -> bool:
        """True while a job that writes the binder is running (auto-lock waits for it)."""
        return (
            self.overview_page.imports.busy
            or self.records_page.imports.busy
            or self.imaging_page.imports.importing
        )

    def import_paths(self, paths: list[Path]) -> bool:
        self.navigation.setCurrentRow(0)
        return self.overview_page.import_paths(paths)

    @Slot()
    def stop_work(self) -> None:
        """Ask running jobs to stop; called before the workspace is destroyed."""
        self.overview_page.imports.cancel()
        self.records_page.stop_work()
        self.imaging_page.stop_work()
