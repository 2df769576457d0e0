"""The main window: a shell that shows the welcome screen, the unlock screen or the binder.

It owns the open `BinderSession`. Locking (Ctrl+L, or after idle time) destroys the workspace
with all case content, closes the session on the writer lane (after any import in progress)
and returns to the unlock screen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QWidget

from casebook.ui.binder.key_actions import BinderKeyActions
from casebook.ui.binder.maintenance_actions import BinderMaintenance
from casebook.ui.binder.welcome_page import WelcomePage
from casebook.ui.common.gui_gc import GuiThreadCollector, collect_on_gui_thread
from casebook.ui.common.preferences import auto_lock_seconds, remember_binder
from casebook.ui.common.screen_fit import fit_to_screen
from casebook.ui.sharing.family_actions import FamilySharing
from casebook.ui.shell import warm_up
from casebook.ui.shell.idle_watcher import IdleWatcher

# Only the welcome screen and the menus' actions are imported with the window; the rest (the
# unlock screen and the jobs it runs, the storage layer, the workspace and its pages, the
# dialogs) when first needed, or ahead of that by `warm_up` in a background thread while the
# user types the password.
if TYPE_CHECKING:
    from casebook.services.binder.session import BinderSession, KdfParams, NewBinder
    from casebook.services.overview import Overview
    from casebook.ui.binder.unlock_page import UnlockPage
    from casebook.ui.common.tasks import TaskFailure
    from casebook.ui.shell.workspace import Workspace


def _collector() -> GuiThreadCollector:
    """The application's cycle collector (made here if the app did not install it)."""
    app = QCoreApplication.instance()
    assert app is not None
    return collect_on_gui_thread(app)


# What locking and quitting undo, each known only to the module that did it: a module never
# loaded did nothing to undo (and loading it, and the storage layer with it, would learn that).
_UNDONE_ON_LOCK = (
    # documents opened in other programs: this process's copies are removed
    ("casebook.services.records.outside_copies", "cleanup_outside_copies"),
    # a copied bundle password or recovery code is cleared from the clipboard
    ("casebook.ui.common.secret_clipboard", "forget_copied_secrets"),
)


def _undo_what_was_left_outside() -> None:
    """Remove outside copies and copied secrets, where the modules that make them were used."""
    for module_name, function in _UNDONE_ON_LOCK:
        module = sys.modules.get(module_name)
        if module is not None:
            getattr(module, function)()


