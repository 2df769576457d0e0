"""Medicines (every version, append-only), allergies, and dismissed suggestions.

`medicines` holds each medicine's identity; `medicine_versions` every saved version (a trigger
refuses updates); `current_medicine_versions` is the newest version of each, which is also what
the "Current medicines" record kind's derived status counts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlite_utils

from casebook.core.medicines import (
    Allergy,
    AllergyKind,
    Medicine,
    MedicineDetails,
    MedicineVersion,
    Route,
    Severity,
    StopReason,
)
from casebook.core.model import PartialDate

_VERSION_COLUMNS = (
    "brand_name, generic_name, dose, frequency, route, started_on, stopped_on, stop_reason, "
    "stop_note, prescriber_id, purpose, timeline_event_id, notes"
)

CURRENT_COUNT = "SELECT count(*) FROM current_medicine_versions WHERE stopped_on IS NULL"
"""How many medicines are current (the slots query embeds it)."""


def _partial(text: object) -> PartialDate | None:
    try:
        return PartialDate.parse(str(text)) if text else None
    except ValueError:
        return None


def _enum_value(kind: Any, value: object, fallback: Any) -> Any:
    try:
        return kind(value or "")
    except ValueError:
        return fallback  # written by a newer Casebook


def _details(row: Any) -> MedicineDetails:
    (brand, generic, dose, frequency, route, started, stopped, reason, stop_note, prescriber,
     purpose, event, notes) = row  # fmt: skip
    return MedicineDetails(
        brand_name=brand,
        generic_name=generic,
        dose=dose,
        frequency=frequency,
        route=_enum_value(Route, route, Route.OTHER),
        started_on=_partial(started),
        stopped_on=_partial(stopped),
        stop_reason=_enum_value(StopReason, reason, StopReason.OTHER),
        stop_note=stop_note,
        prescriber_id=int(prescriber) if prescriber is not None else None,
        purpose=purpose,
        timeline_event_id=int(event) if event is not None else None,
        notes=notes,
    )


def _values(details: MedicineDetails) -> list[object]:
    return [
        details.brand_name,
        details.generic_name,
        details.dose,
        details.frequency,
        details.route.value,
        details.started_on.iso() if details.started_on else None,
        details.stopped_on.iso() if details.stopped_on else None,
        details.stop_reason.value,
        details.stop_note,
        details.prescriber_id,
        details.purpose,
        details.timeline_event_id,
        details.notes,
    ]


def _add_version(
    db: sqlite_utils.Database, medicine_id: int, version: int, details: MedicineDetails, now: str
) -> None:
    db.execute(
        f"""INSERT INTO medicine_versions(medicine_id, version, saved_at, {_VERSION_COLUMNS})
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",  # noqa: S608
        [medicine_id, version, now, *_values(details)],
    )


