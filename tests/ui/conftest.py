"""Fixtures for UI tests: offscreen Qt, settings kept in a temporary folder, small binders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Each UI test gets empty QSettings in a temporary folder, never the user's own."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("CasebookTests")
    QCoreApplication.setApplicationName("CasebookTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
