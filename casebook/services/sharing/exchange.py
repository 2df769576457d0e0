"""One exchange: read what the others left in a folder, then leave this copy's news there.

Reading first means this copy's file also carries what it has just learned, so news travels
on to members who have not heard from each other. The folder can be anything the family
already uses — a USB stick, an e-mail attachment saved to a folder, a folder a cloud drive or
Syncthing keeps in step. Casebook never runs a server and never opens a socket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from casebook.core.changes import Changed
from casebook.core.errors import ExchangeRefused, InvalidInput
from casebook.core.progress import CancelToken, Report
from casebook.services.binder.session import BinderSession
from casebook.services.sharing.inbox import FileRead, read_inbox
from casebook.services.sharing.outbox import Outgoing, Step, write_outbox
from casebook.services.undo import Deleted
from casebook.store.meta import get_meta, set_meta
from casebook.store.sharing import family
from casebook.store.sharing.tracking import copy_id
from casebook.store.sharing.versions import fields_with_several_values

__all__ = ["ExchangeSummary", "exchange", "last_folder", "remember_folder"]


@dataclass(frozen=True)
class ExchangeSummary:
    read: tuple[FileRead, ...]
    refused: tuple[ExchangeRefused, ...]
    already_read: int
    written: Outgoing | None
    names: dict[str, str]  # copy id -> member name, for the words
    two_versions: int  # fields holding two versions now (all of them, not only new ones)
    removed_me: bool  # this copy was removed from the family: nobody will read its files

    @property
    def deleted(self) -> tuple[Deleted, ...]:
        return tuple(d for f in self.read for d in f.deleted)


def exchange(
    session: BinderSession,
    folder: Path,
    report: Report,
    cancel: CancelToken,
    step: Step | None = None,
    now: datetime | None = None,
) -> ExchangeSummary:
    if not folder.is_dir():
        raise InvalidInput("folder", "not a folder")
    inbox = read_inbox(session, folder, report, cancel, step)
    with session.reading() as db:
        me = family.get_member(db, copy_id(db))
        removed = me is not None and me.removed
    written = None if removed else write_outbox(session, folder, report, cancel, step, now)
    with session.reading() as db:
        names = {m.uid: m.name for m in family.list_members(db)}
        several = len(fields_with_several_values(db))
    return ExchangeSummary(
        tuple(inbox.read),
        tuple(inbox.refused),
        inbox.already_read,
        written,
        names,
        several,
        removed,
    )


_FOLDER = "sharing_folder"


def last_folder(session: BinderSession) -> Path | None:
    """The folder this copy last exchanged through (kept inside the encrypted binder: a
    folder's name can name the family)."""
    with session.reading() as db:
        value = get_meta(db, _FOLDER)
    return Path(value) if value else None


def remember_folder(session: BinderSession, folder: Path) -> None:
    with session.writing(Changed.SETTINGS) as db:
        set_meta(db, _FOLDER, str(folder))
