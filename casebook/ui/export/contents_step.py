"""Step 2 of the export: what goes in, and the language of the case summary.

"Everything" is the default and the advice. "Let me choose" opens a checkable tree (the model is
`contents_model.py`): records by kind (a kind's box ticks all its documents), then the imaging
studies. Documents whose kind or date Casebook only suggested are flagged with a symbol and
words, never colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from casebook.services.export.wizard import ExportChoices
from casebook.ui.common.labels import choose_plural
from casebook.ui.common.look import look_as
from casebook.ui.export.contents_model import ITEM, SIZE, ContentsModel

LANGUAGES = ("en", "zh", "en+zh")


class ContentsStep(QWidget):
    """Everything, or a checked selection of documents and studies; and the summary language."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_contents_step")
        heading = QLabel(self.tr("What should the bundle contain?"))
        heading.setProperty("role", "subheading")
        self.everything_radio = QRadioButton(self.tr("Everything in the binder (recommended)"))
        self.everything_radio.setObjectName("everything_radio")
        self.choose_radio = QRadioButton(self.tr("Let me choose"))
        self.choose_radio.setObjectName("choose_radio")
        self.everything_radio.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.everything_radio)
        scope.addButton(self.choose_radio)
        self.choose_radio.toggled.connect(self._scope_changed)

        self.model = ContentsModel(self)
        self.model.ticks_changed.connect(self.changed)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setObjectName("contents_tree")
        self.tree.setAccessibleName(self.tr("Items to put in the bundle"))
        self.tree.setAlternatingRowColors(True)
        look_as(self.tree, rows="compact")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SIZE, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setEnabled(False)
        self.review_hint = QLabel()
        self.review_hint.setObjectName("needs_review_hint")
        self.review_hint.setProperty("role", "hint")
        self.review_hint.setWordWrap(True)
        self.review_hint.hide()
        self.recordings_hint = QLabel()
        self.recordings_hint.setObjectName("recordings_hint")
        self.recordings_hint.setProperty("role", "hint")
        self.recordings_hint.setWordWrap(True)
        self.recordings_hint.hide()

        language_heading = QLabel(self.tr("Language of the case summary"))
        language_heading.setProperty("role", "subheading")
        names = {
            "en": self.tr("English"),
            "zh": self.tr("Chinese (简体中文)"),
            "en+zh": self.tr("Both"),
        }
        self.language_radios: dict[str, QRadioButton] = {}
        languages = QHBoxLayout()
        languages.setSpacing(24)
        group = QButtonGroup(self)
        for code in LANGUAGES:
            radio = QRadioButton(names[code])
            radio.setObjectName(f"language_{code.replace('+', '_')}_radio")
            group.addButton(radio)
            languages.addWidget(radio)
            self.language_radios[code] = radio
        languages.addStretch(1)
        self.language_radios["en"].setChecked(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.everything_radio)
        layout.addWidget(self.choose_radio)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.review_hint)
        layout.addWidget(self.recordings_hint)
        layout.addSpacing(10)
        layout.addWidget(language_heading)
        layout.addLayout(languages)

    def set_choices(self, choices: ExportChoices) -> None:
        self.model.set_choices(choices)
        self.tree.expandAll()
        unconfirmed = sum(1 for d in choices.documents if d.needs_review)
        if unconfirmed:
            self.review_hint.setText(
                choose_plural(
                    unconfirmed,
                    self.tr(
                        "⚑ {count} document has a kind or date Casebook suggested that nobody "
                        "has confirmed yet. You can check it on the Records page first."
                    ),
                    self.tr(
                        "⚑ {count} documents have a kind or date Casebook suggested that nobody "
                        "has confirmed yet. You can check them on the Records page first."
                    ),
                )
            )
        self.review_hint.setVisible(bool(unconfirmed))
        self._show_recordings(choices)
        self.changed.emit()

    def _show_recordings(self, choices: ExportChoices) -> None:
        """Recordings are chosen on the Consultations page; say which go and which stay."""
        sending = len(choices.recordings_to_send)
        if sending:
            text = choose_plural(
                sending,
                self.tr("🎙 {count} recording of a consultation goes with the bundle, as "
                        "ticked on the Consultations page."),
                self.tr("🎙 {count} recordings of consultations go with the bundle, as ticked "
                        "on the Consultations page."),
            )  # fmt: skip
        else:
            text = self.tr(
                "🎙 Recordings of consultations stay in the binder. To send one, tick it on "
                "the Consultations page."
            )
        self.recordings_hint.setText(text)
        self.recordings_hint.setVisible(bool(choices.recordings))

    @Slot(bool)
    def _scope_changed(self, choose: bool) -> None:
        self.tree.setEnabled(choose)
        self.changed.emit()

    def document_ids(self) -> frozenset[int] | None:
        """None for every document, else the checked ones."""
        return None if self.everything_radio.isChecked() else self.model.checked_documents()

    def study_ids(self) -> frozenset[int] | None:
        return None if self.everything_radio.isChecked() else self.model.checked_studies()

    def set_checked(self, *, document_ids: set[int], study_ids: set[int]) -> None:
        """Choose exactly these (used by tests and to restore a selection)."""
        self.choose_radio.setChecked(True)
        self.model.set_checked(document_ids=document_ids, study_ids=study_ids)

    def is_complete(self) -> bool:
        documents, studies = self.document_ids(), self.study_ids()
        return documents is None or bool(documents) or bool(studies)

    def use_language(self, code: str) -> None:
        """Propose the summary's languages ("en", "zh" or "en+zh")."""
        radio = self.language_radios.get(code)
        if radio is not None:
            radio.setChecked(True)

    def summary_language(self) -> str:
        return next(code for code, radio in self.language_radios.items() if radio.isChecked())
