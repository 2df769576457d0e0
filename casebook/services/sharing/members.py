"""The family: starting it, who is in it, removing someone.

The first invitation starts the family: a random family id, the first family key and this
copy's own key pair, and a member row for the person inviting. Removing a member starts a new
key generation; the next exchange files are made with it and carry it, wrapped, to every other
member — never to the one removed.
"""

from __future__ import annotations

import platform
import secrets
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from casebook.core.changes import Changed
from casebook.core.errors import InvalidInput, NotShared
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.store.sharing import crypto, family
from casebook.store.sharing.family import FamilyKey, Member
from casebook.store.sharing.tracking import copy_id

__all__ = [
    "FamilyMember",
    "PendingInvitation",
    "Sharing",
    "is_shared",
    "load_sharing",
    "remove_member",
    "rename_me",
]


@dataclass(frozen=True)
class FamilyMember:
    uid: str
    name: str
    computer: str
    is_me: bool
    removed: bool
    joined_at: str


@dataclass(frozen=True)
class PendingInvitation:
    uid: str
    name: str
    expires_at: str
    expired: bool


@dataclass(frozen=True)
class Sharing:
    """What the members window shows."""

    shared: bool
    members: tuple[FamilyMember, ...]
    invitations: tuple[PendingInvitation, ...]
    my_name: str


def computer_name() -> str:
    """How this computer is named to the family ("on which computer"); never the patient."""
    return platform.node().split(".")[0][:60] or "?"


def is_shared(session: BinderSession) -> bool:
    with session.reading() as db:
        return family.family_id(db) is not None


def ensure_family(db: sqlite_utils.Database, my_name: str, now: str) -> str:
    """Start the family on its first invitation (inside a write); returns the family id."""
    existing = family.family_id(db)
    me = copy_id(db)
    if existing is not None:
        if my_name.strip() and (member := family.get_member(db, me)) and not member.name:
            family.set_member_name(db, me, my_name.strip())
        return existing
    if not my_name.strip():
        raise InvalidInput("your_name", "empty")
    family_id = secrets.token_hex(16)
    family.set_family_id(db, family_id)
    key = crypto.new_key()
    family.add_family_key(db, FamilyKey(0, key, crypto.key_id(key), ""), now)
    public, private = crypto.new_key_pair()
    family.add_own_key_pair(db, public, private, now)
    family.add_member(db, Member(me, my_name.strip(), computer_name(), public, "", now, None, ""))
    return family_id


def _expired(expires_at: str, now: datetime) -> bool:
    try:
        return datetime.fromisoformat(expires_at) <= now
    except ValueError:
        return True


def load_sharing(session: BinderSession, now: datetime | None = None) -> Sharing:
    moment = now or clock.utc_now()
    with session.reading() as db:
        me = copy_id(db)
        shared = family.family_id(db) is not None
        first = family.first_joiners(db)
        members = []
        for m in family.list_members(db):
            duplicate = m.invitation and first.get(m.invitation) != m.uid
            if duplicate:
                continue
            members.append(
                FamilyMember(m.uid, m.name, m.computer, m.uid == me, m.removed, m.joined_at)
            )
        joined = {m.invitation for m in family.list_members(db)}
        invitations = tuple(
            PendingInvitation(i.uid, i.name, i.expires_at, _expired(i.expires_at, moment))
            for i in family.list_invitations(db)
            if i.uid not in joined and i.cancelled_at is None
        )
        mine = family.get_member(db, me)
    return Sharing(shared, tuple(members), invitations, mine.name if mine else "")


def rename_me(session: BinderSession, name: str) -> None:
    if not name.strip():
        raise InvalidInput("your_name", "empty")
    with session.writing(Changed.SHARING) as db:
        family.set_member_name(db, copy_id(db), name.strip())


def remove_member(session: BinderSession, member_uid: str) -> None:
    """Remove a member (or cancel an invitation): later files use a key they do not get."""
    now = timestamp()
    with session.writing(Changed.SHARING) as db:
        family_id = family.family_id(db)
        if family_id is None:
            raise NotShared(session.folder)
        me = copy_id(db)
        if member_uid == me:
            raise InvalidInput("member", "cannot remove yourself")
        if any(i.uid == member_uid for i in family.list_invitations(db)):
            family.cancel_invitation(db, member_uid, now)
        elif family.get_member(db, member_uid) is not None:
            family.mark_removed(db, member_uid, me, now)
        else:
            raise KeyError(member_uid)
        start_new_key_generation(db, family_id, now)


def start_new_key_generation(db: sqlite_utils.Database, family_id: str, now: str) -> FamilyKey:
    previous = family.current_key(db)
    assert previous is not None
    key = crypto.new_key()
    identity = crypto.key_id(key)
    generation = previous.generation + 1
    proof = crypto.key_proof(previous.key, family_id, generation, identity)
    created = FamilyKey(generation, key, identity, proof)
    family.add_family_key(db, created, now)
    return created
