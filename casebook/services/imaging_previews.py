"""Pictures of the imaging for the screen: series thumbnails (cached, encrypted) and frames.

Every decode runs in the isolated worker from bytes decrypted in memory; nothing is written
outside the binder. A series is shown by its middle slice (the representative image most
viewers pick). Thumbnails are kept as PNG in the binder's `thumbnails` table, keyed by the
instance's content hash, with the reason when none could be made, so a file that cannot be
decoded is tried once, not each time the page is opened.
"""

from __future__ import annotations

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
from casebook.imaging.tag_list import TagRow, dicom_tag_rows
from casebook.imaging.thumbnail import Pixels, dicom_thumbnail
from casebook.services.binder import BinderSession
from casebook.services.imaging_records import list_instances, read_instance_bytes
from casebook.services.isolation import IsolatedWorker, shared_worker
from casebook.services.previews import Preview, cached_or_made
from casebook.store.imaging import InstanceRecord

SERIES_THUMBNAIL_SIZE = 160

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
    "presets_for",
    "read_frame",
    "read_tags",
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
) -> Preview:
    """The cached thumbnail of one image, made in the worker and stored on first request."""

    def make() -> Pixels:
        data = read_instance_bytes(session, instance)
        return (worker or shared_worker()).call(dicom_thumbnail, data, size)

    return cached_or_made(session, instance.content_sha256, thumbnail_variant(size), make)


def series_thumbnail(
    session: BinderSession,
    series_id: int,
    size: int = SERIES_THUMBNAIL_SIZE,
    worker: IsolatedWorker | None = None,
) -> Preview:
    """The thumbnail of the series' representative (middle) image."""
    chosen = representative_instance(list_instances(session, series_id))
    if chosen is None:
        return Preview(None, "no images in this series")
    return instance_thumbnail(session, chosen, size, worker)


def read_frame(
    session: BinderSession,
    instance: InstanceRecord,
    frame: int = 0,
    worker: IsolatedWorker | None = None,
) -> DecodedFrame:
    """One frame at full resolution in modality units (raises DicomUnreadable saying why)."""
    data = read_instance_bytes(session, instance)
    return (worker or shared_worker()).call(decode_frame, data, frame)


def read_tags(
    session: BinderSession, instance: InstanceRecord, worker: IsolatedWorker | None = None
) -> list[TagRow]:
    """Every attribute of the file except the pixel data, for the tag panel."""
    data = read_instance_bytes(session, instance)
    return (worker or shared_worker()).call(dicom_tag_rows, data)
