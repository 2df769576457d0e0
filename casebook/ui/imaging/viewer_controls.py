"""The viewer's buttons, sliders and labels, laid out around its picture.

Built here so the viewer module keeps to behaviour; the viewer connects the signals.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from casebook.services.imaging.previews import presets_for
from casebook.ui.imaging.texts import preset_label


class ViewerControls(QObject):
    """Creates the controls and the window's layout: tools above, sliders below `centre`
    (with the key-image box beside the image slider).

    The picture takes the room that is left: on a small screen it shrinks, the controls keep
    their size (each row holds its height)."""

    def __init__(self, owner: QWidget, modality: str, centre: QWidget) -> None:
        super().__init__(owner)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("preset_combo")
        self.preset_combo.setAccessibleName(self.tr("Contrast"))
        self.set_modality(modality)
        self.invert_button = self._button(
            self.tr("Invert"), "invert_button", self.tr("Swap black and white")
        )
        self.invert_button.setCheckable(True)
        self.zoom_out_button = self._button(
            self.tr("−"), "zoom_out_button", self.tr("Smaller (Ctrl + wheel)")
        )
        self.zoom_in_button = self._button(
            self.tr("+"), "zoom_in_button", self.tr("Larger (Ctrl + wheel)")
        )
        self.fit_button = self._button(
            self.tr("Fit"), "fit_button", self.tr("Show the whole image")
        )
        self.reset_button = self._button(
            self.tr("Reset"), "reset_button", self.tr("Undo zoom, contrast and invert")
        )
        self.key_image_box = QCheckBox(self.tr("Key image"))
        self.key_image_box.setObjectName("key_image_box")
        self.key_image_box.setToolTip(self.tr("Key images are listed in the case summary"))
        self.tags_button = self._button(
            self.tr("Details"), "tags_button", self.tr("Show every DICOM attribute")
        )
        self.tags_button.setCheckable(True)
        tools = QHBoxLayout()
        tools.setSpacing(8)
        contrast = QLabel(self.tr("Contrast:"))
        tools.addWidget(contrast)
        tools.addWidget(self.preset_combo)
        tools.addWidget(self.invert_button)
        tools.addSpacing(16)
        for widget in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.reset_button,
        ):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.tags_button)

        self.slice_slider = QSlider(Qt.Orientation.Horizontal)
        self.slice_slider.setObjectName("slice_slider")
        self.slice_slider.setAccessibleName(self.tr("Image in the series"))
        self.slice_slider.setRange(0, 0)
        self.slice_label = QLabel()
        self.slice_label.setObjectName("slice_label")
        self.slice_label.setMinimumWidth(110)
        self.frame_slider = QSlider(Qt.Orientation.Horizontal)
        self.frame_slider.setObjectName("frame_slider")
        self.frame_label = QLabel()
        self.frame_label.setMinimumWidth(110)
        self.cine_button = self._button(
            self.tr("▶ Play"), "cine_button", self.tr("Play the frames as a film")
        )
        self.cine_button.setCheckable(True)
        self.previous_series_button = self._button(
            self.tr("◀ Previous series"),
            "previous_series_button",
            self.tr("The study's previous series (Ctrl + Page Up)"),
        )
        self.next_series_button = self._button(
            self.tr("Next series ▶"),
            "next_series_button",
            self.tr("The study's next series (Ctrl + Page Down)"),
        )
        slices = QHBoxLayout()
        slices.addWidget(QLabel(self.tr("Image")))
        slices.addWidget(self.slice_slider, 1)
        slices.addWidget(self.slice_label)
        # Beside the image it marks, and off the tool row, which must fit an 800-pixel screen.
        slices.addWidget(self.key_image_box)
        slices.addSpacing(16)
        slices.addWidget(self.previous_series_button)
        slices.addWidget(self.next_series_button)
        self.frame_row = QWidget()
        frames = QHBoxLayout(self.frame_row)
        frames.setContentsMargins(0, 0, 0, 0)
        frames.addWidget(QLabel(self.tr("Frame")))
        frames.addWidget(self.frame_slider, 1)
        frames.addWidget(self.frame_label)
        frames.addWidget(self.cine_button)
        self.frame_row.setVisible(False)
        hint = QLabel(
            self.tr(
                "Drag: contrast  ·  Right-drag: move  ·  Wheel or ↑ ↓: next image  ·  "
                "Ctrl + wheel: zoom  ·  Double-click: fit  ·  Esc: close"
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(owner)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(tools)
        layout.addWidget(centre, 1)
        layout.addLayout(slices)
        layout.addWidget(self.frame_row)
        layout.addWidget(hint)

    def set_modality(self, modality: str) -> None:
        """Offer the contrast presets that make sense for `modality`, keeping the chosen one
        where it is offered again (else the automatic window)."""
        chosen = self.preset_combo.currentData()
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        for preset in presets_for(modality):
            self.preset_combo.addItem(preset_label(preset), preset)
        self.preset_combo.addItem(self.tr("Custom"), None)
        found = self.preset_combo.findData(chosen) if chosen is not None else -1
        self.preset_combo.setCurrentIndex(max(0, found))
        self.preset_combo.blockSignals(False)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        # Tab reaches the tools; a click leaves the focus on the image, whose arrow keys move
        # through the series.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button
