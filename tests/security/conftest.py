"""Real small binders and the real `casebook` command for the security tests.

Binders use the minimum Argon2id cost so the suite stays fast; the CLI runs in a child process
with its own data folder. Inputs are real files from tests/data (DICOM) and files written here.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from binder_copies import BinderCopies

from casebook.core.model import Case, PartialDate
from casebook.services.binder.session import BinderSession, NewBinder, unlock_binder
from casebook.services.records import documents as records
from casebook.store.keyslots import KdfParams

PASSWORD = "tulip ledger 42 window"
NEW_PASSWORD = "harbour quince 17 lantern"
FAST = KdfParams.minimum()

Run = Callable[..., subprocess.CompletedProcess[str]]


def make_case(name: str = "Test Patient") -> Case:
    return Case(patient_name=name, date_of_birth=PartialDate(1961, 5), diagnosis_summary="")


@pytest.fixture
def new_binder(tmp_path: Path, binder_copies: BinderCopies) -> Iterator[NewBinder]:
    created = binder_copies.new_binder(tmp_path / "binder", PASSWORD, make_case(), FAST)
    yield created
    created.session.close()


@pytest.fixture
def session(new_binder: NewBinder) -> BinderSession:
    return new_binder.session


def document_hashes(folder: Path, password: str) -> dict[str, str]:
    """Each document's original name and the SHA-256 of its bytes, read through a fresh unlock:
    what must survive re-encryption, backups and format changes byte for byte."""
    with unlock_binder(folder, password) as session:
        return {
            doc.original_name: hashlib.sha256(
                records.read_document_bytes(session, doc.id)
            ).hexdigest()
            for doc in records.list_documents(session)
        }


def write_documents(folder: Path, count: int, size: int = 50_000, tag: str = "doc") -> list[Path]:
    """`count` distinct files of pseudo-random bytes (distinct content: no de-duplication)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{tag} {index:03d}.bin"
        path.write_bytes(f"{tag}-{index}-".encode() + os.urandom(size))
        paths.append(path)
    return paths


@pytest.fixture
def run_casebook(tmp_path: Path) -> Run:
    """`run_casebook("list", binder, stdin="pw\\n")` → the finished process (text mode)."""
    data_dir = tmp_path / "app-data"

    def run(
        *args: object,
        stdin: str | bytes = "",
        timeout: float = 180,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
        command = [sys.executable, "-m", "casebook", "--data-dir", str(data_dir), *map(str, args)]
        if isinstance(stdin, bytes):
            raw = subprocess.run(
                command,
                input=stdin,
                capture_output=True,
                timeout=timeout,
                env=full_env,
                check=False,
            )
            return subprocess.CompletedProcess(
                raw.args, raw.returncode, raw.stdout.decode(), raw.stderr.decode()
            )
        return subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=full_env,
            check=False,
        )

    return run


@pytest.fixture
def ui(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """For widget tests: settings in a temporary folder, and the app's own look."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from casebook.ui.common.gui_gc import collect_on_gui_thread
    from casebook.ui.common.look import apply_look
    from casebook.ui.common.preferences import use_settings_file

    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("CasebookTests")
    QCoreApplication.setApplicationName("CasebookTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    use_settings_file(folder / "settings.ini")
    assert isinstance(qapp, QApplication)
    apply_look(qapp)
    collect_on_gui_thread(qapp)
