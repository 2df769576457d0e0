"""The child side of the GUI benchmarks: one fresh process drives the real app and prints JSON.

    python benchmarks/gui_driver.py minimal-window READY_FILE
    python benchmarks/gui_driver.py unlock BINDER PASSWORD DATA_DIR [--typing S] [--imaging]
    python benchmarks/gui_driver.py work BINDER PASSWORD DATA_DIR SLICES OUT_FOLDER

`minimal-window` is the baseline of the launch figure: a bare PySide6 window that writes its
ready file the way Casebook's `report_ready` does. `unlock` starts the app the way `run_gui`
does (settings file, QApplication, look, translator, main window on the binder's unlock
screen), waits `--typing` seconds as a person typing the password would — and, unless
`--at-once`, until the background imports of `casebook.ui.shell.warm_up` are done, as they are
on an unloaded machine long before a password is typed — presses Enter in the password field
and times until the workspace is up with the Overview's data painted; with `--imaging` it then
opens the Imaging page and times until its studies are painted.

Nothing here reaches into Casebook beyond public widgets and attributes that every version
since the workspace existed has (`window.workspace`, `overview_page.overview`,
`imaging_page.studies_model`), so `--code` in the parent can point it at older code.

The event-loop probe (`StallProbe`) is a 10 ms QTimer that records the longest gap between two
of its ticks: how long the GUI thread was unable to run its loop.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def minimal_window(ready_file: Path) -> int:
    """The baseline: the least a PySide6 program does to put a window on screen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("ready")
    window.resize(1100, 760)
    window.show()

    def ready() -> None:
        partial = Path(str(ready_file) + ".partial")
        partial.write_text("minimal\n", encoding="utf-8")
        os.replace(partial, ready_file)

    QTimer.singleShot(0, ready)
    return app.exec()


class StallProbe:
    """A 10 ms timer on the GUI thread; `longest_gap` is the longest time between two ticks.

    `late` keeps every gap over 3 ticks with when it began (seconds after `start`), so a report
    can tell one long moment — a dialog's first paint — from a loop held all along.
    """

    INTERVAL_MS = 10

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.longest_gap = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self._started = self._last
        self.late: list[tuple[float, float]] = []  # (began at, gap), seconds
        self.stalled_in: dict[str, int] = {}
        self.collections: list[tuple[float, int, float]] = []  # (began at, generation, took)
        self._collecting_since = 0.0
        self._sampler: threading.Thread | None = None
        self._sampling = False
        self._gui_thread = threading.get_ident()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = self._started = time.perf_counter()
        self.longest_gap = 0.0
        self.late = []
        self.ticks = 0
        self.stalled_in = {}
        self.collections = []
        gc.callbacks.append(self._collection)
        self._timer.start()
        if os.environ.get("CASEBOOK_BENCH_WHERE"):
            self._sampling = True
            self._sampler = threading.Thread(target=self._sample, daemon=True)
            self._sampler.start()

    def stop(self) -> float:
        self._timer.stop()
        self._tick()
        if self._collection in gc.callbacks:
            gc.callbacks.remove(self._collection)
        self._sampling = False
        if self._sampler is not None:
            self._sampler.join()
            self._sampler = None
        return self.longest_gap

    def _collection(self, phase: str, info: dict[str, int]) -> None:
        """Python's cycle collections in the window (any thread), kept when over 5 ms: a
        gap that matches one was the collector's, not the work's."""
        now = time.perf_counter()
        if phase == "start":
            self._collecting_since = now
            return
        took = now - self._collecting_since
        if took > 0.005:
            self.collections.append(
                (self._collecting_since - self._started, info["generation"], took)
            )

    def _sample(self) -> None:
        """While the loop is late by more than 3 ticks, note where the GUI thread is.

        Counted per innermost Casebook frame (with its caller), so the report names the code
        that holds the loop — the figure alone says only that something did.
        """
        import traceback

        while self._sampling:
            time.sleep(0.005)
            if time.perf_counter() - self._last < 3 * self.INTERVAL_MS / 1000:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            ours = [f for f in stack if "/casebook/" in f.filename]
            where = (
                " < ".join(
                    f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(ours[-3:])
                )
                or f"{Path(stack[-1].filename).name}:{stack[-1].lineno} {stack[-1].name}"
            )
            self.stalled_in[where] = self.stalled_in.get(where, 0) + 1

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        if gap > 3 * self.INTERVAL_MS / 1000:
            self.late.append((self._last - self._started, gap))
        self.longest_gap = max(self.longest_gap, gap)
        self._last = now
        self.ticks += 1


