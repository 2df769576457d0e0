"""Small real binders for service tests (minimum KDF cost so the suite stays fast)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from binder_copies import BinderCopies
from data_paths import lung_slices

from casebook.core.model import Case, PartialDate
from casebook.services.binder.session import BinderSession, NewBinder
from casebook.store.keyslots import KdfParams

PASSWORD = "tulip ledger 42 window"
FAST = KdfParams.minimum()


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


@pytest.fixture
def lung_ct_files() -> list[Path]:
    return lung_slices()


@pytest.fixture
def new_binder_folder(tmp_path: Path, binder_copies: BinderCopies) -> Path:
    """A closed binder's folder, for tests that open it more than once."""
    folder = tmp_path / "closed-binder"
    binder_copies.copy(folder, PASSWORD, make_case(), FAST)
    return folder
