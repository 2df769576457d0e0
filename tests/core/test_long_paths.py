"""Windows' extended-length paths, as pure logic: every case runs here, on any system."""

from __future__ import annotations

import pytest

from casebook.core.long_paths import (
    MAX_PATH,
    extended_length_path,
    needs_extended_prefix,
    without_extended_prefix,
)

DEEP = "C:\\Users\\王芳\\OneDrive - Family\\Documents\\" + "Mum hospital letters\\" * 12


def test_short_paths_are_left_exactly_as_they_are() -> None:
    for path in ("C:\\Users\\王芳\\Casebook binder\\binder.db", "C:/Users/x/binder.db", "relative"):
        assert extended_length_path(path, windows=True) == path


def test_long_drive_paths_get_the_prefix_and_backslashes() -> None:
    long = DEEP.replace("\\", "/") + "Casebook binder 2026-11-22/binder.db-wal"
    assert len(long) >= MAX_PATH
    extended = extended_length_path(long, windows=True)
    assert extended.startswith("\\\\?\\C:\\Users\\王芳\\OneDrive - Family\\")
    assert "/" not in extended  # the prefix turns off Windows' own slash conversion
    assert extended.endswith("\\Casebook binder 2026-11-22\\binder.db-wal")


def test_dots_are_resolved_before_the_prefix_turns_off_normalisation() -> None:
    long = DEEP + "..\\.\\Casebook binder\\keyslots.json"
    extended = extended_length_path(long, windows=True)
    assert "\\..\\" not in extended
    assert "\\.\\" not in extended
    assert extended.endswith("Mum hospital letters\\Casebook binder\\keyslots.json")


def test_network_shares_use_the_unc_form() -> None:
    long = "\\\\nas\\family\\" + "scans from the hospital\\" * 12 + "binder.db"
    extended = extended_length_path(long, windows=True)
    assert extended.startswith("\\\\?\\UNC\\nas\\family\\scans from the hospital\\")
    assert without_extended_prefix(extended) == long


def test_already_prefixed_relative_and_drive_relative_paths_are_untouched() -> None:
    prefixed = "\\\\?\\C:\\" + "x\\" * 200
    assert extended_length_path(prefixed, windows=True) == prefixed
    relative = "folder\\" * 60
    assert extended_length_path(relative, windows=True) == relative
    drive_relative = "C:" + "folder\\" * 60
    assert extended_length_path(drive_relative, windows=True) == drive_relative


def test_nothing_changes_on_linux_and_macos() -> None:
    long = "/home/wang/" + "病历 资料/" * 60
    assert extended_length_path(long, windows=False) == long


@pytest.mark.parametrize(("length", "needed"), [(MAX_PATH - 2, False), (MAX_PATH - 1, True)])
def test_the_limit_counts_the_terminating_nul(length: int, needed: bool) -> None:
    path = "C:\\" + "a" * (length - 3)
    assert len(path) == length
    assert needs_extended_prefix(path) is needed


def test_messages_show_the_path_without_the_prefix() -> None:
    assert without_extended_prefix("\\\\?\\C:\\Users\\x") == "C:\\Users\\x"
    assert without_extended_prefix("/home/x") == "/home/x"
