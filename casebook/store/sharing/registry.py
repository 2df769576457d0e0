"""Which tables hold the family's content, and how their rows are named across copies.

Sharing a new table is one line in `SHARED`: triggers, the `uid` column, capture, merging and
exchange all follow from it. References to other rows are found from the table's foreign keys
(SQLite knows them); only references SQLite cannot see (a kind + id pair, a list of ids in JSON
or text) are declared here. Order matters: a table comes after every table it refers to, so
rows are created parents first.

Integer ids stay local (each copy numbers its own rows); what travels is the `uid`: random
(128 bits) for rows anyone may add, or derived from a natural key where two copies adding "the
same" row must meet in one row (a record kind, an imaging instance's DICOM UID, a link).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from casebook.core.changes import Changed


@dataclass(frozen=True)
class KindRef:
    """`column` holds the id of a row in the table named by `kind_column`'s value."""

    kind_column: str
    tables: Mapping[str, str]


@dataclass(frozen=True)
class IdList:
    """`column` holds several ids of `table`: a JSON list ("json") or "3,7" ("comma")."""

    table: str
    style: str = "json"
    required: bool = False  # the row makes no sense without every one of them


@dataclass(frozen=True)
class RowRef:
    """`column` holds the id of a row of `table` (a foreign key, or an id kept without one)."""

    table: str


Ref = KindRef | IdList | RowRef


@dataclass(frozen=True)
class Shared:
    """One shared table.

    natural_key: columns whose (global) values name the row on every copy; empty for a random
        uid.
    refs: references SQLite's foreign keys do not describe.
    local: columns never shared (a preference of this computer, or derived on each copy).
    quiet: bookkeeping columns (when something was last changed): the newest value wins and
        they never count as "two versions".
    label: the column that names a row for people (in the chooser and the summaries).
    blob: the column holding the SHA-256 of stored content the row needs.
    local_values: SQL for `local` columns a new row needs (named parameters from the row).
    only: an SQL condition on the row (its columns by name); rows that do not meet it stay on
        this computer until they do (a recording still being made).
    also: other kinds of record its rows show in, announced too when a merge changes it (a
        contact deleted elsewhere leaves appointments here without their contact).
    """

    table: str
    kind: Changed
    natural_key: tuple[str, ...] = ()
    refs: Mapping[str, Ref] = field(default_factory=dict)
    local: tuple[str, ...] = ()
    quiet: tuple[str, ...] = ("updated_at",)
    label: str = ""
    blob: str = ""
    local_values: Mapping[str, str] = field(default_factory=dict)
    only: str = ""
    also: tuple[Changed, ...] = ()


_TIMELINE_TARGETS = {
    "document": "documents",
    "imaging_study": "imaging_studies",
    "consultation": "consultations",
}
_OPINION_LIST = IdList("opinions", "json")
_CONTACT_TARGETS = {"opinion": "opinions", "consultation": "consultations"}
# In the trash or not: the newest move wins (both ways can be undone), never "two versions".
_TRASH = ("updated_at", "deleted_at")

