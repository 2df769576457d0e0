"""Note-taking mode, for use during the appointment: large type, keyboard first.

The consultation's questions sit beside the notes: tick one (Space) and type its answer. Every
keystroke is saved within a second (`EntryAutosaver`). Ctrl+Enter finishes an entry, Ctrl+1..4
toggle the quick tags, Ctrl+Q turns the text into a new question, F6 moves between the
questions and the notes, Escape leaves.

Both lists are models read back from the binder after every save, changed in place: a
finished note joins the list once it is stored, and whoever scrolled back to read an earlier
note is left there. The note being typed is only in the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed, Changes
from casebook.core.consultations import (
    QUICK_TAGS,
    Consultation,
    ListedQuestion,
    NoteEntry,
    NoteTag,
)
from casebook.services.binder.session import BinderSession
from casebook.services.consultations import (
    EntryDraft,
    list_entries,
    listed_questions,
    raise_new_question,
)
from casebook.services.questions.questions import load_bank
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.labels import format_date_text, ui_language
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.preferences import remember_writer, remembered_writer
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.consultations.autosave import EntryAutosaver
from casebook.ui.consultations.note_entries_model import NoteEntriesModel
from casebook.ui.consultations.note_questions_model import NoteQuestionsModel
from casebook.ui.consultations.note_questions_model import ObjectRole as QuestionRole
from casebook.ui.consultations.words import tag_label
from casebook.ui.recordings.note_marker import NoteMarker
from casebook.ui.recordings.recording_bar import (
    RecordingBar,
    SourceFactory,
    microphone,
)


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
        self.autosaver.saved.connect(self._save_settled)
        self.autosaver.save_failed.connect(self._save_settled)
        self._read_again = False

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
        self.questions_model = NoteQuestionsModel(self._bank, ui_language(), self)
        self.questions_model.set_questions(listed)
        self.questions_model.answer_requested.connect(self.answer_question)
        self.questions_list = QListView()
        self.questions_list.setObjectName("questions_list")
        self.questions_list.setAccessibleName(self.tr("Questions"))
        self.questions_list.setWordWrap(True)
        self.questions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.questions_list.setModel(self.questions_model)
        self.questions_list.activated.connect(self._question_activated)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(questions_heading)
        left_layout.addWidget(self.questions_list, 1)

        notes_heading = QLabel(self.tr("Notes, everyone's, in time order"))
        notes_heading.setProperty("role", "subheading")
        self.entries_model = NoteEntriesModel(self.questions_model.text_of, self)
        self.entries_model.set_entries(entries)
        self.entries_list = QListView()
        self.entries_list.setObjectName("entries_list")
        self.entries_list.setAccessibleName(self.tr("Notes, everyone's, in time order"))
        self.entries_list.setWordWrap(True)
        self.entries_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries_list.setResizeMode(QListView.ResizeMode.Adjust)
        # Tab reaches the notes so they can be read aloud; a click keeps the focus on the editor.
        self.entries_list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.entries_list.setModel(self.entries_model)
        self._follow_newest = True
        self.entries_model.rowsAboutToBeInserted.connect(self._before_entries_added)
        self.entries_model.rowsInserted.connect(self._entries_added)
        self._shown_once = False
        self._becoming_questions: list[EntryDraft] = []
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
        # What is stored is what is shown: every save (this view's, or the question it raises)
        # is read back, and the lists change in place.
        self._reader = LatestRead(
            self,
            lambda: (
                listed_questions(session, consultation.id),
                list_entries(session, consultation.id),
            ),
            self._show_read,
            self.error_bar.show_failure,
        )
        follow_changes(
            self, session, (Changed.CONSULTATIONS, Changed.QUESTIONS), self._binder_changed
        )

    # Building ------------------------------------------------------------------------------

    def _consultation_line(self, consultation: Consultation) -> str:
        parts = [consultation.title, format_date_text(consultation.held_on), consultation.doctor]
        return " · ".join(p for p in parts if p)

    @property
    def busy(self) -> bool:
        """A save, a question being raised or a read of the binder is under way."""
        return (
            self.autosaver.has_unsaved or bool(self._becoming_questions) or self._reader.is_running
        )

    # Reading back --------------------------------------------------------------------------

    def _binder_changed(self, _changes: Changes) -> None:
        self._reader.start()

    @Slot()
    def _save_settled(self) -> None:
        if self._read_again and self.autosaver.in_flight == 0:
            self._read_again = False
            self._reader.start()

    def _show_read(self, read: tuple[list[ListedQuestion], list[NoteEntry]]) -> None:
        if self.autosaver.in_flight:
            self._read_again = True  # a save is on its way: show the binder once it is in
            return
        listed, entries = read
        before = {q.question.id: self.questions_model.text_of(q.question.id) for q in listed}
        self.questions_model.set_questions(listed)
        self._show_entries(entries)
        if any(self.questions_model.text_of(i) != text for i, text in before.items()):
            self.entries_model.reword()

    def _show_entries(self, entries: list[NoteEntry]) -> None:
        """Everything stored but the note being typed (it is in the editor below) and notes
        becoming questions."""
        drafts = [self.autosaver.draft, *self._becoming_questions]
        hidden = {d.entry_id for d in drafts if d is not None and d.entry_id is not None}
        self.entries_model.set_entries([e for e in entries if e.id not in hidden])

    @Slot()
    def _before_entries_added(self) -> None:
        bar = self.entries_list.verticalScrollBar()
        self._follow_newest = bar.value() >= bar.maximum()

    @Slot()
    def _entries_added(self) -> None:
        """New notes come into view unless the family scrolled back to read an earlier one."""
        if self._follow_newest:
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
            text = self.questions_model.text_of(question_id)
            self.mode_label.setText(self.tr("Answer to: {question}").format(question=text))

    def _mark_tag_buttons(self) -> None:
        """A checked tag shows a tick, not only a colour."""
        for button in self.tag_buttons.values():
            plain = str(button.property("plain_text"))
            button.setText(f"✓ {plain}" if button.isChecked() else plain)

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
            self.autosaver.save_now(text)  # its change brings the entry into the list
            if draft.question_id is not None:
                self.questions_model.mark_answered(draft.question_id)
        self._start_draft(None)
        self.editor.setFocus()

    def answer_question(self, question_id: int) -> None:
        """Finish the current entry and start this question's answer."""
        self.finish_entry()
        self._start_draft(question_id)
        self.editor.setFocus()

    @Slot(QModelIndex)
    def _question_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        listed = index.data(QuestionRole)
        if isinstance(listed, ListedQuestion):
            self.answer_question(listed.question.id)

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

        # Until the question replaces it, the draft is not listed as a plain note.
        self._becoming_questions.append(old)

        def settled() -> None:
            self._becoming_questions.remove(old)
            self._reader.start()

        def failed(failure: TaskFailure) -> None:
            settled()  # the note stays a note
            self._on_failed(failure)

        WriteOp(self, session, job).on_success(lambda _id: settled()).on_failure(failed).start()
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.entries_list.scrollToBottom()  # the newest notes, as the view opens

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
