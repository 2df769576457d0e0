"""Reading the text of photographed and scanned documents after they are imported (OCR).

Recognition runs in an isolated OCR worker process (RapidOCR's models and ONNX Runtime parse
untrusted pictures and need memory), one document at a time, after the import has stored the
files: a batch of fifty photos is imported at full speed and read afterwards. Each document's
result is committed on its own with its line and word boxes; its text becomes searchable, and
when the family has not placed the document yet, its text suggests a kind of record and a date
for them to confirm. A picture that cannot be read is noted, not retried forever, and never
stops the others.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import sqlite_utils

from casebook.core.changes import Changed
from casebook.core.errors import CasebookError
from casebook.core.model import RecordKind
from casebook.core.progress import CancelToken, Progress, Report
from casebook.core.redaction import Word
from casebook.core.suggestions import FoundDate, dates_in, suggest_date, suggest_slot
from casebook.importers.ocr import (
    ENGINE,
    Recognition,
    lines_to_json,
    recognise_pdf_page,
    recognise_picture,
)
from casebook.importers.pdf_pages import pdf_page_count
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.isolation import IsolatedWorker, UntrustedFileFailed
from casebook.store import documents as document_store
from casebook.store import recognition as store
from casebook.store.blobs import read_blob

MAX_PDF_PAGES = 30  # a longer scan is read as far as this; its first pages are what matter
PAGE_TIMEOUT_S = 300.0
MEMORY_LIMIT_MB = 3072

_worker: IsolatedWorker | None = None
_lock = threading.Lock()


def ocr_worker() -> IsolatedWorker:
    global _worker
    with _lock:
        if _worker is None:
            _worker = IsolatedWorker(
                memory_limit_mb=MEMORY_LIMIT_MB, timeout_seconds=PAGE_TIMEOUT_S
            )
            atexit.register(_worker.close)
        return _worker


@dataclass
class RecognitionSummary:
    read: list[int] = field(default_factory=list)  # document ids with text found
    no_text: list[int] = field(default_factory=list)  # read, but nothing legible on them
    failed: list[int] = field(default_factory=list)  # the picture could not be read


def waiting_documents(session: BinderSession) -> list[int]:
    with session.reading() as db:
        return [doc_id for doc_id, _media in store.waiting_documents(db)]


def _read_pages(data: bytes, media_type: str, cancel: CancelToken) -> list[Recognition]:
    worker = ocr_worker()
    if media_type != store.PDF:
        return [worker.call(recognise_picture, data)]
    pages = worker.call(pdf_page_count, data)
    found = []
    for index in range(min(pages, MAX_PDF_PAGES)):
        cancel.raise_if_cancelled()
        found.append(worker.call(recognise_pdf_page, data, index))
    return found


@dataclass(frozen=True)
class ReadText:
    """What reading one document found, not stored yet (see `read_document_text`)."""

    document_id: int
    pages: list[Recognition]
    problem: str = ""  # why nothing could be read ("" when it was)


def read_document_text(
    session: BinderSession, document_id: int, cancel: CancelToken
) -> ReadText | None:
    """Read one document's text without writing anything (None when it is gone).

    The slow part (seconds a page) only reads the binder, so it can run on a reader lane and
    never holds up the writer: imports and edits go on while photos are being read."""
    with session.reading() as db:
        document = document_store.get_document(db, document_id)
        if document is None:
            return None
        data = read_blob(db, document.content_sha256)
    try:
        return ReadText(document_id, _read_pages(data, document.media_type, cancel))
    except UntrustedFileFailed as failure:
        return ReadText(document_id, [], f"{failure.failure.value} {failure.detail}".strip())
    except CasebookError as error:
        return ReadText(document_id, [], type(error).__name__)


def store_document_text(session: BinderSession, read: ReadText) -> str:
    """Keep what `read_document_text` found (a quick write); returns the text."""
    document_id, pages = read.document_id, read.pages
    text = "\n\n".join(page.text for page in pages if page.text)
    now = timestamp()
    with session.writing(Changed.DOCUMENTS, Changed.SLOTS, ids=[document_id]) as db:
        if document_store.get_document(db, document_id) is None:
            return ""  # deleted while it was being read
        if not pages:
            store.save_page(
                db,
                store.RecognisedPage(document_id, 0, 0, 0, [], "", read.problem or "unreadable"),
                ENGINE,
                now,
            )
            return ""
        for index, page in enumerate(pages):
            store.save_page(
                db,
                store.RecognisedPage(
                    document_id, index, page.width, page.height, lines_to_json(page), page.text
                ),
                ENGINE,
                now,
            )
        if text:
            store.set_searchable_text(db, document_id, text)
            _suggest_placement(db, document_id, text)
    return text


def recognise_document(session: BinderSession, document_id: int, cancel: CancelToken) -> str:
    """Read one document's text and store it; returns the text ("" when none was found)."""
    read = read_document_text(session, document_id, cancel)
    return "" if read is None else store_document_text(session, read)


