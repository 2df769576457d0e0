"""Importing files and folders into the binder as documents.

Each file is its own unit of work: its bytes are staged in chunks while hashing and become
visible, with their document record, in one final small transaction. So a crash, a pulled USB
stick or a cancel loses at most the file in progress, and one bad file never stops the batch.
Identical content is recognised by SHA-256 and reported as already there.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from casebook.core.errors import CasebookError, FileProblem, FileRefused
from casebook.core.model import Document, PartialDate, SlotKind
from casebook.core.progress import CancelToken, Progress, Report
from casebook.core.suggestions import suggest_date, suggest_slot
from casebook.importers.pdf_pages import PdfPasswordProtected, PdfUnreadable, extract_pdf_text
from casebook.importers.sniff import sniff_media_type
from casebook.services.binder import BinderSession
from casebook.services.clock import timestamp
from casebook.services.file_walk import expand_paths, readable_name
from casebook.services.imaging_import import (
    FoundInstance,
    MediaFile,
    import_instance,
    read_instance_header,
)
from casebook.services.isolation import UntrustedFileFailed, shared_worker
from casebook.store import blobs, documents, slots
from casebook.store.database import classified_errors, transaction

SNIFF_BYTES = 8192
MAX_INDEXED_TEXT_BYTES = 2 * 1024 * 1024
MAX_PDF_TEXT_BYTES = 100 * 1024 * 1024
MAX_PDF_TEXT_PAGES = 500


@dataclass
class ImportSummary:
    added: list[Document] = field(default_factory=list)
    duplicates: list[tuple[Path, Document]] = field(default_factory=list)
    refused: list[FileRefused] = field(default_factory=list)
    images_added: int = 0  # DICOM files, filed under their imaging study
    images_already_there: int = 0
    # Stored as they are, but the MDT will need their password: the family should be told.
    password_protected: list[Document] = field(default_factory=list)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _open_for_import(path: Path) -> tuple[BinaryIO, int]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    except FileNotFoundError:
        raise FileRefused(path, FileProblem.VANISHED) from None
    except IsADirectoryError:
        raise FileRefused(path, FileProblem.NOT_A_FILE) from None
    except OSError as error:
        raise FileRefused(path, FileProblem.UNREADABLE, error.strerror or "") from None
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode):
        handle.close()
        raise FileRefused(path, FileProblem.NOT_A_FILE)
    if info.st_size == 0:
        handle.close()
        raise FileRefused(path, FileProblem.EMPTY)
    return handle, info.st_size


def _hash_stream(stream: BinaryIO, cancel: CancelToken) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(blobs.CHUNK_SIZE):
        cancel.raise_if_cancelled()
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def _indexable_text(media_type: str, size: int, stream: BinaryIO) -> str:
    """Plain text files are searchable straight away; PDFs get text in the records importer."""
    if media_type != "text/plain" or size > MAX_INDEXED_TEXT_BYTES:
        return ""
    stream.seek(0)
    data = stream.read()
    stream.seek(0)
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return ""


def _pdf_text(data: bytes) -> tuple[str, bool]:
    """Text for search, extracted in the isolated worker, and whether the PDF is locked by a
    password. A PDF that resists is still kept: the original bytes are what matter."""
    try:
        return shared_worker().call(extract_pdf_text, data, MAX_PDF_TEXT_PAGES), False
    except PdfPasswordProtected:
        return "", True
    except (PdfUnreadable, UntrustedFileFailed):
        return "", False


def _suggested_placement(
    media_type: str, name: str, text: str
) -> tuple[SlotKind, PartialDate | None, bool]:
    """Slot and date Casebook proposes, and whether the user should review them."""
    if media_type == "application/dicom":
        return SlotKind.IMAGING, None, False
    suggestion = suggest_slot(text, name)
    found_date = suggest_date(text, date.today()) if text else None
    slot = suggestion.slot if suggestion else SlotKind.OTHER
    return slot, found_date, bool(suggestion or found_date)


def import_file(
    session: BinderSession,
    path: Path,
    slot: SlotKind | None,
    cancel: CancelToken,
    bytes_done: Callable[[int], None] | None = None,
) -> tuple[Document, bool]:
    """Import one file; returns its document and whether it was new (False: already there)."""
    db = session.database()
    handle, size = _open_for_import(path)
    with handle, classified_errors(session.folder):
        try:
            head = handle.read(SNIFF_BYTES)
            handle.seek(0)
            media_type = sniff_media_type(head)
            text = _indexable_text(media_type, size, handle)
            source: BinaryIO = handle
            locked = False
            if media_type == "application/pdf" and size <= MAX_PDF_TEXT_BYTES:
                data = handle.read()
                text, locked = _pdf_text(data)
                source = io.BytesIO(data)  # stored bytes are exactly the bytes read
            if blobs.ready_blob_of_size_exists(db, size):
                existing = documents.find_document_by_content(db, _hash_stream(source, cancel))
                if existing is not None:
                    return existing, False
            staged = blobs.stage_blob(db, source, timestamp(), cancel, bytes_done)
        except OSError as error:
            # The source failed under us (USB stick pulled, network share gone).
            raise FileRefused(path, FileProblem.VANISHED, error.strerror or "") from None
        if staged.size != size:
            with transaction(db):
                db.execute("DELETE FROM blobs WHERE id = ?", [staged.blob_id])
            raise FileRefused(path, FileProblem.UNREADABLE, "changed while it was read")
        name = readable_name(path)
        suggested_slot, suggested_date, review = _suggested_placement(media_type, name, text)
        target_slot = slot or suggested_slot
        now = timestamp()
        with transaction(db):
            blobs.finish_blob(db, staged)
            existing = documents.find_document_by_content(db, staged.sha256)
            if existing is not None:
                return existing, False
            document = documents.insert_document(
                db,
                documents.NewDocument(
                    title=Path(name).stem or name,
                    slot=target_slot,
                    original_name=name,
                    media_type=media_type,
                    size=staged.size,
                    content_sha256=staged.sha256,
                    document_date=suggested_date,
                    extracted_text=text,
                    needs_review=review,
                    password_protected=locked,
                ),
                now,
            )
            slots.mark_received_if_missing(db, target_slot, now)
    return document, True


def _import_if_dicom_image(session: BinderSession, path: Path, cancel: CancelToken) -> bool | None:
    """File a DICOM image under its study; None when `path` is not a readable DICOM instance
    (it is then kept as a document, so nothing offered is ever lost)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None  # import_file reports the problem
    if sniff_media_type(head) != "application/dicom":
        return None
    media = MediaFile(path)
    try:
        summary = read_instance_header(media)
    except CasebookError:
        return None
    return import_instance(session, FoundInstance(media, summary), cancel)


