"""Which documents show who the patient is: read from their text (the original's, and that of
the family's redacted copy), for the de-identified bundle and its pre-flight.

A document without text (a photo, a scan) cannot be read by Casebook: the family looks at it,
then hides what shows the patient (a redacted copy) or confirms it shows nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.errors import CasebookError
from casebook.core.identity_facts import IdentityFacts, Shown
from casebook.importers.pdf_pages import extract_pdf_text
from casebook.services.binder.session import BinderSession
from casebook.store import blobs
from casebook.store import redactions as store
from casebook.store.redactions import RedactedCopy


@dataclass(frozen=True)
class DocumentExposure:
    original_shows: dict[int, frozenset[Shown]]  # by document id, from its extracted text
    copy_shows: dict[int, frozenset[Shown]]  # by original's id, from its redacted copy's text
    has_text: dict[int, bool]
    copies: dict[int, RedactedCopy]
    confirmed: set[int]  # the family said: shows no identity

    def safe_to_share(self, document_id: int) -> bool:
        """What a de-identified bundle may carry (a copy, or a confirmed document)."""
        if document_id in self.copies:
            return not self.copy_shows.get(document_id)
        return document_id in self.confirmed and not self.original_shows.get(document_id)


def document_exposure(session: BinderSession, facts: IdentityFacts) -> DocumentExposure:
    with session.reading() as db:
        texts = store.extracted_texts(db)
        copies = store.redactions(db)
        confirmed = store.confirmed_documents(db)
        copy_bytes = {
            document_id: blobs.read_blob(db, copy.content_sha256)
            for document_id, copy in copies.items()
            if copy.media_type == "application/pdf"
        }
    copy_shows = {}
    for document_id, data in copy_bytes.items():
        try:
            copy_shows[document_id] = facts.shown_in(extract_pdf_text(data))
        except CasebookError:
            copy_shows[document_id] = frozenset({Shown.NAME})  # cannot tell: assume the worst
    return DocumentExposure(
        original_shows={i: facts.shown_in(text) for i, text in texts.items()},
        copy_shows=copy_shows,
        has_text={i: bool(text.strip()) for i, text in texts.items()},
        copies=copies,
        confirmed=confirmed,
    )
