"""Copies outside the binder: atomic "Save a copy", private folders for other programs,
and cleanup."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records.importing import import_paths
from casebook.services.records.outside_copies import (
    CopyFailed,
    cleanup_outside_copies,
    open_externally,
    outside_folders,
    save_copy,
)


def _import_letter(session: BinderSession, tmp_path: Path, name: str = "letter.txt"):  # type: ignore[no-untyped-def]
    source = tmp_path / name
    source.write_bytes("Dear colleague — 请复阅\n".encode())
    [document] = import_paths(session, [source], None, ignore_progress, NEVER_CANCELLED).added
    return source, document


def test_save_copy_writes_identical_bytes_atomically(
    session: BinderSession, tmp_path: Path
) -> None:
    source, document = _import_letter(session, tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "copy.txt").write_bytes(b"an older file under the same name")
    assert save_copy(session, document, folder / "copy.txt") == folder / "copy.txt"
    assert (folder / "copy.txt").read_bytes() == source.read_bytes()
    assert [p.name for p in folder.iterdir()] == ["copy.txt"]  # no .partial left behind


def test_save_copy_into_a_missing_folder_is_refused(session: BinderSession, tmp_path: Path) -> None:
    _source, document = _import_letter(session, tmp_path)
    with pytest.raises(CopyFailed) as refused:
        save_copy(session, document, tmp_path / "missing" / "copy.txt")
    assert refused.value.path == tmp_path / "missing" / "copy.txt"


def test_open_externally_uses_a_private_folder_removed_by_cleanup(
    session: BinderSession, tmp_path: Path
) -> None:
    source, document = _import_letter(session, tmp_path, "a:b?.txt")
    path = open_externally(session, document)
    assert path.read_bytes() == source.read_bytes()
    assert path.name == "a_b_.txt"  # safe on every OS
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    second = open_externally(session, document)
    assert second.parent != path.parent
    assert set(outside_folders()) == {path.parent, second.parent}
    assert cleanup_outside_copies() == 2
    assert not path.exists()
    assert not second.exists()
    assert outside_folders() == []
    assert cleanup_outside_copies() == 0
