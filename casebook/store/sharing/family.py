"""Who shares this binder, the family's keys, and what each copy has seen and sent.

Members and invitations are shared rows (they travel in the change log like the case itself).
Keys, this copy's private keys, what the others are known to hold and which files were read stay
on this copy only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from casebook.store.meta import get_meta, set_meta

FAMILY_ID = "family_id"
_FILE_SEQUENCE = "sync_file_sequence"


@dataclass(frozen=True)
class Member:
    uid: str  # the id of the member's copy of the binder
    name: str
    computer: str
    public_key: str
    invitation: str
    joined_at: str
    removed_at: str | None
    removed_by: str

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


@dataclass(frozen=True)
class Invitation:
    uid: str
    name: str
    invited_by: str
    created_at: str
    expires_at: str
    seen: dict[str, int]  # what the copy made from it holds
    cancelled_at: str | None


@dataclass(frozen=True)
class FamilyKey:
    generation: int
    key: bytes
    key_id: str
    proof: str  # HMAC under the previous generation's key ("" for the first)


def family_id(db: sqlite_utils.Database) -> str | None:
    return get_meta(db, FAMILY_ID)


def set_family_id(db: sqlite_utils.Database, value: str) -> None:
    set_meta(db, FAMILY_ID, value)


# Members and invitations --------------------------------------------------------------------

_MEMBER_COLUMNS = "uid, name, computer, public_key, invitation, joined_at, removed_at, removed_by"


def list_members(db: sqlite_utils.Database) -> list[Member]:
    rows = db.execute(
        f"SELECT {_MEMBER_COLUMNS} FROM family_members ORDER BY joined_at, uid"  # noqa: S608
    ).fetchall()
    return [
        Member(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            None if r[6] is None else str(r[6]),
            str(r[7]),
        )
        for r in rows
    ]


def get_member(db: sqlite_utils.Database, uid: str) -> Member | None:
    return next((m for m in list_members(db) if m.uid == uid), None)


def add_member(db: sqlite_utils.Database, member: Member) -> None:
    db.execute(
        f"INSERT INTO family_members({_MEMBER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
        [
            member.uid,
            member.name,
            member.computer,
            member.public_key,
            member.invitation,
            member.joined_at,
            member.removed_at,
            member.removed_by,
        ],
    )


def set_member_public_key(db: sqlite_utils.Database, uid: str, public_key: str) -> None:
    db.execute("UPDATE family_members SET public_key = ? WHERE uid = ?", [public_key, uid])


def set_member_name(db: sqlite_utils.Database, uid: str, name: str) -> None:
    db.execute("UPDATE family_members SET name = ? WHERE uid = ?", [name, uid])


def mark_removed(db: sqlite_utils.Database, uid: str, by: str, now: str) -> None:
    db.execute(
        "UPDATE family_members SET removed_at = ?, removed_by = ? WHERE uid = ?", [now, by, uid]
    )


def list_invitations(db: sqlite_utils.Database) -> list[Invitation]:
    rows = db.execute(
        """SELECT uid, name, invited_by, created_at, expires_at, seen_json, cancelled_at
           FROM family_invitations ORDER BY created_at, uid"""
    ).fetchall()
    return [
        Invitation(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            {str(k): int(v) for k, v in json.loads(str(r[5]) or "{}").items()},
            None if r[6] is None else str(r[6]),
        )
        for r in rows
    ]


def add_invitation(db: sqlite_utils.Database, invitation: Invitation) -> None:
    db.execute(
        """INSERT INTO family_invitations(uid, name, invited_by, created_at, expires_at,
               seen_json, cancelled_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [
            invitation.uid,
            invitation.name,
            invitation.invited_by,
            invitation.created_at,
            invitation.expires_at,
            json.dumps(invitation.seen, sort_keys=True),
            invitation.cancelled_at,
        ],
    )


def cancel_invitation(db: sqlite_utils.Database, uid: str, now: str) -> None:
    db.execute("UPDATE family_invitations SET cancelled_at = ? WHERE uid = ?", [now, uid])