def wait_until(condition: Callable[[], bool], then: Callable[[], None], step_ms: int = 2) -> None:
    """Call `then` on the GUI thread once `condition()` holds (checked every `step_ms`)."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(step_ms)

    def check() -> None:
        if condition():
            timer.stop()
            timer.deleteLater()
            then()

    timer.timeout.connect(check)
    timer.start()
    check_now = condition()
    if check_now:
        timer.stop()
        then()


def start_app(data_dir: Path, binder: Path | None) -> tuple[Any, Any]:
    """The app as `casebook` starts it, on the binder's unlock screen (event loop not running)."""
    from casebook.ui.shell import launch

    data_dir.mkdir(parents=True, exist_ok=True)
    settings = data_dir / "casebook.ini"
    if hasattr(launch, "start_gui"):
        app, window = launch.start_gui(sys.argv[:1], settings_file=settings, open_folder=binder)
    else:  # code from before start_gui existed: the same steps as its run_gui
        from PySide6.QtWidgets import QApplication

        from casebook.ui.common.look import apply_look
        from casebook.ui.common.preferences import use_settings_file
        from casebook.ui.shell.main_window import MainWindow

        use_settings_file(settings)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Casebook")
        apply_look(app)
        launch.install_translator(app)
        window = MainWindow(open_folder=binder)
        window.show()
    window.resize(1366, 740)
    return app, window


def overview_shown(window: Any) -> bool:
    """The binder is unlocked and the Overview shows its data."""
    workspace = window.workspace
    return workspace is not None and workspace.overview_page.overview is not None


def close(window: object) -> None:
    """Lock the binder as quitting the app does, and wait for the writer lane to close it."""
    from casebook.ui.common.tasks import reader_pool, writer_pool

    window.close()  # type: ignore[attr-defined]
    writer_pool().wait_for_done()
    reader_pool().wait_for_done()


def unlock(
    binder: Path,
    password: str,
    data_dir: Path,
    typing: float,
    imaging: bool,
    wait_for_warm_up: bool = True,
) -> dict[str, float]:
    from PySide6.QtCore import QTimer

    started = time.perf_counter()
    app, window = start_app(data_dir, binder)
    figures: dict[str, float] = {"launch_s": 0.0}
    probe = StallProbe()

    def painted() -> float:
        window.repaint()  # type: ignore[attr-defined]
        return time.perf_counter()

    def press_enter() -> None:
        page = window.unlock_page  # type: ignore[attr-defined]
        page.password_edit.setText(password)
        probe.start()
        figures["enter_at"] = time.perf_counter()
        page.password_edit.returnPressed.emit()
        wait_until(lambda: overview_shown(window), on_overview)

    def on_overview() -> None:
        figures["enter_to_overview_s"] = painted() - figures["enter_at"]
        figures["stall_during_unlock_s"] = probe.stop()
        figures["late_during_unlock"] = probe.late  # type: ignore[assignment]
        if not imaging:
            app.quit()  # type: ignore[attr-defined]
            return
        # A person looks at the Overview before choosing Imaging: by then the other pages'
        # modules are imported in the background (on a quiet machine within a second).
        waited = time.perf_counter()
        wait_until(all_warm, lambda: click_imaging(waited), step_ms=20)

    def all_warm() -> bool:
        try:
            from casebook.ui.shell import warm_up
        except ImportError:  # code from before the warm-up existed
            return True
        return warm_up.wait_until_done(0)

    def click_imaging(waited: float) -> None:
        figures["waited_for_pages_warm_up_s"] = time.perf_counter() - waited
        workspace = window.workspace  # type: ignore[attr-defined]
        figures["imaging_clicked_at"] = time.perf_counter()
        probe.start()
        workspace.show_section("imaging")
        page = workspace.imaging_page
        wait_until(lambda: page.studies_model.rowCount() > 0, on_imaging)

    def on_imaging() -> None:
        figures["imaging_to_paint_s"] = painted() - figures["imaging_clicked_at"]
        figures["stall_during_imaging_s"] = probe.stop()
        app.quit()  # type: ignore[attr-defined]

    def warmed_up() -> bool:
        try:
            from casebook.ui.shell import warm_up
        except ImportError:  # code from before the warm-up existed
            return True
        return warm_up.workspace_modules_ready()

    def typed() -> None:
        if not wait_for_warm_up:
            press_enter()
            return
        waited = time.perf_counter()

        def now_warm() -> None:
            figures["waited_for_warm_up_s"] = time.perf_counter() - waited
            figures["warm_up_s"] = time.perf_counter() - figures["ready_at"]
            press_enter()

        wait_until(warmed_up, now_warm, step_ms=20)

    def on_ready() -> None:
        figures["ready_at"] = time.perf_counter()
        figures["launch_s"] = figures["ready_at"] - started
        QTimer.singleShot(int(typing * 1000), typed)

    QTimer.singleShot(0, on_ready)
    app.exec()  # type: ignore[attr-defined]
    close(window)
    for key in ("enter_at", "imaging_clicked_at", "ready_at"):
        figures.pop(key, None)
    return figures


