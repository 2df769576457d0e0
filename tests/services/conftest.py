"""Small real binders for service tests (minimum KDF cost so the suite stays fast)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.core.model import Case, PartialDate
from casebook.services.binder import BinderSession, NewBinder, create_binder
from casebook.store.keyslots import KdfParams

PASSWORD = "tulip ledger 42 window"
FAST = KdfParams.minimum()
REAL_DICOM = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "dicom"


def make_case(name: str = "Test Patient") -> Case:
    return Case(patient_name=name, date_of_birth=PartialDate(1961, 5), diagnosis_summary="")


@pytest.fixture
def new_binder(tmp_path: Path) -> Iterator[NewBinder]:
    created = create_binder(tmp_path / "binder", PASSWORD, make_case(), FAST)
    yield created
    created.session.close()


@pytest.fixture
def session(new_binder: NewBinder) -> BinderSession:
    return new_binder.session


@pytest.fixture
def lung_ct_files() -> list[Path]:
    folder = REAL_DICOM / "lung-ct-Lung_Dx-A0001"
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".dcm")
    if not files:
        pytest.fail(f"real DICOM test data missing under {folder}")
    return files
