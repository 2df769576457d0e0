"""The single case row: who the binder is about."""

from __future__ import annotations

import json

import sqlite_utils

from casebook.core.model import Case, PartialDate


def save_case(db: sqlite_utils.Database, case: Case, now: str) -> None:
    db.execute(
        """INSERT INTO case_info(id, patient_name, date_of_birth, diagnosis_summary,
               ui_language, summary_languages, updated_at)
           VALUES (1, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET
               patient_name = excluded.patient_name,
               date_of_birth = excluded.date_of_birth,
               diagnosis_summary = excluded.diagnosis_summary,
               ui_language = excluded.ui_language,
               summary_languages = excluded.summary_languages,
               updated_at = excluded.updated_at""",
        [
            case.patient_name,
            case.date_of_birth.iso() if case.date_of_birth else None,
            case.diagnosis_summary,
            case.ui_language,
            json.dumps(case.summary_languages),
            now,
        ],
    )


def load_case(db: sqlite_utils.Database) -> Case:
    row = db.execute(
        """SELECT patient_name, date_of_birth, diagnosis_summary, ui_language, summary_languages
           FROM case_info WHERE id = 1"""
    ).fetchone()
    if row is None:
        raise LookupError("the binder has no case")
    name, dob, summary, ui_language, languages = row
    return Case(
        patient_name=name,
        date_of_birth=PartialDate.parse(dob) if dob else None,
        diagnosis_summary=summary,
        ui_language=ui_language,
        summary_languages=list(json.loads(languages)),
    )
