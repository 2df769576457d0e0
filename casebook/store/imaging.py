"""Imaging records: studies, series and instances (each instance points at its original bytes).

Instances are unique by SOP Instance UID, which is how a re-imported disc adds nothing twice.
A study, a series or an image can be moved to the trash (`deleted_at`) and back; what is not in
the trash is read through the `live_imaging_*` views, so every count agrees on it. An image in
the trash still counts as present for a re-import (it is restored from the trash, not imported
twice).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlite_utils

from casebook.core.model import ImagingStudy, PartialDate
from casebook.core.preflight import SeriesFacts
from casebook.core.slice_order import SlicePlacement


@dataclass(frozen=True)
class NewInstance:
    """What the header of one DICOM file says, ready to be filed."""

    study_uid: str
    study_date: PartialDate | None
    study_description: str
    institution: str
    accession_number: str
    patient_name: str
    patient_id: str
    patient_birth_date: PartialDate | None
    series_uid: str
    series_number: int | None
    modality: str
    series_description: str
    sop_instance_uid: str
    sop_class_uid: str
    instance_number: int | None
    transfer_syntax_uid: str
    rows: int | None
    columns: int | None
    frames: int
    original_name: str
    content_sha256: str
    size: int
    placement: SlicePlacement = field(default_factory=SlicePlacement)


@dataclass(frozen=True)
class SeriesRecord:
    id: int
    study_id: int
    series_uid: str
    series_number: int | None
    modality: str
    description: str
    image_count: int


@dataclass(frozen=True)
class InstanceRecord:
    id: int
    series_id: int
    sop_instance_uid: str
    instance_number: int | None
    content_sha256: str
    size: int
    frames: int
    has_image: bool
    is_key_image: bool
    placement: SlicePlacement | None = None  # None: filed before Casebook kept it (read later)


def instance_exists(db: sqlite_utils.Database, sop_instance_uid: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM imaging_instances WHERE sop_instance_uid = ?", [sop_instance_uid]
    ).fetchone()
    return row is not None


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def _study_id(db: sqlite_utils.Database, new: NewInstance, now: str) -> int:
    row = db.execute(
        "SELECT id, modalities FROM imaging_studies WHERE study_uid = ?", [new.study_uid]
    ).fetchone()
    if row is not None:
        study_id, modalities = int(row[0]), str(row[1])
        known = [m for m in modalities.split(",") if m]
        if new.modality and new.modality not in known:
            db.execute(
                "UPDATE imaging_studies SET modalities = ? WHERE id = ?",
                [",".join([*known, new.modality]), study_id],
            )
        return study_id
    cursor = db.execute(
        """INSERT INTO imaging_studies(study_uid, study_date, description, modalities,
               institution, accession_number, patient_name, patient_id, patient_birth_date,
               added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            new.study_uid,
            _iso(new.study_date),
            new.study_description,
            new.modality,
            new.institution,
            new.accession_number,
            new.patient_name,
            new.patient_id,
            _iso(new.patient_birth_date),
            now,
        ],
    )
    return int(cursor.lastrowid or 0)


def _series_id(db: sqlite_utils.Database, new: NewInstance, study_id: int) -> int:
    row = db.execute(
        "SELECT id FROM imaging_series WHERE series_uid = ?", [new.series_uid]
    ).fetchone()
    if row is not None:
        return int(row[0])
    cursor = db.execute(
        """INSERT INTO imaging_series(study_id, series_uid, series_number, modality, description)
           VALUES (?, ?, ?, ?, ?)""",
        [study_id, new.series_uid, new.series_number, new.modality, new.series_description],
    )
    return int(cursor.lastrowid or 0)


