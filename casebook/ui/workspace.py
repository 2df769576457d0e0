"""The unlocked binder: a navigation list on the left and the chosen page on the right.

It exists only while the binder is unlocked. Locking destroys it, and with it every page and
every piece of case content on screen; results of jobs still running are then dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from casebook.services.binder import BinderSession
from casebook.ui.pages.consultations_page import ConsultationsPage
from casebook.ui.pages.export_page import ExportPage
from casebook.ui.pages.imaging_page import ImagingPage
from casebook.ui.pages.opinions_page import OpinionsPage
from casebook.ui.pages.overview_page import OverviewPage
from casebook.ui.pages.questions_page import QuestionsPage
from casebook.ui.pages.records_page import RecordsPage
from casebook.ui.pages.timeline_page import TimelinePage


class _Page(Protocol):
    def reload(self) -> None: ...


class Workspace(QWidget):
    """Holds the pages of one unlocked binder, in the order a family works through them."""

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session = session
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation_list")
        self.navigation.setAccessibleName(self.tr("Sections of the binder"))
        self.navigation.setAccessibleDescription(
            self.tr("Arrow keys choose a section; Alt and its number jump to it from anywhere.")
        )
        self.navigation.setFixedWidth(210)
        self.pages = QStackedWidget()
        self.overview_page = OverviewPage(session)
        self._add_page(self.tr("Overview"), self.overview_page)
        self.records_page = RecordsPage(session)
        self._add_page(self.tr("Records"), self.records_page)
        self.imaging_page = ImagingPage(session)
        self._add_page(self.tr("Imaging"), self.imaging_page)
        self.timeline_page = TimelinePage(session)
        self._add_page(self.tr("Timeline"), self.timeline_page)
        self.questions_page = QuestionsPage(session)
        self._add_page(self.tr("Questions"), self.questions_page)
        self.consultations_page = ConsultationsPage(session)
        self._add_page(self.tr("Consultations"), self.consultations_page)
        self.opinions_page = OpinionsPage(session)
        self._add_page(self.tr("Opinions"), self.opinions_page)
        self.export_page = ExportPage(session)
        self._add_page(self.tr("Export"), self.export_page)
        # Any page may change the binder; the Overview and Records follow at once, the other
        # pages read the binder again when they are shown.
        self.records_page.changed.connect(self.overview_page.reload)
        self.imaging_page.changed.connect(self.overview_page.reload)
        self.imaging_page.changed.connect(self.records_page.reload)
        self.opinions_page.changed.connect(self.questions_page.reload)
        self.overview_page.imports.finished.connect(self.records_page.reload)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.overview_page.navigate_requested.connect(self.show_section)
        self.navigation.setCurrentRow(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)

    def _add_page(self, title: str, page: QWidget) -> None:
        self.navigation.addItem(title)
        self.pages.addWidget(page)
        row = self.navigation.count() - 1
        if row < 9:  # Alt+1 … Alt+9 jump to a section from anywhere in the binder
            keys = QKeySequence(f"Alt+{row + 1}")
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda: self._jump_to(row))
            item = self.navigation.item(row)
            item.setToolTip(
                self.tr("{section} ({keys})").format(
                    section=title, keys=keys.toString(QKeySequence.SequenceFormat.NativeText)
                )
            )

    def _jump_to(self, row: int) -> None:
        self.navigation.setCurrentRow(row)
        self.navigation.setFocus()

    @Slot(int)
    def _show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        page = self.pages.widget(row)
        # The Overview and Records are kept current by signals; the others refresh on show so
        # that, say, the decision moment chosen on the Timeline reorders the Questions.
        refreshed_on_show: dict[QWidget, _Page] = {
            self.timeline_page: self.timeline_page,
            self.questions_page: self.questions_page,
            self.consultations_page: self.consultations_page,
            self.opinions_page: self.opinions_page,
        }
        refreshable = refreshed_on_show.get(page) if page is not None else None
        if refreshable is not None:
            refreshable.reload()

    @Slot(str)
    def show_section(self, name: str) -> None:
        """Go to a page by name ("timeline", "questions", …), e.g. from an Overview link."""
        pages: dict[str, QWidget] = {
            "overview": self.overview_page,
            "records": self.records_page,
            "imaging": self.imaging_page,
            "timeline": self.timeline_page,
            "questions": self.questions_page,
            "consultations": self.consultations_page,
            "opinions": self.opinions_page,
            "export": self.export_page,
        }
        page = pages.get(name)
        if page is not None:
            self.navigation.setCurrentRow(self.pages.indexOf(page))

    @property
    def busy(self) -> bool:
        """True while a job that writes the binder is running (auto-lock waits for it)."""
        return (
            self.overview_page.imports.busy
            or self.records_page.imports.busy
            or self.imaging_page.imports.importing
            or self.opinions_page.busy
            or self.export_page.is_exporting()
        )

    def import_paths(self, paths: list[Path]) -> bool:
        self.navigation.setCurrentRow(0)
        return self.overview_page.import_paths(paths)

    @Slot()
    def stop_work(self) -> None:
        """Ask running jobs to stop (and save notes being typed); called before locking."""
        self.overview_page.imports.cancel()
        self.records_page.stop_work()
        self.imaging_page.stop_work()
        self.timeline_page.stop_work()
        self.questions_page.stop_work()
        self.consultations_page.stop_work()
        self.opinions_page.stop_work()
        self.export_page.stop_work()