SHARED: tuple[Shared, ...] = (
    Shared("case_info", Changed.CASE, natural_key=("id",), local=("ui_language",)),
    Shared("slots", Changed.SLOTS, natural_key=("kind",), label="kind"),
    Shared("documents", Changed.DOCUMENTS, label="title", blob="content_sha256", quiet=_TRASH),
    # Issue 18: the family's redacted copy of a document, and documents confirmed to show no
    # identity; what identifies the patient beyond name and birth date.
    Shared("redactions", Changed.DOCUMENTS, natural_key=("document_id",), blob="content_sha256"),
    Shared("identity_confirmations", Changed.DOCUMENTS, natural_key=("document_id",)),
    Shared("identity_facts", Changed.CASE, natural_key=("kind", "value"), label="value"),
    Shared(
        "imaging_studies",
        Changed.IMAGING,
        natural_key=("study_uid",),
        label="description",
        quiet=_TRASH,
    ),
    Shared(
        "imaging_series",
        Changed.IMAGING,
        natural_key=("series_uid",),
        label="description",
        quiet=_TRASH,
    ),
    Shared(
        "imaging_instances",
        Changed.IMAGING,
        natural_key=("sop_instance_uid",),
        label="original_name",
        blob="content_sha256",
        # Where a slice lies, read from its header on each copy (the viewer reads it again
        # when `placement_read` is 0), so the same bytes give the same order everywhere.
        local=("image_position", "image_orientation", "acquired", "frame_order", "placement_read"),
    ),
    Shared("timeline_events", Changed.TIMELINE, label="title"),
    Shared("questions", Changed.QUESTIONS, label="text"),
    Shared("consultations", Changed.CONSULTATIONS, label="title"),
    Shared(
        "timeline_links",
        Changed.TIMELINE,
        natural_key=("event_id", "target_kind", "target_id"),
        refs={"target_id": KindRef("target_kind", _TIMELINE_TARGETS)},
    ),
    Shared(
        "consultation_questions",
        Changed.CONSULTATIONS,
        natural_key=("consultation_id", "question_id"),
        label="answer",
    ),
    Shared("consultation_entries", Changed.CONSULTATIONS, label="text"),
    Shared("opinions", Changed.OPINIONS, label="source_name"),
    Shared(
        "opinion_marks",
        Changed.OPINIONS,
        natural_key=("comparison_key", "field"),
        refs={"comparison_key": IdList("opinions", "comma", required=True)},
        quiet=("set_at",),
        label="field",
    ),
    Shared(
        "decisions",
        Changed.DECISIONS,
        refs={"opinion_ids_json": _OPINION_LIST},
        local=("version",),
        label="option_chosen",
    ),
    # Versions are numbered on each copy in the order they arrive: two family members who
    # revise a decision at the same time each add a version, and both are kept.
    Shared(
        "decision_versions",
        Changed.DECISIONS,
        refs={"opinion_ids_json": _OPINION_LIST},
        local=("version",),
        label="option_chosen",
        local_values={
            "version": "SELECT coalesce(max(version), 0) + 1 FROM decision_versions "
            "WHERE decision_id = :decision_id"
        },
    ),
    # The week-to-week tables (issue 19). A medicine's row holds what it says now, merged field
    # by field; each version anyone saved is kept in its history, numbered where it arrives.
    Shared(
        "contacts",
        Changed.CONTACTS,
        label="name",
        also=(Changed.APPOINTMENTS, Changed.MEDICINES, Changed.SLOTS),
    ),
    Shared(
        "contact_links",
        Changed.CONTACTS,
        natural_key=("contact_id", "target_kind", "target_ref"),
        refs={"target_ref": KindRef("target_kind", _CONTACT_TARGETS)},
        # A link to a bundle sent names this computer's export log, which stays here.
        only="target_kind IN ('opinion', 'consultation')",
    ),
    Shared(
        "record_requests",
        Changed.SLOTS,
        natural_key=("slot_kind",),
        label="slot_kind",
        also=(Changed.CONTACTS,),
    ),
    # "Current medicines" is a kind of record whose status counts them.
    Shared("medicines", Changed.MEDICINES, label="generic_name", also=(Changed.SLOTS,)),
    Shared(
        "medicine_versions",
        Changed.MEDICINES,
        refs={
            "prescriber_id": RowRef("contacts"),
            "timeline_event_id": RowRef("timeline_events"),
        },
        local=("version",),
        label="generic_name",
        local_values={
            "version": "SELECT coalesce(max(version), 0) + 1 FROM medicine_versions "
            "WHERE medicine_id = :medicine_id"
        },
    ),
    Shared("allergies", Changed.MEDICINES, label="substance"),
    Shared(
        "medicine_suggestions_dismissed",
        Changed.MEDICINES,
        natural_key=("document_id", "lexicon_key"),
    ),
    Shared("appointments", Changed.APPOINTMENTS, label="title"),
    Shared("diary_entries", Changed.DIARY, label="symptom"),
    # Recordings travel once they are one stored file; their sound is carried like a document's.
    # While one is being made its sound is in `recording_segments`, which stay on this computer.
    Shared(
        "recordings",
        Changed.RECORDINGS,
        label="title",
        blob="content_sha256",
        local=("pcm_rate", "pcm_channels"),
        quiet=("deleted_at",),
        only="state = 'ready'",
    ),
    Shared(
        "recording_marks",
        Changed.RECORDINGS,
        natural_key=("entry_id",),
        only="recording_id IN (SELECT id FROM recordings WHERE state = 'ready')",
    ),
    # The text read from pictures and scanned pages, page by page (the document's searchable
    # text and the family's correction are fields of the document).
    Shared(
        "recognised_pages",
        Changed.DOCUMENTS,
        natural_key=("document_id", "page"),
        quiet=("recognised_at",),
        label="text",
    ),
    Shared("family_invitations", Changed.SHARING, label="name"),
    Shared("family_members", Changed.SHARING, label="name"),
)

# After merging, what each copy derives again from what it holds.
DERIVED_AFTER_MERGE: tuple[str, ...] = (
    """UPDATE decisions SET version = v.latest
       FROM (SELECT decision_id, max(version) AS latest FROM decision_versions
             GROUP BY decision_id) AS v
       WHERE v.decision_id = decisions.id AND decisions.version IS NOT v.latest""",
)

_BY_NAME = {shared.table: shared for shared in SHARED}


def shared_table(name: str) -> Shared:
    return _BY_NAME[name]


def is_shared(name: str) -> bool:
    return name in _BY_NAME
