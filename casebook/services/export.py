"""Exporting the sealed bundle for a remote MDT review, and keeping the export log.

The binder supplies the items (their bytes decrypted chunk by chunk, in memory only); the
bundle layer lays them out, writes the summary, seals the 7z and checks it. The generated
password is returned to the caller once and never stored; the export log keeps what was sent,
when, to whom and the hashes of the parts.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from casebook.bundle.archive import SealedBundle, seal_bundle
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.plan import (
    BundlePlan,
    DicomItem,
    DocumentItem,
    Recipient,
    Sender,
    SummaryContent,
)
from casebook.bundle.tree import build_tree
from casebook.core.decision_moment import DecisionMoment
from casebook.core.progress import CancelToken, Report
from casebook.services.binder import BinderSession
from casebook.services.clock import timestamp
from casebook.services.imaging_previews import instance_thumbnail
from casebook.services.imaging_records import instance_by_id
from casebook.services.opinions import comparison_summary_lines
from casebook.services.questions import questions_summary_lines
from casebook.services.timeline import load_decision_moment, timeline_summary_lines
from casebook.store import case_record, documents, slots
from casebook.store.blobs import iter_blob
from casebook.store.database import classified_errors, transaction

DEFAULT_VOLUME_MB = 20
KEY_IMAGE_SIZE = 256


@dataclass(frozen=True)
class ExportRequest:
    """What the family chose in the export wizard (or on the command line)."""

    recipient: Recipient
    sender: Sender = field(default_factory=Sender)
    summary_language: str = "en"
    volume_size_mb: int | None = None  # None: one file (USB); a number: email-sized parts
    document_ids: frozenset[int] | None = None  # None: every document
    study_ids: frozenset[int] | None = None  # None: every imaging study


@dataclass(frozen=True)
class ExportResult:
    bundle: SealedBundle
    password: str  # shown once, printed on the cover sheet, never stored


_MOMENT_TEXT = {
    DecisionMoment.JUST_DIAGNOSED: ("The diagnosis is new.", "刚刚确诊。"),
    DecisionMoment.BEFORE_TREATMENT: (
        "Treatment has been proposed and has not started yet.",
        "已提出治疗方案，尚未开始治疗。",
    ),
    DecisionMoment.OPTIONS_UNCLEAR: (
        "The options feel unclear, or the doctors disagree.",
        "治疗选择不明确，或医生之间意见不一致。",
    ),
    DecisionMoment.ADVANCED_THERAPY: (
        "An advanced therapy (such as CAR-T, a transplant or a targeted combination) is being "
        "considered.",
        "正在考虑一种高级治疗（如 CAR-T、移植或靶向联合治疗）。",
    ),
    DecisionMoment.RELAPSE_PROGRESSION: (
        "The illness has come back or progressed.",
        "疾病复发或进展。",
    ),
}


def _key_images(session: BinderSession) -> tuple[tuple[bytes, str], ...]:
    """Thumbnails (PNG) and captions of the images the family marked as key images."""
    rows = (
        session.database()
        .execute(
            """SELECT i.id, st.study_date, se.description, i.instance_number
           FROM imaging_instances i
           JOIN imaging_series se ON se.id = i.series_id
           JOIN imaging_studies st ON st.id = se.study_id
           WHERE i.is_key_image = 1
           ORDER BY st.study_date, se.series_number, i.instance_number"""
        )
        .fetchall()
    )
    images = []
    for instance_id, study_date, series_description, number in rows:
        instance = instance_by_id(session, int(instance_id))
        preview = instance_thumbnail(session, instance, KEY_IMAGE_SIZE)
        if preview.png is None:
            continue
        caption = " · ".join(
            part
            for part in (
                str(study_date or ""),
                str(series_description),
                f"#{number}" if number else "",
            )
            if part
        )
        images.append((preview.png, caption))
    return tuple(images)


def summary_content(session: BinderSession, language: str) -> SummaryContent:
    """What the case summary says beyond the records: where the family stands, the story of
    the illness, the questions for the MDT and the opinions so far (in `language`, "en" or
    "zh"; the opinions are shown as the family recorded them)."""
    moment = load_decision_moment(session)
    moment_text = ""
    if moment is not None:
        english, chinese = _MOMENT_TEXT[moment]
        moment_text = chinese if language == "zh" else english
    return SummaryContent(
        decision_moment=moment_text,
        key_images=_key_images(session),
        timeline=timeline_summary_lines(session, language),
        questions=questions_summary_lines(session, language),
        opinions=comparison_summary_lines(session),
    )


def _chunks_of(session: BinderSession, sha256: str) -> Iterator[bytes]:
    return iter_blob(session.database(), sha256)


def _dicom_date(value: str | None) -> str:
    return value.replace("-", "") if value and len(value) == 10 else ""


def _dicom_items(session: BinderSession, study_ids: frozenset[int] | None) -> list[DicomItem]:
    rows = (
        session.database()
        .execute(
            """SELECT st.id, st.study_uid, st.study_date, st.description, st.accession_number,
                  st.patient_name, st.patient_id, st.patient_birth_date,
                  se.series_uid, se.series_number, se.modality, se.description,
                  i.sop_instance_uid, i.sop_class_uid, i.transfer_syntax_uid,
                  i.instance_number, i.size, i.content_sha256
           FROM imaging_instances i
           JOIN imaging_series se ON se.id = i.series_id
           JOIN imaging_studies st ON st.id = se.study_id
           ORDER BY st.study_date, st.id, se.series_number, se.id, i.instance_number, i.id"""
        )
        .fetchall()
    )
    items = []
    for row in rows:
        if study_ids is not None and int(row[0]) not in study_ids:
            continue
        sha256 = str(row[17])
        items.append(
            DicomItem(
                study_instance_uid=str(row[1]),
                series_instance_uid=str(row[8]),
                sop_instance_uid=str(row[12]),
                sop_class_uid=str(row[13]),
                transfer_syntax_uid=str(row[14]),
                size=int(row[16]),
                sha256=sha256,
                open_chunks=functools.partial(_chunks_of, session, sha256),
                patient_id=str(row[6]),
                patient_name=str(row[5]),
                patient_birth_date=_dicom_date(row[7]),
                modality=str(row[10]),
                study_date=_dicom_date(row[2]),
                accession_number=str(row[4]),
                study_description=str(row[3]),
                series_number="" if row[9] is None else str(row[9]),
                series_description=str(row[11]),
                instance_number="" if row[15] is None else str(row[15]),
            )
        )
    return items


def plan_export(session: BinderSession, request: ExportRequest, today: date) -> BundlePlan:
    """The bundle's content, as the wizard previews it before anything is written."""
    db = session.database()
    with classified_errors(session.folder):
        chosen = [
            d
            for d in documents.list_documents(db)
            if request.document_ids is None or d.id in request.document_ids
        ]
        return BundlePlan(
            case=case_record.load_case(db),
            recipient=request.recipient,
            summary_language=request.summary_language,
            created_on=today.isoformat(),
            documents=tuple(
                DocumentItem(
                    title=d.title,
                    slot=d.slot,
                    original_name=d.original_name,
                    media_type=d.media_type,
                    size=d.size,
                    sha256=d.content_sha256,
                    open_chunks=functools.partial(_chunks_of, session, d.content_sha256),
                    document_date=d.document_date,
                )
                for d in chosen
            ),
            dicom=tuple(_dicom_items(session, request.study_ids)),
            slots=tuple(slots.list_slots(db)),
            sender=request.sender,
            summary=summary_content(session, request.summary_language.split("+")[0]),
        )


