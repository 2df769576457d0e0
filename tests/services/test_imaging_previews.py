"""Series thumbnails cached encrypted in the binder, and frames decoded in the worker."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image
from pydicom.encaps import encapsulate

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.imaging.errors import DicomUnreadable
from casebook.services.binder.session import BinderSession
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.services.imaging.previews import (
    instance_thumbnail,
    read_frame,
    read_tags,
    representative_instance,
    series_thumbnail,
)
from casebook.services.isolation import IsolatedWorker


@pytest.fixture(scope="module")
def worker() -> Iterator[IsolatedWorker]:
    with IsolatedWorker(timeout_seconds=30) as isolated:
        yield isolated


def _import(session: BinderSession, paths: list[Path], worker: IsolatedWorker) -> int:
    scan = scan_media(paths, ignore_progress, NEVER_CANCELLED, worker)
    import_scan(session, scan, ignore_progress, NEVER_CANCELLED)
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    return series.id


def test_series_thumbnail_is_the_middle_slice_and_cached(
    session: BinderSession, lung_ct_files: list[Path], worker: IsolatedWorker
) -> None:
    series_id = _import(session, lung_ct_files[:5], worker)
    instances = imaging_records.list_instances(session, series_id)
    middle = representative_instance(instances)
    assert middle is not None
    assert middle.instance_number == instances[2].instance_number
    preview = series_thumbnail(session, series_id, 128, worker)
    assert preview.png is not None
    assert preview.problem == ""
    picture = Image.open(io.BytesIO(preview.png))
    assert picture.size == (128, 128)
    assert np.asarray(picture).std() > 30
    rows = session.database().execute("SELECT variant FROM thumbnails").fetchall()
    assert [tuple(r) for r in rows] == [("dicom128",)]
    worker.close()  # a cached thumbnail needs no decoding
    assert series_thumbnail(session, series_id, 128, worker) == preview


def test_frames_and_tags_from_the_binder(
    session: BinderSession, lung_ct_files: list[Path], worker: IsolatedWorker
) -> None:
    series_id = _import(session, lung_ct_files[:2], worker)
    first = imaging_records.list_instances(session, series_id)[0]
    frame = read_frame(session, first, 0, worker)
    assert frame.values.shape == (512, 512)
    rows = read_tags(session, first, worker)
    assert any(row.tag == "(0020,000D)" for row in rows)


def test_undecodable_image_is_remembered_with_its_reason(
    session: BinderSession, tmp_path: Path, lung_ct_files: list[Path], worker: IsolatedWorker
) -> None:
    dataset = pydicom.dcmread(lung_ct_files[0])
    dataset.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.100"  # MPEG2 video
    dataset.PixelData = encapsulate([dataset.PixelData])
    dataset["PixelData"].VR = "OB"
    dataset.save_as(tmp_path / "VIDEO001")
    series_id = _import(session, [tmp_path / "VIDEO001"], worker)
    [instance] = imaging_records.list_instances(session, series_id)
    preview = instance_thumbnail(session, instance, 128, worker)
    assert preview.png is None
    assert "unsupported_compression" in preview.problem
    with pytest.raises(DicomUnreadable):
        read_frame(session, instance, 0, worker)
