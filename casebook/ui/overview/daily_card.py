"""The Overview's card for the week-to-week records, and the case at a glance in one click.

It says what comes next (the next appointment, requests to chase) and what an emergency room
would ask (current medicines, allergies), links to the pages that hold them, and prints or
saves the one-page case at a glance. It reads on its own and follows the change signal.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from casebook.core.changes import Changed
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.daily_overview import DailyOverview, load_daily_overview
from casebook.services.export.glance_print import glance_pdf
from casebook.ui.appointments.appointments_model import when_text
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import choose_plural, list_separator, ui_language
from casebook.ui.common.link_button import LinkButton
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead
from casebook.ui.common.pdf_output import PdfOutput, PrintControls

# The same look as the Overview's other cards.
_SHOWN = (
    Changed.APPOINTMENTS,
    Changed.MEDICINES,
    Changed.CONTACTS,
    Changed.SLOTS,
    Changed.DOCUMENTS,
    Changed.IMAGING,
    Changed.CASE,
    Changed.TIMELINE,
    Changed.DECISIONS,
)
MEDICINES_NAMED = 4


def _label(name: str, role: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class DailyCard(QFrame):
    navigate_requested = Signal(str)  # "appointments", "medicines", "diary", "contacts"

    def __init__(
        self,
        session: BinderSession,
        clock: Callable[[], datetime] = clock.local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overview_card")
        look_as(self, role="card")
        title = self.tr("Appointments and medicines")
        self.setAccessibleName(title)
        self._clock = clock
        self.shown: DailyOverview | None = None
        heading = QLabel(title)
        heading.setObjectName("daily_heading")
        heading.setProperty("role", "subheading")
        self.appointment_label = _label("next_appointment_label")
        self.chase_label = _label("requests_to_chase_label")
        self.medicines_label = _label("current_medicines_label")
        self.allergies_label = _label("allergies_label")
        self.error_bar = MessageBar()
        links = QHBoxLayout()
        links.setSpacing(18)
        for text, page in (
            (self.tr("Open Appointments"), "appointments"),
            (self.tr("Open Medicines"), "medicines"),
            (self.tr("Open the Diary"), "diary"),
        ):
            link = LinkButton(text)
            link.setObjectName(f"go_to_{page}")
            link.clicked.connect(
                lambda _checked=False, page=page: self.navigate_requested.emit(page)
            )
            links.addWidget(link)
        links.addStretch(1)
        self.glance_controls = PrintControls(self.tr("the case at a glance"), "glance")
        self.glance = PdfOutput(
            self, self.error_bar,
            lambda language: functools.partial(glance_pdf, session, language, clock()),
            self.tr("Case at a glance.pdf"),
            session,
        )  # fmt: skip
        self.glance.serve(self.glance_controls)
        glance_row = QHBoxLayout()
        glance_label = QLabel(self.tr("The case at a glance, on one page:"))
        glance_row.addWidget(glance_label)
        glance_row.addWidget(self.glance_controls)
        glance_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.appointment_label)
        layout.addWidget(self.chase_label)
        layout.addWidget(self.allergies_label)
        layout.addWidget(self.medicines_label)
        layout.addWidget(self.error_bar)
        layout.addLayout(links)
        layout.addLayout(glance_row)
        language = "zh" if ui_language().startswith("zh") else "en"
        self._reader = LatestRead(
            self, lambda: load_daily_overview(session, clock(), language), self.show_daily,
            self.error_bar.show_failure,
        )  # fmt: skip
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        self._reader.start()

    def show_daily(self, daily: DailyOverview) -> None:
        self.shown = daily
        coming = daily.next_appointment
        if coming is None:
            self.appointment_label.setText(self.tr("No appointment planned."))
        else:
            parts = [coming.title, coming.place, daily.next_with]
            self.appointment_label.setText(
                self.tr("Next: {when} — {what}").format(
                    when=when_text(coming), what=" · ".join(p for p in parts if p)
                )
            )
        self.chase_label.setVisible(daily.requests_to_chase > 0)
        self.chase_label.setText(
            choose_plural(
                daily.requests_to_chase,
                self.tr("⚠  {count} request for records is due to be chased."),
                self.tr("⚠  {count} requests for records are due to be chased."),
            )
        )
        if daily.allergies:
            self.allergies_label.setText(
                self.tr("⚠  Allergies: {names}").format(
                    names=list_separator().join(daily.allergies)
                )
            )
        else:
            self.allergies_label.setText(self.tr("No allergies written down."))
        if not daily.medicines:
            self.medicines_label.setText(self.tr("No current medicines written down."))
            return
        names = list_separator().join(daily.medicines[:MEDICINES_NAMED])
        if len(daily.medicines) > MEDICINES_NAMED:
            names += " " + self.tr("and {count} more").format(
                count=len(daily.medicines) - MEDICINES_NAMED
            )
        one = self.tr("{count} current medicine: {names}")
        many = self.tr("{count} current medicines: {names}")
        count = len(daily.medicines)
        self.medicines_label.setText((one if count == 1 else many).format(count=count, names=names))
