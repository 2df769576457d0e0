"""Inviting a family member, and joining from an invitation on another computer.

An invitation file holds a full copy of the binder — every change in the log and every stored
file — and the family's keys, encrypted with a key derived by Argon2id from a short code that
the inviter reads out or sends by another channel (as the bundle's password is). It expires
(seven days by default) and is single-use: the first copy made from it that the family hears
from is the member; another copy made from the same file is refused by everyone (see
`inbox._standing`).

Joining builds the new binder beside its final place (`<folder>.joining`), with the person's
own password and recovery code, and renames it only when everything is in: an interrupted join
leaves nothing that looks like a binder.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from casebook.core.changes import Changed
from casebook.core.errors import (
    BinderUnavailable,
    InvalidInput,
    InvitationProblem,
    UnavailableReason,
)
from casebook.core.errors import InvitationRefused as Refused
from casebook.core.model import Case
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services import clock
from casebook.services.binder.session import BinderSession, NewBinder, create_binder, unlock_binder
from casebook.services.clock import timestamp
from casebook.services.sharing.members import computer_name, ensure_family
from casebook.services.sharing.outbox import FORMAT, _blob_columns, _chunks
from casebook.services.sharing.output import partial_file
from casebook.store import blobs
from casebook.store.kdf import derive_wrapping_key
from casebook.store.keyslots import KdfParams, calibrate_kdf
from casebook.store.sharing import crypto, family, log
from casebook.store.sharing.container import (
    BlobFrame,
    ContainerReader,
    ContainerWriter,
    Header,
    NotAContainer,
    read_header,
)
from casebook.store.sharing.family import FamilyKey, Invitation, Member
from casebook.store.sharing.log import Record, forget_local_history
from casebook.store.sharing.materialize import materialize
from casebook.store.sharing.tracking import copy_id

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
CODE_LENGTH = 12  # 60 bits, read aloud as three groups of four
DEFAULT_LIFETIME = timedelta(days=7)
_FOLD = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})

__all__ = ["InvitationMade", "invite", "join", "normalise_code"]


@dataclass(frozen=True)
class InvitationMade:
    path: Path
    code: str
    expires_at: datetime
    changes: int
    files: int


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(typed: str) -> str:
    """What the person typed, in the form the key was derived from (spaces, case, O/0 folded)."""
    compact = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_FOLD)
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def invite(
    session: BinderSession,
    invitee: str,
    my_name: str,
    out: Path,
    report: Report,
    cancel: CancelToken,
    now: datetime | None = None,
    lifetime: timedelta = DEFAULT_LIFETIME,
    kdf: KdfParams | None = None,
) -> InvitationMade:
    """Write an invitation file for `invitee`; the code is returned, never stored."""
    if not invitee.strip():
        raise InvalidInput("invitee", "empty")
    moment = now or clock.utc_now()
    expires = moment + lifetime
    params = kdf or calibrate_kdf(0.5)
    code = new_code()
    with session.writing(Changed.SHARING) as db:
        family_id = ensure_family(db, my_name, timestamp())
        uid = secrets.token_hex(16)
        family.add_invitation(
            db,
            Invitation(
                uid,
                invitee.strip(),
                copy_id(db),
                moment.isoformat(timespec="seconds"),
                expires.isoformat(timespec="seconds"),
                log.seen_vector(db),
                None,
            ),
        )
    with session.writing(Changed.SHARING) as db:
        log.mark_exported(db)  # the invitation row itself is in the file
    salt = secrets.token_bytes(16)
    segment_salt = secrets.token_bytes(crypto.SALT_BYTES)
    header = {
        "format": FORMAT,
        "kind": "invitation",
        "expires_at": expires.isoformat(timespec="seconds"),
        "kdf": [params.memory_kib, params.iterations, params.parallelism],
        "salt": salt.hex(),
        "segment_salt": segment_salt.hex(),
    }
    key = _invitation_key(code, salt, params)
    with partial_file(out) as handle, session.reading() as db:
        writer = ContainerWriter(handle, header, key, segment_salt)
        keys = family.family_keys(db)
        writer.write_json(
            {
                "type": "invitation",
                "family": family_id,
                "invitation": uid,
                "name": invitee.strip(),
                "invited_by": copy_id(db),
                "keys": [[k.generation, k.key.hex(), k.key_id, k.proof] for k in keys.values()],
            }
        )
        changes, files = _write_everything(db, writer, report, cancel)
        writer.finish()
    return InvitationMade(out, code, expires, changes, files)


def _write_everything(
    db: Any, writer: ContainerWriter, report: Report, cancel: CancelToken
) -> tuple[int, int]:
    columns = _blob_columns()
    wanted: set[str] = set()
    batch: list[Any] = []
    count = 0
    for record in log.records_after(db, {}):
        cancel.raise_if_cancelled()
        batch.append(record.to_json())
        count += 1
        if columns.get(record.table) == record.field and isinstance(record.value, str):
            wanted.add(record.value)
        if len(batch) >= 2000:
            writer.write_json({"type": "changes", "records": batch})
            batch = []
    if batch:
        writer.write_json({"type": "changes", "records": batch})
    sizes = {
        str(sha): int(size)
        for sha, size in db.execute("SELECT sha256, size FROM blobs WHERE state = 'ready'")
        if str(sha) in wanted
    }
    total, done = sum(sizes.values()), 0
    for sha in sorted(sizes):
        writer.write_blob(sha, sizes[sha], _chunks(db, sha, cancel))
        done += sizes[sha]
        report(Progress(done, total, "invitation"))
    return count, len(sizes)


# Joining ------------------------------------------------------------------------------------


def _open_invitation(path: Path, code: str, now: datetime) -> tuple[Header, bytes, bytes]:
    """The header, the key from the code, and the segment salt; refuses before any binder is
    made when the file is not an invitation, has expired, or the code does not open it."""
    try:
        with open(path, "rb") as stream:
            header = read_header(stream)
    except (OSError, NotAContainer):
        raise Refused(path, InvitationProblem.NOT_AN_INVITATION) from None
    fields = header.fields
    if fields.get("kind") != "invitation":
        raise Refused(path, InvitationProblem.NOT_AN_INVITATION)
    if not isinstance(fields.get("format"), int) or fields["format"] > FORMAT:
        raise Refused(path, InvitationProblem.TOO_NEW)
    try:
        expires = datetime.fromisoformat(str(fields["expires_at"]))
        memory, iterations, parallelism = (int(v) for v in fields["kdf"])
        params = KdfParams(memory, iterations, parallelism)
        salt = bytes.fromhex(str(fields["salt"]))
        segment_salt = bytes.fromhex(str(fields["segment_salt"]))
        key = _invitation_key(normalise_code(code), salt, params)  # bounds checked first
    except (KeyError, ValueError, TypeError):
        raise Refused(path, InvitationProblem.NOT_AN_INVITATION) from None
    if expires <= now:
        raise Refused(path, InvitationProblem.EXPIRED)
    return header, key, segment_salt


def _invitation_key(code: str, salt: bytes, params: KdfParams) -> bytes:
    """The key an invitation file is sealed with, derived from its code (Argon2id)."""
    derived = derive_wrapping_key(code, salt, params)
    try:
        return bytes(derived.view())
    finally:
        derived.wipe()


def join(
    path: Path,
    code: str,
    folder: Path,
    password: str,
    report: Report,
    cancel: CancelToken,
    now: datetime | None = None,
    kdf: KdfParams | None = None,
) -> NewBinder:
    """Make this person's own copy of the family's binder in `folder`."""
    moment = now or clock.utc_now()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BinderUnavailable(folder, UnavailableReason.ALREADY_EXISTS)
    header, key, segment_salt = _open_invitation(path, code, moment)
    with open(path, "rb") as stream:
        read_header(stream)
        frames = ContainerReader(stream, header, key, segment_salt).frames()
        try:
            first = next(frames).value  # type: ignore[union-attr]
        except (crypto.Unauthentic, StopIteration, AttributeError):
            raise Refused(path, InvitationProblem.WRONG_CODE) from None
        if not isinstance(first, dict) or first.get("type") != "invitation":
            raise Refused(path, InvitationProblem.NOT_AN_INVITATION)
        building = folder.with_name(folder.name + ".joining")
        if building.exists():
            shutil.rmtree(building)
        created = create_binder(building, password, Case(patient_name="…"), kdf)
        try:
            _fill(created.session, first, frames, path, report, cancel)
        except BaseException:
            created.session.close()
            with contextlib.suppress(OSError):
                shutil.rmtree(building)
            raise
        created.session.close()
    if folder.exists():
        folder.rmdir()  # known empty
    os.replace(building, folder)
    return NewBinder(unlock_binder(folder, password), created.recovery_code)


def _fill(
    session: BinderSession,
    first: dict[str, Any],
    frames: Any,
    path: Path,
    report: Report,
    cancel: CancelToken,
) -> None:
    """Take the invitation's changes and stored files into the new binder, then make this
    copy a member (its own key pair, its member row)."""
    records: list[Record] = []
    staged: list[blobs.StagedBlob] = []
    try:
        for frame in frames:
            cancel.raise_if_cancelled()
            if isinstance(frame, BlobFrame):
                piece = session.stage(frame.reader, cancel)  # type: ignore[arg-type]
                staged.append(piece)
                if piece.sha256 != frame.sha256:
                    raise crypto.Unauthentic
                report(Progress(len(staged), 0, "join"))
                continue
            value = frame.value
            if isinstance(value, dict) and value.get("type") == "changes":
                records.extend(Record.from_json(item) for item in value.get("records", []))
        keys = [FamilyKey(int(g), bytes.fromhex(k), str(i), str(p)) for g, k, i, p in first["keys"]]
        family_id, invitation = str(first["family"]), str(first["invitation"])
        name, inviter = str(first["name"]), str(first["invited_by"])
    except (crypto.Unauthentic, ValueError, TypeError, KeyError):
        raise Refused(path, InvitationProblem.WRONG_CODE) from None
    now = timestamp()
    with session.writing(*Changed) as db:
        forget_local_history(db)
        for piece in staged:
            blobs.finish_blob(db, piece)
        for record in records:
            log.add_remote(db, record)
        if records:
            log.witness_clock(db, max(r.hlc for r in records))
        family.set_family_id(db, family_id)
        for key in keys:
            family.add_family_key(db, key, now)
        public, private = crypto.new_key_pair()
        family.add_own_key_pair(db, public, private, now)
        materialize(db, {(r.table, r.uid) for r in records})
        me = copy_id(db)
        family.add_member(db, Member(me, name, computer_name(), public, invitation, now, None, ""))
        family.note_peer_vector(db, inviter, log.seen_vector(db))
