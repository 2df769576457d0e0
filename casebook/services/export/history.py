"""What the binder remembers of each bundle it sealed: when, for whom, and the parts' hashes.

The export log is written by sealing (`services/export/sealing.py`) in the same transaction that
publishes the bundle, so an entry exists exactly when a bundle was delivered. It never holds the
bundle's password.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from casebook.services.binder.session import BinderSession


@dataclass(frozen=True)
class ExportRecord:
    exported_at: str  # ISO timestamp
    recipient: dict[str, str]  # institution, department, contact, country
    parts: list[dict[str, object]]  # each part's file name, size and SHA-256
    profile: str  # the destination profile's id, "" when none was chosen


def export_history(session: BinderSession) -> list[ExportRecord]:
    """Every sealed bundle, oldest first."""
    with session.reading() as db:
        rows = db.execute(
            "SELECT exported_at, recipient, parts_json, profile FROM export_log ORDER BY id"
        ).fetchall()
    return [
        ExportRecord(str(at), json.loads(recipient or "{}"), json.loads(parts), str(profile))
        for at, recipient, parts, profile in rows
    ]
