"""Reading and annotating the imaging in a binder: studies, series, instances, key images."""

from __future__ import annotations

from dataclasses import dataclass

from casebook.core.changes import Changed
from casebook.core.model import ImagingStudy
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.store import imaging as imaging_store
from casebook.store.blobs import read_blob
from casebook.store.imaging import InstanceRecord, SeriesRecord, TrashedImaging

__all__ = [
    "InstanceRecord",
    "KeptSeries",
    "SeriesRecord",
    "TrashedImaging",
    "find_series",
    "find_study",
    "instance_by_id",
    "kept_series",
    "link_report",
    "list_imaging_trash",
    "list_instances",
    "list_series",
    "list_studies",
    "read_instance_bytes",
    "remove_images",
    "remove_series",
    "remove_study",
    "restore_imaging",
    "set_key_image",
    "study_of_series",
]


def list_studies(session: BinderSession) -> list[ImagingStudy]:
    with session.reading() as db:
        return imaging_store.list_studies(db)


def list_series(session: BinderSession, study_id: int) -> list[SeriesRecord]:
    with session.reading() as db:
        return imaging_store.list_series(db, study_id)


def list_instances(session: BinderSession, series_id: int) -> list[InstanceRecord]:
    with session.reading() as db:
        return imaging_store.list_instances(db, series_id)


def instance_by_id(session: BinderSession, instance_id: int) -> InstanceRecord:
    with session.reading() as db:
        found = imaging_store.get_instance(db, instance_id)
    if found is None:
        raise KeyError(instance_id)
    return found


def read_instance_bytes(session: BinderSession, instance: InstanceRecord) -> bytes:
    """The original DICOM file, decrypted into memory only."""
    with session.reading() as db:
        return read_blob(db, instance.content_sha256)


def link_report(session: BinderSession, study_id: int, document_id: int | None) -> None:
    """Attach the radiology report document to its study (None unlinks)."""
    with session.writing(Changed.IMAGING, Changed.DOCUMENTS, ids=[study_id]) as db:
        imaging_store.link_report(db, study_id, document_id)


def set_key_image(session: BinderSession, instance_id: int, is_key: bool) -> None:
    with session.writing(Changed.IMAGING, ids=[instance_id]) as db:
        imaging_store.set_key_image(db, instance_id, is_key)


# Removing what should not be there --------------------------------------------------------

_REMOVED = (Changed.IMAGING, Changed.SLOTS)


def remove_study(session: BinderSession, study_id: int) -> int:
    """Move a whole study to the trash; returns 1 if it was there to move."""
    with session.writing(*_REMOVED) as db:
        return imaging_store.set_trashed(db, "study", [study_id], timestamp())


def remove_series(session: BinderSession, series_ids: list[int]) -> int:
    """Move whole series to the trash (say, what a cancelled import kept)."""
    with session.writing(*_REMOVED) as db:
        return imaging_store.set_trashed(db, "series", series_ids, timestamp())


def remove_images(session: BinderSession, instance_ids: list[int]) -> int:
    """Move single images to the trash."""
    with session.writing(*_REMOVED) as db:
        return imaging_store.set_trashed(db, "image", instance_ids, timestamp())


def restore_imaging(session: BinderSession, level: str, row_id: int) -> int:
    """Bring a study, series or image ("study" | "series" | "image") back from the trash."""
    with session.writing(*_REMOVED) as db:
        return imaging_store.set_trashed(db, level, [row_id], None)


def list_imaging_trash(session: BinderSession) -> list[TrashedImaging]:
    with session.reading() as db:
        return imaging_store.list_trashed_imaging(db)


def find_study(session: BinderSession, study_uid: str) -> int | None:
    """The id of the study with this Study Instance UID, in the trash or not."""
    with session.reading() as db:
        return imaging_store.study_id_by_uid(db, study_uid)


def study_of_series(session: BinderSession, series_id: int) -> int | None:
    with session.reading() as db:
        row = db.execute("SELECT study_id FROM imaging_series WHERE id = ?", [series_id]).fetchone()
    return None if row is None else int(row[0])


def find_series(session: BinderSession, series_uid: str) -> int | None:
    """The id of the series with this Series Instance UID, in the trash or not."""
    with session.reading() as db:
        return imaging_store.series_id_by_uid(db, series_uid)


@dataclass(frozen=True)
class KeptSeries:
    """A series an import touched: how many images the media listed, how many are stored."""

    series_id: int
    series_uid: str
    description: str
    modality: str
    listed: int
    kept: int

    @property
    def is_partial(self) -> bool:
        return 0 < self.kept < self.listed


def kept_series(session: BinderSession, listed: dict[str, int]) -> list[KeptSeries]:
    """For series UIDs found on the media (with their image counts there), what the binder now
    holds of each — after a cancelled import, what was kept. Series with nothing kept are left
    out."""
    kept: list[KeptSeries] = []
    with session.reading() as db:
        for series_uid, count in listed.items():
            row = db.execute(
                """SELECT se.id, se.description, se.modality,
                          (SELECT count(*) FROM live_imaging_instances i
                             WHERE i.series_id = se.id)
                   FROM imaging_series se WHERE se.series_uid = ?""",
                [series_uid],
            ).fetchone()
            if row is not None and int(row[3]) > 0:
                kept.append(
                    KeptSeries(
                        int(row[0]), series_uid, str(row[1]), str(row[2]), count, int(row[3])
                    )
                )
    return kept
