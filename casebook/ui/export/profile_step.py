"""The export's first step: who receives the bundle. Each destination profile is one choice,
with what it means in plain words; choosing one sets the summary's languages and the size of
e-mail parts (the family can still change both), and the pre-flight checks what this reader
needs.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from casebook.core.profiles import DestinationProfile
from casebook.ui.common.look import look_as


class ProfileStep(QWidget):
    """`chosen(DestinationProfile)` when the family picks a reader."""

    changed = Signal()
    chosen = Signal(object)

    def __init__(self, profiles: list[DestinationProfile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_profile_step")
        self.profiles = profiles
        heading = QLabel(self.tr("Who will read it?"))
        heading.setProperty("role", "subheading")
        hint = QLabel(
            self.tr(
                "Casebook prepares the bundle for this reader: the languages, whether it names "
                "the patient, and what to check before sending."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(hint)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        # The profile files' language code matching this translation of the app.
        language = self.tr("en", "language code of the profile texts to show")
        for profile in profiles:
            radio = QRadioButton(profile.text("title", language))
            radio.setObjectName(f"profile_{profile.id}")
            look_as(radio, role="strong")
            description = QLabel(profile.text("description", language))
            description.setWordWrap(True)
            description.setProperty("role", "hint")
            description.setContentsMargins(26, 0, 0, 6)
            self.group.addButton(radio)
            self.radios[profile.id] = radio
            radio.toggled.connect(lambda on, p=profile: self._picked(p) if on else None)
            layout.addWidget(radio)
            layout.addWidget(description)
        layout.addStretch(1)

    def _picked(self, profile: DestinationProfile) -> None:
        self.chosen.emit(profile)
        self.changed.emit()

    def choose(self, profile_id: str) -> None:
        radio = self.radios.get(profile_id)
        if radio is not None:
            radio.setChecked(True)

    def profile(self) -> DestinationProfile | None:
        for profile in self.profiles:
            if self.radios[profile.id].isChecked():
                return profile
        return None

    def is_complete(self) -> bool:
        return self.profile() is not None
