"""The at-a-glance state of a binder: the case, slot readiness, sizes, last backup/export."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.model import Case, SlotKind, SlotStatus
from casebook.services.binder import BinderSession
from casebook.store import case_record, documents, slots
from casebook.store.database import classified_errors
from casebook.store.meta import LAST_BACKUP_AT, get_meta


@dataclass(frozen=True)
class SlotSummary:
    kind: SlotKind
    status: SlotStatus
    document_count: int


@dataclass(frozen=True)
class Overview:
    case: Case
    slots: list[SlotSummary]
    document_count: int
    content_bytes: int
    imaging_study_count: int
    last_backup_at: str | None
    last_export_at: str | None

    @property
    def missing_slots(self) -> list[SlotSummary]:
        """Slots still to collect: missing or only requested."""
        return [s for s in self.slots if s.status in (SlotStatus.MISSING, SlotStatus.REQUESTED)]


def load_overview(session: BinderSession) -> Overview:
    db = session.database()
    with classified_errors(session.folder):
        counts = documents.count_documents_by_slot(db)
        images = int(db.execute("SELECT count(*) FROM imaging_instances").fetchone()[0])
        counts[SlotKind.IMAGING] = counts.get(SlotKind.IMAGING, 0) + images
        slot_summaries = [
            SlotSummary(slot.kind, slot.status, counts.get(slot.kind, 0))
            for slot in slots.list_slots(db)
        ]
        studies = int(db.execute("SELECT count(*) FROM imaging_studies").fetchone()[0])
        last_export = db.execute("SELECT max(exported_at) FROM export_log").fetchone()[0]
        return Overview(
            case=case_record.load_case(db),
            slots=slot_summaries,
            document_count=sum(counts.values()) - images,
            content_bytes=documents.content_bytes(db),
            imaging_study_count=studies,
            last_backup_at=get_meta(db, LAST_BACKUP_AT),
            last_export_at=str(last_export) if last_export else None,
        )
