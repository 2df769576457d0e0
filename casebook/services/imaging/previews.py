"""Pictures of the imaging for the screen: series thumbnails (cached, encrypted) and frames.

Every decode runs in the worker pool from bytes decrypted in memory; nothing is written
outside the binder. A series is shown by its middle slice (the representative image most
viewers pick). Thumbnails are made as PNG in the worker (only what a small picture needs is
decoded, see `imaging.thumbnail`) and kept in the binder's `thumbnails` table, keyed by the
instance's content hash, with the reason when none could be made, so a file that cannot be
decoded is tried once, not each time the page is opened. Many thumbnails at once
(`instance_thumbnails`) are made on every worker in parallel, several per round trip, and
stored in one transaction. An image too large to preview is not pulled into memory at all.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future

from casebook.core.errors import CasebookError
from casebook.imaging.dicom_frames import (
    PRESET_WINDOWS,
    DecodedFrame,
    Window,
    WindowPreset,
    apply_window,
    decode_frame,
    presets_for,
)
from casebook.imaging.errors import DicomProblem, DicomUnreadable
from casebook.imaging.frame_parts import (
    FrameLayout,
    decode_frame_part,
    native_frame_layout,
    thumbnail_png_of_part,
)
from casebook.imaging.tag_list import TagRow, dicom_tag_rows
from casebook.imaging.thumbnail import dicom_thumbnail_png
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.records import list_instances, read_instance_bytes
from casebook.services.isolation import IsolatedWorker, Outcome, WorkerPool, shared_worker
from casebook.services.records.previews import (
    Preview,
    cached_or_made,
    remember_preview,
    remember_previews,
)
from casebook.store.blobs import read_blob_range
from casebook.store.imaging import InstanceRecord
from casebook.store.thumbnails import cached_picture

SERIES_THUMBNAIL_SIZE = 160
# A thumbnail decodes one frame. A file larger than this (a long ultrasound loop, a whole
# slide) is never decrypted whole for a thumbnail: its header and the one frame are read
# (`frame_parts`), or, when its pixels are compressed, there is no thumbnail.
MAX_THUMBNAIL_SOURCE_BYTES = 256 * 1024 * 1024
# The viewer reads files up to this size whole; larger uncompressed ones frame by frame.
WHOLE_FILE_BYTES = 64 * 1024 * 1024
HEAD_BYTES = 16 * 1024 * 1024  # enough for any real header (enhanced multi-frame: a few MB)
MAX_FRAME_BYTES = 512 * 1024 * 1024
THUMBNAILS_PER_ROUND_TRIP = 8
TOO_LARGE = "too large for a preview"

__all__ = [
    "PRESET_WINDOWS",
    "SERIES_THUMBNAIL_SIZE",
    "DecodedFrame",
    "DicomProblem",
    "DicomUnreadable",
    "Preview",
    "TagRow",
    "Window",
    "WindowPreset",
    "apply_window",
    "instance_thumbnail",
    "instance_thumbnails",
    "presets_for",
    "read_frame",
    "read_tags",
    "remember_preview",
    "remember_previews",
    "representative_instance",
    "series_thumbnail",
    "thumbnail_variant",
]


def thumbnail_variant(size: int) -> str:
    return f"dicom{size}"


def representative_instance(instances: list[InstanceRecord]) -> InstanceRecord | None:
    """The middle image of a series (in instance-number order), preferring files with pixels."""
    with_image = [instance for instance in instances if instance.has_image] or instances
    return with_image[len(with_image) // 2] if with_image else None


def instance_thumbnail(
    session: BinderSession,
    instance: InstanceRecord,
    size: int = SERIES_THUMBNAIL_SIZE,
    worker: IsolatedWorker | None = None,
    *,
    store: bool = True,
) -> Preview:
    """The cached thumbnail of one image, made in the worker on first request and stored
    (see `cached_or_made` for `store`)."""

    def make() -> bytes:
        pool = worker or shared_worker()
        if instance.size > MAX_THUMBNAIL_SOURCE_BYTES:
            return _large_thumbnail(session, instance, size, pool)
        data = read_instance_bytes(session, instance)
        return pool.call(dicom_thumbnail_png, data, size)

    variant = thumbnail_variant(size)
    return cached_or_made(session, instance.content_sha256, variant, make, store=store)


def instance_thumbnails(
    session: BinderSession,
    instances: list[InstanceRecord],
    size: int = SERIES_THUMBNAIL_SIZE,
    worker: WorkerPool | None = None,
    *,
    store: bool = True,
) -> list[Preview]:
    """Thumbnails of many images (in their order): cached ones read in one transaction, the
    rest made on every worker at once, several per round trip, and — when `store` — kept in
    one transaction (else they come back `unsaved`, for the writer lane)."""
    pool = worker or shared_worker()
    variant = thumbnail_variant(size)
    previews: list[Preview | None] = [None] * len(instances)
    missing: list[int] = []
    with session.reading() as db:
        for index, instance in enumerate(instances):
            cached = cached_picture(db, instance.content_sha256, variant)
            if cached is not None:
                previews[index] = Preview(cached.png, cached.problem)
            elif instance.size > MAX_THUMBNAIL_SOURCE_BYTES:
                previews[index] = _large_preview(session, instance, size, pool)
            else:
                missing.append(index)
    batches = [
        missing[start : start + THUMBNAILS_PER_ROUND_TRIP]
        for start in range(0, len(missing), THUMBNAILS_PER_ROUND_TRIP)
    ]
    in_flight: deque[tuple[list[int], Future[list[Outcome[bytes]]]]] = deque()

    def collect(batch: list[int], future: Future[list[Outcome[bytes]]]) -> None:
        for index, outcome in zip(batch, future.result(), strict=True):
            key = (instances[index].content_sha256, variant)
            if outcome.error is None:
                previews[index] = Preview(outcome.value, unsaved=key)
            else:
                previews[index] = Preview(None, str(outcome.error), unsaved=key)

    for batch in batches:  # decrypt a batch, hand it to the next free worker, go on
        items = [(read_instance_bytes(session, instances[i]), size) for i in batch]
        in_flight.append((batch, pool.submit(dicom_thumbnail_png, items)))
        if len(in_flight) > 2 * pool.size:  # bounded: a few batches of bytes in memory
            collect(*in_flight.popleft())
    while in_flight:
        collect(*in_flight.popleft())
    made = [preview for preview in previews if preview is not None]
    if store:
        remember_previews(session, made)
        return [Preview(preview.png, preview.problem) for preview in made]
    return made


def series_thumbnail(
    session: BinderSession,
    series_id: int,
    size: int = SERIES_THUMBNAIL_SIZE,
    worker: IsolatedWorker | None = None,
    *,
    store: bool = True,
) -> Preview:
    """The thumbnail of the series' representative (middle) image."""
    chosen = representative_instance(list_instances(session, series_id))
    if chosen is None:
        return Preview(None, "no images in this series")
    return instance_thumbnail(session, chosen, size, worker, store=store)


