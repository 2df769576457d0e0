"""The pre-flight check: "what the hospital will read", read from the binder in one go.

Shown on the Overview at any time, run by the export wizard before sealing, and printed by
`casebook check BINDER --content`. The rules are in `core.preflight`; with a destination
profile, `core.recipient_checks` adds what that reader needs (required records, translations,
a matching identity document, and for a de-identified reader what may still show who the
patient is).
"""

from __future__ import annotations

from casebook.core.completeness import DICOM_MEDIA_TYPE
from casebook.core.preflight import Finding, PatientMismatch, assess_preflight
from casebook.core.profiles import Check, DestinationProfile
from casebook.core.recipient_checks import (
    BurnedInFacts,
    DocumentFacts,
    guess_language,
    profile_findings,
)
from casebook.services.binder.session import BinderSession
from casebook.services.identity import check_patient
from casebook.services.imaging.burned_in import burned_in_facts
from casebook.services.redaction.exposure import document_exposure
from casebook.services.redaction.identity import identity_facts
from casebook.store import case_record, documents, imaging, slots
from casebook.store import redactions as redaction_store

__all__ = ["Finding", "check_content"]


def check_content(
    session: BinderSession, profile: DestinationProfile | None = None
) -> list[Finding]:
    """Every finding, most serious first (see `core.preflight.assess_preflight`)."""
    with session.reading() as db:
        case = case_record.load_case(db)
        # The same identity rules as every import path (names across scripts and orders; a
        # different birth date the stronger signal).
        mismatches = [
            PatientMismatch(study.study_id, study.description, study.patient_name)
            for study in imaging.study_patients(db)
            if check_patient(case, study.patient_name, study.patient_birth_date).mismatch
        ]
        held = documents.list_documents(db)
        found = assess_preflight(
            slots.list_slots(db),
            held,
            imaging.list_studies(db),
            imaging.series_facts(db),
            mismatches,
        )
        if profile is None:
            return found
        texts = redaction_store.extracted_texts(db)
    exposure = document_exposure(session, identity_facts(session))
    facts = [
        DocumentFacts(
            id=d.id,
            title=d.title,
            slot=d.slot,
            language=d.language
            if d.language in ("en", "zh")
            else guess_language(texts.get(d.id, "")),
            translation_of=d.translation_of,
            shows=frozenset(s.value for s in exposure.original_shows.get(d.id, ())),
            has_text=exposure.has_text.get(d.id, False),
            redacted=d.id in exposure.copies,
            copy_shows=frozenset(s.value for s in exposure.copy_shows.get(d.id, ())),
            confirmed=d.id in exposure.confirmed,
            is_dicom=d.media_type == DICOM_MEDIA_TYPE,
        )
        for d in held
    ]
    burned_in = []
    if not profile.identified and Check.BURNED_IN_TEXT in profile.checks:
        burned_in = [
            BurnedInFacts(s.series_id, s.description, s.reason) for s in burned_in_facts(session)
        ]
    return profile_findings(
        found, profile, facts, has_birth_date=_full_date(case), burned_in=burned_in
    )


def _full_date(case: object) -> bool:
    birth = getattr(case, "date_of_birth", None)
    return birth is not None and birth.day is not None
