""" "Two versions": for each field that two family members changed before they had exchanged,
both versions side by side with who wrote them, on which computer and when — keep one, or
write one text from both.

Nothing is lost meanwhile: until someone chooses, every copy shows the newer version and keeps
the other. The choice itself travels with the next exchange.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.services.binder.session import BinderSession
from casebook.services.sharing.versions import (
    TwoVersions,
    VersionOption,
    choose_version,
    list_two_versions,
    write_merged,
)
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.labels import format_timestamp
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.screen_fit import fit_to_screen
from casebook.ui.sharing import words
from casebook.ui.sharing.versions_model import TwoVersionsModel, key_of


class TwoVersionsDialog(QDialog):
    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("two_versions_dialog")
        self.setWindowTitle(self.tr("Two versions"))
        fit_to_screen(self, 980, 620)
        self._session = session
        self.items: list[TwoVersions] = []
        self._filling = False

        heading = QLabel(self.tr("Two versions to choose from"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "Two family members changed the same thing before they had exchanged. Casebook "
                "kept both and shows the newer one until you choose. Your choice reaches the "
                "others with the next exchange."
            )
        )
        intro.setWordWrap(True)
        self.model = TwoVersionsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setObjectName("two_versions_list")
        self.list.setAccessibleName(self.tr("Things with two versions"))
        self.list.setWordWrap(True)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.detail = QWidget()
        self.detail_layout = QVBoxLayout(self.detail)
        self.detail_layout.setContentsMargins(12, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 680])
        self.empty = QLabel(self.tr("Nothing has two versions: everything is settled."))
        self.empty.setObjectName("two_versions_empty")
        self.message = MessageBar()
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close_button")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.splitter = splitter
        follow_changes(self, session, tuple(Changed), lambda _changes: self.reload())
        self.reload()

    def reload(self) -> None:
        session = self._session
        ReadOp(self, lambda: list_two_versions(session)).on_success(self._loaded).reporting_to(
            self.message
        ).start()

    def _loaded(self, items: list[TwoVersions]) -> None:
        current = self.list.currentIndex()
        chosen = key_of(self.items[current.row()]) if current.isValid() else None
        self.items = items
        self._filling = True  # the detail is built once, below
        self.model.set_items(items)
        if items:
            row = self.model.row_of(chosen)
            if row is None:  # the chosen one is settled: the one that took its place
                row = min(max(current.row(), 0), len(items) - 1)
            self.list.setCurrentIndex(self.model.index(row))
        self._filling = False
        self.empty.setVisible(not items)
        self.splitter.setVisible(bool(items))
        if items:
            self._show_item(self.list.currentIndex().row())

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._filling:
            self._show_item(current.row())

    def _show_item(self, row: int) -> None:
        while self.detail_layout.count():
            child = self.detail_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        title = QLabel(self.model.title(item).replace("\n", " — "))
        title.setProperty("role", "subheading")
        title.setWordWrap(True)
        self.detail_layout.addWidget(title)
        for number, option in enumerate(item.options):
            self.detail_layout.addWidget(self._option_card(item, option, number))
        if item.is_text:
            self.detail_layout.addWidget(self._merge_box(item))
        self.detail_layout.addStretch(1)

    def _option_card(self, item: TwoVersions, option: VersionOption, number: int) -> QFrame:
        card = QFrame()
        card.setObjectName(f"version_card_{number}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(option.text or self.tr("(empty)"))
        text.setObjectName("version_text")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown = self.tr("shown now") if number == 0 else self.tr("kept, not shown")
        who = self.tr("Written by {name} on {computer}, {when} ({shown})").format(
            name=words.someone(option.author),
            computer=option.computer or "?",
            when=format_timestamp(option.written_at.isoformat()),
            shown=shown,
        )
        byline = QLabel(who)
        byline.setProperty("role", "hint")
        byline.setWordWrap(True)
        keep = QPushButton(self.tr("Keep this version"))
        keep.setObjectName(f"keep_version_{number}")
        keep.clicked.connect(lambda: self._choose(item, option.value))
        row = QHBoxLayout()
        row.addWidget(byline, 1)
        row.addWidget(keep)
        layout = QVBoxLayout(card)
        layout.addWidget(text)
        layout.addLayout(row)
        return card

    def _merge_box(self, item: TwoVersions) -> QWidget:
        box = QWidget()
        hint = QLabel(self.tr("Or write one text from both, and keep that:"))
        hint.setWordWrap(True)
        editor = QPlainTextEdit("\n".join(str(o.value) for o in item.options))
        editor.setObjectName("merged_text_edit")
        editor.setAccessibleName(self.tr("One text from both versions"))
        editor.setMaximumHeight(110)
        save = QPushButton(self.tr("Keep this text"))
        save.setObjectName("keep_merged_button")
        save.clicked.connect(lambda: self._merge(item, editor.toPlainText()))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(editor)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _choose(self, item: TwoVersions, value: Any) -> None:
        session = self._session
        WriteOp(self, session, lambda: choose_version(session, item, value)).reporting_to(
            self.message
        ).start()

    def _merge(self, item: TwoVersions, text: str) -> None:
        if not text.strip():
            self.message.show_error(self.tr("Write something first, or keep one of the versions."))
            return
        session = self._session
        WriteOp(self, session, lambda: write_merged(session, item, text.strip())).reporting_to(
            self.message
        ).start()
