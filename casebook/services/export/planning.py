"""The bundle's content, read from the binder at sealing time through the services the pages use.

`plan_export` is what the export wizard previews and what sealing writes: the chosen documents
and imaging (their bytes stay in the binder until sealing streams them), where each kind of
record stands (derived, see `record_states`), and the summary's facts — the case at a glance,
the timeline, the open questions with their translations, the opinions compared, the follow-up
questions their differences raise in each language, key-image thumbnails and a small JPEG per
series for INDEX.HTM. Pictures are made in memory (decoded in the isolated worker) and never
written anywhere but into the archive.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PIL import Image

from casebook.bundle.case_facts import (
    Contact,
    ImagingCount,
    KeyImage,
    QuestionEntry,
    SummaryContent,
    TimelineEntry,
)
from casebook.bundle.plan import BundlePlan, DicomItem, DocumentItem, SeriesPreview
from casebook.core.model import Document, PartialDate, RecordKind
from casebook.core.opinion_questions import follow_up_questions, is_duplicate
from casebook.core.opinions import Comparison
from casebook.core.timeline import ordered
from casebook.imaging.deidentify import Pseudonym
from casebook.importers.sniff import OCTET_STREAM, suggested_extension
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.care_facts import anonymous_care, care_facts
from casebook.services.consultations import list_consultations
from casebook.services.export.glance import case_at_a_glance
from casebook.services.export.profiles import find_profile
from casebook.services.export.recipients import (
    chosen_documents,
    deidentified_items,
    new_pseudonym,
    patient_age,
    pseudonymous_case,
    redacted_item,
)
from casebook.services.export.record_states import slot_states
from casebook.services.export.request import ExportRequest
from casebook.services.export.searchable_copies import searchable_items
from casebook.services.imaging.burned_in import burned_in_series
from casebook.services.imaging.previews import instance_thumbnail, representative_instance
from casebook.services.imaging.records import instance_by_id, list_instances, list_series
from casebook.services.imaging.records import list_studies as list_imaging_studies
from casebook.services.isolation import shared_worker
from casebook.services.opinions.opinions import list_opinions, summary_comparison
from casebook.services.questions.questions import list_questions, load_bank
from casebook.services.recordings.recordings import list_recordings
from casebook.services.records.documents import list_documents, list_slots, load_case
from casebook.services.redaction.copies import redacted_copies
from casebook.services.redaction.exposure import document_exposure
from casebook.services.redaction.identity import identity_facts
from casebook.services.timeline import load_decision_moment, load_timeline
from casebook.store.blobs import iter_blob, read_blob_range
from casebook.store.redactions import RedactedCopy
from casebook.texts import LANGUAGES, normalise_language, texts_for

KEY_IMAGE_SIZE = 256
PREVIEW_SIZE = 128
PREVIEW_QUALITY = 80


@dataclass(frozen=True)
class _StoredContent:
    """A stored file, as the bundle reads it (`RangeReadable`): its chunks, or a piece."""

    session: BinderSession
    sha256: str

    def __call__(self) -> Iterator[bytes]:
        """The chunks, each read in its own short read transaction: a generator left
        half-read must not hold one open."""
        chunks: Iterator[bytes] | None = None
        while True:
            with self.session.reading() as db:
                if chunks is None:
                    chunks = iter_blob(db, self.sha256)
                chunk = next(chunks, None)
            if chunk is None:
                return
            yield chunk

    def read_range(self, offset: int, length: int) -> bytes:
        with self.session.reading() as db:
            return read_blob_range(db, self.sha256, offset, length)


def _dicom_date(value: str | None) -> str:
    return value.replace("-", "") if value and len(value) == 10 else ""


def _extension(document: Document) -> str:
    """The extension of the detected media type; the original one when the type is unknown."""
    if document.media_type and document.media_type != OCTET_STREAM:
        return suggested_extension(document.media_type)
    return ""


def dicom_items(session: BinderSession, study_ids: frozenset[int] | None) -> list[DicomItem]:
    """Every stored instance of the chosen studies, in study, series and instance order."""
    with session.reading() as db:
        rows = db.execute(
            """SELECT st.id, st.study_uid, st.study_date, st.description, st.accession_number,
                      st.patient_name, st.patient_id, st.patient_birth_date,
                      se.series_uid, se.series_number, se.modality, se.description,
                      i.sop_instance_uid, i.sop_class_uid, i.transfer_syntax_uid,
                      i.instance_number, i.size, i.content_sha256, i.frames
               FROM live_imaging_instances i
               JOIN imaging_series se ON se.id = i.series_id
               JOIN imaging_studies st ON st.id = se.study_id
               ORDER BY st.study_date, st.id, se.series_number, se.id, i.instance_number, i.id"""
        ).fetchall()
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
                open_chunks=_StoredContent(session, sha256),
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
                frames=max(1, int(row[18] or 1)),
            )
        )
    return items


def key_images(
    session: BinderSession,
    study_ids: frozenset[int] | None,
    hidden: frozenset[str] = frozenset(),
) -> tuple[KeyImage, ...]:
    """Thumbnails of the images the family marked as key images, in the chosen studies (not
    of the series in `hidden`: their pixels may show the patient's name)."""
    images = []
    for study in list_imaging_studies(session):
        if study_ids is not None and study.id not in study_ids:
            continue
        for series in list_series(session, study.id):
            if series.series_uid in hidden:
                continue
            for instance in list_instances(session, series.id):
                if not instance.is_key_image:
                    continue
                preview = instance_thumbnail(
                    session, instance_by_id(session, instance.id), KEY_IMAGE_SIZE, store=False
                )
                if preview.png is None:
                    continue
                images.append(
                    KeyImage(
                        png=preview.png,
                        study_date=study.study_date.iso() if study.study_date else "",
                        series_description=series.description,
                        instance_number=str(instance.instance_number or ""),
                    )
                )
    return tuple(images)


def series_previews(
    session: BinderSession,
    study_ids: frozenset[int] | None,
    hidden: frozenset[str] = frozenset(),
) -> tuple[SeriesPreview, ...]:
    """A small JPEG of each chosen series' middle image, for INDEX.HTM (in memory only); none
    for the series in `hidden`."""
    previews = []
    for study in list_imaging_studies(session):
        if study_ids is not None and study.id not in study_ids:
            continue
        for series in list_series(session, study.id):
            if series.series_uid in hidden:
                continue
            chosen = representative_instance(list_instances(session, series.id))
            if chosen is None:
                continue
            preview = instance_thumbnail(session, chosen, PREVIEW_SIZE, store=False)
            if preview.png is not None:
                previews.append(SeriesPreview(series.series_uid, _jpeg(preview.png)))
    return tuple(previews)


def _jpeg(png: bytes) -> bytes:
    """A PNG thumbnail as a square JPEG on black (browsers and viewers show it the same)."""
    with Image.open(io.BytesIO(png)) as picture:
        picture.load()
        square = Image.new("RGB", (PREVIEW_SIZE, PREVIEW_SIZE))
        picture.thumbnail((PREVIEW_SIZE, PREVIEW_SIZE))
        offset = ((PREVIEW_SIZE - picture.width) // 2, (PREVIEW_SIZE - picture.height) // 2)
        square.paste(picture.convert("RGB"), offset)
    buffer = io.BytesIO()
    square.save(buffer, format="JPEG", quality=PREVIEW_QUALITY, optimize=True)
    return buffer.getvalue()


def follow_ups_in_every_language(comparison: Comparison | None) -> list[QuestionEntry]:
    """The questions the compared opinions' differences raise, worded in each language."""
    if comparison is None:
        return []
    worded = {language: follow_up_questions(comparison, texts_for(language))
              for language in LANGUAGES}  # fmt: skip
    return [
        QuestionEntry(english.text, {lang: worded[lang][i].text for lang in LANGUAGES})
        for i, english in enumerate(worded["en"])
    ]


def open_questions(
    session: BinderSession, follow_ups: Sequence[QuestionEntry]
) -> tuple[list[QuestionEntry], list[QuestionEntry]]:
    """(the family's open questions, the follow-ups not yet on their list).

    A bank question keeps its translations; a follow-up question the family added from the
    opinions page (stored in the words it was made in) is matched and worded in each language.
    """
    bank = load_bank()
    entries: list[QuestionEntry] = []
    asked: set[int] = set()
    for question in list_questions(session, include_closed=False):
        bank_texts = question.translations(bank) or {}  # keyed "en", "zh_CN"…
        translations = {normalise_language(k): v for k, v in bank_texts.items()}
        for index, follow_up in enumerate(follow_ups):
            if any(is_duplicate(question.text, [text]) for text in follow_up.translations.values()):
                translations, asked = dict(follow_up.translations), asked | {index}
        entries.append(QuestionEntry(question.text, translations))
    remaining = [f for i, f in enumerate(follow_ups) if i not in asked]
    return entries, remaining


def _document_items(
    session: BinderSession, chosen: Sequence[Document], copies: Mapping[int, RedactedCopy]
) -> tuple[DocumentItem, ...]:
    items = tuple(
        DocumentItem(
            title=d.title,
            slot=d.slot,
            original_name=d.original_name,
            media_type=d.media_type,
            size=d.size,
            sha256=d.content_sha256,
            open_chunks=_StoredContent(session, d.content_sha256),
            document_date=d.document_date,
            language=d.language,
            added_at=d.added_at,
            extension=_extension(d),
            document_id=d.id,
            translation_of=d.translation_of,
        )
        for d in chosen
    )
    return tuple(
        redacted_item(
            item,
            copies[item.document_id],
            _StoredContent(session, copies[item.document_id].content_sha256),
        )
        if item.document_id in copies
        else item
        for item in items
    )


def recording_items(session: BinderSession) -> tuple[DocumentItem, ...]:
    """The recordings the family ticked to send (none unless ticked: large and personal),
    dated by their consultation, filed as "other" records with their length."""
    items = []
    for recording in list_recordings(session):
        if not (recording.include_in_bundle and recording.is_ready and recording.content_sha256):
            continue
        held_on = consultation_dates(session).get(recording.consultation_id or 0)
        when = held_on or recording.started_at[:10]
        title = recording.title or recording.original_name
        if recording.consultation_title and recording.consultation_title not in title:
            title = f"{title} ({recording.consultation_title})"
        items.append(
            DocumentItem(
                title=title,
                slot=RecordKind.OTHER,
                original_name=recording.original_name,
                media_type=recording.media_type,
                size=recording.size,
                sha256=recording.content_sha256,
                open_chunks=_StoredContent(session, recording.content_sha256),
                document_date=_partial_date(when),
                added_at=recording.added_at,
                extension=suggested_extension(recording.media_type),
                duration_ms=recording.duration_ms,
            )
        )
    return tuple(items)


def consultation_dates(session: BinderSession) -> dict[int, str | None]:
    return {c.id: c.held_on for c in list_consultations(session)}


def _partial_date(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text) if text else None
    except ValueError:
        return None


def plan_export(session: BinderSession, request: ExportRequest, today: date) -> BundlePlan:
    """The bundle's content, as the wizard previews it before anything is written: read in one
    consistent view of the binder, through the same services the pages use."""
    with session.reading():
        return _plan(session, request, today)


def _plan(session: BinderSession, request: ExportRequest, today: date) -> BundlePlan:
    case = load_case(session)
    profile = find_profile(request.profile_id) if request.profile_id else None
    chosen = chosen_documents(list_documents(session), request.document_ids, profile)
    dicom = dicom_items(session, request.study_ids)
    copies: dict[int, RedactedCopy] = {}
    pseudonym = None
    if profile is not None and profile.use_redacted_copies:
        copies = redacted_copies(session)
    if profile is not None and not profile.identified:
        facts = identity_facts(session)
        exposure = document_exposure(session, facts)
        chosen = [d for d in chosen if exposure.safe_to_share(d.id)]
        pseudonym = new_pseudonym(facts)
        dicom = deidentified_items(dicom, pseudonym)
    records = slot_states(list_slots(session), chosen, len(dicom))
    timeline_state = load_timeline(session)
    timeline = tuple(
        TimelineEntry(event, timeline_state.line_numbers.get(event.id))
        for event in ordered(timeline_state.events)
    )
    opinions = list_opinions(session)
    comparison = summary_comparison(session)
    questions, follow_ups = open_questions(session, follow_ups_in_every_language(comparison))
    moment = load_decision_moment(session)
    imaging = ImagingCount(
        studies=len({i.study_instance_uid for i in dicom}),
        series=len({i.series_instance_uid for i in dicom}),
        instances=len(dicom),
        frames=sum(i.frames for i in dicom),
    )
    sender: Contact = request.sender
    age = patient_age(case, today.isoformat()) if pseudonym is not None else None
    if pseudonym is not None:
        case = pseudonymous_case(case, pseudonym)
    care = care_facts(session, datetime.combine(today, clock.local_now().time()))
    glance = case_at_a_glance(
        case, opinions=opinions, moment=moment, questions=questions, timeline=timeline,
        records=records, imaging=imaging, contact=sender, prepared_on=today.isoformat(), age=age,
        care=care if pseudonym is None else anonymous_care(care),
    )  # fmt: skip
    hidden_pixels = burned_in_series(session) if pseudonym is not None else frozenset()
    return BundlePlan(
        case=case,
        recipient=request.recipient,
        summary_language=request.summary_language,
        created_on=today.isoformat(),
        documents=(
            _document_items(session, chosen, copies)
            # A redacted photo's text would show what was hidden: it goes without its copy.
            + searchable_items(
                session,
                [d for d in chosen if d.id not in copies],
                request.summary_language.split("+")[0],
            )
            # A voice and the names spoken identify the patient: never in a de-identified one.
            + (recording_items(session) if pseudonym is None else ())
        ),
        dicom=tuple(dicom),
        records=records,
        sender=sender,
        summary=SummaryContent(
            glance=glance,
            decision_moment=moment,
            key_images=key_images(session, request.study_ids, hidden_pixels),
            timeline=timeline,
            questions=tuple(questions),
            opinions=tuple(opinions),
            comparison=comparison,
            follow_ups=tuple(follow_ups),
        ),
        previews=_renamed_previews(
            series_previews(session, request.study_ids, hidden_pixels), pseudonym
        ),
        deidentified=pseudonym is not None,
        patient_age=age,
        date_shift_days=pseudonym.day_shift if pseudonym is not None else 0,
        isolation=shared_worker(),
    )


def _renamed_previews(
    previews: tuple[SeriesPreview, ...], pseudonym: Pseudonym | None
) -> tuple[SeriesPreview, ...]:
    """Previews keyed by the series UIDs the bundle's files carry."""
    if pseudonym is None:
        return previews
    return tuple(SeriesPreview(pseudonym.uid(p.series_instance_uid), p.jpeg) for p in previews)
