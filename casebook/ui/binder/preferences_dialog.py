"""Preferences: how long Casebook waits before locking an idle binder, and the language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casebook.ui.common.language import (
    CHINESE,
    ENGLISH,
    SYSTEM,
    chosen_language,
    set_chosen_language,
)
from casebook.ui.common.preferences import auto_lock_seconds, set_auto_lock_seconds


class PreferencesDialog(QDialog):
    """Edits the auto-lock delay (minutes) and the language; stores them in QSettings on OK."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(480)
        seconds = auto_lock_seconds()

        self.lock_check = QCheckBox(self.tr("Lock the binder when I am away"))
        self.lock_check.setObjectName("auto_lock_check")
        self.lock_check.setChecked(seconds > 0)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("auto_lock_minutes_spin")
        self.minutes_spin.setRange(1, 240)
        self.minutes_spin.valueChanged.connect(self._name_the_unit)
        self.minutes_spin.setValue(max(1, round(seconds / 60)) if seconds > 0 else 10)
        self._name_the_unit(self.minutes_spin.value())
        self.minutes_spin.setEnabled(seconds > 0)
        self.lock_check.toggled.connect(self.minutes_spin.setEnabled)
        hint = QLabel(
            self.tr(
                "Locking hides everything in the binder until the password is typed again. "
                "Anything you were adding is kept."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setAccessibleName(self.tr("Language of Casebook"))
        self.language_combo.addItem(self.tr("Same as the computer"), SYSTEM)
        # Each language is named in itself, so a reader finds their own whatever is showing.
        self.language_combo.addItem("English", ENGLISH)
        self.language_combo.addItem("简体中文", CHINESE)
        self.language_combo.setCurrentIndex(self.language_combo.findData(chosen_language()))
        language_hint = QLabel(
            self.tr("A new language is used from the next time Casebook starts.")
        )
        language_hint.setWordWrap(True)
        language_hint.setProperty("role", "hint")

        form = QFormLayout()
        form.addRow(self.lock_check)
        form.addRow(self.tr("Lock after:"), self.minutes_spin)
        language_form = QFormLayout()
        language_form.addRow(self.tr("Language:"), self.language_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addLayout(language_form)
        layout.addWidget(language_hint)
        layout.addWidget(buttons)

    def _name_the_unit(self, minutes: int) -> None:
        """ "1 minute", "10 minutes": the suffix follows the number shown."""
        one, many = self.tr(" minute"), self.tr(" minutes")
        self.minutes_spin.setSuffix(one if minutes == 1 else many)

    def chosen_seconds(self) -> float:
        return float(self.minutes_spin.value() * 60) if self.lock_check.isChecked() else 0.0

    def accept(self) -> None:
        set_auto_lock_seconds(self.chosen_seconds())
        set_chosen_language(str(self.language_combo.currentData()))
        super().accept()
