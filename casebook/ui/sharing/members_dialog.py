""" "Family members": who shares this binder, on which computer; invitations not yet used;
your own name as the others see it; removing someone.

Removing takes effect from the next exchange: the files made from then on use a new key the
removed person does not get. What they already have stays on their computer — the dialog says
so before anyone is removed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.services.binder.session import BinderSession
from casebook.services.sharing.members import Sharing, load_sharing, remove_member, rename_me
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.sharing.members_model import MembersModel, ObjectRole, Person


class MembersDialog(QDialog):
    invite_requested = Signal()

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("members_dialog")
        self.setWindowTitle(self.tr("Family members"))
        self.setMinimumWidth(680)
        self._session = session
        self.sharing: Sharing | None = None

        heading = QLabel(self.tr("Family members"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "Everyone here has their own copy of this binder on their own computer. "
                "“Exchange” brings everyone's changes together."
            )
        )
        intro.setWordWrap(True)
        self.model = MembersModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setObjectName("members_list")
        self.list.setAccessibleName(self.tr("Family members"))
        look_as(self.list, rows="spaced")
        self.list.selectionModel().currentChanged.connect(self._refresh)
        self.model.modelReset.connect(self._refresh)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("my_name_edit")
        self.save_name = QPushButton(self.tr("Save"))
        self.save_name.setObjectName("save_my_name_button")
        self.save_name.clicked.connect(self._rename)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Your name, as the family sees it:")))
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_name)
        self.message = MessageBar()
        self.invite_button = QPushButton(self.tr("Invite someone…"))
        self.invite_button.setObjectName("invite_button")
        self.invite_button.clicked.connect(self.invite_requested)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setObjectName("remove_member_button")
        self.remove_button.clicked.connect(self._ask_to_remove)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close_button")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.invite_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(name_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        follow_changes(self, session, (Changed.SHARING,), lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        session = self._session
        ReadOp(self, lambda: load_sharing(session)).on_success(self._loaded).reporting_to(
            self.message
        ).start()

    def _loaded(self, sharing: Sharing) -> None:
        self.sharing = sharing
        chosen = self._chosen()
        self.model.set_sharing(sharing)
        row = self.model.row_of(chosen.uid if chosen is not None else None)
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
        if not self.name_edit.hasFocus():
            self.name_edit.setText(sharing.my_name)
        self._refresh()

    def _chosen(self) -> Person | None:
        person = self.list.currentIndex().data(ObjectRole)
        return person if isinstance(person, Person) else None

    @Slot()
    def _refresh(self) -> None:
        person = self._chosen()
        self.remove_button.setEnabled(person is not None and self.model.can_remove(person))

    @Slot()
    def _rename(self) -> None:
        session, name = self._session, self.name_edit.text()
        WriteOp(self, session, lambda: rename_me(session, name)).reporting_to(self.message).start()

    @Slot()
    def _ask_to_remove(self) -> None:
        person = self._chosen()
        if person is None or not self.model.can_remove(person):
            return
        uid, name = person.uid, person.name
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove {name}?").format(name=name),
            self.tr(
                "From the next exchange on, the files you exchange use a new key that {name} "
                "does not get, so {name} no longer sees new changes, and changes made by {name} "
                "are no longer taken in.\n\nWhat {name} already has stays on their computer: "
                "Casebook cannot take it back."
            ).format(name=name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("remove_member_box")
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._remove(uid) if button is remove else None)
        box.open()

    def _remove(self, uid: str) -> None:
        session = self._session
        WriteOp(self, session, lambda: remove_member(session, uid)).reporting_to(
            self.message
        ).start()
