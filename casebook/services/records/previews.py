"""Pictures of documents for the screen: thumbnails (cached, encrypted) and full pages.

Every decode of a stored file runs in the isolated worker, from bytes decrypted in memory;
nothing is written outside the binder. Thumbnails are kept as PNG in the binder's
`thumbnails` table, with the reason when none could be made, so a broken file is decoded
once, not every time the list scrolls.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image

from casebook.core.changes import Changed
from casebook.core.errors import CasebookError
from casebook.core.model import Document
from casebook.importers.pdf_pages import pdf_page_count, render_pdf_page
from casebook.importers.picture import render_picture
from casebook.services.binder.session import BinderSession
from casebook.services.isolation import IsolatedWorker, shared_worker
from casebook.services.records.previewable import can_preview
from casebook.store.blobs import read_blob
from casebook.store.thumbnails import CachedPicture, cached_picture, remember_picture

THUMBNAIL_VARIANT = "thumb256"
THUMBNAIL_PIXELS = 256 * 256
PAGE_PIXELS = 4_000_000
Pixels = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Preview:
    """A thumbnail as PNG bytes, or the reason there is none.

    `unsaved` names the cache entry (content hash, variant) of a picture made but not yet kept
    in the binder: a reader thread cannot write, so it hands the picture to
    `remember_preview`, which the writer lane runs.
    """

    png: bytes | None
    problem: str = ""
    unsaved: tuple[str, str] | None = None


def render_page(
    session: BinderSession,
    document: Document,
    page: int = 0,
    max_pixels: int = PAGE_PIXELS,
    worker: IsolatedWorker | None = None,
) -> Pixels:
    """One page of a PDF, or the picture itself, as RGB pixels (raises CasebookError)."""
    with session.reading() as db:
        data = read_blob(db, document.content_sha256)
    isolated = worker or shared_worker()
    if document.media_type == "application/pdf":
        return isolated.call(render_pdf_page, data, page, max_pixels)
    if document.media_type.startswith("image/"):
        return isolated.call(render_picture, data, max_pixels)
    raise UnsupportedPreview(document.media_type)


def page_count(
    session: BinderSession, document: Document, worker: IsolatedWorker | None = None
) -> int:
    if document.media_type != "application/pdf":
        return 1
    with session.reading() as db:
        data = read_blob(db, document.content_sha256)
    return (worker or shared_worker()).call(pdf_page_count, data)


@dataclass
class UnsupportedPreview(CasebookError):
    media_type: str


def png_bytes(pixels: Pixels) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def cached_or_made(
    session: BinderSession,
    sha256: str,
    variant: str,
    make: Callable[[], Pixels | bytes],
    *,
    store: bool = True,
) -> Preview:
    """The picture cached in the binder for (`sha256`, `variant`), or made by `make()` (which
    decodes in the worker and returns pixels or PNG bytes) — with the reason when it could not
    be made. A made picture is cached at once when `store`; otherwise it comes back `unsaved`
    for `remember_preview`."""
    with session.reading() as db:
        cached = cached_picture(db, sha256, variant)
    if cached is not None:
        return Preview(cached.png, cached.problem)
    try:
        made = make()
        png = made if isinstance(made, bytes) else png_bytes(made)
        preview = Preview(png, unsaved=(sha256, variant))
    except CasebookError as error:
        preview = Preview(None, str(error), unsaved=(sha256, variant))
    if store:
        remember_preview(session, preview)
        return Preview(preview.png, preview.problem)
    return preview


def remember_preview(session: BinderSession, preview: Preview) -> None:
    """Keep a freshly made picture (or why none could be made) in the binder's cache."""
    remember_previews(session, [preview])


def remember_previews(session: BinderSession, previews: list[Preview]) -> None:
    """Keep freshly made pictures in the binder's cache, all in one transaction."""
    unsaved = [preview for preview in previews if preview.unsaved is not None]
    if not unsaved:
        return
    with session.writing(Changed.THUMBNAILS) as db:
        for preview in unsaved:
            assert preview.unsaved is not None
            sha256, variant = preview.unsaved
            remember_picture(db, sha256, variant, CachedPicture(preview.png, preview.problem))


def document_thumbnail(
    session: BinderSession,
    document: Document,
    worker: IsolatedWorker | None = None,
    *,
    store: bool = True,
) -> Preview:
    """The cached thumbnail, made (in the worker) on first request and stored (see
    `cached_or_made` for `store`)."""
    if not can_preview(document.media_type):
        return Preview(None, "no preview for this kind of file")
    return cached_or_made(
        session,
        document.content_sha256,
        THUMBNAIL_VARIANT,
        lambda: render_page(session, document, 0, THUMBNAIL_PIXELS, worker),
        store=store,
    )
