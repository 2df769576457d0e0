"""Imaging whose pixels may show text such as the patient's name: the DICOM says so
(BurnedInAnnotation YES), or it is a secondary capture (a screenshot, a scanned film) or
ultrasound, which often carry it. The family looks at these before a de-identified bundle goes:
de-identification cleans the header, not the picture.
"""

from __future__ import annotations

from dataclasses import dataclass

from casebook.imaging.deidentify import burned_in_risk_of
from casebook.services.binder.session import BinderSession
from casebook.store.blobs import iter_blob


@dataclass(frozen=True)
class BurnedInSeries:
    series_id: int
    series_uid: str
    description: str
    reason: str  # burned_in_annotation, secondary_capture, ultrasound, screenshot


def burned_in_facts(session: BinderSession) -> list[BurnedInSeries]:
    """Every live series whose first image may show text, judged from its header."""
    found = []
    with session.reading() as db:
        rows = db.execute(
            """SELECT se.id, se.series_uid, se.description, se.modality,
                      (SELECT i.content_sha256 FROM live_imaging_instances i
                       WHERE i.series_id = se.id ORDER BY i.instance_number, i.id LIMIT 1)
               FROM live_imaging_series se ORDER BY se.id"""
        ).fetchall()
        for series_id, uid, description, modality, sha256 in rows:
            if sha256 is None:
                continue
            head = next(iter_blob(db, str(sha256)), b"")
            reason = burned_in_risk_of(head)
            if reason:
                found.append(
                    BurnedInSeries(int(series_id), str(uid), str(description or modality), reason)
                )
    return found


def burned_in_series(session: BinderSession) -> frozenset[str]:
    """The series UIDs of `burned_in_facts`."""
    return frozenset(series.series_uid for series in burned_in_facts(session))
