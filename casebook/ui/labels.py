"""Translated names for slot kinds and statuses, and human-readable sizes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.model import SlotKind, SlotStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def slot_kind_label(kind: SlotKind) -> str:
    texts = {
        SlotKind.PATHOLOGY: _tr("Pathology reports"),
        SlotKind.IMAGING: _tr("Imaging (scans)"),
        SlotKind.LABS: _tr("Laboratory results"),
        SlotKind.HISTORY: _tr("Medical history"),
        SlotKind.PRIOR_TREATMENT: _tr("Earlier treatment"),
        SlotKind.MOLECULAR: _tr("Molecular and genetic tests"),
        SlotKind.OPERATIVE_NOTES: _tr("Surgery notes"),
        SlotKind.MEDICATIONS: _tr("Current medicines"),
        SlotKind.DIAGNOSIS_PLAN: _tr("Diagnosis and treatment plan"),
        SlotKind.DISCHARGE_REFERRAL: _tr("Discharge and referral letters"),
        SlotKind.IDENTITY: _tr("Identity and insurance"),
        SlotKind.OTHER: _tr("Other documents"),
    }
    return texts[kind]


def slot_status_label(status: SlotStatus) -> str:
    texts = {
        SlotStatus.MISSING: _tr("Missing"),
        SlotStatus.REQUESTED: _tr("Requested"),
        SlotStatus.RECEIVED: _tr("Received"),
        SlotStatus.NOT_APPLICABLE: _tr("Not needed"),
    }
    return texts[status]


def slot_status_symbol(status: SlotStatus) -> str:
    """A shape next to the word, so the status never depends on colour alone."""
    return {
        SlotStatus.MISSING: "✗",
        SlotStatus.REQUESTED: "…",
        SlotStatus.RECEIVED: "✓",
        SlotStatus.NOT_APPLICABLE: "–",
    }[status]


def format_size(size: int) -> str:
    """1536 → "1.5 KB" (decimal units, as file managers show them)."""
    if size < 1000:
        return _tr("{count} bytes").format(count=size)
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def choose_plural(count: int, one: str, many: str) -> str:
    """Pick the already translated singular or plural text and put `count` into it.

    English and Chinese (the shipped languages) need no more than this; both forms stay
    literal `tr()` calls at the call site so translators see them.
    """
    return (one if count == 1 else many).format(count=count)