def bundle_size(plan: BundlePlan) -> int:
    """Bytes of the decrypted tree (the archive is about the same: contents are stored)."""
    return build_tree(plan).total_size


def export_bundle(
    session: BinderSession,
    request: ExportRequest,
    directory: Path,
    name: str,
    report: Report,
    cancel: CancelToken,
    today: date | None = None,
) -> ExportResult:
    """Seal the bundle into `directory` and log the export (without the password)."""
    plan = plan_export(session, request, today or date.today())
    password = generate_passphrase()
    bundle = seal_bundle(
        plan,
        directory,
        name,
        password,
        volume_size_mb=request.volume_size_mb,
        report=report,
        cancel=cancel,
    )
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        db.execute(
            """INSERT INTO export_log(exported_at, recipient, destination, parts_json, items_json)
               VALUES (?, ?, ?, ?, ?)""",
            [
                timestamp(),
                json.dumps(
                    {
                        "institution": request.recipient.institution,
                        "department": request.recipient.department,
                        "contact": request.recipient.contact,
                        "country": request.recipient.country,
                    },
                    ensure_ascii=False,
                ),
                str(directory),
                json.dumps(
                    [
                        {"name": p.path.name, "size": p.size, "sha256": p.sha256}
                        for p in bundle.parts
                    ]
                ),
                json.dumps(
                    {
                        "documents": [item.sha256 for item in plan.documents],
                        "dicom_instances": len(plan.dicom),
                        "summary_language": plan.summary_language,
                    }
                ),
            ],
        )
    return ExportResult(bundle, password)