def _suggest_placement(db: sqlite_utils.Database, document_id: int, text: str) -> None:
    """A document the family has not placed yet (kept as "other", undated) gets the kind and
    date its text suggests, marked for them to confirm."""
    document = document_store.get_document(db, document_id)
    if document is None or document.slot is not RecordKind.OTHER:
        return
    suggestion = suggest_slot(text, document.original_name)
    kind = suggestion.slot if suggestion else None
    found_date = document.document_date or suggest_date(text, clock.today(), kind)
    if suggestion is None and found_date == document.document_date:
        return
    document_store.update_document(
        db,
        replace(
            document,
            slot=suggestion.slot if suggestion else document.slot,
            document_date=found_date,
            needs_review=True,
        ),
    )


def recognise_waiting(
    session: BinderSession,
    report: Report,
    cancel: CancelToken,
    only: Iterable[int] | None = None,
) -> RecognitionSummary:
    """Read every document still waiting (or those of `only` that are), one by one."""
    wanted = None if only is None else set(only)
    waiting = [d for d in waiting_documents(session) if wanted is None or d in wanted]
    summary = RecognitionSummary()
    for done, document_id in enumerate(waiting):
        cancel.raise_if_cancelled()
        report(Progress(done, len(waiting), str(document_id)))
        text = recognise_document(session, document_id, cancel)
        with session.reading() as db:
            pages = store.pages_of(db, document_id)
        if any(page.problem for page in pages):
            summary.failed.append(document_id)
        elif text:
            summary.read.append(document_id)
        else:
            summary.no_text.append(document_id)
    report(Progress(len(waiting), len(waiting), ""))
    return summary


@dataclass(frozen=True)
class DocumentText:
    """What the viewer lays over a document and offers to copy or correct."""

    pages: tuple[store.RecognisedPage, ...]
    text: str
    corrected: bool

    @property
    def recognised(self) -> bool:
        return bool(self.pages)


def document_text(session: BinderSession, document_id: int) -> DocumentText:
    with session.reading() as db:
        pages = store.pages_of(db, document_id)
        text, corrected = store.document_text(db, document_id)
    return DocumentText(tuple(pages), text, corrected)


def dates_in_document(session: BinderSession, document_id: int) -> list[FoundDate]:
    """Every date the document's text names (reading order), for the family to pick the
    document's own when the suggestion took the wrong one (an admission date)."""
    with session.reading() as db:
        text, _corrected = store.document_text(db, document_id)
    return dates_in(text, clock.today()) if text else []


def correct_text(session: BinderSession, document_id: int, text: str) -> None:
    """The family's reading of the document: what search finds and the bundle carries."""
    with session.writing(Changed.DOCUMENTS, ids=[document_id]) as db:
        store.correct_text(db, document_id, text, timestamp())


def recognised_words(session: BinderSession, document_id: int) -> list[Word]:
    """The words read on a photo or scanned page, each with its place as fractions of the page
    as shown (EXIF applied), so redaction can propose boxes over a photographed report too."""
    with session.reading() as db:
        pages = store.pages_of(db, document_id)
    words: list[Word] = []
    for page in pages:
        if page.width <= 0 or page.height <= 0:
            continue
        for line in page.lines:
            text, cursor = str(line.get("text", "")), 0
            for index, word in enumerate(line.get("words") or [line]):
                found = text.find(str(word["text"]), cursor)
                # Joined to the word before when nothing separates them in the line's text
                # (Chinese characters come one by one); the first word of a line starts anew.
                spaced = index == 0 or found < 0 or text[cursor:found] != ""
                cursor = found + len(str(word["text"])) if found >= 0 else cursor
                xs = [float(x) for x, _y in word["box"]]
                ys = [float(y) for _x, y in word["box"]]
                words.append(
                    Word(
                        page.page,
                        str(word["text"]),
                        min(xs) / page.width,
                        min(ys) / page.height,
                        max(xs) / page.width,
                        max(ys) / page.height,
                        joined=not spaced,
                    )
                )
    return words
