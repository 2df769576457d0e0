"""Short editable letters asking a doctor about a second opinion, and the self-check."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
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
from casebook.services.questions import load_letter_templates

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
        for template in self._templates:
            self.situation_combo.addItem(template.title(language), template.key)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("letter_language_combo")
        self.language_combo.setAccessibleName(self.tr("Language of the letter"))
        for code, name in LETTER_LANGUAGES:
            self.language_combo.addItem(name, code)
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
            box = QCheckBox(pick_language(texts, language))
            box.setObjectName(f"sign_{key}")
            box.setStyleSheet("QCheckBox { padding: 4px 0; }")
            self.sign_boxes.append(box)
            check_layout.addWidget(box)
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
        chinese = language.startswith("zh")
        self.letter_edit.setPlainText(
            template.body(
                language,
                doctor="[医生姓名]" if chinese else self.tr("Dr [name]"),
                patient=self.patient or ("[患者姓名]" if chinese else self.tr("[patient]")),
                sender="[您的姓名]" if chinese else self.tr("[your name]"),
            )
        )
        self.copied_label.clear()

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.letter_edit.toPlainText())
        self.copied_label.setText(self.tr("✓ Copied"))
