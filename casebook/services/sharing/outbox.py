"""Writing this copy's exchange file: what the other members may not have seen yet.

"Not seen" is judged from what each member last said it holds (every file carries its
sender's summary), or, for someone who has not written yet, from what their invitation held.
The file carries those changes, the stored files they need, this copy's own summary, and the
family keys (each wrapped for each member), so a member who missed a key change catches up.

The file number is taken and the changes are marked as sent in one small transaction before
the file is written; the file is written as `.partial`, flushed to disk and renamed. Killed at
any point, the copy stays consistent: at worst a number is skipped, and the next exchange
writes everything again.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from casebook.core.changes import Changed
from casebook.core.errors import NotShared
from casebook.core.progress import CancelToken, Progress, Report
from casebook.core.sync import lowest
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.sharing.output import partial_file
from casebook.store.blobs import iter_blob, ready_blob_exists
from casebook.store.sharing import crypto, family, log
from casebook.store.sharing.container import ContainerWriter
from casebook.store.sharing.registry import SHARED
from casebook.store.sharing.tracking import copy_id

FORMAT = 1
SUFFIX = ".cbx"
_BATCH = 2000

Step = Callable[[str], None]
"""Called at named points of an exchange ("outbox-reserved", "outbox-written"…): the kill
tests stop the process there."""


@dataclass(frozen=True)
class Outgoing:
    path: Path
    changes: int
    files: int


def file_name(sender: str, sequence: int) -> str:
    return f"casebook-exchange-{sender[:8]}-{sequence:06d}{SUFFIX}"


def _blob_columns() -> dict[str, str]:
    return {s.table: s.blob for s in SHARED if s.blob}


def _base_vector(db: sqlite_utils.Database, me: str, now: datetime) -> dict[str, int] | None:
    """What every other member is known to hold; None when there is nobody to write for."""
    peers = family.peer_vectors(db)
    invitations = {i.uid: i for i in family.list_invitations(db)}
    vectors: list[dict[str, int]] = []
    joined: set[str] = set()
    for member in family.list_members(db):
        joined.add(member.invitation)
        if member.uid == me or member.removed:
            continue
        known = peers.get(member.uid)
        if known is None and member.invitation in invitations:
            known = invitations[member.invitation].seen
        vectors.append(known or {})
    for invitation in invitations.values():
        pending = invitation.uid not in joined and invitation.cancelled_at is None
        if pending and _still_valid(invitation.expires_at, now):
            vectors.append(invitation.seen)
    return lowest(vectors) if vectors else None


def _still_valid(expires_at: str, now: datetime) -> bool:
    try:
        return datetime.fromisoformat(expires_at) > now
    except ValueError:
        return False


def key_records(db: sqlite_utils.Database, family_id: str, me: str) -> list[dict[str, Any]]:
    """Every key generation after the first, vouched for and wrapped for each member."""
    keys = family.family_keys(db)
    members = [m for m in family.list_members(db) if not m.removed and m.public_key and m.uid != me]
    records = []
    for generation in sorted(g for g in keys if g > 0):
        key = keys[generation]
        wraps = {
            m.uid: crypto.wrap_key(key.key, m.public_key, family_id, generation, m.uid)
            for m in members
        }
        records.append(
            {"generation": generation, "key_id": key.key_id, "proof": key.proof, "wraps": wraps}
        )
    return records


def write_outbox(
    session: BinderSession,
    folder: Path,
    report: Report,
    cancel: CancelToken,
    step: Step | None = None,
    now: datetime | None = None,
) -> Outgoing | None:
    """Write this copy's news into `folder`; None when no member needs anything from it."""
    moment = now or clock.utc_now()
    with session.writing(Changed.SHARING) as db:
        family_id = family.family_id(db)
        key = family.current_key(db)
        if family_id is None or key is None:
            raise NotShared(session.folder)
        me = copy_id(db)
        base = _base_vector(db, me, moment)
        mine = log.seen_vector(db)
        if base is None:
            return None
        pending = sum(1 for _ in log.records_after(db, base))
        told = family.peer_vectors(db).get(me, {})
        if pending == 0 and told == mine:
            return None  # nothing new, and the others already know what this copy holds
        sequence = family.next_file_sequence(db)
        log.mark_exported(db)
        family.note_peer_vector(db, me, mine)  # "what I last told the others"
        header = {
            "format": FORMAT,
            "kind": "exchange",
            "family": family_id,
            "sender": me,
            "sequence": sequence,
            "file": secrets.token_hex(16),
            "generation": key.generation,
            "salt": secrets.token_hex(crypto.SALT_BYTES),
            "keys": key_records(db, family_id, me),
        }
    if step:
        step("outbox-reserved")
    target = folder / file_name(me, sequence)
    with partial_file(target) as out:
        with session.reading() as db:
            changes, files = _write_body(db, out, header, key.key, base, mine, report, cancel)
        out.finish()
        if step:
            step("outbox-flushed")
    _remove_superseded(folder, me, sequence)
    if step:
        step("outbox-written")
    return Outgoing(target, changes, files)


def _write_body(
    db: sqlite_utils.Database,
    out: Any,
    header: dict[str, Any],
    key: bytes,
    base: dict[str, int],
    mine: dict[str, int],
    report: Report,
    cancel: CancelToken,
) -> tuple[int, int]:
    writer = ContainerWriter(out, header, key, bytes.fromhex(header["salt"]))
    writer.write_json({"type": "summary", "holds": mine})
    blob_columns = _blob_columns()
    wanted: set[str] = set()
    batch: list[Any] = []
    count = 0
    for record in log.records_after(db, base):
        cancel.raise_if_cancelled()
        batch.append(record.to_json())
        count += 1
        if blob_columns.get(record.table) == record.field and isinstance(record.value, str):
            wanted.add(record.value)
        if len(batch) >= _BATCH:
            writer.write_json({"type": "changes", "records": batch})
            batch = []
    if batch:
        writer.write_json({"type": "changes", "records": batch})
    carried = sorted(sha for sha in wanted if ready_blob_exists(db, sha))
    sizes = dict(
        (str(r[0]), int(r[1]))
        for r in db.execute("SELECT sha256, size FROM blobs WHERE state = 'ready'")
        if str(r[0]) in wanted
    )
    total = sum(sizes.values())
    done = 0
    for sha in carried:
        cancel.raise_if_cancelled()
        writer.write_blob(sha, sizes[sha], _chunks(db, sha, cancel))
        done += sizes[sha]
        report(Progress(done, total, "write"))
    writer.finish()
    return count, len(carried)


def _chunks(db: sqlite_utils.Database, sha: str, cancel: CancelToken) -> Iterator[bytes]:
    for chunk in iter_blob(db, sha):
        cancel.raise_if_cancelled()
        yield chunk


def _remove_superseded(folder: Path, me: str, sequence: int) -> None:
    """This copy's older files: everything in them that anyone still needs is in the new one."""
    prefix = f"casebook-exchange-{me[:8]}-"
    for path in folder.glob(f"{prefix}*"):
        stem = path.name.removeprefix(prefix).split(".")[0]
        if stem.isdigit() and int(stem) < sequence:
            with contextlib.suppress(OSError):
                path.unlink()