def add_medicine(
    db: sqlite_utils.Database,
    details: MedicineDetails,
    now: str,
    lexicon_key: str = "",
    source_document_id: int | None = None,
) -> int:
    cursor = db.execute(
        f"""INSERT INTO medicines(created_at, lexicon_key, source_document_id,
                {_VERSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",  # noqa: S608
        [now, lexicon_key, source_document_id, *_values(details)],
    )
    medicine_id = int(cursor.lastrowid or 0)
    _add_version(db, medicine_id, 1, details, now)
    return medicine_id


def revise_medicine(
    db: sqlite_utils.Database, medicine_id: int, details: MedicineDetails, now: str
) -> int | None:
    """Save `details` as the next version and as what the medicine says now; returns the
    version's number, or None when nothing changed (or the medicine is gone)."""
    current = get_medicine(db, medicine_id)
    if current is None or current.current == details:
        return None
    version = current.version + 1
    _add_version(db, medicine_id, version, details, now)
    assignments = ", ".join(f"{column.strip()} = ?" for column in _VERSION_COLUMNS.split(","))
    db.execute(
        f"UPDATE medicines SET {assignments} WHERE id = ?",  # noqa: S608
        [*_values(details), medicine_id],
    )
    return version


def delete_medicine(db: sqlite_utils.Database, medicine_id: int) -> None:
    """Remove a medicine entered by mistake, with its history."""
    db.execute("DELETE FROM medicines WHERE id = ?", [medicine_id])


# Oldest first. Versions saved on several of the family's computers arrive in different orders
# (and are numbered as they arrive), so they are listed by when the change log says each was
# made (its hybrid clock, then the copy that made it: the same on every copy, and never against
# cause and effect); a version saved in the transaction still open has no record yet and is
# the newest.
_HISTORY_ORDER = """coalesce((SELECT min(c.hlc || ' ' || c.origin) FROM sync_changes c
    WHERE c.tbl = 'medicine_versions' AND c.row_uid = medicine_versions.uid AND c.field = ''),
    '~'), version"""
_MEDICINE = (
    "SELECT id, created_at, lexicon_key, source_document_id, "  # noqa: S608
    f"{_VERSION_COLUMNS} FROM medicines"
)


def _medicine(row: Any, history: list[MedicineVersion]) -> Medicine:
    mid, created, key, source, *details = row
    return Medicine(int(mid), created, tuple(history), key, source, _details(details))


def list_medicines(db: sqlite_utils.Database) -> list[Medicine]:
    """Every medicine with its history; current ones first, then by name."""
    versions: dict[int, list[MedicineVersion]] = defaultdict(list)
    for row in db.execute(
        f"""SELECT medicine_id, version, saved_at, {_VERSION_COLUMNS} FROM medicine_versions
            ORDER BY medicine_id, {_HISTORY_ORDER}"""  # noqa: S608
    ).fetchall():
        versions[int(row[0])].append(MedicineVersion(int(row[1]), row[2], _details(row[3:])))
    medicines = [
        _medicine(row, versions[int(row[0])])
        for row in db.execute(_MEDICINE).fetchall()
        if versions.get(int(row[0]))
    ]
    return sorted(medicines, key=lambda m: (not m.is_current, m.current.name.casefold(), m.id))


def get_medicine(db: sqlite_utils.Database, medicine_id: int) -> Medicine | None:
    row = db.execute(f"{_MEDICINE} WHERE id = ?", [medicine_id]).fetchone()
    if row is None:
        return None
    history = [
        MedicineVersion(int(version), saved, _details(rest))
        for version, saved, *rest in db.execute(
            f"""SELECT version, saved_at, {_VERSION_COLUMNS} FROM medicine_versions
                WHERE medicine_id = ? ORDER BY {_HISTORY_ORDER}""",  # noqa: S608
            [medicine_id],
        ).fetchall()
    ]
    return _medicine(row, history) if history else None


def current_count(db: sqlite_utils.Database) -> int:
    return int(db.execute(CURRENT_COUNT).fetchone()[0])


# --- Allergies ------------------------------------------------------------------------------

_ALLERGY_COLUMNS = "id, substance, kind, reaction, severity, noted_on, notes"


def _allergy(row: Any) -> Allergy:
    aid, substance, kind, reaction, severity, noted_on, notes = row
    return Allergy(
        substance,
        _enum_value(AllergyKind, kind, AllergyKind.ALLERGY),
        reaction,
        _enum_value(Severity, severity, Severity.NOT_STATED),
        _partial(noted_on),
        notes,
        int(aid),
    )


def _allergy_values(allergy: Allergy) -> list[object]:
    return [
        allergy.substance.strip(),
        allergy.kind.value,
        allergy.reaction.strip(),
        allergy.severity.value,
        allergy.noted_on.iso() if allergy.noted_on else None,
        allergy.notes.strip(),
    ]


def add_allergy(db: sqlite_utils.Database, allergy: Allergy, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO allergies(substance, kind, reaction, severity, noted_on, notes,
               created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [*_allergy_values(allergy), now, now],
    )
    return int(cursor.lastrowid or 0)


def update_allergy(db: sqlite_utils.Database, allergy: Allergy, now: str) -> bool:
    cursor = db.execute(
        """UPDATE allergies SET substance = ?, kind = ?, reaction = ?, severity = ?,
               noted_on = ?, notes = ?, updated_at = ? WHERE id = ?""",
        [*_allergy_values(allergy), now, allergy.id],
    )
    return cursor.rowcount > 0


def delete_allergy(db: sqlite_utils.Database, allergy_id: int) -> None:
    db.execute("DELETE FROM allergies WHERE id = ?", [allergy_id])


def list_allergies(db: sqlite_utils.Database) -> list[Allergy]:
    rows = db.execute(
        f"SELECT {_ALLERGY_COLUMNS} FROM allergies ORDER BY substance COLLATE NOCASE, id"  # noqa: S608
    ).fetchall()
    return [_allergy(row) for row in rows]


# --- Suggestions ----------------------------------------------------------------------------


def documents_with_text(db: sqlite_utils.Database) -> list[tuple[int, str, str, str]]:
    """(id, title, date or added, text) of each document in the binder that has text."""
    rows = db.execute(
        """SELECT id, title, coalesce(document_date, substr(added_at, 1, 10)), extracted_text
           FROM documents WHERE deleted_at IS NULL AND extracted_text != ''
           ORDER BY coalesce(document_date, substr(added_at, 1, 10)) DESC, id DESC"""
    ).fetchall()
    return [(int(i), str(title), str(on), str(text)) for i, title, on, text in rows]


def dismissed(db: sqlite_utils.Database) -> set[tuple[int, str]]:
    rows = db.execute(
        "SELECT document_id, lexicon_key FROM medicine_suggestions_dismissed"
    ).fetchall()
    return {(int(doc), str(key)) for doc, key in rows}


def dismiss(db: sqlite_utils.Database, document_ids: list[int], lexicon_key: str) -> None:
    for document_id in document_ids:
        db.execute(
            """INSERT OR IGNORE INTO medicine_suggestions_dismissed(document_id, lexicon_key)
               VALUES (?, ?)""",
            [document_id, lexicon_key],
        )
