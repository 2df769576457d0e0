"""Recording one opinion: who gave it, what it links to, and its structured fields.

Every field may be left empty (not filled in yet) or marked "Not stated" (the doctor did not
say). With a consultation chosen, "From notes…" fills a field from lines of its notes. The
dialog only edits; the page saves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.errors import InvalidInput
from casebook.core.opinions import (
    FieldValue,
    Opinion,
    OpinionField,
    SourceKind,
    TreatmentIntent,
)
from casebook.services.opinions.opinions import LinkChoice, LinkChoices, NoteLine
from casebook.ui.common.labels import format_date_text
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.screen_fit import fit_to_screen
from casebook.ui.opinions.labels import field_label, intent_label, source_kind_label
from casebook.ui.opinions.note_lines_dialog import NoteLinesDialog

LoadLines = Callable[[int], list[NoteLine]]

MAIN_FIELDS = (
    OpinionField.DIAGNOSIS,
    OpinionField.STAGE,
    OpinionField.TREATMENT_INTENT,
    OpinionField.RECOMMENDED_PLAN,
)
"""With who gave it, what the family compares first; every other field is under "More details"."""


class _FieldEditor:
    """The widgets of one field: text (or a choice), "Not stated" and "From notes…"."""

    def __init__(self, which: OpinionField, value: FieldValue, dialog: OpinionDialog) -> None:
        self.field = which
        self.text_edit: QPlainTextEdit | None = None
        self.choice: QComboBox | None = None
        if which is OpinionField.TREATMENT_INTENT:
            self.choice = QComboBox()
            self.choice.setObjectName(f"{which.value}_choice")
            self.choice.addItem(dialog.tr("Not filled in"), "")
            for intent in TreatmentIntent:
                self.choice.addItem(intent_label(intent), intent.value)
            self.choice.setCurrentIndex(max(0, self.choice.findData(value.text)))
            self.editor: QWidget = self.choice
        else:
            self.text_edit = QPlainTextEdit(value.text)
            self.text_edit.setObjectName(f"{which.value}_edit")
            self.text_edit.setTabChangesFocus(True)
            self.text_edit.setFixedHeight(
                150 if which in (OpinionField.REASONING, OpinionField.FAMILY_NOTES) else 78
            )
            self.editor = self.text_edit
        self.not_stated = QCheckBox(dialog.tr("Not stated"))
        self.not_stated.setObjectName(f"{which.value}_not_stated")
        self.not_stated.setToolTip(dialog.tr("The doctor did not say anything about this."))
        self.not_stated.setChecked(value.not_stated)
        self.not_stated.toggled.connect(lambda on: self.editor.setEnabled(not on))
        self.editor.setEnabled(not value.not_stated)
        self.from_notes = QPushButton(dialog.tr("From notes…"))
        self.from_notes.setObjectName(f"{which.value}_from_notes")
        self.from_notes.setVisible(self.text_edit is not None)

    def value(self) -> FieldValue:
        if self.not_stated.isChecked():
            return FieldValue(not_stated=True)
        if self.choice is not None:
            return FieldValue(str(self.choice.currentData() or ""))
        assert self.text_edit is not None
        return FieldValue(self.text_edit.toPlainText().strip())

    def append(self, text: str) -> None:
        if self.text_edit is None or not text:
            return
        self.not_stated.setChecked(False)
        current = self.text_edit.toPlainText().rstrip()
        self.text_edit.setPlainText(f"{current}\n{text}" if current else text)


def _fill_choices(combo: QComboBox, none_text: str, choices: Sequence[LinkChoice]) -> None:
    combo.addItem(none_text, None)
    for choice in choices:
        combo.addItem(f"{format_date_text(choice.date)}  {choice.title}".strip(), choice.id)


class OpinionDialog(QDialog):
    """After `accepted`, `edited` holds the opinion to save."""

    def __init__(
        self,
        opinion: Opinion | None,
        choices: LinkChoices,
        load_lines: LoadLines,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("opinion_dialog")
        self.setWindowTitle(self.tr("Edit opinion") if opinion else self.tr("Add an opinion"))
        self._original = opinion or Opinion(source_name="")
        self._load_lines = load_lines
        self.edited: Opinion | None = None

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("source_kind_combo")
        for kind in SourceKind:
            self.kind_combo.addItem(source_kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(self._original.source_kind))
        self.name_edit = QLineEdit(self._original.source_name)
        self.name_edit.setObjectName("source_name_edit")
        self.name_edit.setPlaceholderText(self.tr("e.g. Dr Wei Chen, or Pancreas tumour board"))
        self.institution_edit = QLineEdit(self._original.institution)
        self.institution_edit.setObjectName("institution_edit")
        self.country_edit = QLineEdit(self._original.country)
        self.country_edit.setObjectName("country_edit")
        self.date_edit = PartialDateEdit()
        self.date_edit.setObjectName("given_on_edit")
        self.date_edit.set_value(self._original.given_on)
        self.consultation_combo = self._link_combo(
            "consultation_combo", choices.consultations, self._original.consultation_id
        )
        self.report_combo = self._link_combo(
            "report_combo", choices.documents, self._original.report_document_id
        )
        self.event_combo = self._link_combo(
            "timeline_event_combo", choices.timeline_events, self._original.timeline_event_id
        )
        self.editors = {
            which: _FieldEditor(which, self._original.value(which), self) for which in OpinionField
        }
        main_grid, details_grid = self._field_grid(), self._field_grid()
        self._add_row(main_grid, self.tr("Name"), self.name_edit)
        self._add_row(main_grid, self.tr("Given by"), self.kind_combo)
        for label, widget in (
            (self.tr("Hospital or institution"), self.institution_edit),
            (self.tr("Country"), self.country_edit),
            (self.tr("Date"), self.date_edit),
            (self.tr("Consultation"), self.consultation_combo),
            (self.tr("Written report"), self.report_combo),
            (self.tr("On the timeline"), self.event_combo),
        ):
            self._add_row(details_grid, label, widget)
        fields_heading = QLabel(self.tr("What the opinion says"))
        fields_heading.setProperty("role", "subheading")
        fields_heading.setContentsMargins(0, 12, 0, 0)
        hint = QLabel(
            self.tr(
                "Write what was said, in the doctor's words where you can. Leave a field empty "
                "if you have not filled it in yet; tick “Not stated” if the doctor did not say."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        for words in (fields_heading, hint):
            main_grid.addWidget(words, main_grid.rowCount(), 0, 1, 4)
        for which in MAIN_FIELDS:
            self._add_field_row(main_grid, self.editors[which])
        for which, editor in self.editors.items():
            if which not in MAIN_FIELDS:
                self._add_field_row(details_grid, editor)
        self.consultation_combo.currentIndexChanged.connect(self._update_from_notes)
        self._update_from_notes()

        self.details_button = QToolButton()
        self.details_button.setObjectName("more_details_button")
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.toggled.connect(self._show_details)
        details_hint = QLabel(
            self.tr(
                "Hospital, date and links, then the rest of the opinion: sequence, "
                "alternatives, trials, benefits and risks, tests, follow-up, reasoning"
            )
        )
        details_hint.setProperty("role", "hint")
        details_hint.setWordWrap(True)
        details_row = QHBoxLayout()
        details_row.setSpacing(12)
        details_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        details_row.addWidget(details_hint, 1)
        self.details = QWidget()
        self.details.setObjectName("opinion_details")
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.setSpacing(12)
        details_layout.addLayout(details_grid)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(4, 4, 16, 4)
        inner.setSpacing(12)
        inner.addLayout(main_grid)
        inner.addLayout(details_row)
        inner.addWidget(self.details)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        # An opinion with any detail filled in opens with the details shown: nothing is hidden.
        self.details_button.setChecked(self.details_filled() > 0)
        self._show_details(self.details_button.isChecked())
        fit_to_screen(self, 860, 820 if self.details_button.isChecked() else 660)

        self.error_bar = MessageBar()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("primary_button")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_bar)
        layout.addWidget(buttons)
        self._set_tab_order()
        self.name_edit.setFocus()

    def _set_tab_order(self) -> None:
        """Tab goes down the form as it is seen: who, the main fields, then the details."""
        chain: list[QWidget] = [self.name_edit, self.kind_combo]
        for which in MAIN_FIELDS:
            editor = self.editors[which]
            chain += [editor.editor, editor.not_stated, editor.from_notes]
        chain += [self.details_button, self.institution_edit, self.country_edit]
        chain += [self.date_edit.text_edit, self.consultation_combo, self.report_combo]
        chain.append(self.event_combo)
        for which, editor in self.editors.items():
            if which not in MAIN_FIELDS:
                chain += [editor.editor, editor.not_stated, editor.from_notes]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _field_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        return grid

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """Every label the same width, so the two grids line up as one form."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setFixedWidth(200)
        label.setBuddy(buddy)
        return label

    def _add_row(self, grid: QGridLayout, text: str, widget: QWidget) -> None:
        row = grid.rowCount()
        grid.addWidget(self._label(text, widget), row, 0)
        grid.addWidget(widget, row, 1, 1, 3)

    def _add_field_row(self, grid: QGridLayout, editor: _FieldEditor) -> None:
        row = grid.rowCount()
        label = self._label(field_label(editor.field), editor.editor)
        # Every row has the same two buttons; their names say which field they belong to.
        name = field_label(editor.field)
        editor.not_stated.setAccessibleName(self.tr("{field}: not stated").format(field=name))
        editor.from_notes.setAccessibleName(
            self.tr("{field}: fill from the notes").format(field=name)
        )
        grid.addWidget(label, row, 0)
        grid.addWidget(editor.editor, row, 1)
        grid.addWidget(editor.not_stated, row, 2)
        grid.addWidget(editor.from_notes, row, 3)
        editor.from_notes.clicked.connect(partial(self.fill_from_notes, editor.field))

    def details_filled(self) -> int:
        """How many of the fields under "More details" hold something (text, a date, a link,
        or "Not stated")."""
        texts = (self.institution_edit.text(), self.country_edit.text())
        filled = sum(1 for text in texts if text.strip())
        filled += bool(self.date_edit.text_edit.text().strip())
        combos = (self.consultation_combo, self.report_combo, self.event_combo)
        filled += sum(1 for combo in combos if combo.currentData() is not None)
        for which, editor in self.editors.items():
            value = editor.value()
            if which not in MAIN_FIELDS and (value.says or value.not_stated):
                filled += 1
        return filled

    @Slot(bool)
    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.details_button.setArrowType(arrow)
        filled = self.details_filled()
        if shown or not filled:
            self.details_button.setText(self.tr("More details"))
        else:
            self.details_button.setText(self.tr("More details (%n filled in)", "", filled))

    def _link_combo(
        self, name: str, choices: Sequence[LinkChoice], current: int | None
    ) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        _fill_choices(combo, self.tr("None"), choices)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _update_from_notes(self) -> None:
        has_consultation = self.consultation_combo.currentData() is not None
        for editor in self.editors.values():
            editor.from_notes.setEnabled(has_consultation)
            editor.from_notes.setToolTip(
                ""
                if has_consultation
                else self.tr(
                    "Choose the consultation under “More details” first; its notes can then "
                    "fill this field."
                )
            )

    def opinion(self) -> Opinion:
        """The opinion as currently entered (raises ValueError for an impossible date)."""
        return Opinion(
            id=self._original.id,
            source_kind=self.kind_combo.currentData(),
            source_name=self.name_edit.text().strip(),
            institution=self.institution_edit.text().strip(),
            country=self.country_edit.text().strip(),
            given_on=self.date_edit.value(),
            consultation_id=self.consultation_combo.currentData(),
            report_document_id=self.report_combo.currentData(),
            timeline_event_id=self.event_combo.currentData(),
            fields={which: editor.value() for which, editor in self.editors.items()},
        )

    @Slot()
    def save(self) -> None:
        try:
            opinion = self.opinion()
            opinion.validate()
        except ValueError:
            self.error_bar.show_error(
                first_date_problem(self.date_edit)
                or self.tr("That date does not exist. Please check the day.")
            )
            return
        except InvalidInput:
            self.error_bar.show_error(self.tr("Please write who gave the opinion."))
            self.name_edit.setFocus()
            return
        self.edited = opinion
        self.accept()

    @Slot(object)
    def fill_from_notes(self, which: OpinionField) -> None:
        consultation_id = self.consultation_combo.currentData()
        if consultation_id is None:
            return
        load = self._load_lines
        ReadOp(self, lambda: load(int(consultation_id))).on_success(
            lambda lines: self._pick_lines(which, lines)
        ).reporting_to(self.error_bar).start()

    def _pick_lines(self, which: OpinionField, lines: list[NoteLine]) -> None:
        self.note_picker = NoteLinesDialog(field_label(which), lines, self)
        self.note_picker.accepted.connect(
            lambda: self.editors[which].append(self.note_picker.chosen_text())
        )
        self.note_picker.open()
