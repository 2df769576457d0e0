"""A window for one series at a time: scroll through slices in their order along the body,
window/level, zoom, pan, cine at the file's own frame rate, tags, key images, and the study's
previous or next series in the same window (keeping the contrast).

Frames are decoded in the isolated worker (via `FrameLoader`); the window shows "Preparing
image…" meanwhile and never waits. Windowing a decoded frame is in memory. The lists come from
`SeriesLoader` (images in reading order) and are read again when a write changes the imaging.
Esc or Ctrl+W closes the window. It is a child of the Imaging page, so locking the binder
closes it with the page.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QWidget

from casebook.core.changes import Changed, Changes
from casebook.core.model import ImagingStudy
from casebook.core.progress import CancelToken, Report
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.previews import (
    PRESET_WINDOWS,
    DecodedFrame,
    Window,
    WindowPreset,
    apply_window,
    read_tags,
)
from casebook.services.imaging.records import InstanceRecord, SeriesRecord, set_key_image
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.screen_fit import fit_to_screen
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.imaging.frame_loader import FrameLoader
from casebook.ui.imaging.series_loader import SeriesLoader
from casebook.ui.imaging.slice_canvas import SliceCanvas
from casebook.ui.imaging.tag_panel import TagPanel
from casebook.ui.imaging.texts import date_text, describe_image_failure
from casebook.ui.imaging.viewer_controls import ViewerControls

CINE_INTERVAL_MS = 100  # ten frames a second, when the file does not say
PREFERRED_SIZE = (1100, 820)
_TAGS_DELAY_MS = 250


def pixels_to_qimage(pixels: np.ndarray) -> QImage:
    """8-bit grey or RGB numpy pixels to a QImage that owns its memory."""
    data = np.ascontiguousarray(pixels)
    height, width = data.shape[0], data.shape[1]
    if data.ndim == 3:
        image = QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    else:
        image = QImage(data.data, width, height, width, QImage.Format.Format_Grayscale8)
    return image.copy()


class DicomViewer(QWidget):
    """`shown` is emitted each time a decoded frame is on screen (image index, frame);
    `series_shown` when the images of a series (the first or another) are listed."""

    shown = Signal(int, int)
    failed = Signal(int, int)
    key_image_saved = Signal(int, bool)
    series_shown = Signal(object)  # SeriesRecord
    reordered = Signal()  # the images were put in order once their placements were read

    def __init__(
        self,
        session: BinderSession,
        study: ImagingStudy,
        series: SeriesRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dicom_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._session = session
        self.study = study
        self.series = series
        self.instances: list[InstanceRecord] = []
        self.index = 0
        self.frame = 0  # the frame shown (its index in the file)
        self.contrast: Window | None = None  # the window shown; None: each frame's automatic one
        self.inverted = False
        self.current: DecodedFrame | None = None
        self.loader = FrameLoader(session, self)
        self.loader.frame_ready.connect(self._frame_ready)
        self.loader.frame_failed.connect(self._frame_failed)
        self.lists = SeriesLoader(session, study.id, self)
        self.lists.loaded.connect(self._instances_loaded)
        self.lists.reordered.connect(self._instances_reordered)
        self.lists.study_listed.connect(self._update_series_buttons)
        self.lists.failed.connect(self._instances_failed)
        self.canvas = SliceCanvas()
        self.canvas.window_dragged.connect(self._drag_window)
        self.canvas.slice_scrolled.connect(lambda step: self.show_slice(self.index + step))
        self.canvas.view_changed.connect(self._update_overlay)
        self.tags = TagPanel()
        self.tags.setVisible(False)
        self._tags_timer = QTimer(self, singleShot=True, interval=_TAGS_DELAY_MS)
        self._tags_timer.timeout.connect(self._load_tags)
        self.cine = QTimer(self, interval=CINE_INTERVAL_MS)
        self.cine.timeout.connect(self._cine_step)
        self._build(series.modality)
        self._add_shortcuts()
        self._set_title()
        fit_to_screen(self, *PREFERRED_SIZE)
        self.canvas.show_message(self.tr("Preparing image…"))
        self.lists.list_study()
        self.lists.load(series)
        follow_changes(self, session, (Changed.IMAGING,), self._binder_changed)

    # Layout --------------------------------------------------------------------------------

    def _build(self, modality: str) -> None:
        splitter = QSplitter()
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.tags)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.controls = controls = ViewerControls(self, modality, splitter)
        self.preset_combo = controls.preset_combo
        self.invert_button = controls.invert_button
        self.zoom_out_button = controls.zoom_out_button
        self.zoom_in_button = controls.zoom_in_button
        self.fit_button = controls.fit_button
        self.reset_button = controls.reset_button
        self.key_image_box = controls.key_image_box
        self.tags_button = controls.tags_button
        self.slice_slider = controls.slice_slider
        self.slice_label = controls.slice_label
        self.frame_slider = controls.frame_slider
        self.frame_label = controls.frame_label
        self.cine_button = controls.cine_button
        self.frame_row = controls.frame_row
        self.previous_series_button = controls.previous_series_button
        self.next_series_button = controls.next_series_button
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.invert_button.toggled.connect(self.set_inverted)
        self.zoom_out_button.clicked.connect(self.canvas.zoom_out)
        self.zoom_in_button.clicked.connect(self.canvas.zoom_in)
        self.fit_button.clicked.connect(self.canvas.fit)
        self.reset_button.clicked.connect(self.reset_view)
        self.key_image_box.clicked.connect(self._key_image_clicked)
        self.tags_button.toggled.connect(self._toggle_tags)
        self.slice_slider.valueChanged.connect(self.show_slice)
        self.frame_slider.valueChanged.connect(self.show_frame)
        self.cine_button.toggled.connect(self._toggle_cine)
        self.previous_series_button.clicked.connect(lambda: self.step_series(-1))
        self.next_series_button.clicked.connect(lambda: self.step_series(1))
        self._update_series_buttons()

    def _add_shortcuts(self) -> None:
        closing = [QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")]
        for keys in QKeySequence.keyBindings(QKeySequence.StandardKey.Close):
            if keys not in closing:  # the same keys twice would make both ambiguous
                closing.append(keys)
        for keys in closing:
            QShortcut(keys, self, self.close)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.step_series(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.step_series(-1))

    def _set_title(self) -> None:
        description = self.series.description or self.series.modality
        self.setWindowTitle(self.tr("{description} — Casebook").format(description=description))

    # Series --------------------------------------------------------------------------------

    def step_series(self, step: int) -> None:
        """Show the study's next (+1) or previous (-1) series, wrapping round."""
        chosen = self.lists.neighbour(self.series.id, step)
        if chosen is not None:
            self.show_series(chosen)

    def show_series(self, series: SeriesRecord) -> None:
        """Show `series` in this window, keeping the contrast (where it means the same)."""
        if series.id == self.series.id:
            return
        self.cine_button.setChecked(False)
        if series.modality != self.series.modality:
            self.controls.set_modality(series.modality)
            self._preset_chosen(self.preset_combo.currentIndex())
        self.series = series
        self.instances, self.index, self.current = [], 0, None
        self._set_title()
        self.canvas.fit()
        self.canvas.show_message(self.tr("Preparing image…"))
        self._update_series_buttons()
        self.lists.load(series)

    def _update_series_buttons(self, *_args: object) -> None:
        several = len(self.lists.study_series) > 1
        self.previous_series_button.setEnabled(several)
        self.next_series_button.setEnabled(several)
        self._update_overlay()

    def _binder_changed(self, _changes: Changes) -> None:
        self.lists.list_study()
        self.lists.load(self.series)

    # Loading -------------------------------------------------------------------------------

    def _instances_loaded(self, series: SeriesRecord, instances: list[InstanceRecord]) -> None:
        if series.id != self.series.id:
            return
        self.series = series
        if not instances:
            self.instances, self.current = [], None
            self.canvas.show_message(self.tr("This series holds no images."))
            return
        self._keep_place(instances)
        self.series_shown.emit(series)

    def _instances_reordered(self, instances: list[InstanceRecord]) -> None:
        self._keep_place(instances)
        self.reordered.emit()

    def _keep_place(self, instances: list[InstanceRecord]) -> None:
        """Take the new list; the image on screen stays on screen (else the middle one)."""
        shown = self.instance.id if self.instance is not None else None
        ids = [instance.id for instance in instances]
        self.instances = instances
        self.slice_slider.blockSignals(True)
        self.slice_slider.setRange(0, len(instances) - 1)
        self.slice_slider.blockSignals(False)
        if shown in ids:
            self.index = ids.index(shown)
            for slider, value in (
                (self.slice_slider, self.index),
                (self.frame_slider, self._step_of(self.frame)),  # its frames may be in order now
            ):
                slider.blockSignals(True)
                slider.setValue(value)
                slider.blockSignals(False)
            self.key_image_box.setChecked(instances[self.index].is_key_image)
            self._update_labels()
            self._update_overlay()
        else:
            self.index = -1  # nothing shown yet: show_slice starts afresh
            self.show_slice(len(instances) // 2)

    def _instances_failed(self, failure: TaskFailure) -> None:
        self.canvas.show_message(failure_message(failure.error))
        if failure.is_bug:
            failure.show_as_crash()

    @property
    def instance(self) -> InstanceRecord | None:
        return self.instances[self.index] if 0 <= self.index < len(self.instances) else None

    def show_slice(self, index: int) -> None:
        """Show image `index` of the series in reading order (clamped), its first frame."""
        if not self.instances:
            return
        index = min(max(0, index), len(self.instances) - 1)
        self.index = index
        if self.slice_slider.value() != index:
            self.slice_slider.setValue(index)  # comes back here through valueChanged
            return
        instance = self.instances[index]
        frames = max(1, instance.frames)
        self.frame_row.setVisible(frames > 1)
        self.frame_slider.blockSignals(True)
        self.frame_slider.setRange(0, frames - 1)
        self.frame_slider.setValue(0)
        self.frame_slider.blockSignals(False)
        self.key_image_box.setChecked(instance.is_key_image)
        self.frame = self._frame_at(0)
        self._request()
        if self.tags.isVisible():
            self._tags_timer.start()

    def show_frame(self, step: int) -> None:
        """Show the frame at `step` of the frame slider (frames in order along the body)."""
        self.frame = self._frame_at(step)
        self._request()

    def _frame_at(self, step: int) -> int:
        instance = self.instance
        order = instance.placement.frame_order if instance and instance.placement else None
        return order[step] if order is not None and 0 <= step < len(order) else step

    def _step_of(self, frame: int) -> int:
        instance = self.instance
        order = instance.placement.frame_order if instance and instance.placement else None
        return order.index(frame) if order is not None and frame in order else frame

    def _request(self) -> None:
        instance = self.instance
        if instance is None:
            return
        self._update_labels()
        decoded = self.loader.request(instance, self.frame)
        if decoded is not None:
            self._display(decoded)
        elif self.canvas.image is None:
            self.canvas.show_message(self.tr("Preparing image…"))
        else:
            self.canvas.set_corner_text(Qt.Corner.TopRightCorner, [self.tr("Preparing image…")])

    def _frame_ready(self, instance_id: int, frame: int, decoded: DecodedFrame) -> None:
        instance = self.instance
        if instance is not None and instance.id == instance_id and frame == self.frame:
            self._display(decoded)

    def _frame_failed(self, instance_id: int, frame: int, error: object) -> None:
        instance = self.instance
        if instance is None or instance.id != instance_id or frame != self.frame:
            return
        self.current = None
        reason = describe_image_failure(error) if isinstance(error, BaseException) else ""
        self.canvas.show_message(
            reason + "\n\n" + self.tr("The original file is kept in the binder.")
        )
        self.failed.emit(self.index, frame)

    def _display(self, decoded: DecodedFrame) -> None:
        self.current = decoded
        if decoded.frame_count > 1 and self.frame_slider.maximum() != decoded.frame_count - 1:
            self.frame_row.setVisible(True)
            self.frame_slider.blockSignals(True)
            self.frame_slider.setRange(0, decoded.frame_count - 1)
            self.frame_slider.blockSignals(False)
        interval = round(decoded.frame_time_ms or CINE_INTERVAL_MS)
        if self.cine.interval() != interval:
            self.cine.setInterval(interval)
        self._render()
        self.shown.emit(self.index, self.frame)

    def _render(self) -> None:
        decoded = self.current
        if decoded is None:
            return
        pixels = apply_window(decoded, self.contrast, self.inverted)
        self.canvas.set_image(pixels_to_qimage(pixels), decoded.column_spacing_ratio)
        self._update_overlay()

    # Overlay and labels --------------------------------------------------------------------

    def _update_labels(self) -> None:
        total = len(self.instances)
        self.slice_label.setText(self.tr("{n} of {total}").format(n=self.index + 1, total=total))
        frames = self.frame_slider.maximum() + 1
        step = self.frame_slider.value()
        self.frame_label.setText(self.tr("{n} of {total}").format(n=step + 1, total=frames))

    def _update_overlay(self) -> None:
        decoded = self.current
        description = self.series.description or self.tr("(no description)")
        top_left = [date_text(self.study.study_date), f"{self.series.modality} · {description}"]
        listed = [series.id for series in self.lists.study_series]
        if len(listed) > 1 and self.series.id in listed:
            top_left.append(
                self.tr("Series {n} of {total}").format(
                    n=listed.index(self.series.id) + 1, total=len(listed)
                )
            )
        self.canvas.set_corner_text(Qt.Corner.TopLeftCorner, top_left)
        bottom_left = [
            self.tr("Image {n} / {total}").format(n=self.index + 1, total=len(self.instances))
        ]
        if decoded is not None and decoded.frame_count > 1:
            bottom_left.append(
                self.tr("Frame {n} / {total}").format(
                    n=self.frame_slider.value() + 1, total=decoded.frame_count
                )
            )
        if decoded is not None and decoded.position is not None:
            bottom_left.append(self.tr("Position {mm:.1f} mm").format(mm=decoded.position))
        self.canvas.set_corner_text(Qt.Corner.BottomLeftCorner, bottom_left)
        bottom_right = [self.tr("Zoom {percent}%").format(percent=round(self.canvas.zoom * 100))]
        if decoded is not None and not decoded.is_colour:
            window = self.contrast or decoded.automatic
            bottom_right.insert(
                0,
                self.tr("W {width:.0f}  L {level:.0f}").format(
                    width=window.width, level=window.center
                ),
            )
        self.canvas.set_corner_text(Qt.Corner.BottomRightCorner, bottom_right)
        top_right = []
        instance = self.instance
        if instance is not None and instance.is_key_image:
            top_right.append(self.tr("★ Key image"))
        if self.inverted:
            top_right.append(self.tr("Inverted"))
        self.canvas.set_corner_text(Qt.Corner.TopRightCorner, top_right)

    # Window, invert, reset -----------------------------------------------------------------

    def set_preset(self, preset: WindowPreset) -> None:
        index = self.preset_combo.findData(preset)
        if index >= 0:
            self.preset_combo.setCurrentIndex(index)

    def _preset_chosen(self, index: int) -> None:
        preset = self.preset_combo.itemData(index)
        if not isinstance(preset, WindowPreset):
            return  # "Custom": keep the dragged window
        self.contrast = PRESET_WINDOWS.get(preset)
        self._render()

    def _drag_window(self, dx: int, dy: int) -> None:
        decoded = self.current
        if decoded is None or decoded.is_colour:
            return
        window = self.contrast or decoded.automatic
        step = max(window.width / 256.0, 1.0)
        self.contrast = Window(window.center + dy * step, max(1.0, window.width + dx * step))
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.count() - 1)
        self.preset_combo.blockSignals(False)
        self._render()

    def set_inverted(self, inverted: bool) -> None:
        self.inverted = inverted
        if self.invert_button.isChecked() != inverted:
            self.invert_button.setChecked(inverted)
        self._render()

    def reset_view(self) -> None:
        self.canvas.fit()
        self.set_inverted(False)
        self.preset_combo.setCurrentIndex(0)
        self.contrast = None
        self._render()

    # Cine, keys, tags, key images ----------------------------------------------------------

    def _toggle_cine(self, playing: bool) -> None:
        self.cine_button.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Play"))
        if playing:
            self.cine.start()
        else:
            self.cine.stop()

    def _cine_step(self) -> None:
        decoded = self.current
        if decoded is None or decoded.frame_index != self.frame:
            return  # the last frame is still being prepared: do not run ahead of it
        frames = self.frame_slider.maximum() + 1
        self.frame_slider.setValue((self.frame_slider.value() + 1) % frames)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_PageUp: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_PageDown: 1,
        }
        if key in steps:
            self.show_slice(self.index + steps[key])
        elif key == Qt.Key.Key_Home:
            self.show_slice(0)
        elif key == Qt.Key.Key_End:
            self.show_slice(len(self.instances) - 1)
        else:
            super().keyPressEvent(event)

    def _toggle_tags(self, visible: bool) -> None:
        self.tags.setVisible(visible)
        if visible:
            self._load_tags()

    def _load_tags(self) -> None:
        instance = self.instance
        if instance is None:
            return
        session = self._session
        self.tags.show_message(self.tr("Reading…"))

        def job(_report: Report, _cancel: CancelToken) -> list[object]:
            return list(read_tags(session, instance))

        def arrived(rows: list[object]) -> None:
            if self.instance is not None and self.instance.id == instance.id:
                self.tags.set_rows(rows)  # type: ignore[arg-type]

        def failed(failure: TaskFailure) -> None:
            self.tags.show_message(describe_image_failure(failure.error))

        ReadOp.with_progress(self, job).on_success(arrived).on_failure(failed).start()

    def _key_image_clicked(self, checked: bool) -> None:
        instance = self.instance
        if instance is None:
            return
        session = self._session

        def job(_report: Report, _cancel: CancelToken) -> None:
            set_key_image(session, instance.id, checked)

        def saved(_none: None) -> None:
            self.instances = [
                replace(i, is_key_image=checked) if i.id == instance.id else i
                for i in self.instances
            ]
            self._update_overlay()
            self.key_image_saved.emit(instance.id, checked)

        def failed(failure: TaskFailure) -> None:
            self.key_image_box.setChecked(not checked)
            if failure.is_bug:
                failure.show_as_crash()

        WriteOp.with_progress(self, self._session, job).on_success(saved).on_failure(failed).start()

    def stop_work(self) -> None:
        self.cine.stop()
        self.loader.stop()
        self.lists.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_work()
        super().closeEvent(event)
