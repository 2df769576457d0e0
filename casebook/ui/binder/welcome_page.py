"""The first screen: create a new binder, or open one (recent binders are listed by folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.ui.binder.recent_model import ObjectRole, RecentBinder, RecentBindersModel
from casebook.ui.common.error_messages import describe_unavailable
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.preferences import recent_binders


def _is_binder(folder: Path) -> bool:
    # Imported when asked: the storage layer is not needed to show the first window.
    from casebook.services.binder.session import is_binder

    return is_binder(folder)


class WelcomePage(QWidget):
    """Emits `create_requested`, `open_requested(folder)` or `join_requested`; it opens
    nothing itself."""

    create_requested = Signal()
    join_requested = Signal()
    open_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")

        heading = QLabel(self.tr("Welcome to Casebook"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "Casebook keeps a patient's medical records together in one encrypted binder "
                "on this computer, ready to send to doctors for a second opinion."
            )
        )
        intro.setWordWrap(True)
        self._intro = intro

        self.create_button = QPushButton(self.tr("Create a new binder…"))
        self.create_button.setObjectName("primary_button")
        self.create_button.clicked.connect(self.create_requested)
        self.open_button = QPushButton(self.tr("Open a binder…"))
        self.open_button.setObjectName("open_binder_button")
        self.open_button.clicked.connect(self._choose_binder)
        self.join_button = QPushButton(self.tr("Join a family binder…"))
        self.join_button.setObjectName("join_family_button")
        self.join_button.setToolTip(
            self.tr("A family member invited you: make your own copy of their binder")
        )
        self.join_button.clicked.connect(self.join_requested)
        actions = QHBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.create_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.join_button)
        actions.addStretch(1)

        self.recent_heading = QLabel(self.tr("Recently opened binders"))
        self.recent_heading.setProperty("role", "subheading")
        self.recent_model = RecentBindersModel(self)
        self.recent_list = QListView()
        self.recent_list.setModel(self.recent_model)
        self.recent_list.setObjectName("recent_binders_list")
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.setMaximumHeight(340)
        look_as(self.recent_list, rows="spaced")
        self.recent_list.setAccessibleName(self.tr("Recently opened binders"))
        self.recent_list.activated.connect(self._open_index)
        self.recent_hint = QLabel(self.tr("Double-click a binder to open it."))
        self.recent_hint.setObjectName("recent_hint")
        self.recent_hint.setProperty("role", "hint")
        self.message = MessageBar()

        # Spaced to fit a 960 × 540 screen (1920 × 1080 at 200 %) with the message's line.
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addLayout(actions)
        column.addWidget(self.message)
        column.addWidget(self.recent_heading)
        column.addWidget(self.recent_list)
        column.addWidget(self.recent_hint)
        column.addStretch(1)

        # A readable column in the middle of a wide window.
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 24)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # a binder may have been opened, created or moved meanwhile
        # The layout keeps the introduction's height from when it was last laid out; the
        # text's width can have changed since (fonts for Chinese load as first used), and a
        # line that no longer fits would be cut instead of wrapped.
        self._intro.updateGeometry()
        super().showEvent(event)

    def refresh(self) -> None:
        """Reload the recent list from the settings, keeping the chosen binder chosen."""
        chosen = self.recent_list.currentIndex().data(ObjectRole)
        folders = recent_binders()
        self.recent_model.set_binders([RecentBinder(f, f.exists()) for f in folders])
        row = self.recent_model.row_of(chosen.folder if isinstance(chosen, RecentBinder) else None)
        if row is not None:
            self.recent_list.setCurrentIndex(self.recent_model.index(row))
        for widget in (self.recent_heading, self.recent_list, self.recent_hint):
            widget.setVisible(bool(folders))

    @Slot()
    def _choose_binder(self) -> None:
        from casebook.ui.common import file_dialogs

        chosen = file_dialogs.get_existing_directory(self, self.tr("Choose the binder folder"))
        if chosen:
            self.request_open(Path(chosen))

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        binder = index.data(ObjectRole)
        if isinstance(binder, RecentBinder):
            self.request_open(binder.folder)

    def request_open(self, folder: Path) -> None:
        """Check the folder holds a binder before asking for its password."""
        from casebook.core.errors import UnavailableReason

        if not folder.exists():
            self.message.show_error(describe_unavailable(UnavailableReason.MISSING))
        elif not _is_binder(folder):
            self.message.show_error(describe_unavailable(UnavailableReason.NOT_A_BINDER))
        else:
            self.message.clear()
            self.open_requested.emit(folder)
