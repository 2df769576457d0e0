"""Fields that hold two versions after an exchange, and choosing between them.

When two family members changed the same thing before hearing from each other, both versions
are kept; the newer is shown meanwhile, with a "two versions" marker. Choosing one (or writing
a text that merges them) settles the field on every copy at the next exchange.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from casebook.core.changes import Changed
from casebook.core.sync import Hlc
from casebook.services.binder.session import BinderSession
from casebook.store.sharing import family
from casebook.store.sharing import versions as store
from casebook.store.sharing.log import LogView
from casebook.store.sharing.registry import shared_table
from casebook.store.sharing.shapes import Shapes

__all__ = [
    "TwoVersions",
    "VersionOption",
    "choose_version",
    "list_two_versions",
    "marked_rows",
    "write_merged",
]


@dataclass(frozen=True)
class VersionOption:
    value: Any  # as kept in the log (pass it back to `choose_version`)
    text: str  # as people read it
    author: str  # the member's name ("" when unknown)
    computer: str
    written_at: datetime


@dataclass(frozen=True)
class TwoVersions:
    table: str
    uid: str
    field: str
    kind: Changed
    label: str  # names the record (a question's text, a note's first words…)
    local_id: int | None
    options: tuple[VersionOption, ...]  # the one shown first

    @property
    def is_text(self) -> bool:
        """Both versions are plain text, so a merged text can be written."""
        return all(isinstance(o.value, str) for o in self.options)


def _text(shapes: Shapes, table: str, field: str, value: Any) -> str:
    shape = shapes.tables[table]
    if field in shape.refs and value is not None:
        uids = value if isinstance(value, list) else [value]
        return ", ".join(_label_of(shapes, shape.refs[field], str(u)) for u in uids)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "—"
    return str(value)


def _label_of(shapes: Shapes, ref: Any, uid: str) -> str:
    table = getattr(ref, "table", None)
    if table is None:
        return "…"
    column = shared_table(table).label
    heads = shapes.view.row(table, uid).heads(column) if column else []
    return str(heads[0].value) if heads and heads[0].value else "…"


def list_two_versions(session: BinderSession) -> list[TwoVersions]:
    with session.reading() as db:
        view = LogView(db)
        shapes = Shapes(db, view)
        members = {m.uid: m for m in family.list_members(db)}
        found = []
        for item in store.fields_with_several_values(db):
            options = []
            for version in item.versions:
                who = members.get(version.change.origin)
                written = datetime.fromtimestamp(Hlc.parse(version.hlc).wall_ms / 1000, UTC)
                options.append(
                    VersionOption(
                        version.value,
                        _text(shapes, item.table, item.field, version.value),
                        who.name if who else "",
                        who.computer if who else "",
                        written,
                    )
                )
            found.append(
                TwoVersions(
                    item.table,
                    item.uid,
                    item.field,
                    shared_table(item.table).kind,
                    item.label,
                    shapes.local_id(item.table, item.uid),
                    tuple(options),
                )
            )
    return found


def marked_rows(session: BinderSession) -> dict[str, set[int]]:
    """table -> local ids of the records that hold a field in two versions (for markers)."""
    marked: dict[str, set[int]] = {}
    for item in list_two_versions(session):
        if item.local_id is not None:
            marked.setdefault(item.table, set()).add(item.local_id)
    return marked


def choose_version(session: BinderSession, item: TwoVersions, value: Any) -> None:
    """Keep `value` (one of the options' values); the other version is settled everywhere."""
    also = shared_table(item.table).also
    with session.writing(item.kind, *also, Changed.SHARING) as db:
        store.choose_value(db, item.table, item.uid, item.field, value)


def write_merged(session: BinderSession, item: TwoVersions, text: str) -> None:
    """Replace both versions of a text with one the family wrote from them."""
    if not item.is_text:
        raise ValueError("only text can be merged")
    choose_version(session, item, text)
