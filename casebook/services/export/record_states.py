"""Where each kind of record stands at sealing time, derived from what the binder holds.

A kind is "received" when the binder holds documents of it (or images, for imaging), or, for
current medicines, when the medicine list has current entries: the slots query counts both
(`Slot.file_count`, `Slot.listed_count`, the same counts every page shows), never a stored
status.
"Requested on … from …" and "not needed" are the family's own statements and stay with the slot,
shown beside any documents that arrived since.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from casebook.bundle.case_facts import SlotState
from casebook.core.model import Document, RecordKind, Slot, SlotStatement


def slot_states(
    slots: Sequence[Slot],
    enclosed_documents: Sequence[Document],
    enclosed_images: int,
) -> tuple[SlotState, ...]:
    """One state per slot, in catalogue order."""
    enclosed = Counter(d.slot for d in enclosed_documents)
    enclosed[RecordKind.IMAGING] += enclosed_images
    states = []
    for slot in slots:
        requested = slot.statement is SlotStatement.REQUESTED
        states.append(
            SlotState(
                kind=slot.kind,
                held=slot.file_count,
                enclosed=enclosed[slot.kind],
                requested=requested,
                requested_on=slot.requested_on if requested else None,
                requested_from=slot.requested_from if requested else "",
                not_needed=slot.statement is SlotStatement.NOT_APPLICABLE,
                note=slot.note,
                listed=slot.listed_count,
            )
        )
    return tuple(states)
