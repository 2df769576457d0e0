"""Searchable PDFs of photographed pages, for the bundle: each photo whose text Casebook read
goes out as the original picture and, beside it, a PDF of the picture with its text laid over
it invisibly (the family's correction when they made one), listed in the records index.

The PDF is made in the isolated worker (it decodes the photo) once when planning, to know its
size and SHA-256, and again, byte for byte the same, when sealing streams it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

from casebook.bundle.plan import DocumentItem
from casebook.bundle.searchable_pdf import make_searchable_pdf
from casebook.core.model import Document
from casebook.services.binder.session import BinderSession
from casebook.services.isolation import UntrustedFileFailed, shared_worker
from casebook.services.records.recognition import DocumentText, document_text
from casebook.store.blobs import read_blob
from casebook.store.recognition import PICTURE_TYPES
from casebook.texts import N_, texts_for

PDF_TIMEOUT_S = 120.0
TITLE = N_("{title} (searchable PDF)")


def _pdf(session: BinderSession, document: Document, text: DocumentText) -> bytes:
    with session.reading() as db:
        data = read_blob(db, document.content_sha256)
    page = text.pages[0]
    return shared_worker().call(
        make_searchable_pdf,
        data,
        page.lines,
        page.width,
        text.text if text.corrected else None,
        document.title,
        timeout=PDF_TIMEOUT_S,
    )


def searchable_items(
    session: BinderSession, chosen: Sequence[Document], language: str
) -> tuple[DocumentItem, ...]:
    """A searchable PDF for every chosen photo with text; a photo that cannot be made into
    one is simply sent without it (the original always goes)."""
    words = texts_for(language)
    items = []
    for document in chosen:
        if document.media_type not in PICTURE_TYPES:
            continue
        text = document_text(session, document.id)
        if not text.recognised or not text.text.strip() or not text.pages[0].lines:
            continue
        try:
            pdf = _pdf(session, document, text)
        except UntrustedFileFailed:
            continue

        def chunks(doc: Document = document, found: DocumentText = text) -> Iterator[bytes]:
            yield _pdf(session, doc, found)

        items.append(
            DocumentItem(
                title=words.gettext(TITLE).format(title=document.title),
                slot=document.slot,
                original_name=f"{document.title}.pdf",
                media_type="application/pdf",
                size=len(pdf),
                sha256=hashlib.sha256(pdf).hexdigest(),
                open_chunks=chunks,
                document_date=document.document_date,
                language=document.language,
                added_at=document.added_at,
                extension=".pdf",
            )
        )
    return tuple(items)
