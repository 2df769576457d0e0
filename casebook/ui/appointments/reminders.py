"""Reminders shown while the app runs: a watcher on an injected clock, and the reminder box.

The watcher reads which reminders are due at `clock()` and when the next one falls due, then
waits for that moment (at most a minute, so a computer that slept or a clock that moved is
noticed soon). Tests give it a clock they move and call `check_now()`; nothing sleeps. A
reminder the family closes with "Got it" is remembered in the binder for that start time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casebook.core.appointments import Appointment
from casebook.core.changes import Changed, Changes
from casebook.services import clock
from casebook.services.appointments import appointments as service
from casebook.services.appointments.appointments import Reminders
from casebook.services.binder.session import BinderSession
from casebook.ui.appointments.appointments_model import when_text
from casebook.ui.appointments.words import bring_label, list_separator
from casebook.ui.common.binder_events import binder_events
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.tasks import TaskFailure

Clock = Callable[[], datetime]
LONGEST_WAIT_MS = 60_000


def local_now() -> datetime:
    """The family's wall-clock time (appointments are kept in local time)."""
    return clock.local_now()


class ReminderWatcher(QObject):
    """Emits `due(appointments)` when reminders fall due (each once, until seen)."""

    due = Signal(object)  # tuple[Appointment, ...]

    def __init__(self, session: BinderSession, clock: Clock, parent: QObject) -> None:
        super().__init__(parent)
        self._session = session
        self._clock = clock
        self._announced: set[tuple[int, str]] = set()
        self.last: Reminders | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        self._reader = LatestRead(self, self._read, self._show, self._failed)
        binder_events(session).binder_changed.connect(self._changed)

    @Slot(object)
    def _changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.touches(Changed.APPOINTMENTS):
            self.check_now()

    @Slot()
    def check_now(self) -> None:
        if not self._session.closed:
            self._reader.start()

    def _read(self) -> tuple[datetime, Reminders]:
        now = self._clock()
        return now, service.reminders(self._session, now)

    def _show(self, result: tuple[datetime, Reminders]) -> None:
        now, reminders = result
        self.last = reminders
        fresh = tuple(a for a in reminders.due if (a.id, a.start_key) not in self._announced)
        self._announced |= {(a.id, a.start_key) for a in reminders.due}
        if fresh:
            self.due.emit(reminders.due)
        wait = LONGEST_WAIT_MS
        if reminders.next_at is not None:
            until = int((reminders.next_at - now).total_seconds() * 1000) + 500
            wait = max(1000, min(wait, until))
        self._timer.start(wait)

    def _failed(self, _failure: TaskFailure) -> None:
        self._timer.start(LONGEST_WAIT_MS)  # a locked or busy binder: look again later


class ReminderBox(QDialog):
    """A small window listing the appointments coming up; it does not block the app."""

    open_requested = Signal()
    seen = Signal(object)  # tuple[Appointment, ...]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_box")
        self.setWindowTitle(self.tr("Reminder"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumWidth(460)
        self.appointments: tuple[Appointment, ...] = ()
        heading = QLabel(self.tr("Coming up"))
        heading.setProperty("role", "subheading")
        self.text_label = QLabel()
        self.text_label.setObjectName("reminder_text")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("Open Appointments"))
        self.open_button.setObjectName("reminder_open_button")
        self.open_button.clicked.connect(self._open)
        self.seen_button = QPushButton(self.tr("Got it"))
        self.seen_button.setObjectName("primary_button")
        self.seen_button.setAccessibleName(self.tr("Got it: do not remind me again"))
        self.seen_button.clicked.connect(self._seen)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.seen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)

    def show_reminders(self, appointments: Sequence[Appointment]) -> None:
        self.appointments = tuple(appointments)
        blocks = []
        for appointment in appointments:
            lines = [f"{when_text(appointment)} — {appointment.title}"]
            if appointment.place:
                lines.append(appointment.place)
            items = [bring_label(item) for item in appointment.bring]
            if appointment.bring_note:
                items.append(appointment.bring_note)
            if items:
                lines.append(self.tr("Bring: {items}").format(items=list_separator().join(items)))
            if appointment.notes:
                lines.append(appointment.notes)
            blocks.append("\n".join(lines))
        self.text_label.setText("\n\n".join(blocks))
        self.show()
        self.raise_()

    def _open(self) -> None:
        self.open_requested.emit()

    def _seen(self) -> None:
        self.seen.emit(self.appointments)
        self.accept()


def mark_seen(
    context: QObject, session: BinderSession, appointments: Sequence[Appointment]
) -> None:
    """Remember that the family saw these reminders (for their current start times)."""
    chosen = [(a.id, a.start_key) for a in appointments]

    def write() -> None:
        for appointment_id, start in chosen:
            service.mark_reminder_seen(session, appointment_id, start)

    WriteOp(context, session, write).start()
