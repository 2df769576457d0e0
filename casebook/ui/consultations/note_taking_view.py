"""Note-taking mode, for use during the appointment: large type, keyboard first.

The consultation's questions sit beside the notes: tick one (Space) and type its answer. Every
keystroke is saved within a second (`EntryAutosaver`). Ctrl+Enter finishes an entry, Ctrl+1..4
toggle the quick tags, Ctrl+Q turns the text into a new question, F6 moves between the
questions and the notes, Escape leaves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casebook.core.consultations import (
    QUICK_TAGS,
    Consultation,
    ListedQuestion,
    NoteEntry,
    NoteTag,
)
from casebook.services.binder.session import BinderSession
from casebook.services.consultations import EntryDraft, raise_new_question
from casebook.services.questions.questions import load_bank
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.labels import format_date_text, ui_language
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.preferences import remember_writer, remembered_writer
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.consultations.autosave import EntryAutosaver
from casebook.ui.consultations.words import local_time, tag_label
from casebook.ui.recordings.note_marker import NoteMarker
from casebook.ui.recordings.recording_bar import (
    RecordingBar,
    SourceFactory,
    microphone,
)

_QUESTION_ROLE = Qt.ItemDataRole.UserRole


class NoteTakingView(QWidget):
    """Writes notes for one consultation; `closed` when the family is done."""

    closed = Signal()

    def __init__(
        self,
        session: BinderSession,
        consultation: Consultation,
        listed: list[ListedQuestion],
        entries: list[NoteEntry],
        author: str = "",
        parent: QWidget | None = None,
        sound_source: SourceFactory | None = None,
    ) -> None:
        """`sound_source` makes what the recording bar records from (default: the
        microphone, when there is one)."""
        super().__init__(parent)
        self.setObjectName("note_taking_view")
        self._session = session
        self.consultation = consultation
        self._bank = load_bank()
        self.autosaver = EntryAutosaver(session, self)
        self.autosaver.saved.connect(self._on_saved)
        self.autosaver.saving_started.connect(self._on_saving)
        self.autosaver.save_failed.connect(self._on_failed)

        title = QLabel(
            self.tr("Notes: {title}").format(title=self._consultation_line(consultation))
        )
        title.setObjectName("notes_title")
        title.setWordWrap(True)
        self.author_combo = QComboBox()
        self.author_combo.setObjectName("author_combo")
        self.author_combo.setAccessibleName(self.tr("Who is writing"))
        self.author_combo.setEditable(True)
        names = list(dict.fromkeys([*consultation.attendees, *(e.author for e in entries)]))
        names = [name for name in names if name.strip()]
        self.author_combo.addItems(names)
        # Whoever wrote last on this computer, after a restart too (kept per binder, hashed).
        remembered = remembered_writer(session.binder_id, names)
        self.author_combo.setCurrentText(author or remembered or (names or [""])[0])
        self.author_combo.setMinimumWidth(220)
        self.author_combo.currentTextChanged.connect(self._author_changed)
        self.save_label = QLabel(self.tr("Everything you type is saved as you go."))
        self.save_label.setObjectName("save_label")
        self.save_label.setProperty("role", "hint")
        self.done_button = QPushButton(self.tr("Done (Esc)"))
        self.done_button.setObjectName("done_button")
        self.done_button.clicked.connect(self.close_notes)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Writing as:")))
        top.addWidget(self.author_combo)
        top.addSpacing(16)
        top.addWidget(self.save_label, 1)
        top.addWidget(self.done_button)
        self.error_bar = MessageBar()
        self.recording_bar = RecordingBar(
            session,
            consultation.id,
            self._consultation_line(consultation),
            sound_source or microphone,
        )
        NoteMarker(
            session,
            self.autosaver,
            self.recording_bar.offset_now,
            lambda: self.recording_bar.recorder.recording_id,
            self,
        )

        questions_heading = QLabel(self.tr("Questions (Space: answer this one)"))
        questions_heading.setProperty("role", "subheading")
        self.questions_list = QListWidget()
        self.questions_list.setObjectName("questions_list")
        self.questions_list.setAccessibleName(self.tr("Questions"))
        self.questions_list.setWordWrap(True)
        self.questions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in listed:
            self._add_question_item(item)
        self.questions_list.itemChanged.connect(self._question_ticked)
        self.questions_list.itemActivated.connect(self._question_activated)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(questions_heading)
        left_layout.addWidget(self.questions_list, 1)

        notes_heading = QLabel(self.tr("Notes, everyone's, in time order"))
        notes_heading.setProperty("role", "subheading")
        self.entries_list = QListWidget()
        self.entries_list.setObjectName("entries_list")
        self.entries_list.setAccessibleName(self.tr("Notes, everyone's, in time order"))
        self.entries_list.setWordWrap(True)
        self.entries_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab reaches the notes so they can be read aloud; a click keeps the focus on the editor.
        self.entries_list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for entry in entries:
            self._show_entry(entry)
        self.mode_label = QLabel()
        self.mode_label.setObjectName("mode_label")
        self.mode_label.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("note_editor")
        self.editor.setAccessibleName(self.tr("Your note"))
        self.editor.setPlaceholderText(self.tr("Type what is said…"))
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._text_changed)
        self.tag_buttons: dict[NoteTag, QPushButton] = {}
        tags = QHBoxLayout()
        for number, tag in enumerate(QUICK_TAGS, start=1):
            button = QPushButton(f"{tag_label(tag)}  (Ctrl+{number})")
            button.setObjectName(f"tag_{tag.value}")
            button.setCheckable(True)
            button.setProperty("plain_text", button.text())
            button.toggled.connect(self._tags_changed)
            self.tag_buttons[tag] = button
            tags.addWidget(button)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, button.toggle)
        tags.addStretch(1)
        self.finish_button = QPushButton(self.tr("New entry (Ctrl+Enter)"))
        self.finish_button.setObjectName("primary_button")
        self.finish_button.clicked.connect(self.finish_entry)
        self.question_button = QPushButton(self.tr("Make it a new question (Ctrl+Q)"))
        self.question_button.setObjectName("new_question_button")
        self.question_button.clicked.connect(self.make_question)
        actions = QHBoxLayout()
        actions.addWidget(self.finish_button)
        actions.addWidget(self.question_button)
        actions.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(notes_heading)
        right_layout.addWidget(self.entries_list, 2)
        right_layout.addWidget(self.mode_label)
        right_layout.addWidget(self.editor, 3)
        right_layout.addLayout(tags)
        right_layout.addLayout(actions)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.recording_bar)
        layout.addWidget(self.error_bar)
        layout.addWidget(splitter, 1)

        for keys, slot in (
            ("Ctrl+Return", self.finish_entry),
            ("Ctrl+Enter", self.finish_entry),
            ("Ctrl+Q", self.make_question),
            ("F6", self._switch_focus),
            ("Escape", self.close_notes),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self._start_draft(None)

    # Building ------------------------------------------------------------------------------

    def _consultation_line(self, consultation: Consultation) -> str:
        parts = [consultation.title, format_date_text(consultation.held_on), consultation.doctor]
        return " · ".join(p for p in parts if p)

    def _add_question_item(self, listed: ListedQuestion) -> None:
        text = listed.question.display_text(self._bank, ui_language())
        item = QListWidgetItem(text)
        item.setData(_QUESTION_ROLE, listed.question.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        checked = Qt.CheckState.Checked if listed.is_answered else Qt.CheckState.Unchecked
        item.setCheckState(checked)
        self.questions_list.addItem(item)

    def _show_entry(self, entry: NoteEntry) -> None:
        if not entry.text.strip():
            return
        tags = "".join(f"[{tag_label(t)}] " for t in entry.tags)
        about = ""
        if entry.question_id is not None and NoteTag.NEW_QUESTION not in entry.tags:
            item = self._question_item(entry.question_id)
            question = item.text() if item is not None else ""
            short = question if len(question) <= 48 else question[:46].rstrip() + "…"
            about = self.tr("Answer to “{question}”: ").format(question=short)
        line = f"{local_time(entry.written_at)} · {entry.author or '—'}  {tags}{about}{entry.text}"
        self.entries_list.addItem(line)
        self.entries_list.scrollToBottom()

    # Drafts --------------------------------------------------------------------------------

    def _start_draft(self, question_id: int | None) -> None:
        draft = EntryDraft(
            self.consultation.id, self.author_combo.currentText().strip(), question_id=question_id
        )
        self.autosaver.begin(draft)
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        for button in self.tag_buttons.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self._mark_tag_buttons()
        if question_id is None:
            self.mode_label.setText(self.tr("New note:"))
        else:
            item = self._question_item(question_id)
            text = item.text() if item is not None else ""
            self.mode_label.setText(self.tr("Answer to: {question}").format(question=text))

    def _mark_tag_buttons(self) -> None:
        """A checked tag shows a tick, not only a colour."""
        for button in self.tag_buttons.values():
            plain = str(button.property("plain_text"))
            button.setText(f"✓ {plain}" if button.isChecked() else plain)

    def _question_item(self, question_id: int) -> QListWidgetItem | None:
        for row in range(self.questions_list.count()):
            item = self.questions_list.item(row)
            if item.data(_QUESTION_ROLE) == question_id:
                return item
        return None

    @Slot()
    def _text_changed(self) -> None:
        self.autosaver.text_changed(self.editor.toPlainText())

    @Slot()
    def _tags_changed(self) -> None:
        draft = self.autosaver.draft
        if draft is None:
            return
        draft.tags = tuple(t for t, b in self.tag_buttons.items() if b.isChecked())
        self._mark_tag_buttons()
        if self.editor.toPlainText().strip():
            self.autosaver.save_now(self.editor.toPlainText())

    @Slot()
    def finish_entry(self) -> None:
        """Keep what was typed as one entry and start an empty one."""
        draft = self.autosaver.draft
        text = self.editor.toPlainText()
        if draft is not None and text.strip():
            self.autosaver.save_now(text)
            self._show_entry(
                NoteEntry(
                    0,
                    draft.consultation_id,
                    draft.author,
                    draft.written_at,
                    text,
                    draft.tags,
                    draft.question_id,
                )
            )
            if draft.question_id is not None:
                item = self._question_item(draft.question_id)
                if item is not None:
                    self.questions_list.blockSignals(True)
                    item.setCheckState(Qt.CheckState.Checked)
                    self.questions_list.blockSignals(False)
        self._start_draft(None)
        self.editor.setFocus()

    def answer_question(self, question_id: int) -> None:
        """Finish the current entry and start this question's answer."""
        self.finish_entry()
        self._start_draft(question_id)
        self.editor.setFocus()

    @Slot(QListWidgetItem)
    def _question_ticked(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked:
            self.answer_question(int(item.data(_QUESTION_ROLE)))

    @Slot(QListWidgetItem)
    def _question_activated(self, item: QListWidgetItem) -> None:
        self.answer_question(int(item.data(_QUESTION_ROLE)))

    @Slot()
    def make_question(self) -> None:
        """Turn the typed text into a question on the family's list (it carries forward)."""
        text = self.editor.toPlainText().strip()
        old = self.autosaver.draft
        if not text or old is None:
            return
        self.autosaver.save_now(self.editor.toPlainText())  # queued before the job below
        session, consultation_id, author = self._session, self.consultation.id, old.author

        def job() -> int:
            if old.entry_id is not None:
                old.save(session, "")  # the question's own entry replaces the draft
            return raise_new_question(session, consultation_id, author, text)

        WriteOp(self, session, job).on_failure(self._on_failed).start()
        entry = NoteEntry(0, consultation_id, author, old.written_at, text, (NoteTag.NEW_QUESTION,))
        self._show_entry(entry)
        self._start_draft(None)

    @Slot(str)
    def _author_changed(self, name: str) -> None:
        remember_writer(self._session.binder_id, name)
        if self.editor.toPlainText().strip():
            self.finish_entry()
        else:
            draft = self.autosaver.draft
            self._start_draft(draft.question_id if draft else None)

    @Slot()
    def _switch_focus(self) -> None:
        if self.editor.hasFocus():
            self.questions_list.setFocus()
        else:
            self.editor.setFocus()

    @Slot()
    def close_notes(self) -> None:
        self.finish_entry()
        self.recording_bar.stop()  # leaving the notes ends the consultation's recording
        self.closed.emit()

    # Save status ---------------------------------------------------------------------------

    @Slot()
    def _on_saving(self) -> None:
        self.save_label.setText(self.tr("Saving…"))

    @Slot(int)
    def _on_saved(self, _entry_id: int) -> None:
        if self.autosaver.in_flight == 0:
            self.save_label.setText(self.tr("✓ Saved"))

    @Slot(object)
    def _on_failed(self, failure: TaskFailure) -> None:
        self.error_bar.show_error(failure_message(failure.error))
        self.save_label.setText(self.tr("⚠ Not saved: see the message above"))
        if failure.is_bug:
            failure.show_as_crash()
