"""Paths longer than Windows' old 260-character limit, as plain string logic.

Windows refuses paths of MAX_PATH (260) characters or more unless they carry the extended
prefix `\\\\?\\` (`\\\\?\\UNC\\server\\share\\…` for network shares), and a binder kept deep in
a synced or nested folder ("C:\\Users\\…\\OneDrive - …\\Documents\\Mum - hospital letters\\…")
gets there quickly once `binder.db-wal` or a bundle part's name is added. With the prefix,
Windows takes the path literally: no `/` → `\\` conversion, no `.` or `..`, so the path is
normalised first. Short paths are left exactly as they are, so nothing changes for them.

Pure logic (the operating system is a parameter) so every case is tested on any machine;
`casebook.store.binder_folder` applies it to the paths it builds.
"""

from __future__ import annotations

import ntpath
import os

MAX_PATH = 260  # characters, including the terminating NUL: 259 usable
EXTENDED_PREFIX = "\\\\?\\"
UNC_EXTENDED_PREFIX = "\\\\?\\UNC\\"
RUNNING_ON_WINDOWS = os.name == "nt"


def needs_extended_prefix(path: str) -> bool:
    """True for an absolute Windows path too long for the old API (≥ 260 characters)."""
    return len(path) >= MAX_PATH - 1 and not path.startswith(EXTENDED_PREFIX)


def extended_length_path(path: str, *, windows: bool = RUNNING_ON_WINDOWS) -> str:
    """`path` usable beyond 260 characters on Windows; unchanged elsewhere or when short.

    Only absolute paths can carry the prefix; a relative path is returned as it is (make it
    absolute first). Drive paths become `\\\\?\\C:\\…`, network paths `\\\\?\\UNC\\server\\…`.
    """
    if not windows or path.startswith(EXTENDED_PREFIX):
        return path
    normalised = ntpath.normpath(path)
    if not needs_extended_prefix(normalised):
        return path
    if normalised.startswith("\\\\"):  # \\server\share\… (UNC)
        return UNC_EXTENDED_PREFIX + normalised[2:]
    drive, rest = ntpath.splitdrive(normalised)
    if len(drive) == 2 and drive[1] == ":" and rest.startswith("\\"):
        return EXTENDED_PREFIX + normalised
    return path  # relative, or drive-relative ("C:foo"): Windows gives those no prefix


def without_extended_prefix(path: str) -> str:
    """The path as people read it (for messages): `\\\\?\\` or `\\\\?\\UNC\\` taken off."""
    if path.startswith(UNC_EXTENDED_PREFIX):
        return "\\\\" + path[len(UNC_EXTENDED_PREFIX) :]
    if path.startswith(EXTENDED_PREFIX):
        return path[len(EXTENDED_PREFIX) :]
    return path