def insert_instance(db: sqlite_utils.Database, new: NewInstance, now: str) -> bool:
    """File one instance under its study and series; False if its UID was already there."""
    if instance_exists(db, new.sop_instance_uid):
        return False
    series_id = _series_id(db, new, _study_id(db, new, now))
    db.execute(
        """INSERT INTO imaging_instances(series_id, sop_instance_uid, sop_class_uid,
               instance_number, transfer_syntax_uid, rows, columns, frames, original_name,
               content_sha256, size, image_position, image_orientation, acquired,
               frame_order, placement_read)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""",
        [
            series_id,
            new.sop_instance_uid,
            new.sop_class_uid,
            new.instance_number,
            new.transfer_syntax_uid,
            new.rows,
            new.columns,
            new.frames,
            new.original_name,
            new.content_sha256,
            new.size,
            *_placement_columns(new.placement),
        ],
    )
    return True


def _placement_columns(placement: SlicePlacement) -> list[str | None]:
    """image_position, image_orientation, acquired, frame_order as stored."""

    def numbers(values: tuple[float, ...] | None) -> str | None:
        return "\\".join(repr(value) for value in values) if values is not None else None

    order = placement.frame_order
    return [
        numbers(placement.position),
        numbers(placement.orientation),
        placement.acquired,
        json.dumps(list(order)) if order is not None else None,
    ]


def _placement(row: tuple[object, ...]) -> SlicePlacement | None:
    """The placement from (image_position, image_orientation, acquired, frame_order,
    placement_read); None when it has not been read yet."""
    position, orientation, acquired, order, read = row
    if not read:
        return None

    def numbers(text: object, count: int) -> list[float] | None:
        if not isinstance(text, str):
            return None
        try:
            values = [float(part) for part in text.split("\\")]
        except ValueError:
            return None
        return values if len(values) == count else None

    where = numbers(position, 3)
    cosines = numbers(orientation, 6)
    frames = json.loads(order) if isinstance(order, str) else None
    return SlicePlacement(
        (where[0], where[1], where[2]) if where else None,
        (cosines[0], cosines[1], cosines[2], cosines[3], cosines[4], cosines[5])
        if cosines
        else None,
        str(acquired or ""),
        tuple(int(frame) for frame in frames) if isinstance(frames, list) else None,
    )


def set_placements(db: sqlite_utils.Database, placements: dict[int, SlicePlacement]) -> None:
    """Keep the placements read again for images filed before Casebook kept them."""
    for instance_id, placement in placements.items():
        db.execute(
            """UPDATE imaging_instances SET image_position = ?, image_orientation = ?,
                      acquired = ?, frame_order = ?, placement_read = 1
               WHERE id = ?""",
            [*_placement_columns(placement), instance_id],
        )


def list_studies(db: sqlite_utils.Database) -> list[ImagingStudy]:
    """Studies not in the trash by date (undated last), with series and image counts."""
    rows = db.execute(
        """SELECT s.id, s.study_uid, s.study_date, s.description, s.modalities, s.institution,
                  (SELECT count(*) FROM live_imaging_series se WHERE se.study_id = s.id),
                  (SELECT count(*) FROM live_imaging_instances i
                     JOIN imaging_series se ON se.id = i.series_id WHERE se.study_id = s.id),
                  s.report_document_id
           FROM live_imaging_studies s
           ORDER BY s.study_date IS NULL, s.study_date, s.id"""
    ).fetchall()
    return [
        ImagingStudy(
            id=int(r[0]),
            study_uid=str(r[1]),
            study_date=PartialDate.parse(r[2]) if r[2] else None,
            description=str(r[3]),
            modalities=str(r[4]),
            institution=str(r[5]),
            series_count=int(r[6]),
            image_count=int(r[7]),
            report_document_id=int(r[8]) if r[8] is not None else None,
        )
        for r in rows
    ]


def list_series(db: sqlite_utils.Database, study_id: int) -> list[SeriesRecord]:
    rows = db.execute(
        """SELECT se.id, se.study_id, se.series_uid, se.series_number, se.modality,
                  se.description,
                  (SELECT count(*) FROM live_imaging_instances i WHERE i.series_id = se.id)
           FROM live_imaging_series se WHERE se.study_id = ?
           ORDER BY se.series_number IS NULL, se.series_number, se.id""",
        [study_id],
    ).fetchall()
    return [
        SeriesRecord(int(r[0]), int(r[1]), str(r[2]), r[3], str(r[4]), str(r[5]), int(r[6]))
        for r in rows
    ]


