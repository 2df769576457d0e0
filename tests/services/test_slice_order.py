"""A series in reading order from stored header facts: kept at import, and — in a binder made
before Casebook kept them — read again from the stored files in the worker, once."""

from __future__ import annotations

from pathlib import Path

from made_dicom import renumbered
from older_binder import make_schema_3

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession, NewBinder, unlock_binder
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.services.imaging.slice_order import (
    ordered_instances,
    read_placements,
    remember_placements,
    unplaced,
)
from casebook.store.schema import SCHEMA_VERSION, schema_version

from .conftest import PASSWORD

# Files 1-01…1-06 lie from the head down; a PACS numbered them 1, 2, 5, 4, 3, 6.
NUMBERS = [1, 2, 5, 4, 3, 6]


def _import(session: BinderSession, paths: list[Path]) -> int:
    import_scan(session, scan_media(paths, ignore_progress, NEVER_CANCELLED), ignore_progress,
                NEVER_CANCELLED)  # fmt: skip
    [study] = imaging_records.list_studies(session)
    [series] = imaging_records.list_series(session, study.id)
    return series.id


def _numbers(session: BinderSession, series_id: int) -> list[int | None]:
    return [i.instance_number for i in ordered_instances(session, series_id)]


def test_imported_images_are_ordered_by_their_place(session: BinderSession, tmp_path: Path) -> None:
    series_id = _import(session, renumbered(tmp_path / "disc", NUMBERS))
    listed = imaging_records.list_instances(session, series_id)
    assert [i.instance_number for i in listed] == [1, 2, 3, 4, 5, 6]
    assert _numbers(session, series_id) == NUMBERS  # head to feet: files 1-01…1-06
    assert unplaced(listed) == []
    heights = [i.placement.position[2] for i in ordered_instances(session, series_id)]  # type: ignore[union-attr,index]
    assert heights == [-124.0, -129.0, -134.0, -139.0, -144.0, -149.0]


def test_an_older_binder_is_ordered_by_number_until_the_headers_are_read_again(
    new_binder: NewBinder, tmp_path: Path
) -> None:
    session = new_binder.session
    series_id = _import(session, renumbered(tmp_path / "disc", NUMBERS))
    # Make it the binder an older Casebook wrote: schema 3, without the placement columns.
    make_schema_3(session)
    session.close()

    with unlock_binder(session.folder, PASSWORD) as reopened:
        with reopened.reading() as db:
            assert schema_version(db) == SCHEMA_VERSION >= 4
        listed = imaging_records.list_instances(reopened, series_id)
        assert len(unplaced(listed)) == 6
        assert _numbers(reopened, series_id) == [1, 2, 3, 4, 5, 6]  # by number, for now
        steps: list[int] = []
        placements = read_placements(
            reopened, unplaced(listed), lambda p: steps.append(p.done), NEVER_CANCELLED
        )
        assert steps[-1] == 6
        assert set(placements) == {i.id for i in listed}
        remember_placements(reopened, placements)
        assert _numbers(reopened, series_id) == NUMBERS
        assert unplaced(imaging_records.list_instances(reopened, series_id)) == []
