"""Two and three copies of one binder, built once per test session from real invitations and
copied for each test (so each test opens them with one cheap unlock instead of joining)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.services.binder.session import unlock_binder

from .family import PASSWORDS, Family, start_family


def _template(root: Path, names: tuple[str, ...]) -> Path:
    family = start_family(root, names)
    family.close()
    return root


def _copy(template: Path, target: Path, names: tuple[str, ...]) -> Family:
    family = Family(target)
    for name in names:
        shutil.copytree(template / name, target / name)
        family.copies[name] = unlock_binder(target / name, PASSWORDS[name])
    return family


@pytest.fixture(scope="session")
def pair_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("pair"), ("Li", "Wei"))


@pytest.fixture(scope="session")
def trio_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("trio"), ("Li", "Wei", "Mei"))


@pytest.fixture
def pair(pair_template: Path, tmp_path: Path) -> Iterator[Family]:
    """Li's binder and Wei's copy, joined from Li's invitation."""
    family = _copy(pair_template, tmp_path, ("Li", "Wei"))
    yield family
    family.close()


@pytest.fixture
def trio(trio_template: Path, tmp_path: Path) -> Iterator[Family]:
    family = _copy(trio_template, tmp_path, ("Li", "Wei", "Mei"))
    yield family
    family.close()
