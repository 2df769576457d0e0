"""The Guidance window: the list of guidance pages on the left, the chosen page on the right.

Pages are shown in the interface language (a "zh…" locale gives Chinese) in large, widely
spaced text. The window is not modal, so a family can keep it open beside the page they are
working on; each main window has at most one, raised again when asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QRect, QSize, Qt, Slot
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from casebook.services.guidance import GuidancePage, load_guidance
from casebook.ui.common.look import (
    GUIDANCE_TEXT_SCALE,
    GUIDANCE_TOPIC_PADDING,
    base_point_size,
    current_colours,
    qcolor,
)
from casebook.ui.common.screen_fit import fit_to_screen

LINE_HEIGHT_PERCENT = 140
HEADING_SCALE = 1.45
TOPICS_WIDTH = 290
TOPIC_PADDING = GUIDANCE_TOPIC_PADDING


def _readable(browser: QTextBrowser, point_size: float) -> None:
    """Open up the line spacing and the space between paragraphs of the shown page, and keep
    the title a calm size (Markdown's largest heading would shout)."""
    cursor = QTextCursor(browser.document())
    block = browser.document().begin()
    while block.isValid():
        cursor.setPosition(block.position())
        spaced = QTextBlockFormat(block.blockFormat())
        heading = spaced.headingLevel() > 0
        spaced.setLineHeight(
            100 if heading else LINE_HEIGHT_PERCENT,
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value,
        )
        spaced.setBottomMargin(max(spaced.bottomMargin(), 14.0 if heading else 8.0))
        cursor.setBlockFormat(spaced)
        if heading:
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            title = QTextCharFormat()
            title.setFontWeight(QFont.Weight.Bold)
            title.setFontPointSize(point_size * HEADING_SCALE)
            cursor.setCharFormat(title)
        block = block.next()


def _quiet_note(browser: QTextBrowser, note: str) -> None:
    """Set the closing no-medical-advice note apart: italic, in the hint colour."""
    block = browser.document().lastBlock()
    while block.isValid() and not block.text().strip():
        block = block.previous()
    if not block.isValid() or block.text().strip() != note:
        return
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    quiet = QTextCharFormat()
    quiet.setFontItalic(True)
    quiet.setForeground(qcolor(current_colours().hint))
    cursor.mergeCharFormat(quiet)


class GuidanceDialog(QDialog):
    """Every guidance page; `show_page(key)` opens one."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self._hint = ""  # the colour the closing note was written in
        self.setObjectName("guidance_dialog")
        self.setWindowTitle(self.tr("Guidance"))
        self.pages: tuple[GuidancePage, ...] = load_guidance(language or QLocale().name())

        topics_label = QLabel(self.tr("Topics"))
        topics_label.setProperty("role", "subheading")
        self.topics_list = QListWidget()
        self.topics_list.setObjectName("guidance_topics")
        self.topics_list.setAccessibleName(self.tr("Guidance topics"))
        self.topics_list.setWordWrap(True)
        self.topics_list.setSpacing(2)
        self.topics_list.setFixedWidth(TOPICS_WIDTH)
        self.topics_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.topics_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.topics_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        topics_label.setBuddy(self.topics_list)
        metrics = QFontMetrics(self.topics_list.font())
        text_width = TOPICS_WIDTH - 2 * TOPIC_PADDING - 16
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            # Sized by hand: a list sizes wrapped items before it knows its width.
            wrapped = metrics.boundingRect(
                QRect(0, 0, text_width, 1000), Qt.TextFlag.TextWordWrap, page.title
            )
            item.setSizeHint(QSize(text_width, wrapped.height() + 2 * TOPIC_PADDING))
            self.topics_list.addItem(item)
        self.topics_list.currentRowChanged.connect(self._show_row)

        self.text_view = QTextBrowser()
        self.text_view.setObjectName("guidance_text")
        self.text_view.setAccessibleName(self.tr("Guidance page"))
        self.text_view.setOpenLinks(False)
        self.text_view.setFrameShape(QTextBrowser.Shape.NoFrame)
        font = QFont(self.text_view.font())
        font.setPointSizeF(base_point_size() * GUIDANCE_TEXT_SCALE)
        self.text_view.setFont(font)
        self.text_view.document().setDocumentMargin(6)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName(self.tr("Close guidance"))
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(topics_label)
        left.addWidget(self.topics_list, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left)
        body.addWidget(self.text_view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 14)
        layout.setSpacing(12)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 940, 660)
        self.topics_list.setCurrentRow(0)

    @property
    def current_key(self) -> str:
        return self.pages[max(self.topics_list.currentRow(), 0)].key

    def show_page(self, key: str) -> None:
        """Open the page `key`; KeyError if there is no such page (a bug in the caller)."""
        for row, page in enumerate(self.pages):
            if page.key == key:
                self.topics_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def changeEvent(self, event: QEvent) -> None:
        """The closing note is in the scheme's hint colour: shown again when the scheme changes."""
        super().changeEvent(event)
        topics = getattr(self, "topics_list", None)  # None while the dialog is being built
        changed = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if changed and topics is not None and self._hint != current_colours().hint:
            self._show_row(topics.currentRow())

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.text_view.setMarkdown(self.pages[row].markdown)
        _readable(self.text_view, base_point_size() * GUIDANCE_TEXT_SCALE)
        self._hint = current_colours().hint
        _quiet_note(self.text_view, self.pages[row].note)
        self.text_view.verticalScrollBar().setValue(0)


def open_guidance(window: QWidget, key: str | None = None) -> GuidanceDialog:
    """Show the guidance window of `window` (made the first time), at page `key` if given."""
    dialog = window.findChild(GuidanceDialog, "guidance_dialog")
    if dialog is None:
        dialog = GuidanceDialog(window)
    if key is not None:
        dialog.show_page(key)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
