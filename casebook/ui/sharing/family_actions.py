"""The Family menu: share (invite), join, exchange, two versions, members.

One object owns the actions and opens the windows, so the main window only adds a menu and
tells it which binder is open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the menus exist before any binder is open; the rest loads when used
    from PySide6.QtWidgets import QDialog

    from casebook.services.binder.session import BinderSession, KdfParams
    from casebook.services.sharing.members import Sharing
    from casebook.ui.sharing.join_dialog import JoinDialog


class FamilySharing(QObject):
    """`joined(NewBinder)`: a copy was made from an invitation (the window opens it)."""

    joined = Signal(object)

    def __init__(
        self,
        window: QWidget,
        session_provider: Callable[[], BinderSession | None],
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session_provider
        self._kdf = kdf
        self.share_action = self._action(self.tr("&Share with a family member…"), "share_action")
        self.share_action.triggered.connect(self.open_invite)
        self.exchange_action = self._action(self.tr("&Exchange with the family…"), "exchange")
        self.exchange_action.setToolTip(
            self.tr("Bring in your family's changes and leave yours for them")
        )
        self.exchange_action.triggered.connect(self.open_exchange)
        self.versions_action = self._action(self.tr("&Two versions…"), "versions_action")
        self.versions_action.triggered.connect(self.open_versions)
        self.members_action = self._action(self.tr("Family &members…"), "members_action")
        self.members_action.triggered.connect(self.open_members)
        self.join_action = self._action(self.tr("&Join a family binder…"), "join_action")
        self.join_action.triggered.connect(self.open_join)

    def _action(self, text: str, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        return action

    @property
    def binder_actions(self) -> tuple[QAction, ...]:
        return (self.share_action, self.exchange_action, self.versions_action, self.members_action)

    def set_enabled(self, unlocked: bool) -> None:
        for action in self.binder_actions:
            action.setEnabled(unlocked)

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_invite(self) -> None:
        from casebook.services.sharing.members import load_sharing
        from casebook.ui.common.ops import ReadOp
        from casebook.ui.sharing.invite_dialog import InviteDialog

        session = self._session()
        if session is None:
            return

        def show(sharing: Sharing) -> None:
            if self._session() is session:
                self._show(InviteDialog(session, sharing.my_name, self._window, kdf=self._kdf))

        ReadOp(self, lambda: load_sharing(session)).on_success(show).start()

    def open_exchange(self) -> None:
        from casebook.services.sharing.members import is_shared
        from casebook.ui.common.ops import ReadOp
        from casebook.ui.sharing.exchange_dialog import ExchangeDialog

        session = self._session()
        if session is None:
            return

        def show(shared: bool) -> None:
            if self._session() is not session:
                return
            if not shared:
                self._tell_not_shared()
                return
            dialog = ExchangeDialog(session, self._window)
            dialog.versions_requested.connect(self.open_versions)
            self._show(dialog)

        ReadOp(self, lambda: is_shared(session)).on_success(show).start()

    def _tell_not_shared(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Not shared yet"),
            self.tr(
                "This binder is not shared with anyone yet. Use “Share with a family member” "
                "to invite someone; then you can exchange changes."
            ),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("not_shared_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def open_versions(self) -> None:
        from casebook.ui.sharing.versions_dialog import TwoVersionsDialog

        session = self._session()
        if session is not None:
            self._show(TwoVersionsDialog(session, self._window))

    def open_members(self) -> None:
        from casebook.ui.sharing.members_dialog import MembersDialog

        session = self._session()
        if session is not None:
            dialog = MembersDialog(session, self._window)
            dialog.invite_requested.connect(self.open_invite)
            self._show(dialog)

    def open_join(self) -> JoinDialog:
        from casebook.ui.sharing.join_dialog import JoinDialog

        dialog = JoinDialog(self._window, kdf=self._kdf)
        dialog.joined.connect(self.joined)
        self._show(dialog)
        return dialog
