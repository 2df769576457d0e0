"""Every file dialog of the app: Qt's own dialog, made to forget the folders it has seen.

Qt's static dialogs (`QFileDialog.getOpenFileNames` …) save their history and last folder in
`QtProject.conf` when they close, and native dialogs keep "recent" lists of their own (GTK's
`recently-used.xbel`, Windows' most-recently-used lists in the registry). Folder names often
name the patient ("Mum - pathology"), so none of that may reach the disk in plaintext. Every
dialog here therefore is Qt's widget dialog (never the native one, whose memory we cannot
control) and, before it is destroyed, is turned back to the home folder with an empty history
and the standard sidebar, so what Qt saves names no folder the family chose. Where Qt saves it
is also redirected into Casebook's settings folder (see `preferences.use_settings_file`).

Within one run the last folder is remembered in memory only, so the next dialog opens where the
family just was. The functions mirror Qt's static ones: `(names, filter)` or a path, "" when
cancelled.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QDir, QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

from casebook.ui.common.screen_fit import free_area

_last_folder: str | None = None
PREFERRED_SIZE = (920, 580)  # fits a 1366×768 laptop screen with room to spare

_SIDEBAR_PLACES = (
    QStandardPaths.StandardLocation.HomeLocation,
    QStandardPaths.StandardLocation.DesktopLocation,
    QStandardPaths.StandardLocation.DocumentsLocation,
    QStandardPaths.StandardLocation.DownloadLocation,
)


def sidebar_urls() -> list[QUrl]:
    """The places the sidebar offers: the computer's drives, home, desktop, documents, downloads."""
    urls = [QUrl("file:")]  # "My Computer": every drive, USB sticks and discs among them
    for place in _SIDEBAR_PLACES:
        folder = QStandardPaths.writableLocation(place)
        if folder and Path(folder).is_dir() and QUrl.fromLocalFile(folder) not in urls:
            urls.append(QUrl.fromLocalFile(folder))
    return urls


def last_folder() -> str:
    """Where the next dialog opens when the caller has no better idea (this run only)."""
    return _last_folder if _last_folder and Path(_last_folder).is_dir() else QDir.homePath()


def forget_last_folder() -> None:
    global _last_folder  # the only state: one remembered folder, in memory
    _last_folder = None


class PrivateFileDialog(QFileDialog):
    """A Qt (non-native) file dialog that leaves no trace of the folders it visited."""

    def __init__(
        self, parent: QWidget | None, caption: str, directory: str = "", name_filter: str = ""
    ) -> None:
        super().__init__(parent, caption, "", name_filter)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setHistory([])  # nothing restored from earlier runs is offered either
        self.setSidebarUrls(sidebar_urls())
        self._fit_to_screen()
        self.chosen: list[str] = []
        self.chosen_filter = ""
        self._start_in(directory)

    def _fit_to_screen(self) -> None:
        """Roomy enough to read long folder names and dates, never larger than the screen."""
        width, height = PREFERRED_SIZE
        available = free_area(self)
        width = min(width, int(available.width() * 0.9))
        height = min(height, int(available.height() * 0.85))
        self.resize(width, height)

    def _start_in(self, directory: str) -> None:
        """`directory` may be a folder or a suggested file (a save dialog's default name)."""
        if not directory:
            self.setDirectory(last_folder())
            return
        path = Path(directory)
        if path.is_dir():
            self.setDirectory(str(path))
        elif path.parent != Path() and path.parent.is_dir():
            self.setDirectory(str(path.parent))
            self.selectFile(path.name)
        else:
            self.setDirectory(last_folder())
            self.selectFile(directory)

    def done(self, result: int) -> None:
        """Close, keep the choice, then forget: the folder is remembered for this run only."""
        global _last_folder  # see last_folder()
        accepted = result == QFileDialog.DialogCode.Accepted.value
        self.chosen = self.selectedFiles() if accepted else []
        self.chosen_filter = self.selectedNameFilter()
        visited = self.directory().absolutePath()
        super().done(result)
        if accepted and visited and Path(visited).is_dir():
            _last_folder = visited
        self.forget()

    def forget(self) -> None:
        """What Qt saves when this dialog is destroyed: the home folder, no history."""
        self.setDirectory(QDir.homePath())
        self.setHistory([])
        self.setSidebarUrls(sidebar_urls())


def _run(dialog: PrivateFileDialog) -> tuple[list[str], str]:
    """Show `dialog` modally: (chosen paths or [] when cancelled, name filter). Then destroy it."""
    try:
        dialog.exec()
        return list(dialog.chosen), dialog.chosen_filter
    finally:
        dialog.forget()
        shiboken6.delete(dialog)  # now, so Qt saves its (emptied) settings before we go on


def get_open_file_names(
    parent: QWidget | None, caption: str = "", directory: str = "", name_filter: str = ""
) -> tuple[list[str], str]:
    dialog = PrivateFileDialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def get_open_file_name(
    parent: QWidget | None, caption: str = "", directory: str = "", name_filter: str = ""
) -> tuple[str, str]:
    dialog = PrivateFileDialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    names, chosen_filter = _run(dialog)
    return (names[0] if names else ""), chosen_filter


def get_save_file_name(
    parent: QWidget | None, caption: str = "", directory: str = "", name_filter: str = ""
) -> tuple[str, str]:
    names, chosen_filter = _run(new_save_dialog(parent, caption, directory, name_filter))
    return (names[0] if names else ""), chosen_filter


def get_existing_directory(parent: QWidget | None, caption: str = "", directory: str = "") -> str:
    dialog = PrivateFileDialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    names, _filter = _run(dialog)
    return names[0] if names else ""


def new_save_dialog(
    parent: QWidget | None, caption: str = "", directory: str = "", name_filter: str = ""
) -> PrivateFileDialog:
    """A save dialog to open() without waiting (it forgets its folders when it closes)."""
    dialog = PrivateFileDialog(parent, caption, directory, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return dialog
