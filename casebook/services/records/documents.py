"""Reading and editing what the binder holds: the case, slots and documents, and search."""

from __future__ import annotations

from dataclasses import dataclass, replace

from casebook.core.changes import Changed
from casebook.core.model import (
    Case,
    Document,
    DocumentEdit,
    PartialDate,
    RecordKind,
    Slot,
    SlotStatement,
)
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.store import case_record, documents, imaging, slots
from casebook.store import search as search_store
from casebook.store.blobs import delete_unreferenced_blobs, read_blob
from casebook.store.search import SearchHit

__all__ = [
    "EmptiedTrash",
    "SearchHit",
    "confirm_document",
    "edit_document",
    "empty_trash",
    "list_documents",
    "list_slots",
    "list_trash",
    "load_case",
    "matching_document_ids",
    "move_to_trash",
    "read_document_bytes",
    "restore_from_trash",
    "save_case",
    "search",
    "set_slot_statement",
]


def load_case(session: BinderSession) -> Case:
    with session.reading() as db:
        return case_record.load_case(db)


def save_case(session: BinderSession, case: Case) -> None:
    with session.writing(Changed.CASE) as db:
        case_record.save_case(db, case, timestamp())


def list_slots(session: BinderSession) -> list[Slot]:
    with session.reading() as db:
        return slots.list_slots(db)


def set_slot_statement(
    session: BinderSession,
    kind: RecordKind,
    statement: SlotStatement,
    requested_on: PartialDate | None = None,
    requested_from: str = "",
    note: str = "",
) -> None:
    """Record what the family says about a kind of record (never whether it was received:
    that is counted from its files). Request details are kept only for "requested"."""
    requested = statement is SlotStatement.REQUESTED
    slot = Slot(
        kind,
        statement,
        requested_on if requested else None,
        requested_from.strip() if requested else "",
        note.strip(),
    )
    with session.writing(Changed.SLOTS, ids=[kind.value]) as db:
        slots.update_slot(db, slot, timestamp())


def list_documents(session: BinderSession) -> list[Document]:
    with session.reading() as db:
        return documents.list_documents(db)


def edit_document(session: BinderSession, document_id: int, edit: DocumentEdit) -> None:
    """Apply the family's edit to the document as the binder holds it now (KeyError if gone)."""
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        current = documents.get_document(db, document_id)
        if current is None:
            raise KeyError(document_id)
        documents.update_document(db, edit.applied_to(current))


def confirm_document(session: BinderSession, document_id: int) -> None:
    """The family agrees with the record kind and date Casebook suggested."""
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        current = documents.get_document(db, document_id)
        if current is None:
            raise KeyError(document_id)
        documents.update_document(db, replace(current, needs_review=False))


def read_document_bytes(session: BinderSession, document_id: int) -> bytes:
    """The original bytes, decrypted into memory only (never to a file)."""
    with session.reading() as db:
        document = documents.get_document(db, document_id)
        if document is None:
            raise KeyError(document_id)
        return read_blob(db, document.content_sha256)


def search(session: BinderSession, query: str) -> list[SearchHit]:
    """The best hits over every text in the binder (at most `search_store.MAX_HITS`), each
    with a snippet; documents in the trash are left out, and never take a live hit's place."""
    limit = search_store.MAX_HITS
    with session.reading() as db:
        trashed = documents.trashed_document_ids(db)
        hits = search_store.search(db, query, limit + len(trashed))
    live = [hit for hit in hits if not (hit.kind == "document" and hit.ref_id in trashed)]
    return live[:limit]


def matching_document_ids(session: BinderSession, query: str) -> set[int]:
    """Every document not in the trash whose title, notes or text holds each word of `query`:
    what the Records page filters its list by. Unranked and unlimited (a filter must not drop
    the 201st match), with no snippets — a fraction of `search`'s work."""
    with session.reading() as db:
        found = search_store.matching_ids(db, query, "document")
        return found - documents.trashed_document_ids(db) if found else found


def move_to_trash(session: BinderSession, document_id: int) -> None:
    """Hide a document; it can be restored until the trash is emptied."""
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        documents.move_to_trash(db, document_id, timestamp())


def restore_from_trash(session: BinderSession, document_id: int) -> None:
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        documents.restore_from_trash(db, document_id)


def list_trash(session: BinderSession) -> list[Document]:
    with session.reading() as db:
        return documents.list_documents(db, in_trash=True)


@dataclass(frozen=True)
class EmptiedTrash:
    """How much emptying the trash deleted for good."""

    documents: int
    images: int


def empty_trash(session: BinderSession) -> EmptiedTrash:
    """Delete trashed documents and imaging for good, and their content when nothing else
    uses it."""
    with session.writing(Changed.DOCUMENTS, Changed.IMAGING, Changed.SLOTS) as db:
        removed = documents.delete_trashed(db)
        images = imaging.delete_trashed_imaging(db)
        delete_unreferenced_blobs(db)
    return EmptiedTrash(removed, images)
