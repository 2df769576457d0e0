"""What a write changed in the binder, so that every screen showing it can read it again.

A write declares the kinds of record it touches when it opens its transaction
(`session.writing(Changed.DOCUMENTS, Changed.SLOTS)`); the session records them when the
transaction commits. A write operation in the UI collects what its job committed and announces
it once, on one session-wide signal; each model listens for the kinds it shows. Nothing is
announced for a transaction that rolled back, and everything that committed is announced, even
when the job was cancelled or failed half-way (a cancelled import keeps the batches it stored).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Changed(enum.Enum):
    """The kinds of record a write can change; screens subscribe to the kinds they show."""

    CASE = "case"  # patient, diagnosis, languages, decision moment
    DOCUMENTS = "documents"
    SLOTS = "slots"  # the family's own statements about a kind of record
    IMAGING = "imaging"  # studies, series, instances, key images, report links
    TIMELINE = "timeline"
    QUESTIONS = "questions"
    CONSULTATIONS = "consultations"  # consultations, their lists, answers and notes
    OPINIONS = "opinions"  # opinions and the family's comparison marks
    DECISIONS = "decisions"
    EXPORTS = "exports"  # the export log
    BACKUPS = "backups"  # when the last backup was made
    SETTINGS = "settings"  # preferences kept inside the binder
    UNDO = "undo"  # snapshots that can be restored
    THUMBNAILS = "thumbnails"  # the encrypted preview cache
    MEDICINES = "medicines"
    CONTACTS = "contacts"
    APPOINTMENTS = "appointments"
    DIARY = "diary"
    RECORDINGS = "recordings"
    SHARING = "sharing"  # family members, exchanges


@dataclass(frozen=True)
class Changes:
    """A set of changed kinds, with the ids involved where the writer knew them.

    `ids` maps a kind to the ids it touched; a kind present in `kinds` but absent from `ids`
    means "anything of that kind may have changed".
    """

    kinds: frozenset[Changed] = frozenset()
    ids: tuple[tuple[Changed, frozenset[int | str]], ...] = ()

    @classmethod
    def of(cls, *kinds: Changed, ids: Iterable[int | str] | None = None) -> Changes:
        """`Changes.of(Changed.DOCUMENTS, ids=[3])`: the ids belong to every kind given."""
        chosen = frozenset(kinds)
        if ids is None:
            return cls(chosen)
        known = frozenset(ids)
        return cls(chosen, tuple((kind, known) for kind in sorted(chosen, key=_order)))

    @classmethod
    def everything(cls) -> Changes:
        """For when a write's effects cannot be told apart (a restore, a merge)."""
        return cls(frozenset(Changed))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        kinds = self.kinds | other.kinds
        mine, theirs = dict(self.ids), dict(other.ids)
        merged: dict[Changed, frozenset[int | str]] = {}
        for kind in kinds:
            # Ids survive a merge only when every side that names the kind knew its ids.
            sides = [
                side for side, known in ((mine, self.kinds), (theirs, other.kinds)) if kind in known
            ]
            if all(kind in side for side in sides):
                merged[kind] = frozenset().union(*(side[kind] for side in sides))
        return Changes(kinds, tuple(sorted(merged.items(), key=lambda item: _order(item[0]))))

    def touches(self, *kinds: Changed) -> bool:
        """True when any of `kinds` changed."""
        return any(kind in self.kinds for kind in kinds)

    def ids_of(self, kind: Changed) -> frozenset[int | str] | None:
        """The ids of `kind` that changed, or None when any of them may have."""
        if kind not in self.kinds:
            return frozenset()
        return dict(self.ids).get(kind)


def _order(kind: Changed) -> str:
    return kind.value