class MainWindow(QMainWindow):
    """Welcome → unlock → workspace, and back to unlock when locked."""

    binder_opened = Signal(Path)
    binder_locked = Signal()

    def __init__(
        self,
        *,
        open_folder: Path | None = None,
        demo_password: str | None = None,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Casebook"))
        fit_to_screen(self, 1280, 860)  # less on a small laptop screen
        self.setAcceptDrops(True)
        self._kdf = kdf  # None: calibrated for this machine; tests pass the minimum
        self._demo_folder = open_folder if demo_password else None
        self._demo_password = demo_password
        self.session: BinderSession | None = None
        self.workspace: Workspace | None = None
        self.unlock_page: UnlockPage | None = None

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        # Screens are built inside the stack that shows them: a widget added to a parent
        # afterwards re-resolves the style sheet through its whole subtree once more.
        self.welcome_page = WelcomePage(self.stack)
        self.welcome_page.create_requested.connect(self.show_create_dialog)
        self.welcome_page.open_requested.connect(self.show_unlock)
        self.welcome_page.join_requested.connect(self._join_family_binder)
        self.stack.addWidget(self.welcome_page)

        self.idle_watcher = IdleWatcher(0, self)
        self.idle_watcher.became_idle.connect(self._on_idle)
        self._build_actions()

        if open_folder is not None:
            self.show_unlock(open_folder)
        else:
            self.show_welcome()

    def _build_actions(self) -> None:
        self.maintenance = BinderMaintenance(self, lambda: self.session)
        self.family = FamilySharing(self, lambda: self.session, self._kdf)
        self.family.joined.connect(self._on_binder_created)
        self.maintenance.finished.connect(self._refresh_overview)
        self.keys = BinderKeyActions(self, lambda: self.session, self._close_session, self._kdf)
        self.keys.reopened.connect(self._on_unlocked)
        self.keys.unlock_needed.connect(self.show_unlock)
        self.new_action = QAction(self.tr("&New binder…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.show_create_dialog)
        self.open_action = QAction(self.tr("&Open binder…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._open_other_binder)
        self.lock_action = QAction(self.tr("&Lock binder"), self)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Lock the binder and hide its contents (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock)
        self.preferences_action = QAction(self.tr("&Preferences…"), self)
        self.preferences_action.triggered.connect(self.show_preferences)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self.tr("&About Casebook"), self)
        self.about_action.triggered.connect(self.show_about)
        self.guidance_action = QAction(self.tr("&Guidance…"), self)
        self.guidance_action.setObjectName("guidance_action")
        self.guidance_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guidance_action.triggered.connect(self._open_guidance)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.maintenance.backup_action)
        file_menu.addAction(self.maintenance.check_action)
        file_menu.addSeparator()
        file_menu.addAction(self.keys.rekey_action)
        file_menu.addAction(self.keys.recovery_code_action)
        file_menu.addSeparator()
        file_menu.addAction(self.family.join_action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        family_menu = self.menuBar().addMenu(self.tr("F&amily"))
        family_menu.addActions(list(self.family.binder_actions))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.guidance_action)
        help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Binder"))
        self.toolbar.setObjectName("binder_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.lock_action)
        self.toolbar.addAction(self.family.exchange_action)
        self.addToolBar(self.toolbar)
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.session is not None and self.workspace is not None
        self.lock_action.setEnabled(unlocked)
        self.maintenance.set_enabled(unlocked)
        self.family.set_enabled(unlocked)
        self.keys.set_enabled(unlocked)
        self.toolbar.setVisible(unlocked)

    # Screens -------------------------------------------------------------------------------

    @Slot()
    def show_welcome(self) -> None:
        self._drop_unlock_page()
        self.welcome_page.refresh()
        self.stack.setCurrentWidget(self.welcome_page)
        self.setWindowTitle(self.tr("Casebook"))

    @Slot(Path)
    def show_unlock(self, folder: Path) -> None:
        from casebook.ui.binder.unlock_page import UnlockPage

        self._drop_unlock_page()
        demo = self._demo_password if folder == self._demo_folder else None
        page = UnlockPage(folder, self.stack, demo_password=demo, kdf=self._kdf)
        page.unlocked.connect(self._on_unlocked)
        page.back_requested.connect(self.show_welcome)
        page.other_binder_chosen.connect(self.show_unlock)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.unlock_page = page
        self.setWindowTitle(self.tr("Casebook — {name}").format(name=folder.name))
        page.setFocus()

    def _drop_unlock_page(self) -> None:
        if self.unlock_page is not None:
            self.stack.removeWidget(self.unlock_page)
            self.unlock_page.deleteLater()
            self.unlock_page = None

    @Slot()
    def show_create_dialog(self) -> None:
        from casebook.ui.binder.create_binder_dialog import CreateBinderDialog

        self._leave_binder()
        dialog = CreateBinderDialog(self, kdf=self._kdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._on_binder_created)
        dialog.open()

    @Slot()
    def _join_family_binder(self) -> None:
        self._leave_binder()
        self.family.open_join()

    @Slot()
    def _open_other_binder(self) -> None:
        self._leave_binder()
        self.show_welcome()
        self.welcome_page.open_button.click()

    def _on_binder_created(self, new_binder: NewBinder) -> None:
        from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog

        session = new_binder.session
        self.session = session
        remember_binder(session.folder)
        dialog = RecoveryCodeDialog(new_binder.recovery_code, session.folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._open_workspace(session))
        dialog.open()

    def _on_unlocked(self, session: BinderSession) -> None:
        """Read what the Overview shows, in one background read, then show the workspace.

        The unlock screen stays (its button says "Unlocking…") until the read is back, so the
        workspace appears with its data rather than empty and filled a moment later.
        """
        from casebook.ui.common.ops import ReadOp

        self.session = session

        def first_read() -> Overview:
            warm_up.wait_for_workspace()  # the modules the workspace needs, imported meanwhile
            from casebook.services.overview import load_overview

            return load_overview(session)

        def failed(_failure: TaskFailure) -> None:
            self._open_workspace(session)  # the Overview reads again and says what went wrong

        ReadOp(self, first_read).on_success(
            lambda overview: self._open_workspace(session, overview)
        ).on_failure(failed).start()
        remember_binder(session.folder)  # while the read runs (it reads and writes the settings)

    def _open_workspace(self, session: BinderSession, overview: Overview | None = None) -> None:
        from casebook.ui.shell.first_paint import after_first_paint
        from casebook.ui.shell.workspace import Workspace

        if self.session is not session:  # locked or closed while the dialog was open
            return
        self._drop_unlock_page()
        # Built inside the stack it is shown in: its pages take the window's style once.
        self.workspace = Workspace(session, self.stack, overview=overview)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.setWindowTitle(self.tr("Casebook — {name}").format(name=session.folder.name))
        self._update_actions()
        self.binder_opened.emit(session.folder)
        # Once the whole Overview is on screen (it is made over a few turns of the event loop):
        # the auto-lock's count (its event filter would pass every event of the Overview's
        # building through Python), and the other pages' imports (a thread that would hold the
        # interpreter half the time while the Overview is laid out and painted).
        overview_page = self.workspace.overview_page
        overview_page.building.then(
            lambda: after_first_paint(overview_page, self._workspace_painted)
        )

    def _workspace_painted(self) -> None:
        if self.workspace is not None:
            self.idle_watcher.set_seconds(auto_lock_seconds())
        warm_up.workspace_shown()

    # Locking -------------------------------------------------------------------------------

    def _close_session(self) -> Path | None:
        """Destroy the workspace and close the session behind any running write job."""
        self.idle_watcher.stop()
        if self.workspace is not None:
            self.workspace.stop_work()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        session, self.session = self.session, None
        # What the collector set aside while the binder was open (the warm-up's imports end
        # after the workspace shows) is collected again: the workspace's cycles, and the case
        # content they held, must not outlive the lock.
        _collector().unfreeze()
        self._update_actions()
        _undo_what_was_left_outside()
        if session is None:
            return None
        from casebook.ui.common.ops import WriteOp

        WriteOp(self, None, lambda: session.close()).start()  # after queued writes
        return session.folder

    @Slot()
    def _refresh_overview(self) -> None:
        if self.workspace is not None:
            self.workspace.overview_page.reload()

    @Slot()
    def lock(self) -> None:
        """Hide all case content and ask for the password again."""
        if self.workspace is None:
            return
        folder = self._close_session()
        if folder is not None:
            self.show_unlock(folder)
            self.binder_locked.emit()

    def _leave_binder(self) -> None:
        if self._close_session() is not None:
            self.binder_locked.emit()

    @Slot()
    def _on_idle(self) -> None:
        if (
            self.maintenance.busy
            or self.keys.busy
            or (self.workspace is not None and self.workspace.busy)
        ):
            self.idle_watcher.restart()  # never lock under a running import
            return
        self.lock()

    # Dialogs -------------------------------------------------------------------------------

    @Slot()
    def show_preferences(self) -> None:
        from casebook.ui.binder.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._apply_preferences)
        dialog.open()

    @Slot()
    def _apply_preferences(self) -> None:
        if self.workspace is not None:
            self.idle_watcher.set_seconds(auto_lock_seconds())

    @Slot()
    def show_about(self) -> None:
        from casebook.ui.shell.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def _open_guidance(self) -> None:
        from casebook.ui.help.guidance_dialog import open_guidance

        open_guidance(self)

    # Window events -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.workspace is not None and any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if self.workspace is not None and paths:
            self.workspace.import_paths(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_session()
        super().closeEvent(event)