def make_lung_series(folder: Path, count: int) -> Path:
    """`count` CT slices (copies of the repository's real lung CT slices, TCIA Lung-PET-CT-Dx,
    CC BY 4.0, with new SOP Instance UIDs and instance numbers), one series, in `folder`."""
    import pydicom
    from pydicom.uid import generate_uid

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from data_paths import LUNG_CT

    sources = sorted(LUNG_CT.rglob("*.dcm"))
    folder.mkdir(parents=True)
    for number in range(count):
        dataset = pydicom.dcmread(sources[number % len(sources)])
        dataset.SOPInstanceUID = generate_uid()
        dataset.file_meta.MediaStorageSOPInstanceUID = dataset.SOPInstanceUID
        dataset.InstanceNumber = number + 1
        dataset.save_as(folder / f"IM{number:06d}.dcm")
    return folder


IDLE_WINDOW_MS = 3000
"""The baseline's idle window: as long as the longest phase (sealing, 2.5–4 s), since the
longest gap of a noisy machine grows with the time it is watched."""


def work(binder: Path, password: str, data_dir: Path, slices: int, out: Path) -> dict[str, Any]:
    """The event-loop probe through the long jobs, in the real window: import a CT series
    (review, then import), its thumbnail, opening the viewer on it, and sealing a bundle."""
    from PySide6.QtCore import QTimer

    from casebook.ui.imaging.series_model import ThumbnailReadyRole

    series_folder = make_lung_series(data_dir / "disc", slices)
    app, window = start_app(data_dir, binder)
    probe = StallProbe()
    figures: dict[str, Any] = {}
    marks: dict[str, float] = {}

    def begin(name: str) -> None:
        marks[name] = time.perf_counter()
        probe.start()

    def end(name: str) -> None:
        figures[f"{name}_s"] = time.perf_counter() - marks[name]
        figures[f"stall_{name}_s"] = probe.stop()
        figures[f"late_{name}"] = probe.late
        figures[f"collections_{name}"] = probe.collections
        if probe.stalled_in:  # CASEBOOK_BENCH_WHERE=1: where the GUI thread was, 5 ms samples
            ranked = sorted(probe.stalled_in.items(), key=lambda item: -item[1])
            figures[f"where_{name}"] = [f"{count} × {where}" for where, count in ranked[:6]]

    def unlocked() -> bool:
        # As a person would: the Overview is on screen with its data before the Imaging page
        # is asked for (it is made over a few turns of the loop after unlocking).
        return overview_shown(window)

    def idle() -> None:
        begin("idle")
        QTimer.singleShot(IDLE_WINDOW_MS, lambda: (end("idle"), start()))

    def start() -> None:
        page = window.unlock_page  # type: ignore[attr-defined]
        page.password_edit.setText(password)
        page.password_edit.returnPressed.emit()
        wait_until(unlocked, open_imaging)

    def open_imaging() -> None:
        workspace = window.workspace  # type: ignore[attr-defined]
        begin("page")  # switching to the page and its first paint: the click before the import
        workspace.show_section("imaging")
        page = workspace.imaging_page
        painted = probe.ticks + 2  # the loop came round twice: the page is laid out and painted
        wait_until(lambda: page.isVisible() and probe.ticks >= painted, lambda: import_(page))

    def import_(page: Any) -> None:
        end("page")
        page.imports.reviewed.connect(review_shown)
        page.imports.summarised.connect(lambda _summary: imported())
        begin("import")
        page.add_media(series_folder)

    def review_shown(review: Any) -> None:
        review.import_button.click()

    def imported() -> None:
        end("import")
        page = window.workspace.imaging_page  # type: ignore[attr-defined]
        begin("thumbnail")
        wait_until(lambda: page.studies_model.rowCount() > 0, lambda: thumbnail(page))

    def thumbnail(page: Any) -> None:
        page.select_study(page.studies_model.study(0).id)
        model = page.series_model
        wait_until(
            lambda: model.rowCount() > 0 and model.index(0, 0).data(ThumbnailReadyRole) is True,
            lambda: viewer(page),
        )

    def viewer(page: Any) -> None:
        end("thumbnail")
        begin("viewer")
        study = page.selected_study
        opened = page.open_viewer(study, page.series_model.series(0))
        wait_until(lambda: opened.current is not None, lambda: viewer_shown(opened))

    def viewer_shown(opened: Any) -> None:
        end("viewer")
        opened.close()
        seal()

    def seal() -> None:
        workspace = window.workspace  # type: ignore[attr-defined]
        workspace.show_section("export")
        page = workspace.export_page
        wait_until(lambda: page.choices is not None, lambda: walk(page))

    def walk(page: Any) -> None:
        page.profile_step.choose("own-copy")
        page.go_next()
        page.details.institution_edit.setText("Example Cancer Centre")
        page.details.country_edit.setText("China")
        page.details.sender_name_edit.setText("Li Wei")
        page.go_next()
        page.go_next()
        page.delivery.usb_radio.setChecked(True)
        page.delivery.folder_edit.setText(str(out))
        page.go_next()
        wait_until(lambda: page.preview is not None, lambda: export(page))

    def export(page: Any) -> None:
        begin("seal")
        page.next_button.click()
        wait_until(lambda: page.result is not None, sealed)

    def sealed() -> None:
        end("seal")
        app.quit()  # type: ignore[attr-defined]

    QTimer.singleShot(0, idle)
    app.exec()  # type: ignore[attr-defined]
    close(window)
    return figures


