"""The main window: a shell that shows the welcome screen, the unlock screen or the binder.

It owns the open `BinderSession`. Locking (Ctrl+L, or after idle time) destroys the workspace
with all case content, closes the session on the writer lane (after any import in progress)
and returns to the unlock screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QWidget

from casebook.services.binder import BinderSession, NewBinder
from casebook.services.outside_copies import cleanup_outside_copies
from casebook.store.keyslots import KdfParams
from casebook.ui.dialogs.about_dialog import AboutDialog
from casebook.ui.dialogs.create_binder_dialog import CreateBinderDialog
from casebook.ui.dialogs.preferences_dialog import PreferencesDialog
from casebook.ui.dialogs.recovery_code_dialog import RecoveryCodeDialog
from casebook.ui.help.guidance_dialog import open_guidance
from casebook.ui.idle_watcher import IdleWatcher
from casebook.ui.maintenance_actions import BinderMaintenance
from casebook.ui.preferences import auto_lock_seconds, remember_binder
from casebook.ui.tasks import BackgroundTask, writer_pool
from casebook.ui.unlock_page import UnlockPage
from casebook.ui.welcome_page import WelcomePage
from casebook.ui.workspace import Workspace


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
        self.resize(1100, 760)
        self.setAcceptDrops(True)
        self._kdf = kdf  # None: calibrated for this machine; tests pass the minimum
        self._demo_folder = open_folder if demo_password else None
        self._demo_password = demo_password
        self.session: BinderSession | None = None
        self.workspace: Workspace | None = None
        self.unlock_page: UnlockPage | None = None

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.welcome_page = WelcomePage()
        self.welcome_page.create_requested.connect(self.show_create_dialog)
        self.welcome_page.open_requested.connect(self.show_unlock)
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
        self.maintenance.finished.connect(self._refresh_overview)
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
        self.guidance_action.triggered.connect(lambda: open_guidance(self))

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.maintenance.backup_action)
        file_menu.addAction(self.maintenance.check_action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.guidance_action)
        help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self.tr("Binder"))
        self.toolbar.setObjectName("binder_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.lock_action)
        self.addToolBar(self.toolbar)
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.session is not None and self.workspace is not None
        self.lock_action.setEnabled(unlocked)
        self.maintenance.set_enabled(unlocked)
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
        self._drop_unlock_page()
        demo = self._demo_password if folder == self._demo_folder else None
        page = UnlockPage(folder, demo_password=demo, kdf=self._kdf)
        page.unlocked.connect(self._on_unlocked)
        page.back_requested.connect(self.show_welcome)
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
        self._leave_binder()
        dialog = CreateBinderDialog(self, kdf=self._kdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._on_binder_created)
        dialog.open()

    @Slot()
    def _open_other_binder(self) -> None:
        self._leave_binder()
        self.show_welcome()
        self.welcome_page.open_button.click()

    def _on_binder_created(self, new_binder: NewBinder) -> None:
        session = new_binder.session
        self.session = session
        remember_binder(session.folder)
        dialog = RecoveryCodeDialog(new_binder.recovery_code, session.folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._open_workspace(session))
        dialog.open()

    def _on_unlocked(self, session: BinderSession) -> None:
        self.session = session
        remember_binder(session.folder)
        self._open_workspace(session)

    def _open_workspace(self, session: BinderSession) -> None:
        if self.session is not session:  # locked or closed while the dialog was open
            return
        self._drop_unlock_page()
        self.workspace = Workspace(session)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.setWindowTitle(self.tr("Casebook — {name}").format(name=session.folder.name))
        self.idle_watcher.set_seconds(auto_lock_seconds())
        self._update_actions()
        self.binder_opened.emit(session.folder)

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
        self._update_actions()
        cleanup_outside_copies()  # documents opened in other programs (on lock and on exit)
        if session is None:
            return None
        BackgroundTask(self, lambda _r, _c: session.close()).start(writer_pool())
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
        if self.maintenance.busy or (self.workspace is not None and self.workspace.busy):
            self.idle_watcher.restart()  # never lock under a running import
            return
        self.lock()

    # Dialogs -------------------------------------------------------------------------------

    @Slot()
    def show_preferences(self) -> None:
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
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

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
