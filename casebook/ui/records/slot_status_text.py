"""A slot's status in words, with its symbol and, when requested, when and from whom."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casebook.core.model import Slot, SlotStatus
from casebook.ui.common.labels import format_partial_date, slot_status_label, slot_status_symbol


def _tr(text: str) -> str:
    return QCoreApplication.translate("SlotStatusText", text)


def short_status(slot: Slot) -> str:
    """ "✗  Missing" — symbol and word, so the meaning never rests on colour."""
    return f"{slot_status_symbol(slot.status)}  {slot_status_label(slot.status)}"


def full_status(slot: Slot) -> str:
    """ "…  Requested on 2024-05-02 from Dr Wu's office" when known, else the short form."""
    return f"{slot_status_symbol(slot.status)}  {status_words(slot)}"


def status_words(slot: Slot) -> str:
    """The status without its symbol, with when and from whom for a request."""
    if slot.status is not SlotStatus.REQUESTED:
        return slot_status_label(slot.status)
    when = format_partial_date(slot.requested_on)
    who = slot.requested_from.strip()
    if when and who:
        return _tr("Requested on {date} from {whom}").format(date=when, whom=who)
    if when:
        return _tr("Requested on {date}").format(date=when)
    if who:
        return _tr("Requested from {whom}").format(whom=who)
    return slot_status_label(slot.status)