SECTIONS = (
    "records", "imaging", "timeline", "questions", "consultations", "opinions", "export",
    "appointments", "medicines", "diary", "contacts",
)  # fmt: skip


def pages(binder: Path, password: str, data_dir: Path, plain: bool) -> dict[str, Any]:
    """Each page's first show in the real window on the demo binder, after unlocking: the time
    `show_section` takes (the page is built then) and the longest event-loop gap from the click
    until the loop has come round twice (built, laid out and painted). `plain` takes the app's
    style sheet away first, to show what polishing every widget against it costs."""
    from PySide6.QtCore import QTimer

    app, window = start_app(data_dir, binder)
    if plain:
        app.setStyleSheet("")  # type: ignore[attr-defined]
    probe = StallProbe()
    figures: dict[str, Any] = {}
    queue = list(SECTIONS)

    def start() -> None:
        page = window.unlock_page  # type: ignore[attr-defined]
        page.password_edit.setText(password)
        page.password_edit.returnPressed.emit()
        wait_until(lambda: overview_shown(window), lambda: QTimer.singleShot(300, next_page))

    def next_page() -> None:
        if not queue:
            app.quit()  # type: ignore[attr-defined]
            return
        name = queue.pop(0)
        probe.start()
        began = time.perf_counter()
        window.workspace.show_section(name)  # type: ignore[attr-defined]
        built = time.perf_counter() - began
        painted = probe.ticks + 2

        def shown() -> None:
            figures[name] = {"build_s": built, "gap_s": probe.stop()}
            QTimer.singleShot(200, next_page)  # the page's own reads settle before the next

        wait_until(lambda: probe.ticks >= painted, shown)

    QTimer.singleShot(0, start)
    app.exec()  # type: ignore[attr-defined]
    close(window)
    return figures


def main(argv: list[str]) -> int:
    scenario, *rest = argv
    if scenario == "minimal-window":
        return minimal_window(Path(rest[0]))
    if scenario == "unlock":
        binder, password, data_dir = Path(rest[0]), rest[1], Path(rest[2])
        typing = float(rest[rest.index("--typing") + 1]) if "--typing" in rest else 0.0
        result = unlock(
            binder, password, data_dir, typing, "--imaging" in rest, "--at-once" not in rest
        )
        print(json.dumps(result))
        return 0
    if scenario == "pages":
        binder, password, data_dir = Path(rest[0]), rest[1], Path(rest[2])
        print(json.dumps(pages(binder, password, data_dir, "--plain" in rest)))
        return 0
    if scenario == "work":
        binder, password, data_dir = Path(rest[0]), rest[1], Path(rest[2])
        slices, out = int(rest[3]), Path(rest[4])
        print(json.dumps(work(binder, password, data_dir, slices, out)))
        return 0
    raise SystemExit(f"unknown scenario {scenario}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
