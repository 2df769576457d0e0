"""Whose images are on the media, and whether they are the case's patient (see
`core.identity`): the check the disc review shows before anything is stored."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from casebook.core.identity import names_match as _names_match
from casebook.core.model import Case, PartialDate
from casebook.services.identity import check_patient, han_reader


@dataclass(frozen=True)
class PatientOnMedia:
    name: str
    patient_id: str
    birth_date: PartialDate | None
    image_count: int


def patients_of(keys: list[tuple[str, str, PartialDate | None]]) -> list[PatientOnMedia]:
    """Each (name, ID, birth date) found, with its image count, most images first."""
    return [
        PatientOnMedia(name, patient_id, birth, count)
        for (name, patient_id, birth), count in Counter(keys).most_common()
    ]


def names_match(case_name: str, media_name: str) -> bool:
    """True unless the two names are clearly different people's (see core.identity)."""
    return _names_match(case_name, media_name, han_reader()) is not False


@dataclass(frozen=True)
class IdentityMismatch:
    patient: PatientOnMedia
    name_differs: bool
    birth_date_differs: bool


def identity_mismatches(case: Case, patients: list[PatientOnMedia]) -> list[IdentityMismatch]:
    """Patients on the media whose name or birth date do not match the case (a wrong disc?),
    those with a different birth date (the stronger signal) first.

    An empty name on the disc is not a mismatch by itself: anonymised exports are common.
    """
    mismatches: list[IdentityMismatch] = []
    for patient in patients:
        check = check_patient(case, patient.name, patient.birth_date)
        if check.mismatch:
            mismatches.append(
                IdentityMismatch(patient, check.name_differs, check.birth_date_differs)
            )
    return sorted(mismatches, key=lambda m: not m.birth_date_differs)