_INSTANCE_COLUMNS = (
    "id, series_id, sop_instance_uid, instance_number, content_sha256, size, frames, "
    "rows IS NOT NULL AND columns IS NOT NULL, is_key_image, "
    "image_position, image_orientation, acquired, frame_order, placement_read"
)


def _instance(r: tuple[object, ...]) -> InstanceRecord:
    return InstanceRecord(
        id=int(str(r[0])),
        series_id=int(str(r[1])),
        sop_instance_uid=str(r[2]),
        instance_number=int(str(r[3])) if r[3] is not None else None,
        content_sha256=str(r[4]),
        size=int(str(r[5])),
        frames=int(str(r[6])),
        has_image=bool(r[7]),
        is_key_image=bool(r[8]),
        placement=_placement(r[9:14]),
    )


def list_instances(db: sqlite_utils.Database, series_id: int) -> list[InstanceRecord]:
    rows = db.execute(
        f"SELECT {_INSTANCE_COLUMNS} FROM live_imaging_instances WHERE series_id = ? "  # noqa: S608
        "ORDER BY instance_number IS NULL, instance_number, id",
        [series_id],
    ).fetchall()
    return [_instance(tuple(r)) for r in rows]


def get_instance(db: sqlite_utils.Database, instance_id: int) -> InstanceRecord | None:
    row = db.execute(
        f"SELECT {_INSTANCE_COLUMNS} FROM imaging_instances WHERE id = ?",  # noqa: S608
        [instance_id],
    ).fetchone()
    return None if row is None else _instance(tuple(row))


def link_report(db: sqlite_utils.Database, study_id: int, document_id: int | None) -> None:
    db.execute(
        "UPDATE imaging_studies SET report_document_id = ? WHERE id = ?", [document_id, study_id]
    )


def set_key_image(db: sqlite_utils.Database, instance_id: int, is_key: bool) -> None:
    db.execute(
        "UPDATE imaging_instances SET is_key_image = ? WHERE id = ?", [int(is_key), instance_id]
    )


def study_id_by_uid(db: sqlite_utils.Database, study_uid: str) -> int | None:
    row = db.execute("SELECT id FROM imaging_studies WHERE study_uid = ?", [study_uid]).fetchone()
    return None if row is None else int(row[0])


def series_id_by_uid(db: sqlite_utils.Database, series_uid: str) -> int | None:
    row = db.execute("SELECT id FROM imaging_series WHERE series_uid = ?", [series_uid]).fetchone()
    return None if row is None else int(row[0])


# Trash ----------------------------------------------------------------------------------------

_TABLES = {"study": "imaging_studies", "series": "imaging_series", "image": "imaging_instances"}


def set_trashed(
    db: sqlite_utils.Database, level: str, row_ids: list[int], deleted_at: str | None
) -> int:
    """Move studies, series or images ("study" | "series" | "image") to the trash (a time) or
    back (None); returns how many rows changed."""
    table = _TABLES[level]
    changed = 0
    for row_id in row_ids:
        condition = "deleted_at IS NULL" if deleted_at else "deleted_at IS NOT NULL"
        cursor = db.execute(
            f"UPDATE {table} SET deleted_at = ? WHERE id = ? AND {condition}",  # noqa: S608
            [deleted_at, row_id],
        )
        changed += cursor.rowcount
    return changed


@dataclass(frozen=True)
class TrashedImaging:
    """A study, series or image the family moved to the trash."""

    level: str  # "study" | "series" | "image"
    id: int
    uid: str
    label: str  # description, or the file's original name
    image_count: int
    deleted_at: str


