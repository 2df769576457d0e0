"""The wizard says how many parts (e-mails) a bundle makes before sealing; after sealing the
folder holds exactly that many, for the demo binder at two part sizes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casebook.bundle.plan import Recipient, Sender
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.demo import create_demo_binder
from casebook.services.export.sealing import ExportRequest, estimate_bundle, export_bundle
from casebook.store.keyslots import KdfParams

HOSPITAL = Recipient("Example University Hospital", "Thoracic MDT", "Dr. A. Reviewer", "Germany")
SENDER = Sender("Jun Lin", "son", "jun@example.org", "English, 中文")
TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("volume_size_mb", [1, 2])
def test_the_estimate_is_the_number_of_parts_sealed(tmp_path: Path, volume_size_mb: int) -> None:
    session, _ = create_demo_binder(tmp_path / "binder", KdfParams.minimum(), language="en")
    with session:
        request = ExportRequest(HOSPITAL, SENDER, "en+zh", volume_size_mb=volume_size_mb)
        estimate = estimate_bundle(session, request, TODAY)
        out = tmp_path / "out"
        out.mkdir()
        result = export_bundle(
            session, request, out, "bundle", ignore_progress, NEVER_CANCELLED, today=TODAY
        )
    parts = result.bundle.parts
    assert estimate.parts(volume_size_mb) == len(parts) > 1
    assert estimate.archive_bytes == sum(part.size for part in parts)
    assert sorted(p.name for p in out.iterdir()) == [p.path.name for p in parts]
    assert all(part.size <= volume_size_mb * 1_000_000 for part in parts)
