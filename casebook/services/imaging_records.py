"""Reading and annotating the imaging in a binder: studies, series, instances, key images."""

from __future__ import annotations

from casebook.core.model import ImagingStudy
from casebook.services.binder import BinderSession
from casebook.store import imaging as imaging_store
from casebook.store.blobs import read_blob
from casebook.store.database import classified_errors, transaction
from casebook.store.imaging import InstanceRecord, SeriesRecord

__all__ = [
    "InstanceRecord",
    "SeriesRecord",
    "instance_by_id",
    "link_report",
    "list_instances",
    "list_series",
    "list_studies",
    "read_instance_bytes",
    "set_key_image",
]


def list_studies(session: BinderSession) -> list[ImagingStudy]:
    with classified_errors(session.folder):
        return imaging_store.list_studies(session.database())


def list_series(session: BinderSession, study_id: int) -> list[SeriesRecord]:
    with classified_errors(session.folder):
        return imaging_store.list_series(session.database(), study_id)


def list_instances(session: BinderSession, series_id: int) -> list[InstanceRecord]:
    with classified_errors(session.folder):
        return imaging_store.list_instances(session.database(), series_id)


def instance_by_id(session: BinderSession, instance_id: int) -> InstanceRecord:
    with classified_errors(session.folder):
        found = imaging_store.get_instance(session.database(), instance_id)
    if found is None:
        raise KeyError(instance_id)
    return found


def read_instance_bytes(session: BinderSession, instance: InstanceRecord) -> bytes:
    """The original DICOM file, decrypted into memory only."""
    with classified_errors(session.folder):
        return read_blob(session.database(), instance.content_sha256)


def link_report(session: BinderSession, study_id: int, document_id: int | None) -> None:
    """Attach the radiology report document to its study (None unlinks)."""
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        imaging_store.link_report(db, study_id, document_id)


def set_key_image(session: BinderSession, instance_id: int, is_key: bool) -> None:
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        imaging_store.set_key_image(db, instance_id, is_key)
