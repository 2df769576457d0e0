"""What `casebook list` shows: the case, its slots, documents and imaging, as JSON-ready data
and as plain text for a person reading a terminal."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from casebook.services import imaging_records, records
from casebook.services.binder import BinderSession
from casebook.services.imaging_previews import series_thumbnail
from casebook.services.previews import can_preview

Listing = dict[str, Any]


def _iso(value: object | None) -> str | None:
    return str(value) if value is not None else None


def _preview_state(session: BinderSession, series_id: int) -> dict[str, Any]:
    """Whether a picture of the series could be made (made once, then cached in the binder)."""
    preview = series_thumbnail(session, series_id)
    return {"available": preview.png is not None, "problem": preview.problem}


def _studies(session: BinderSession) -> list[dict[str, Any]]:
    studies = []
    for study in imaging_records.list_studies(session):
        series = imaging_records.list_series(session, study.id)
        studies.append(
            {
                "study_uid": study.study_uid,
                "date": _iso(study.study_date),
                "description": study.description,
                "modalities": study.modalities,
                "institution": study.institution,
                "series": [
                    {
                        "series_uid": s.series_uid,
                        "number": s.series_number,
                        "modality": s.modality,
                        "description": s.description,
                        "images": s.image_count,
                        "preview": _preview_state(session, s.id),
                    }
                    for s in series
                ],
                "series_count": study.series_count,
                "image_count": study.image_count,
            }
        )
    return studies


def collect_listing(session: BinderSession) -> Listing:
    """Everything `list` prints, read from an unlocked binder (stable keys for scripts)."""
    case = records.load_case(session)
    documents = records.list_documents(session)
    per_slot = Counter(d.slot for d in documents)
    return {
        "case": {
            "patient_name": case.patient_name,
            "date_of_birth": _iso(case.date_of_birth),
            "diagnosis_summary": case.diagnosis_summary,
        },
        "slots": [
            {
                "kind": slot.kind.value,
                "status": slot.status.value,
                "requested_on": _iso(slot.requested_on),
                "requested_from": slot.requested_from,
                "document_count": per_slot[slot.kind],
            }
            for slot in records.list_slots(session)
        ],
        "documents": [
            {
                **{k: v for k, v in asdict(d).items() if k not in ("slot", "document_date")},
                "slot": d.slot.value,
                "document_date": _iso(d.document_date),
                "previewable": can_preview(d.media_type),
            }
            for d in documents
        ],
        "imaging_studies": _studies(session),
    }


def format_listing(listing: Listing) -> str:
    """The listing as aligned plain text."""
    case = listing["case"]
    lines = [f"Patient: {case['patient_name']}  born {case['date_of_birth'] or 'unknown'}"]
    if case["diagnosis_summary"]:
        lines.append(f"Diagnosis: {case['diagnosis_summary']}")
    lines += ["", "Slots:"]
    for slot in listing["slots"]:
        line = f"  {slot['kind']:<20} {slot['status']:<15} {slot['document_count']:>3} documents"
        if slot["status"] == "requested":
            asked = " ".join(filter(None, [slot["requested_on"], slot["requested_from"]]))
            line += f"  (requested {asked})" if asked else ""
        lines.append(line)
    lines += ["", f"Documents ({len(listing['documents'])}):"]
    for doc in listing["documents"]:
        date = doc["document_date"] or "----"
        lines.append(f"  [{doc['id']}] {date:<10} {doc['slot']:<18} {doc['title']}")
    lines += ["", f"Imaging studies ({len(listing['imaging_studies'])}):"]
    for study in listing["imaging_studies"]:
        lines.append(
            f"  {study['date'] or '----':<10} {study['modalities']:<6} {study['description']} "
            f"({study['series_count']} series, {study['image_count']} images)"
        )
    return "\n".join(lines)