def _frame_part(
    session: BinderSession, instance: InstanceRecord, frame: int | None, pool: WorkerPool
) -> tuple[bytes, FrameLayout, bytes] | None:
    """The header and one frame's bytes of a large uncompressed file (None: compressed).
    `frame` None: the middle frame. The layout comes from the worker and is checked here."""
    with session.reading() as db:
        head = read_blob_range(db, instance.content_sha256, 0, HEAD_BYTES)
    layout = pool.call(native_frame_layout, head)
    if not isinstance(layout, FrameLayout) or layout.frames < 1:
        return None
    index = layout.frames // 2 if frame is None else min(max(0, frame), layout.frames - 1)
    start = layout.value_offset + index * layout.frame_length
    if not (
        0 < layout.header_length <= layout.value_offset <= len(head)
        and 0 < layout.frame_length <= MAX_FRAME_BYTES
        and start + layout.frame_length <= instance.size
    ):
        return None
    with session.reading() as db:
        frame_bytes = read_blob_range(db, instance.content_sha256, start, layout.frame_length)
    return head[: layout.header_length], layout, frame_bytes


def _large_thumbnail(
    session: BinderSession, instance: InstanceRecord, size: int, pool: WorkerPool
) -> bytes:
    part = _frame_part(session, instance, None, pool)
    if part is None:
        raise DicomUnreadable(DicomProblem.DAMAGED, TOO_LARGE)
    header, layout, frame_bytes = part
    return pool.call(thumbnail_png_of_part, header, layout, frame_bytes, size)


def _large_preview(
    session: BinderSession, instance: InstanceRecord, size: int, pool: WorkerPool
) -> Preview:
    key = (instance.content_sha256, thumbnail_variant(size))
    try:
        return Preview(_large_thumbnail(session, instance, size, pool), unsaved=key)
    except CasebookError as error:
        return Preview(None, str(error) if str(error) else TOO_LARGE, unsaved=key)


def read_frame(
    session: BinderSession,
    instance: InstanceRecord,
    frame: int = 0,
    worker: IsolatedWorker | None = None,
) -> DecodedFrame:
    """One frame at full resolution in modality units (raises DicomUnreadable saying why).

    A large uncompressed file is not decrypted whole: only its header and that frame."""
    pool = worker or shared_worker()
    if instance.size > WHOLE_FILE_BYTES:
        part = _frame_part(session, instance, frame, pool)
        if part is not None:
            header, layout, frame_bytes = part
            return pool.call(decode_frame_part, header, layout, frame_bytes, frame)
    data = read_instance_bytes(session, instance)
    return pool.call(decode_frame, data, frame)


def read_tags(
    session: BinderSession, instance: InstanceRecord, worker: IsolatedWorker | None = None
) -> list[TagRow]:
    """Every attribute of the file except the pixel data, for the tag panel."""
    data = read_instance_bytes(session, instance)
    return (worker or shared_worker()).call(dicom_tag_rows, data)
