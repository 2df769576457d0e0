"""Translated names for slot kinds and statuses, and human-readable sizes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from casebook.core.model import SlotKind, SlotStatus
from casebook.services.slot_catalogue import load_catalogue


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def ui_language() -> str:
    """The language the interface is shown in, as a catalogue code ("en", "zh_CN")."""
    return QLocale().name()


def slot_kind_label(kind: SlotKind) -> str:
    """The slot's title from the shipped catalogue, in the interface language."""
    return load_catalogue()[kind].text("title", ui_language())


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
