"""The words the contact screens use for kinds of contact and of linked record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.contacts import ContactKind, LinkKind


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactWords", text)


def contact_kind_label(kind: ContactKind) -> str:
    return {
        ContactKind.DOCTOR: _tr("Doctor"),
        ContactKind.NURSE: _tr("Nurse"),
        ContactKind.HOSPITAL: _tr("Hospital or clinic"),
        ContactKind.DEPARTMENT: _tr("Department"),
        ContactKind.RECORDS_OFFICE: _tr("Medical records office"),
        ContactKind.PHARMACY: _tr("Pharmacy"),
        ContactKind.OTHER: _tr("Other"),
    }[kind]


def link_kind_label(kind: LinkKind) -> str:
    return {
        LinkKind.OPINION: _tr("Gave an opinion"),
        LinkKind.CONSULTATION: _tr("At a consultation"),
        LinkKind.EXPORT: _tr("Bundle sent to"),
        LinkKind.RECORD_REQUEST: _tr("Records asked for"),
        LinkKind.MEDICINE: _tr("Prescribed"),
        LinkKind.APPOINTMENT: _tr("Appointment"),
    }[kind]
