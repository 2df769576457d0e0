"""Live feedback on a new password: a five-step meter and a sentence in plain words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from casebook.ui.common.look import look_as


class StrengthResult(Protocol):
    """What `services.binder.check_password_strength` returns (structurally)."""

    @property
    def score(self) -> int: ...
    @property
    def warning(self) -> str: ...
    @property
    def suggestions(self) -> list[str]: ...
    @property
    def acceptable(self) -> bool: ...


class PasswordStrengthWidget(QWidget):
    """Shows how strong the password is; `acceptable_changed` tells the dialog when to allow it."""

    acceptable_changed = Signal(bool)

    def __init__(
        self, check: Callable[[str], StrengthResult], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._acceptable = False
        self._bar = QProgressBar()
        self._bar.setObjectName("password_strength_bar")
        self._bar.setRange(0, 4)
        self._bar.setTextVisible(False)
        self._bar.setFixedHeight(10)
        self._label = QLabel()
        self._label.setObjectName("password_strength_text")
        self._label.setWordWrap(True)
        self._label.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._bar)
        layout.addWidget(self._label)
        self.update_for("")

    @property
    def acceptable(self) -> bool:
        return self._acceptable

    def text(self) -> str:
        return self._label.text()

    @Slot(str)
    def update_for(self, password: str) -> None:
        if not password:
            self._bar.setValue(0)
            self._label.setText(
                self.tr("Use at least 10 characters. A few unrelated words work well.")
            )
            self._set_acceptable(False)
            return
        result = self._check(password)
        score = max(0, min(4, result.score))
        self._bar.setValue(score)
        look_as(self._bar, score=score)  # red to green: look.STRENGTH_COLOURS
        words = [
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        ]
        if result.acceptable:
            verdict = self.tr("✓ Strength: {level}.").format(level=words[score])
        else:
            verdict = self.tr("✗ Strength: {level}. Not strong enough yet.").format(
                level=words[score]
            )
        # zxcvbn's hints are English keys; translations map them like any other string.
        hints = [result.warning, *result.suggestions[:1]]
        details = [QCoreApplication.translate("PasswordHints", text) for text in hints if text]
        self._label.setText(" ".join([verdict, *details]))
        self._set_acceptable(result.acceptable)

    def _set_acceptable(self, acceptable: bool) -> None:
        if acceptable != self._acceptable:
            self._acceptable = acceptable
            self.acceptable_changed.emit(acceptable)