def import_paths(
    session: BinderSession,
    paths: Sequence[Path],
    slot: SlotKind | None,
    report: Report,
    cancel: CancelToken,
    on_file_done: Callable[[Path, bool], None] | None = None,
) -> ImportSummary:
    """Import files and folders. Binder-level failures (full disk, damage) stop the batch;
    a problem with one file is recorded in `refused` and the batch carries on.

    `on_file_done(path, is_new)` is called after each file is committed to the binder."""
    files = list(expand_paths(paths))
    binder_folder = session.folder.resolve()
    total = sum(_file_size(path) for path in files)
    summary = ImportSummary()
    finished_bytes = 0
    for path in files:
        cancel.raise_if_cancelled()
        item = readable_name(path)
        report(Progress(finished_bytes, total, item))

        def progress_within(done: int, base: int = finished_bytes, name: str = item) -> None:
            report(Progress(base + done, total, name))

        try:
            if path.resolve().is_relative_to(binder_folder):
                # The binder's own files would be imported into themselves.
                raise FileRefused(path, FileProblem.PART_OF_BINDER)
            image_added = _import_if_dicom_image(session, path, cancel)
            if image_added is not None:
                if image_added:
                    summary.images_added += 1
                else:
                    summary.images_already_there += 1
                if on_file_done is not None:
                    on_file_done(path, image_added)
                finished_bytes += _file_size(path)
                continue
            document, is_new = import_file(session, path, slot, cancel, progress_within)
        except FileRefused as refusal:
            summary.refused.append(refusal)
        else:
            if is_new:
                summary.added.append(document)
                if document.password_protected:
                    summary.password_protected.append(document)
            else:
                summary.duplicates.append((path, document))
            if on_file_done is not None:
                on_file_done(path, is_new)
        finished_bytes += _file_size(path)
    report(Progress(total, total, ""))
    return summary
