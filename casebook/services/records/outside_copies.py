"""Copies of a document outside the binder, made only when the user explicitly asks.

Everything else in Casebook keeps case content encrypted; these two actions are the deliberate
exceptions, and the UI warns before each. "Save a copy" writes where the user chose, atomically
(a `.partial` file, fsynced, then renamed), so a full disk never leaves half a file under the
real name. "Open with another program" needs a real file for that program: it goes into a
private folder (mode 0700) under the system temp folder, remembered here and removed by
`cleanup_outside_copies()` when the binder is locked or the app exits.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from casebook.core.errors import CasebookError, NotEnoughSpace
from casebook.core.model import Document
from casebook.services.binder.session import BinderSession
from casebook.services.records.documents import read_document_bytes

FOLDER_PREFIX = "casebook-outside-"
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

_folders: list[Path] = []
_folders_lock = threading.Lock()
_cleanup_registered = False


@dataclass
class CopyFailed(CasebookError):
    """The copy could not be written (no permission, a read-only disk, a folder in the way)."""

    path: Path
    detail: str = ""


def _write_atomically(data: bytes, destination: Path) -> None:
    partial = destination.with_name(destination.name + ".partial")
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise NotEnoughSpace(destination.parent) from None
        raise CopyFailed(destination, error.strerror or type(error).__name__) from None


def save_copy(session: BinderSession, document: Document, destination: Path) -> Path:
    """Write the document's original bytes, unencrypted, to `destination` (replacing it)."""
    _write_atomically(read_document_bytes(session, document.id), destination)
    return destination


def outside_file_name(document: Document) -> str:
    """A file name other programs accept: the original name, made safe for every OS."""
    name = _UNSAFE_NAME.sub("_", document.original_name).strip(" .")
    return name or f"document-{document.id}"


def _register_cleanup() -> None:
    global _cleanup_registered
    if not _cleanup_registered:
        atexit.register(cleanup_outside_copies)
        _cleanup_registered = True


def open_externally(session: BinderSession, document: Document) -> Path:
    """Write the document into a new private folder and return the file, for another program.

    The folder is created with mode 0700 (`tempfile.mkdtemp`), so other users cannot read it.
    """
    data = read_document_bytes(session, document.id)
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    with _folders_lock:
        _folders.append(folder)
        _register_cleanup()
    path = folder / outside_file_name(document)
    _write_atomically(data, path)
    return path


def outside_folders() -> list[Path]:
    """The private folders made by this process that still exist."""
    with _folders_lock:
        return [folder for folder in _folders if folder.exists()]


def cleanup_outside_copies() -> int:
    """Remove every file opened in another program; returns how many folders were removed.

    A file another program still holds open may resist on Windows: it stays listed and the
    next cleanup (at lock or exit) tries again.
    """
    removed = 0
    with _folders_lock:
        remaining: list[Path] = []
        for folder in _folders:
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():
                remaining.append(folder)
            else:
                removed += 1
        _folders[:] = remaining
    return removed