def list_trashed_imaging(db: sqlite_utils.Database) -> list[TrashedImaging]:
    """Everything in the imaging trash, newest first."""
    rows = db.execute(
        """SELECT 'study', st.id, st.study_uid, st.description,
                  (SELECT count(*) FROM imaging_instances i JOIN imaging_series se
                     ON se.id = i.series_id WHERE se.study_id = st.id), st.deleted_at
             FROM imaging_studies st WHERE st.deleted_at IS NOT NULL
           UNION ALL
           SELECT 'series', se.id, se.series_uid, se.description,
                  (SELECT count(*) FROM imaging_instances i WHERE i.series_id = se.id),
                  se.deleted_at
             FROM imaging_series se WHERE se.deleted_at IS NOT NULL
           UNION ALL
           SELECT 'image', i.id, i.sop_instance_uid, i.original_name, 1, i.deleted_at
             FROM imaging_instances i WHERE i.deleted_at IS NOT NULL
           ORDER BY 6 DESC, 1, 2"""
    ).fetchall()
    return [
        TrashedImaging(str(r[0]), int(r[1]), str(r[2]), str(r[3]), int(r[4]), str(r[5]))
        for r in rows
    ]


def delete_trashed_imaging(db: sqlite_utils.Database) -> int:
    """Delete for good what is in the imaging trash, and studies or series left empty; returns
    the number of images deleted. Stored bytes are freed by `blobs.delete_unreferenced_blobs`."""
    doomed = """SELECT i.id FROM imaging_instances i
                JOIN imaging_series se ON se.id = i.series_id
                JOIN imaging_studies st ON st.id = se.study_id
                WHERE i.deleted_at IS NOT NULL OR se.deleted_at IS NOT NULL
                   OR st.deleted_at IS NOT NULL"""
    count = int(db.execute(f"SELECT count(*) FROM ({doomed})").fetchone()[0])  # noqa: S608
    db.execute(f"DELETE FROM imaging_instances WHERE id IN ({doomed})")  # noqa: S608
    db.execute(
        "DELETE FROM imaging_series WHERE NOT EXISTS "
        "(SELECT 1 FROM imaging_instances i WHERE i.series_id = imaging_series.id)"
    )
    db.execute(
        "DELETE FROM imaging_studies WHERE NOT EXISTS "
        "(SELECT 1 FROM imaging_series se WHERE se.study_id = imaging_studies.id)"
    )
    return count


def note_images_on_media(db: sqlite_utils.Database, counts: dict[str, int]) -> None:
    """Remember how many images the media held per series UID (the largest count seen)."""
    for series_uid, count in counts.items():
        db.execute(
            """UPDATE imaging_series SET images_on_media = max(coalesce(images_on_media, 0), ?)
               WHERE series_uid = ?""",
            [count, series_uid],
        )


def series_facts(db: sqlite_utils.Database) -> list[SeriesFacts]:
    """For every live series: images stored, images the disc held, instance-number span."""
    rows = db.execute(
        """SELECT se.id, se.study_id, se.description, se.modality,
                  count(i.id), se.images_on_media, min(i.instance_number),
                  max(i.instance_number)
           FROM live_imaging_series se
           JOIN live_imaging_instances i ON i.series_id = se.id
           GROUP BY se.id ORDER BY se.study_id, se.series_number, se.id"""
    ).fetchall()
    return [
        SeriesFacts(
            int(r[0]),
            int(r[1]),
            str(r[2]),
            str(r[3]),
            int(r[4]),
            int(r[5]) if r[5] is not None else None,
            int(r[6]) if r[6] is not None else None,
            int(r[7]) if r[7] is not None else None,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class StudyPatient:
    """Who a study's files say the patient is."""

    study_id: int
    description: str
    patient_name: str
    patient_birth_date: PartialDate | None


def study_patients(db: sqlite_utils.Database) -> list[StudyPatient]:
    rows = db.execute(
        """SELECT id, description, modalities, patient_name, patient_birth_date
           FROM live_imaging_studies ORDER BY id"""
    ).fetchall()
    return [
        StudyPatient(
            int(r[0]),
            str(r[1]) or str(r[2]),
            str(r[3]),
            PartialDate.parse(r[4]) if r[4] else None,
        )
        for r in rows
    ]
