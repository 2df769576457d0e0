"""What `casebook list` shows: the case, its slots, documents and imaging, and the
week-to-week records (medicines, allergies, contacts, appointments, the diary), as JSON-ready
data and as plain text for a person reading a terminal."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from casebook.app.cli_messages import cli_texts
from casebook.app.listing_daily import daily_listing, format_daily
from casebook.services.binder.session import BinderSession
from casebook.services.consultations import list_consultations
from casebook.services.imaging import records as imaging_records
from casebook.services.recordings.recordings import list_recordings
from casebook.services.records import documents as records
from casebook.services.records.previewable import can_preview

Listing = dict[str, Any]


def _iso(value: object | None) -> str | None:
    return str(value) if value is not None else None


def _preview_state(session: BinderSession, series_id: int) -> dict[str, Any]:
    """Whether a picture of the series could be made (made once, then cached in the binder)."""
    # Here, not at the top: every command imports this module, and pydicom and numpy with it
    # would cost each of them a fifth of a second it needs only when there are images.
    from casebook.services.imaging.previews import series_thumbnail

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
                "statement": slot.statement.value,
                "file_count": slot.file_count,
                "listed_count": slot.listed_count,
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
        **daily_listing(session),
        "consultations": [
            {"id": c.id, "title": c.title, "held_on": c.held_on, "doctor": c.doctor}
            for c in list_consultations(session)
        ],
        "recordings": _recordings(session),
    }


def _recordings(session: BinderSession) -> list[dict[str, Any]]:
    """Recordings of consultations (and unattached ones), with their length in seconds."""
    return [
        {
            "id": r.id,
            "kind": "audio",
            "title": r.title,
            "consultation_id": r.consultation_id,
            "consultation": r.consultation_title or None,
            "duration_seconds": round(r.duration_ms / 1000, 1),
            "media_type": r.media_type,
            "size": r.size,
            "content_sha256": r.content_sha256,
            "origin": r.origin.value,
            "state": r.state.value,
            "in_bundle": r.include_in_bundle,
            "added_at": r.added_at,
        }
        for r in list_recordings(session)
    ]


def format_listing(listing: Listing) -> str:
    """The listing as aligned plain text, in the command line's language (record kinds by
    their codes, as `--slot` and `--json` name them)."""
    t = cli_texts()
    case = listing["case"]
    born = case["date_of_birth"] or t.gettext("unknown")
    lines = [t.gettext("Patient: {name}  born {date}").format(name=case["patient_name"], date=born)]
    if case["diagnosis_summary"]:
        lines.append(t.gettext("Diagnosis: {text}").format(text=case["diagnosis_summary"]))
    lines += ["", t.gettext("Slots:")]
    for slot in listing["slots"]:
        count = slot["document_count"]
        held = t.ngettext("{count} document", "{count} documents", count).format(count=count)
        line = f"  {slot['kind']:<20} {slot['status']:<15} {held:>13}"
        if slot["status"] == "requested":
            asked = " ".join(filter(None, [slot["requested_on"], slot["requested_from"]]))
            line += "  " + t.gettext("(requested {when})").format(when=asked) if asked else ""
        lines.append(line)
    count = len(listing["documents"])
    lines += ["", t.gettext("Documents ({count}):").format(count=count)]
    for doc in listing["documents"]:
        date = doc["document_date"] or "----"
        lines.append(f"  [{doc['id']}] {date:<10} {doc['slot']:<18} {doc['title']}")
    count = len(listing["imaging_studies"])
    lines += ["", t.gettext("Imaging studies ({count}):").format(count=count)]
    for study in listing["imaging_studies"]:
        count = study["image_count"]
        images = t.ngettext("{n} image", "{n} images", count).format(n=count)
        sizes = t.gettext("({series} series, {images})").format(
            series=study["series_count"], images=images
        )
        lines.append(
            f"  {study['date'] or '----':<10} {study['modalities']:<6} {study['description']} "
            + sizes
        )
    lines += format_daily(listing)
    recordings = listing.get("recordings", [])
    lines += ["", t.gettext("Recordings ({count}):").format(count=len(recordings))]
    for rec in recordings:
        minutes, seconds = divmod(int(rec["duration_seconds"]), 60)
        where = rec["consultation"] or t.gettext("not attached to a consultation")
        lines.append(f"  [{rec['id']}] {minutes:>3}:{seconds:02d}  {rec['title']}  ({where})")
    return "\n".join(lines)
