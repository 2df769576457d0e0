"""Redacted copies: Casebook's proposals for a document, and the new file made from the boxes
the family kept. The original stays in the binder untouched; the copy is stored beside it (its
own blob) with the boxes, so it can be opened and changed again.

Reading the original's words and rendering its pages happen in the isolated worker, from bytes
decrypted in memory: nothing is written outside the binder.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from casebook.core.changes import Changed
from casebook.core.errors import CasebookError
from casebook.core.model import Document
from casebook.core.progress import NEVER_CANCELLED
from casebook.core.redaction import Box, Word, boxes_from_json, boxes_to_json, propose_boxes
from casebook.importers.pdf_pages import pdf_page_count
from casebook.importers.pdf_words import pdf_page_words
from casebook.importers.redacted_copy import redact_pdf, redact_picture
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.isolation import IsolatedWorker, shared_worker
from casebook.services.records.recognition import recognised_words
from casebook.services.redaction.identity import identity_facts
from casebook.store import blobs, documents
from casebook.store import redactions as store
from casebook.store.redactions import RedactedCopy

PDF = "application/pdf"
JPEG = "image/jpeg"


@dataclass
class CannotRedact(CasebookError):
    """Only PDFs and pictures can be redacted; `media_type` is what the document is."""

    media_type: str


def can_redact(document: Document) -> bool:
    return document.media_type == PDF or document.media_type.startswith("image/")


def _original(session: BinderSession, document_id: int) -> tuple[Document, bytes]:
    with session.reading() as db:
        document = documents.get_document(db, document_id)
        if document is None:
            raise KeyError(document_id)
        return document, blobs.read_blob(db, document.content_sha256)


def document_words(
    session: BinderSession, document_id: int, worker: IsolatedWorker | None = None
) -> list[Word]:
    """Every word of the document with its place (a PDF's text layer; for a photo or a scan
    without one, the words Casebook read on it)."""
    document, data = _original(session, document_id)
    if document.media_type != PDF:
        return recognised_words(session, document_id)
    isolated = worker or shared_worker()
    pages = isolated.call(pdf_page_count, data)
    words: list[Word] = []
    for page in range(pages):
        words += isolated.call(pdf_page_words, data, page)
    return words or recognised_words(session, document_id)


def propose(
    session: BinderSession, document_id: int, worker: IsolatedWorker | None = None
) -> list[Box]:
    """Boxes over what shows who the patient is (name, ID, birth date, phone, address)."""
    return propose_boxes(document_words(session, document_id, worker), identity_facts(session))


def saved_boxes(session: BinderSession, document_id: int) -> list[Box] | None:
    """The boxes of the document's redacted copy; None when it has none."""
    with session.reading() as db:
        copy = store.redactions(db).get(document_id)
    return None if copy is None else boxes_from_json(copy.boxes_json)


def make_redacted_copy(
    session: BinderSession,
    document_id: int,
    boxes: Sequence[Box],
    worker: IsolatedWorker | None = None,
) -> RedactedCopy:
    """Render the copy with `boxes` hidden and keep it beside the original (writer lane)."""
    document, data = _original(session, document_id)
    if not can_redact(document):
        raise CannotRedact(document.media_type)
    kept = [box.normalised() for box in boxes if box.normalised().usable]
    isolated = worker or shared_worker()
    if document.media_type == PDF:
        copy_bytes, media_type = isolated.call(redact_pdf, data, kept), PDF
    else:
        copy_bytes, media_type = isolated.call(redact_picture, data, kept), JPEG
    staged = session.stage(io.BytesIO(copy_bytes), NEVER_CANCELLED)
    copy = RedactedCopy(
        document_id, boxes_to_json(kept), staged.sha256, media_type, staged.size, timestamp()
    )
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        blobs.finish_blob(db, staged)
        store.save_redaction(db, copy)
    return copy


def remove_redacted_copy(session: BinderSession, document_id: int) -> None:
    """Forget the copy (the original is untouched; its bytes go when nothing uses them)."""
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        store.remove_redaction(db, document_id)


def redacted_copies(session: BinderSession) -> dict[int, RedactedCopy]:
    with session.reading() as db:
        return store.redactions(db)


def redacted_copy_bytes(session: BinderSession, document_id: int) -> bytes | None:
    with session.reading() as db:
        copy = store.redactions(db).get(document_id)
        return None if copy is None else blobs.read_blob(db, copy.content_sha256)


def confirm_shows_no_identity(session: BinderSession, document_id: int, confirmed: bool) -> None:
    """The family says the document shows nothing of who the patient is (or takes it back)."""
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        if confirmed:
            store.confirm_no_identity(db, document_id, timestamp())
        else:
            store.withdraw_confirmation(db, document_id)
