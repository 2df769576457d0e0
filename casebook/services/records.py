"""Reading and editing what the binder holds: the case, slots and documents, and search."""

from __future__ import annotations

from casebook.core.model import Case, Document, Slot
from casebook.services.binder import BinderSession
from casebook.services.clock import timestamp
from casebook.store import case_record, documents, slots
from casebook.store import search as search_store
from casebook.store.blobs import delete_unreferenced_blobs, read_blob
from casebook.store.database import classified_errors, transaction
from casebook.store.search import SearchHit

__all__ = [
    "SearchHit",
    "empty_trash",
    "list_documents",
    "list_slots",
    "list_trash",
    "load_case",
    "move_to_trash",
    "read_document_bytes",
    "restore_from_trash",
    "save_case",
    "search",
    "update_document",
    "update_slot",
]


def load_case(session: BinderSession) -> Case:
    with classified_errors(session.folder):
        return case_record.load_case(session.database())


def save_case(session: BinderSession, case: Case) -> None:
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        case_record.save_case(db, case, timestamp())


def list_slots(session: BinderSession) -> list[Slot]:
    with classified_errors(session.folder):
        return slots.list_slots(session.database())


def update_slot(session: BinderSession, slot: Slot) -> None:
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        slots.update_slot(db, slot, timestamp())


def list_documents(session: BinderSession) -> list[Document]:
    with classified_errors(session.folder):
        return documents.list_documents(session.database())


def update_document(session: BinderSession, document: Document) -> None:
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        documents.update_document(db, document)


def read_document_bytes(session: BinderSession, document_id: int) -> bytes:
    """The original bytes, decrypted into memory only (never to a file)."""
    db = session.database()
    with classified_errors(session.folder):
        document = documents.get_document(db, document_id)
        if document is None:
            raise KeyError(document_id)
        return read_blob(db, document.content_sha256)


def search(session: BinderSession, query: str) -> list[SearchHit]:
    """Hits over every text in the binder; documents in the trash are left out."""
    db = session.database()
    with classified_errors(session.folder):
        trashed = documents.trashed_document_ids(db)
        return [
            hit
            for hit in search_store.search(db, query)
            if not (hit.kind == "document" and hit.ref_id in trashed)
        ]


def move_to_trash(session: BinderSession, document_id: int) -> None:
    """Hide a document; it can be restored until the trash is emptied."""
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        documents.move_to_trash(db, document_id, timestamp())


def restore_from_trash(session: BinderSession, document_id: int) -> None:
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        documents.restore_from_trash(db, document_id)


def list_trash(session: BinderSession) -> list[Document]:
    with classified_errors(session.folder):
        return documents.list_documents(session.database(), in_trash=True)


def empty_trash(session: BinderSession) -> int:
    """Delete trashed documents for good, and their content when nothing else uses it."""
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        removed = documents.delete_trashed(db)
        delete_unreferenced_blobs(db)
    return removed