def first_joiners(db: sqlite_utils.Database) -> dict[str, str]:
    """invitation uid -> the member who joined with it first (by the clock of their joining).

    An invitation is single-use: a second copy made from the same file is not a member.
    """
    rows = db.execute(
        """SELECT m.invitation, m.uid, min(c.hlc) FROM family_members m
           JOIN sync_changes c ON c.tbl = 'family_members' AND c.row_uid = m.uid
                               AND c.field = '' AND c.value = 'true'
           WHERE m.invitation != '' GROUP BY m.uid"""
    ).fetchall()
    first: dict[str, tuple[str, str]] = {}
    for invitation, uid, hlc in rows:
        key = (str(hlc), str(uid))
        if str(invitation) not in first or key < first[str(invitation)]:
            first[str(invitation)] = key
    return {invitation: uid for invitation, (_hlc, uid) in first.items()}


# Keys ---------------------------------------------------------------------------------------


def family_keys(db: sqlite_utils.Database) -> dict[int, FamilyKey]:
    return {
        int(r[0]): FamilyKey(int(r[0]), bytes(r[1]), str(r[2]), str(r[3]))
        for r in db.execute("SELECT generation, key, key_id, proof FROM family_keys")
    }


def current_key(db: sqlite_utils.Database) -> FamilyKey | None:
    keys = family_keys(db)
    return keys[max(keys)] if keys else None


def add_family_key(db: sqlite_utils.Database, key: FamilyKey, now: str) -> None:
    db.execute(
        """INSERT OR IGNORE INTO family_keys(generation, key, key_id, proof, created_at)
           VALUES (?, ?, ?, ?, ?)""",
        [key.generation, key.key, key.key_id, key.proof, now],
    )


def own_key_pairs(db: sqlite_utils.Database) -> list[tuple[str, bytes]]:
    """(public key hex, private key bytes), newest first."""
    return [
        (str(r[0]), bytes(r[1]))
        for r in db.execute(
            "SELECT public_key, private_key FROM family_own_keys ORDER BY created_at DESC"
        )
    ]


def add_own_key_pair(db: sqlite_utils.Database, public: str, private: bytes, now: str) -> None:
    db.execute(
        "INSERT INTO family_own_keys(public_key, private_key, created_at) VALUES (?, ?, ?)",
        [public, private, now],
    )


# What the others hold, and files -----------------------------------------------------------


def peer_vectors(db: sqlite_utils.Database) -> dict[str, dict[str, int]]:
    vectors: dict[str, dict[str, int]] = {}
    for member, origin, counter in db.execute("SELECT member, origin, counter FROM sync_peers"):
        vectors.setdefault(str(member), {})[str(origin)] = int(counter)
    return vectors


def note_peer_vector(db: sqlite_utils.Database, member: str, vector: dict[str, int]) -> None:
    """Remember what `member` holds (never lowering what was known)."""
    for origin, counter in vector.items():
        db.execute(
            """INSERT INTO sync_peers(member, origin, counter) VALUES (?, ?, ?)
               ON CONFLICT(member, origin)
               DO UPDATE SET counter = max(counter, excluded.counter)""",
            [member, origin, int(counter)],
        )


def file_was_read(db: sqlite_utils.Database, file_id: str) -> bool:
    return (
        db.execute("SELECT 1 FROM sync_files_read WHERE file_id = ?", [file_id]).fetchone()
        is not None
    )


def newest_sequence_read(db: sqlite_utils.Database, sender: str) -> int:
    row = db.execute(
        "SELECT max(sequence) FROM sync_files_read WHERE sender = ?", [sender]
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def note_file_read(
    db: sqlite_utils.Database, file_id: str, sender: str, sequence: int, now: str
) -> None:
    db.execute(
        "INSERT INTO sync_files_read(file_id, sender, sequence, read_at) VALUES (?, ?, ?, ?)",
        [file_id, sender, sequence, now],
    )


def next_file_sequence(db: sqlite_utils.Database) -> int:
    """The number of this copy's next exchange file (taken before the file is written)."""
    sequence = int(get_meta(db, _FILE_SEQUENCE) or 0) + 1
    set_meta(db, _FILE_SEQUENCE, str(sequence))
    return sequence


def last_file_sequence(db: sqlite_utils.Database) -> int:
    return int(get_meta(db, _FILE_SEQUENCE) or 0)
