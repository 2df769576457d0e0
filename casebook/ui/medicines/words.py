"""The words the medicine screens use: routes, reasons for stopping, allergies, severities."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.medicines import AllergyKind, Route, Severity, StopReason


def _tr(text: str) -> str:
    return QCoreApplication.translate("MedicineWords", text)


def route_label(route: Route) -> str:
    return {
        Route.NOT_STATED: _tr("Not stated"),
        Route.BY_MOUTH: _tr("By mouth"),
        Route.INTO_A_VEIN: _tr("Into a vein (drip)"),
        Route.UNDER_THE_SKIN: _tr("Injection under the skin"),
        Route.INTO_A_MUSCLE: _tr("Injection into a muscle"),
        Route.ON_THE_SKIN: _tr("On the skin (patch, cream)"),
        Route.INHALED: _tr("Inhaled"),
        Route.OTHER: _tr("Other"),
    }[route]


def stop_reason_label(reason: StopReason) -> str:
    return {
        StopReason.NOT_STOPPED: _tr("Still taken"),
        StopReason.FINISHED: _tr("The course was finished"),
        StopReason.SIDE_EFFECTS: _tr("Side effects"),
        StopReason.NOT_WORKING: _tr("It was not working"),
        StopReason.CHANGED: _tr("The doctor changed the treatment"),
        StopReason.OTHER: _tr("Another reason"),
    }[reason]


def allergy_kind_label(kind: AllergyKind) -> str:
    return {
        AllergyKind.ALLERGY: _tr("Allergy"),
        AllergyKind.REACTION: _tr("Serious past reaction"),
    }[kind]


def severity_label(severity: Severity) -> str:
    return {
        Severity.NOT_STATED: _tr("Not stated"),
        Severity.MILD: _tr("Mild"),
        Severity.MODERATE: _tr("Moderate"),
        Severity.SEVERE: _tr("Severe"),
        Severity.LIFE_THREATENING: _tr("Life-threatening"),
    }[severity]


def field_label(name: str) -> str:
    return {
        "brand_name": _tr("Brand name"),
        "generic_name": _tr("Medicine"),
        "dose": _tr("Dose"),
        "frequency": _tr("How often"),
        "route": _tr("How taken"),
        "started_on": _tr("Started"),
        "stopped_on": _tr("Stopped"),
        "stop_reason": _tr("Why it stopped"),
        "stop_note": _tr("About the stop"),
        "prescriber_id": _tr("Prescribed by"),
        "purpose": _tr("What it is for"),
        "timeline_event_id": _tr("Part of the treatment"),
        "notes": _tr("Notes"),
    }[name]
