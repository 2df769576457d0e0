"""Short editable letters asking a doctor about a second opinion, and the self-check."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.questions import pick_language
from casebook.services.questions.questions import load_letter_templates
from casebook.ui.common.look import look_as

LETTER_LANGUAGES = (("en", "English"), ("zh_CN", "中文"))


class SecondOpinionPanel(QWidget):
    """Pick a situation and a language, edit the letter, copy it; tick the signs."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("second_opinion_panel")
        self.patient = ""
        self._templates, self._check = load_letter_templates()
        self.situation_combo = QComboBox()
        self.situation_combo.setObjectName("situation_combo")
        self.situation_combo.setAccessibleName(self.tr("Situation"))
        # Its long titles would otherwise set the panel's width; the list opens wider.
        self.situation_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.situation_combo.setMinimumContentsLength(16)
        for template in self._templates:
            self.situation_combo.addItem(template.title(language), template.key)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("letter_language_combo")
        self.language_combo.setAccessibleName(self.tr("Language of the letter"))
        for code, name in LETTER_LANGUAGES:
            self.language_combo.addItem(name, code)
        # The letter starts in the family's language; one for a doctor abroad is a click away.
        self.language_combo.setCurrentIndex(1 if language.startswith("zh") else 0)
        self.situation_combo.currentIndexChanged.connect(self.fill_letter)
        self.language_combo.currentIndexChanged.connect(self.fill_letter)
        self.letter_edit = QPlainTextEdit()
        self.letter_edit.setObjectName("letter_edit")
        self.letter_edit.setAccessibleName(self.tr("A letter to ask for a second opinion"))
        self.copy_button = QPushButton(self.tr("Copy the letter"))
        self.copy_button.setObjectName("copy_letter_button")
        self.copy_button.clicked.connect(self._copy)
        self.copied_label = QLabel()
        self.copied_label.setProperty("role", "hint")
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Situation:")))
        choose.addWidget(self.situation_combo, 1)
        choose.addWidget(self.language_combo)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label, 1)
        letter_box = QGroupBox(self.tr("A letter to ask for a second opinion"))
        letter_layout = QVBoxLayout(letter_box)
        hint = QLabel(
            self.tr(
                "Edit the words freely; nothing here is sent by Casebook. Copy it into an "
                "e-mail or print it."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        letter_layout.addWidget(hint)
        letter_layout.addLayout(choose)
        letter_layout.addWidget(self.letter_edit, 1)
        letter_layout.addLayout(copy_row)

        check_box = QGroupBox(pick_language(self._check.titles, language))
        check_box.setObjectName("self_check_box")
        check_layout = QVBoxLayout(check_box)
        intro = QLabel(pick_language(self._check.intros, language))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        check_layout.addWidget(intro)
        self.sign_boxes: list[QCheckBox] = []
        for key, texts in self._check.signs:
            box, row = _wrapping_check_box(pick_language(texts, language))
            box.setObjectName(f"sign_{key}")
            look_as(box, role="choice")
            self.sign_boxes.append(box)
            check_layout.addLayout(row)
        check_layout.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(16)
        layout.addWidget(letter_box, 3)
        layout.addWidget(check_box, 2)
        self.fill_letter()

    @Slot()
    def fill_letter(self) -> None:
        key = self.situation_combo.currentData()
        language = str(self.language_combo.currentData())
        template = next(t for t in self._templates if t.key == key)
        self.letter_edit.setPlainText(template.body(language, self.patient))
        self.copied_label.clear()

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.letter_edit.toPlainText())
        self.copied_label.setText(self.tr("✓ Copied"))


class _TickingLabel(QLabel):
    """The words of a tick box, wrapped over lines; a click on them ticks the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
        super().mouseReleaseEvent(event)


def _wrapping_check_box(text: str) -> tuple[QCheckBox, QHBoxLayout]:
    """A tick box whose long sentence wraps (a QCheckBox keeps its text on one line, which
    made the panel, and the whole Questions page, wider than a 1366 × 768 laptop screen)."""
    box = QCheckBox()
    box.setAccessibleName(text)
    label = _TickingLabel(text, box)
    row = QHBoxLayout()
    row.setContentsMargins(0, 4, 0, 4)
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return box, row
