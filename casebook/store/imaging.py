"""Imaging records: studies, series and instances (each instance points at its original bytes).

Instances are unique by SOP Instance UID, which is how a re-imported disc adds nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from casebook.core.model import ImagingStudy, PartialDate


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
               content_sha256, size)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
        ],
    )
    return True


def list_studies(db: sqlite_utils.Database) -> list[ImagingStudy]:
    """Studies by date (undated last), with series and image counts."""
    rows = db.execute(
        """SELECT s.id, s.study_uid, s.study_date, s.description, s.modalities, s.institution,
                  (SELECT count(*) FROM imaging_series se WHERE se.study_id = s.id),
                  (SELECT count(*) FROM imaging_instances i
                     JOIN imaging_series se ON se.id = i.series_id WHERE se.study_id = s.id),
                  s.report_document_id
           FROM imaging_studies s
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
                  (SELECT count(*) FROM imaging_instances i WHERE i.series_id = se.id)
           FROM imaging_series se WHERE se.study_id = ?
           ORDER BY se.series_number IS NULL, se.series_number, se.id""",
        [study_id],
    ).fetchall()
    return [
        SeriesRecord(int(r[0]), int(r[1]), str(r[2]), r[3], str(r[4]), str(r[5]), int(r[6]))
        for r in rows
    ]


_INSTANCE_COLUMNS = (
    "id, series_id, sop_instance_uid, instance_number, content_sha256, size, frames, "
    "rows IS NOT NULL AND columns IS NOT NULL, is_key_image"
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
    )


def list_instances(db: sqlite_utils.Database, series_id: int) -> list[InstanceRecord]:
    rows = db.execute(
        f"SELECT {_INSTANCE_COLUMNS} FROM imaging_instances WHERE series_id = ? "  # noqa: S608
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
