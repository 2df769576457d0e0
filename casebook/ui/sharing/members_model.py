"""The family sharing a binder as a Qt list: the members (who, on which computer, since when or
removed), then the invitations not used yet.

A model so that a change announced by a write (a member removed, a name changed, someone
joining at an exchange) repaints the list, and the dialog keeps the chosen person by uid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from casebook.services.sharing.members import FamilyMember, PendingInvitation, Sharing
from casebook.ui.common.labels import format_timestamp
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole

__all__ = ["MembersModel", "ObjectRole", "Person", "SortRole"]

Person = FamilyMember | PendingInvitation


class MembersModel(ObjectRowsModel[Person]):
    """One row per family member, then one per invitation not used yet, known by uid.
    ObjectRole: the `FamilyMember` or `PendingInvitation`; SortRole: the order the service
    gives (members, then invitations)."""

    def set_sharing(self, sharing: Sharing) -> None:
        self.set_rows([*sharing.members, *sharing.invitations])

    def person_at(self, row: int) -> Person:
        return self.object_at(row)

    def key_of(self, item: Person) -> str:
        return item.uid

    @staticmethod
    def can_remove(person: Person) -> bool:
        """Someone else still in the family, or an invitation: never this computer."""
        return isinstance(person, PendingInvitation) or not (person.is_me or person.removed)

    def row_data(self, person: Person, index: AnyIndex, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(person)
        if role == SortRole:
            return index.row()
        return None

    def _text(self, person: Person) -> str:
        if isinstance(person, PendingInvitation):
            when = format_timestamp(person.expires_at)
            state = (
                self.tr("invitation expired on {date}").format(date=when)
                if person.expired
                else self.tr("invited, not joined yet (until {date})").format(date=when)
            )
            return self.tr("{name} — {state}").format(name=person.name, state=state)
        if person.removed:
            state = self.tr("removed")
        elif person.is_me:
            state = self.tr("this computer")
        else:
            state = self.tr("joined {date}").format(date=format_timestamp(person.joined_at))
        return self.tr("{name} — on “{computer}” — {state}").format(
            name=person.name or "?", computer=person.computer, state=state
        )
