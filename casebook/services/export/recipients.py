"""What a destination profile changes in the bundle's content.

Which documents go (kinds the reader does not want stay home unless the family picks them; a
translation sits right after its original; the family's redacted copy replaces the original
where the profile asks for it), and, for a de-identified reader, a pseudonym and an age instead
of the name and birth date, de-identified imaging (`imaging.deidentify`), and only documents
that are redacted copies or that the family checked show nothing of the patient's identity.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import replace

from casebook.bundle.plan import DicomItem, DocumentItem, OpenChunks
from casebook.core.identity_facts import IdentityFacts, age_on
from casebook.core.model import Case, Document
from casebook.core.profiles import DestinationProfile
from casebook.imaging.deidentify import Pseudonym, deidentify, shift_date
from casebook.store.redactions import RedactedCopy

PSEUDONYM_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud safely
ENCAPSULATED_DOCUMENTS = "1.2.840.10008.5.1.4.1.1.104"  # PDF, CDA…: content cannot be cleaned
MIN_SHIFT_DAYS, MAX_SHIFT_DAYS = 30, 365


def new_pseudonym(identity: IdentityFacts) -> Pseudonym:
    """A fresh pseudonym for one bundle ("CB-4F7K"), its day shift and UID secret."""
    code = "".join(secrets.choice(PSEUDONYM_LETTERS) for _ in range(4))
    shift = MIN_SHIFT_DAYS + secrets.randbelow(MAX_SHIFT_DAYS - MIN_SHIFT_DAYS + 1)
    return Pseudonym(f"CB-{code}", f"CB-{code}", shift, secrets.token_hex(16), identity)


def pseudonymous_case(case: Case, pseudonym: Pseudonym) -> Case:
    """The case as a de-identified bundle names it: the pseudonym, no birth date, the
    diagnosis cleaned of anything that shows who the patient is."""
    diagnosis = case.diagnosis_summary
    if pseudonym.identity is not None:
        for _, start, end in reversed(pseudonym.identity.find(diagnosis)):
            diagnosis = diagnosis[:start] + pseudonym.patient_name + diagnosis[end:]
    return replace(
        case, patient_name=pseudonym.patient_name, date_of_birth=None, diagnosis_summary=diagnosis
    )


def patient_age(case: Case, today_iso: str) -> int | None:
    return age_on(case.date_of_birth, today_iso)


def with_translations_beside(documents: Sequence[Document]) -> list[Document]:
    """Each original followed by its translations (a translation whose original is not sent
    keeps its own place)."""
    chosen = {d.id for d in documents}
    translations: dict[int, list[Document]] = {}
    for document in documents:
        if document.translation_of is not None and document.translation_of in chosen:
            translations.setdefault(document.translation_of, []).append(document)
    ordered: list[Document] = []
    for document in documents:
        if document.translation_of is not None and document.translation_of in chosen:
            continue
        ordered.append(document)
        ordered += translations.get(document.id, [])
    return ordered


def chosen_documents(
    documents: Sequence[Document],
    document_ids: frozenset[int] | None,
    profile: DestinationProfile | None,
) -> list[Document]:
    """The family's pick, or (none made) every document of a kind the reader wants."""
    if document_ids is not None:
        picked = [d for d in documents if d.id in document_ids]
    elif profile is None:
        picked = list(documents)
    else:
        picked = [d for d in documents if d.slot not in profile.not_wanted]
    return with_translations_beside(picked)


def redacted_item(item: DocumentItem, copy: RedactedCopy, open_chunks: OpenChunks) -> DocumentItem:
    extension = ".pdf" if copy.media_type == "application/pdf" else ".jpg"
    return replace(
        item,
        media_type=copy.media_type,
        size=copy.size,
        sha256=copy.content_sha256,
        open_chunks=open_chunks,
        extension=extension,
        redacted=True,
    )


def _deidentified_chunks(source: OpenChunks, pseudonym: Pseudonym) -> Iterator[bytes]:
    yield deidentify(b"".join(source()), pseudonym)


def deidentified_items(items: Sequence[DicomItem], pseudonym: Pseudonym) -> list[DicomItem]:
    """De-identified copies of the DICOM items (encapsulated documents are left out: their
    content cannot be cleaned). Each is made once here for its size and hash, and again while
    sealing streams it (the result is the same: the pseudonym fixes every choice)."""
    result = []
    for item in items:
        if item.sop_class_uid.startswith(ENCAPSULATED_DOCUMENTS):
            continue
        data = deidentify(b"".join(item.open_chunks()), pseudonym)
        result.append(
            replace(
                item,
                study_instance_uid=pseudonym.uid(item.study_instance_uid),
                series_instance_uid=pseudonym.uid(item.series_instance_uid),
                sop_instance_uid=pseudonym.uid(item.sop_instance_uid),
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                open_chunks=functools.partial(_deidentified_chunks, item.open_chunks, pseudonym),
                patient_id=pseudonym.patient_id,
                patient_name=pseudonym.patient_name,
                patient_birth_date="",
                study_date=_shifted(item.study_date, pseudonym),
                accession_number="",
                study_description=_cleaned(item.study_description, pseudonym),
                series_description=_cleaned(item.series_description, pseudonym),
            )
        )
    return result


def _cleaned(text: str, pseudonym: Pseudonym) -> str:
    """`text` without what shows the patient's identity (as the DICOM's own descriptors)."""
    if pseudonym.identity is None:
        return text
    for _, start, end in reversed(pseudonym.identity.find(text)):
        text = text[:start] + text[end:]
    return " ".join(text.split())


def _shifted(dicom_date: str, pseudonym: Pseudonym) -> str:
    return shift_date(dicom_date, pseudonym.day_shift) if dicom_date else ""
