"""The unlocked binder: a navigation list on the left and the chosen page on the right.

It exists only while the binder is unlocked. Locking destroys it, and with it every page and
every piece of case content on screen; results of jobs still running are then dropped.

Pages do not refresh one another: each follows the session's `binder_changed` signal for the
kinds of record it shows (`ui/common/binder_events.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QVBoxLayout, QWidget

from casebook.core.model import RecordKind
from casebook.core.preflight import Finding, Place
from casebook.ui.common.binder_events import binder_events
from casebook.ui.common.screen_fit import ShownPageStack, scrolling
from casebook.ui.overview.overview_page import OverviewPage
from casebook.ui.records.background_reading import BackgroundReading
from casebook.ui.sharing.versions_banner import VersionsBanner
from casebook.ui.sharing.versions_dialog import TwoVersionsDialog
from casebook.ui.shell.first_paint import after_first_paint

if TYPE_CHECKING:
    from casebook.services.binder.session import BinderSession
    from casebook.services.overview import Overview
    from casebook.ui.appointments.appointments_page import AppointmentsPage
    from casebook.ui.consultations.consultations_page import ConsultationsPage
    from casebook.ui.contacts.contacts_page import ContactsPage
    from casebook.ui.diary.diary_page import DiaryPage
    from casebook.ui.export.export_page import ExportPage
    from casebook.ui.imaging.imaging_page import ImagingPage
    from casebook.ui.medicines.medicines_page import MedicinesPage
    from casebook.ui.opinions.opinions_page import OpinionsPage
    from casebook.ui.questions.questions_page import QuestionsPage
    from casebook.ui.records.records_page import RecordsPage
    from casebook.ui.timeline.timeline_page import TimelinePage

P = TypeVar("P", bound=QWidget)


@dataclass
class _Section:
    """One entry of the navigation: its page is built the first time it is needed."""

    name: str
    title: str
    build: Callable[[], QWidget]
    page: QWidget | None = None


class Workspace(QWidget):
    """Holds the pages of one unlocked binder, in the order a family works through them.

    Only the Overview is built with the workspace (with the data read at unlock, when given).
    Every other page is built the first time it is shown or asked for (`records_page`…), and
    only then reads the binder: unlocking costs one page and one read, not eight of each.
    """

    def __init__(
        self,
        session: BinderSession,
        parent: QWidget | None = None,
        *,
        overview: Overview | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session = session
        # The frame first, the pages into it after: a widget added to a parent re-resolves its
        # style (the application's style sheet) through its whole subtree, so the Overview,
        # built into a stack that already sits in the workspace, is styled once, not once per
        # level of the frame wrapped round it afterwards.
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation_list")
        self.navigation.setAccessibleName(self.tr("Sections of the binder"))
        self.navigation.setAccessibleDescription(
            self.tr("Arrow keys choose a section; Alt and its number jump to it from anywhere.")
        )
        self.navigation.setFixedWidth(210)
        self.pages = ShownPageStack()
        # Sharing (issue 20): a strip and section marks while anything has two versions.
        self.versions_banner = VersionsBanner(session, self)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.versions_banner)
        # A page that needs more room than a small screen gives scrolls inside the window
        # instead of pushing the window past the screen's edge.
        right.addWidget(scrolling(self.pages, "page_scroll_area"), 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addLayout(right, 1)

        self._sections: list[_Section] = []
        self._events = binder_events(session)
        self.overview_page = OverviewPage(session, self.pages, overview=overview)
        # Text is read from new photos in the background, once the Overview is on screen.
        self.background_reading: BackgroundReading | None = None
        self.overview_page.building.then(
            lambda: after_first_paint(self.overview_page, self._start_background_reading)
        )
        self.overview_page.navigate_requested.connect(self.show_section)
        self.overview_page.finding_opened.connect(self.open_finding)
        self.overview_page.consultation_opened.connect(self.open_consultation)
        self._add_section(self.tr("Overview"), "overview", lambda: self.overview_page)
        self._add_section(self.tr("Records"), "records", self._build_records)
        self._add_section(self.tr("Imaging"), "imaging", self._build_imaging)
        self._add_section(self.tr("Timeline"), "timeline", self._build_timeline)
        self._add_section(self.tr("Questions"), "questions", self._build_questions)
        self._add_section(self.tr("Consultations"), "consultations", self._build_consultations)
        self._add_section(self.tr("Opinions"), "opinions", self._build_opinions)
        self._add_section(self.tr("Export"), "export", self._build_export)
        # Week to week, after the second-opinion pages (whose Alt+1…8 stay as they were).
        self._add_section(self.tr("Appointments"), "appointments", self._build_appointments)
        self._add_section(self.tr("Medicines"), "medicines", self._build_medicines)
        self._add_section(self.tr("Diary"), "diary", self._build_diary)
        self._add_section(self.tr("Contacts"), "contacts", self._build_contacts)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.navigation.setCurrentRow(0)
        self.versions_banner.choose_requested.connect(self.open_versions)
        self.versions_banner.sections_marked.connect(self.mark_sections)

    def _start_background_reading(self) -> None:
        if self.background_reading is None:
            self.background_reading = BackgroundReading(self.session, self)

    # Building pages when first needed ------------------------------------------------------

    def _build_records(self) -> QWidget:
        from casebook.ui.records.records_page import RecordsPage

        return RecordsPage(self.session)

    def _build_imaging(self) -> QWidget:
        from casebook.ui.imaging.imaging_page import ImagingPage

        return ImagingPage(self.session)

    def _build_timeline(self) -> QWidget:
        from casebook.ui.timeline.timeline_page import TimelinePage

        return TimelinePage(self.session)

    def _build_questions(self) -> QWidget:
        from casebook.ui.questions.questions_page import QuestionsPage

        return QuestionsPage(self.session)

    def _build_consultations(self) -> QWidget:
        from casebook.ui.consultations.consultations_page import ConsultationsPage

        return ConsultationsPage(self.session)

    def _build_opinions(self) -> QWidget:
        from casebook.ui.opinions.opinions_page import OpinionsPage

        return OpinionsPage(self.session)

    def _build_export(self) -> QWidget:
        from casebook.ui.export.export_page import ExportPage

        page = ExportPage(self.session)
        page.finding_opened.connect(self.open_finding)
        return page

    def _build_appointments(self) -> QWidget:
        from casebook.ui.appointments.appointments_page import AppointmentsPage

        page = AppointmentsPage(self.session)
        page.open_requested.connect(lambda: self.show_section("appointments"))
        return page

    def _build_medicines(self) -> QWidget:
        from casebook.ui.medicines.medicines_page import MedicinesPage

        return MedicinesPage(self.session)

    def _build_diary(self) -> QWidget:
        from casebook.ui.diary.diary_page import DiaryPage

        return DiaryPage(self.session)

    def _build_contacts(self) -> QWidget:
        from casebook.ui.contacts.contacts_page import ContactsPage

        return ContactsPage(self.session)

    def _add_section(self, title: str, name: str, build: Callable[[], QWidget]) -> None:
        section = _Section(name, title, build)
        self._sections.append(section)
        self.navigation.addItem(title)
        if name == "overview":
            section.page = build()
            self.pages.addWidget(section.page)
        else:
            placeholder = QWidget()  # stands in the stack until the page is built
            placeholder.setObjectName(f"{name}_placeholder")
            self.pages.addWidget(placeholder)
        row = self.navigation.count() - 1
        if row < 10:  # Alt+1 … Alt+9, then Alt+0, jump to a section from anywhere
            keys = QKeySequence(f"Alt+{(row + 1) % 10}")
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda: self._jump_to(row))
            item = self.navigation.item(row)
            item.setToolTip(
                self.tr("{section} ({keys})").format(
                    section=title, keys=keys.toString(QKeySequence.SequenceFormat.NativeText)
                )
            )

    def _page_at(self, row: int) -> QWidget:
        """The page of navigation row `row`, built (in place of its placeholder) if need be."""
        section = self._sections[row]
        if section.page is None:
            page = section.build()
            placeholder = self.pages.widget(row)
            assert placeholder is not None
            current = self.pages.currentIndex() == row
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            if current:
                self.pages.setCurrentIndex(row)
            section.page = page
        return section.page

    def _page(self, name: str, kind: type[P]) -> P:
        row = next(i for i, section in enumerate(self._sections) if section.name == name)
        page = self._page_at(row)
        assert isinstance(page, kind)
        return page

    def built_pages(self) -> list[QWidget]:
        """The pages built so far (the Overview always is)."""
        return [section.page for section in self._sections if section.page is not None]

    @property
    def records_page(self) -> RecordsPage:
        from casebook.ui.records.records_page import RecordsPage

        return self._page("records", RecordsPage)

    @property
    def imaging_page(self) -> ImagingPage:
        from casebook.ui.imaging.imaging_page import ImagingPage

        return self._page("imaging", ImagingPage)

    @property
    def timeline_page(self) -> TimelinePage:
        from casebook.ui.timeline.timeline_page import TimelinePage

        return self._page("timeline", TimelinePage)

    @property
    def questions_page(self) -> QuestionsPage:
        from casebook.ui.questions.questions_page import QuestionsPage

        return self._page("questions", QuestionsPage)

    @property
    def consultations_page(self) -> ConsultationsPage:
        from casebook.ui.consultations.consultations_page import ConsultationsPage

        return self._page("consultations", ConsultationsPage)

    @property
    def opinions_page(self) -> OpinionsPage:
        from casebook.ui.opinions.opinions_page import OpinionsPage

        return self._page("opinions", OpinionsPage)

    @property
    def export_page(self) -> ExportPage:
        from casebook.ui.export.export_page import ExportPage

        return self._page("export", ExportPage)

    @Slot(object)
    def mark_sections(self, names: object) -> None:
        """Put the "two versions" mark on the sections that hold such a field."""
        assert isinstance(names, set)
        for row, section in enumerate(self._sections):
            marked = section.name in names
            item = self.navigation.item(row)
            item.setText(f"{section.title}  ⚠" if marked else section.title)
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole,
                self.tr("Something here has two versions") if marked else "",
            )

    @Slot()
    def open_versions(self) -> None:
        dialog = TwoVersionsDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @property
    def appointments_page(self) -> AppointmentsPage:
        from casebook.ui.appointments.appointments_page import AppointmentsPage

        return self._page("appointments", AppointmentsPage)

    @property
    def medicines_page(self) -> MedicinesPage:
        from casebook.ui.medicines.medicines_page import MedicinesPage

        return self._page("medicines", MedicinesPage)

    @property
    def diary_page(self) -> DiaryPage:
        from casebook.ui.diary.diary_page import DiaryPage

        return self._page("diary", DiaryPage)

    @property
    def contacts_page(self) -> ContactsPage:
        from casebook.ui.contacts.contacts_page import ContactsPage

        return self._page("contacts", ContactsPage)

    def _jump_to(self, row: int) -> None:
        self.navigation.setCurrentRow(row)
        self.navigation.setFocus()

    @Slot(int)
    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self._page_at(row)
        self.pages.setCurrentIndex(row)

    @Slot(str)
    def show_section(self, name: str) -> None:
        """Go to a page by name ("timeline", "questions", …), e.g. from an Overview link."""
        for row, section in enumerate(self._sections):
            if section.name == name:
                self.navigation.setCurrentRow(row)
                return

    @Slot(int)
    def open_consultation(self, consultation_id: int) -> None:
        """Show one consultation on the Consultations page (one just prepared on the Overview)."""
        self.show_section("consultations")
        self.consultations_page.reload(select=consultation_id)

    @Slot(object)
    def open_finding(self, finding: Finding) -> None:
        """Go where a pre-flight finding is fixed: the record kind, the document, the scans."""
        if finding.place is Place.RECORD_KIND:
            self.show_section("records")
            self.records_page.show_records()
            self.records_page.select_slot(RecordKind(str(finding.ref)))
        elif finding.place is Place.DOCUMENT:
            self.show_section("records")
            self.records_page.show_document(int(finding.ref))
        elif finding.place is Place.STUDY:
            self.show_section("imaging")
            self.imaging_page.select_study(int(finding.ref))
        elif finding.place is Place.SERIES:
            self.show_section("imaging")
            self.imaging_page.select_series(int(finding.ref))

    def is_built(self, name: str) -> bool:
        """Whether the page of section `name` exists yet (asking for it would build it)."""
        return any(section.name == name and section.page is not None for section in self._sections)

    @property
    def busy(self) -> bool:
        """True while a job that writes the binder is running (auto-lock waits for it)."""
        return (
            self._events.writes_running > 0
            or self.overview_page.imports.busy
            or (self.is_built("records") and self.records_page.imports.busy)
            or (self.is_built("imaging") and self.imaging_page.imports.importing)
            or (self.is_built("export") and self.export_page.is_exporting())
        )

    def import_paths(self, paths: list[Path]) -> bool:
        self.navigation.setCurrentRow(0)
        return self.overview_page.import_paths(paths)

    @Slot()
    def stop_work(self) -> None:
        """Ask running jobs to stop (and save notes being typed); called before locking."""
        self.overview_page.imports.cancel()
        if self.is_built("records"):
            self.records_page.stop_work()
        if self.is_built("imaging"):
            self.imaging_page.stop_work()
        if self.is_built("timeline"):
            self.timeline_page.stop_work()
        if self.is_built("questions"):
            self.questions_page.stop_work()
        if self.is_built("consultations"):
            self.consultations_page.stop_work()
        if self.is_built("opinions"):
            self.opinions_page.stop_work()
        if self.is_built("export"):
            self.export_page.stop_work()
