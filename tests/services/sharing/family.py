"""Families of real binders for the sharing tests: one created, the others joined from real
invitations (the minimum Argon2id cost keeps them fast), and a dump of what a copy shows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casebook.core.model import Case, PartialDate
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.sync import EXISTS
from casebook.services.binder.session import BinderSession, create_binder
from casebook.services.sharing.exchange import ExchangeSummary, exchange
from casebook.services.sharing.invitations import invite, join
from casebook.store.keyslots import KdfParams
from casebook.store.sharing.log import LogView
from casebook.store.sharing.registry import SHARED
from casebook.store.sharing.shapes import Shapes

FAST = KdfParams.minimum()
PASSWORDS = {
    "Li": "tulip ledger 42 window",
    "Wei": "orchard kettle 17 blue",
    "Mei": "lantern 88 quiet river",
}


@dataclass
class Family:
    root: Path
    copies: dict[str, BinderSession] = field(default_factory=dict)

    def exchange(self, name: str, folder: Path | None = None) -> ExchangeSummary:
        target = folder or self.root / "family folder"
        target.mkdir(exist_ok=True)
        return exchange(self.copies[name], target, ignore_progress, NEVER_CANCELLED)

    def settle(self, rounds: int = 2) -> None:
        """Everyone exchanges through one folder until all have read everything."""
        for _ in range(rounds):
            for name in self.copies:
                self.exchange(name)

    def close(self) -> None:
        for session in self.copies.values():
            if not session.closed:
                session.close()


def start_family(root: Path, names: tuple[str, ...] = ("Li", "Wei")) -> Family:
    """`names[0]` creates the binder and invites each of the others, who join."""
    first = names[0]
    created = create_binder(
        root / first,
        PASSWORDS[first],
        Case(patient_name="Wang Fang", date_of_birth=PartialDate(1961, 5), diagnosis_summary=""),
        FAST,
    )
    family = Family(root, {first: created.session})
    for name in names[1:]:
        made = invite(
            created.session,
            name,
            first,
            root / f"{name}.invitation",
            ignore_progress,
            NEVER_CANCELLED,
            kdf=FAST,
        )
        joined = join(
            made.path,
            made.code,
            root / name,
            PASSWORDS[name],
            ignore_progress,
            NEVER_CANCELLED,
            kdf=FAST,
        )
        family.copies[name] = joined.session
    return family


def content(session: BinderSession) -> dict[str, Any]:
    """What a copy shows, in global terms: every present row's shared fields, and for each
    field the set of versions it keeps. Two copies that agree here show the same case."""
    with session.reading() as db:
        view = LogView(db)
        shapes = Shapes(db, view)
        shown: dict[str, Any] = {}
        for shared in SHARED:
            shape = shapes.tables[shared.table]
            rows = {}
            only = f" WHERE {shared.only}" if shared.only else ""
            for (row_id,) in db.execute(f"SELECT rowid FROM {shape.table}{only}"):  # noqa: S608
                values = shapes.local_row(shape.table, int(row_id))
                assert values is not None
                uid = str(values["uid"])
                history = view.row(shape.table, uid)
                rows[uid] = {
                    EXISTS: {"shown": shapes.present(shape.table, uid), "versions": []},
                    **{
                        column: {
                            "shown": shapes.global_value(shape, column, values),
                            "versions": sorted(
                                json.dumps(v.value, sort_keys=True) for v in history.heads(column)
                            ),
                        }
                        for column in shape.columns
                        if column not in shared.quiet
                    },
                }
            shown[shape.table] = rows
        return shown


def log_of(session: BinderSession) -> set[tuple[str, int, str]]:
    with session.reading() as db:
        return {
            (str(o), int(c), str(v))
            for o, c, v in db.execute("SELECT origin, counter, value FROM sync_changes")
        }


def binder_state(session: BinderSession) -> dict[str, Any]:
    """Everything in the binder's tables but the caches: for "nothing changed" checks."""
    skipped = {"sync_pending", "thumbnails", "search_index"}
    with session.reading() as db:
        tables = [
            str(r[0])
            for r in db.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND name NOT LIKE 'search_index%'"
            )
        ]
        return {
            table: sorted(repr(tuple(row)) for row in db.execute(f"SELECT * FROM {table}"))  # noqa: S608
            for table in tables
            if table not in skipped
        }


NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
