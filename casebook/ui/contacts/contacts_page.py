"""Contacts: the people and places the family deals with, and everything linked to each.

The list is a model behind a filter (type to search); choosing a contact shows how to reach it
and what it is linked to: records asked of it, opinions it gave, consultations it was at,
bundles sent to it, medicines it prescribed, appointments with it. Reads run on the reader
lanes and follow the change signal; writes go through `WriteOp`. Deleting a contact asks
nothing: the page says what went and offers Undo, which brings it back with its links.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.contacts import Contact, LinkCandidate, LinkKind
from casebook.core.errors import InvalidInput
from casebook.services import contacts as service
from casebook.services.binder.session import BinderSession
from casebook.services.contacts import ContactView
from casebook.services.undo import undo_delete
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.message_line import message_line
from casebook.ui.common.object_rows import select_source_row
from casebook.ui.common.ops import LatestRead, ReadOp, WriteOp
from casebook.ui.common.screen_fit import scrolling
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.common.undo_bar import UndoBar
from casebook.ui.contacts.contact_dialog import ContactDialog
from casebook.ui.contacts.contacts_model import (
    ContactColumn,
    ContactRole,
    ContactsModel,
    ContactSortRole,
)
from casebook.ui.contacts.link_dialog import LinkDialog
from casebook.ui.contacts.linked_model import (
    LinkedColumn,
    LinkedItemsModel,
    LinkedSortRole,
    read_contact,
)
from casebook.ui.contacts.words import contact_kind_label

# Contacts, and every kind of record a contact's page lists.
_SHOWN = (
    Changed.CONTACTS,
    Changed.SLOTS,
    Changed.OPINIONS,
    Changed.CONSULTATIONS,
    Changed.EXPORTS,
    Changed.MEDICINES,
    Changed.APPOINTMENTS,
)


def _selectable(name: str, role: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class ContactsPage(QWidget):
    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contacts_page")
        self._session = session
        self.current_id: int | None = None
        self.view_shown: ContactView | None = None
        self.dialog: ContactDialog | None = None
        # After a deletion no other contact is chosen in its place: its Delete button would sit
        # where the pointer is, and a second click would delete it too.
        self._choose_first = True

        heading = QLabel(self.tr("Contacts"))
        heading.setProperty("role", "heading")
        hint = QLabel(
            self.tr(
                "Doctors, nurses, hospitals, records offices and pharmacies, with how to reach"
                " them. Choose one to see everything it is linked to."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.error_bar = MessageBar()
        self.undo_bar = UndoBar()
        self.undo_bar.setObjectName("contacts_undo_bar")
        self.undo_bar.undo_requested.connect(self.undo_delete)
        self.new_button = QPushButton(self.tr("New contact…"))
        self.new_button.setObjectName("primary_button")
        self.new_button.setAccessibleName(self.tr("Add a new contact"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("contact_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search contacts"))
        self.search_edit.setAccessibleName(self.tr("Search contacts"))
        self.search_edit.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.search_edit, 1)

        self.model = ContactsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ContactSortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("contacts_view")
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ContactColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ContactColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ContactColumn.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ContactColumn.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ContactColumn.PHONE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._edit_current())

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(scrolling(self._build_detail()))  # long details scroll on a laptop
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(message_line(self.error_bar, self.undo_bar))
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._list_reader = LatestRead(
            self, lambda: service.list_contacts(session), self._show_list, self._failed
        )
        self._detail_reader = LatestRead(self, self._read_current, self._show_detail, self._failed)
        follow_changes(self, session, _SHOWN, lambda _changes: self.reload())
        self.reload()

    def _build_detail(self) -> QWidget:
        detail = QWidget()
        detail.setObjectName("contact_detail")
        self.name_label = _selectable("contact_name_label", "subheading")
        self.summary_label = _selectable("contact_summary_label", "hint")
        self.reach_label = _selectable("contact_reach_label")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("edit_contact_button")
        self.edit_button.setAccessibleName(self.tr("Edit this contact"))
        self.edit_button.clicked.connect(self._edit_current)
        self.link_button = QPushButton(self.tr("Link to…"))
        self.link_button.setObjectName("link_contact_button")
        self.link_button.setAccessibleName(
            self.tr("Link this contact to opinions, consultations or bundles sent")
        )
        self.link_button.clicked.connect(self.open_links)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_contact_button")
        self.delete_button.setAccessibleName(self.tr("Delete this contact"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        linked_heading = QLabel(self.tr("Linked to"))
        linked_heading.setProperty("role", "subheading")
        self.linked_model = LinkedItemsModel(self)
        linked_proxy = QSortFilterProxyModel(self)
        linked_proxy.setSourceModel(self.linked_model)
        linked_proxy.setSortRole(LinkedSortRole)
        self.linked_view = QTableView()
        self.linked_view.setObjectName("contact_linked_view")
        self.linked_view.setAccessibleName(self.tr("Everything linked to this contact"))
        self.linked_view.setModel(linked_proxy)
        self.linked_view.setSortingEnabled(True)
        self.linked_view.sortByColumn(LinkedColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.linked_view.verticalHeader().hide()
        self.linked_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linked_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        linked_header = self.linked_view.horizontalHeader()
        linked_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        linked_header.setSectionResizeMode(LinkedColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.linked_empty = QLabel(self.tr("Nothing is linked to this contact yet."))
        self.linked_empty.setProperty("role", "hint")
        self.empty_label = QLabel(self.tr("Add a contact, or choose one from the list."))
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(16, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.name_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.reach_label)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(linked_heading)
        layout.addWidget(self.linked_empty)
        layout.addWidget(self.linked_view, 1)
        self._filler = QWidget()  # takes the room while there is no linked list
        layout.addWidget(self._filler, 1)
        self._detail_parts = [
            self.name_label, self.summary_label, self.reach_label, self.edit_button,
            self.link_button, self.delete_button, linked_heading, self.linked_view,
        ]  # fmt: skip
        self._show_nothing()
        return detail

    # Reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._list_reader.start()
        if self.current_id is not None:
            self._detail_reader.start()

    def _failed(self, failure: TaskFailure) -> None:
        if not self._session.closed:
            self.error_bar.show_failure(failure)

    def _show_list(self, contacts: list[Contact]) -> None:
        wanted = self.current_id
        self.model.set_entries(contacts)
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None and contacts and self._choose_first:
            first = self.proxy.index(0, 0)
            row = self.proxy.mapToSource(first).row() if first.isValid() else 0
        if row is None:
            self.current_id = None
            self._show_nothing()
            return
        self.select_contact(self.model.contact(row).id)

    def select_contact(self, contact_id: int) -> None:
        """Choose the contact in the list (and show its page), e.g. after adding it."""
        self.current_id = contact_id
        row = self.model.row_of(contact_id)
        if row is None:
            return
        select_source_row(self.table, self.proxy, self.model, row)
        self._detail_reader.start()

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        contact = rows[0].data(ContactRole)
        self._choose_first = True
        if isinstance(contact, Contact) and contact.id != self.current_id:
            self.current_id = contact.id
            self._detail_reader.start()

    def _read_current(self) -> ContactView | None:
        chosen = self.current_id
        return read_contact(self._session, chosen) if chosen is not None else None

    def _show_nothing(self) -> None:
        self.view_shown = None
        for part in self._detail_parts:
            part.hide()
        self.linked_empty.hide()
        self.empty_label.show()
        self._filler.show()

    def _show_detail(self, view: ContactView | None) -> None:
        if view is None or view.contact.id != self.current_id:
            if view is None:
                self._show_nothing()
            return
        self.view_shown = view
        contact = view.contact
        self.empty_label.hide()
        for part in self._detail_parts:
            part.show()
        self.name_label.setText(("★ " if contact.key_contact else "") + contact.name)
        summary = [contact_kind_label(contact.kind), contact.role, contact.organisation]
        self.summary_label.setText(" · ".join(part for part in summary if part))
        lines = []
        for label, value in (
            (self.tr("Phone"), contact.phone),
            (self.tr("E-mail"), contact.email),
            (self.tr("Address"), contact.address),
            (self.tr("Opening hours"), contact.hours),
            (self.tr("Languages spoken"), contact.languages),
            (self.tr("Notes"), contact.notes),
        ):
            if value:
                lines.append(self.tr("{label}: {value}").format(label=label, value=value))
        self.reach_label.setText("\n".join(lines) or self.tr("No phone, e-mail or address yet."))
        self.linked_model.set_entries(view.linked)
        self.linked_view.setVisible(bool(view.linked))
        self.linked_empty.setVisible(not view.linked)
        self._filler.setVisible(not view.linked)

    # Writing --------------------------------------------------------------------------------

    def open_editor(self, contact: Contact | None) -> ContactDialog:
        dialog = ContactDialog(contact, self)
        dialog.save_requested.connect(self._save)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edit_current(self) -> None:
        if self.view_shown is not None:
            self.open_editor(self.view_shown.contact)

    def _save(self, contact: Contact) -> None:
        dialog = self.dialog
        session = self._session

        def saved(contact_id: int) -> None:
            self.current_id = contact_id
            if dialog is not None:
                dialog.accept()
            self.reload()

        def failed(failure: TaskFailure) -> None:
            if dialog is not None and isinstance(failure.error, InvalidInput):
                dialog.show_problem(failure.error)
            else:
                self._failed(failure)

        WriteOp(self, session, lambda: service.save_contact(session, contact)).on_success(
            saved
        ).on_failure(failed).start()

    def open_links(self) -> None:
        if self.view_shown is None:
            return
        contact, session = self.view_shown.contact, self._session
        ReadOp(self, lambda: service.link_candidates(session, contact.id)).on_success(
            lambda found: self._show_link_dialog(contact, found)
        ).on_failure(self._failed).start()

    def _show_link_dialog(self, contact: Contact, candidates: list[LinkCandidate]) -> None:
        dialog = LinkDialog(contact, candidates, self)
        dialog.links_chosen.connect(self._save_links)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_links(self, contact_id: int, links: list[tuple[LinkKind, str, bool]]) -> None:
        session = self._session
        WriteOp(self, session, lambda: service.set_links(session, contact_id, links)).on_failure(
            self._failed
        ).start()

    def delete_current(self) -> None:
        """Delete the contact shown at once: what names it keeps its own words, only the contact
        and its links go, and Undo brings them back."""
        if self.view_shown is not None:
            self.delete_contact(self.view_shown.contact.id)

    def delete_contact(self, contact_id: int) -> None:
        session = self._session
        self.current_id = None
        self._choose_first = False
        WriteOp(self, session, lambda: service.delete_contact(session, contact_id)).on_success(
            self.undo_bar.show_deleted
        ).on_failure(self._failed).start()

    def undo_delete(self, snapshot_id: int) -> None:
        """Bring the contact back with its links, and show it again."""
        session = self._session
        WriteOp(self, session, lambda: undo_delete(session, snapshot_id)).on_success(
            self._restored
        ).on_failure(self._failed).start()

    def _restored(self, contact_id: int) -> None:
        self.current_id = contact_id  # the list's next read chooses it
        self.select_contact(contact_id)
