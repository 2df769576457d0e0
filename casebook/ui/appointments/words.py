"""The words the appointment screens use: kinds, what to bring, reminders, states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.appointments import AppointmentKind, AppointmentStatus, Bring


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppointmentWords", text)


def kind_label(kind: AppointmentKind) -> str:
    return {
        AppointmentKind.CONSULTATION: _tr("Consultation"),
        AppointmentKind.SCAN: _tr("Scan"),
        AppointmentKind.TREATMENT: _tr("Treatment"),
        AppointmentKind.TESTS: _tr("Tests"),
        AppointmentKind.RECORD_PICKUP: _tr("Picking up records"),
        AppointmentKind.OTHER: _tr("Other"),
    }[kind]


def bring_label(item: Bring) -> str:
    return {
        Bring.QUESTIONS: _tr("the questions list"),
        Bring.DOCUMENTS: _tr("the documents"),
        Bring.IMAGING_CD: _tr("the imaging CD"),
        Bring.MEDICINES: _tr("the medicine list"),
        Bring.ID: _tr("ID and insurance card"),
    }[item]


def reminder_label(minutes: int | None) -> str:
    if minutes is None:
        return _tr("No reminder")
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        if days == 7:
            return _tr("A week before")
        return _tr("A day before") if days == 1 else _tr("{count} days before").format(count=days)
    hours = minutes // 60
    return _tr("An hour before") if hours == 1 else _tr("{count} hours before").format(count=hours)


def list_separator() -> str:
    """Between the items of a list: ", " in English, "、" in Chinese."""
    return _tr(", ")


def status_label(status: AppointmentStatus) -> str:
    return {
        AppointmentStatus.PLANNED: _tr("Planned"),
        AppointmentStatus.DONE: _tr("Done"),
        AppointmentStatus.CANCELLED: _tr("Cancelled"),
    }[status]
