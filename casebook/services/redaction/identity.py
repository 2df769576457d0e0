"""What identifies the patient, read from the binder: the case's name and birth date, the
numbers and addresses the family entered, and the patient IDs hospitals wrote into the imaging.
"""

from __future__ import annotations

from casebook.core.changes import Changed
from casebook.core.identity_facts import IdentityFacts, merged_facts
from casebook.services.binder.session import BinderSession
from casebook.store import case_record
from casebook.store import redactions as store


def identity_facts(session: BinderSession) -> IdentityFacts:
    with session.reading() as db:
        case = case_record.load_case(db)
        return merged_facts(
            case.patient_name,
            case.date_of_birth,
            store.identity_facts(db),
            sorted(store.imaging_patient_ids(db)),
        )


def entered_identity_facts(session: BinderSession) -> list[tuple[str, str]]:
    """(kind, value) the family entered: "id_number", "phone" or "address"."""
    with session.reading() as db:
        return store.identity_facts(db)


def save_identity_facts(session: BinderSession, facts: list[tuple[str, str]]) -> None:
    """Replace what the family entered (kinds outside `store.IDENTITY_FACT_KINDS` are refused)."""
    unknown = {kind for kind, _ in facts} - set(store.IDENTITY_FACT_KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}")
    with session.writing(Changed.CASE) as db:
        store.set_identity_facts(db, facts)
