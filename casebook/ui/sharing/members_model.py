"""The family sharing a binder as a Qt list: the members (who, on which computer, since when or
removed), then the invitations not used yet.

A model so that a change announced by a write (a member removed, a name changed, someone
joining at an exchange) repaints the list, and the dialog keeps the chosen person by uid.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from casebook.services.sharing.members import FamilyMember, PendingInvitation, Sharing
from casebook.ui.common.labels import format_timestamp

AnyIndex = QModelIndex | QPersistentModelIndex

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""The `FamilyMember` or `PendingInvitation` of a row."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The order the service gives: members, then invitations."""

Person = FamilyMember | PendingInvitation


class MembersModel(QAbstractListModel):
    """One row per family member, then one per invitation not used yet."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []

    def set_sharing(self, sharing: Sharing) -> None:
        self.beginResetModel()
        self._people = [*sharing.members, *sharing.invitations]
        self.endResetModel()

    def person_at(self, row: int) -> Person:
        return self._people[row]

    def row_of(self, uid: str | None) -> int | None:
        return next((r for r, p in enumerate(self._people) if p.uid == uid), None)

    @staticmethod
    def can_remove(person: Person) -> bool:
        """Someone else still in the family, or an invitation: never this computer."""
        return isinstance(person, PendingInvitation) or not (person.is_me or person.removed)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(person)
        if role == ObjectRole:
            return person
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
