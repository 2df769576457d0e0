"""A binder that grows for years (issue 15): the counts every screen shows read indexes, not
every image row, and stay right when images, series and studies go to the trash.

How fast they are at 50,000 images is measured by `benchmarks/big_binder.py`, never here; this
checks the query plans SQLite chooses on a real binder, which decide how the cost grows.
"""

from __future__ import annotations

from data_paths import DEMO_DOCUMENTS, lung_slices

from casebook.core.model import RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.imaging import records as imaging
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.services.isolation import IsolatedWorker
from casebook.services.overview import load_overview
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.store.slots import _LIST_SLOTS


def _plan(session: BinderSession, sql: str) -> str:
    rows = session.database().execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    return "\n".join(str(row[3]) for row in rows)


def _import_ct(session: BinderSession, count: int) -> None:
    with IsolatedWorker() as worker:
        scan = scan_media(lung_slices(count), ignore_progress, NEVER_CANCELLED, worker)
    import_scan(session, scan, ignore_progress, NEVER_CANCELLED)


def test_counting_what_is_not_in_the_trash_never_reads_every_image_row(
    session: BinderSession,
) -> None:
    _import_ct(session, 4)
    for sql in (
        "SELECT count(*) FROM live_imaging_instances",
        _LIST_SLOTS,
        "SELECT count(*) FROM live_imaging_series se WHERE se.study_id = 1",
    ):
        plan = _plan(session, sql)
        # Image rows are only reached through the covering index, series by series.
        assert "SCAN i\n" not in plan + "\n", plan
        assert "imaging_instances_live" in plan, plan
    documents = _plan(
        session, "SELECT count(*) FROM documents WHERE slot = 'labs' AND deleted_at IS NULL"
    )
    assert "COVERING INDEX documents_live" in documents, documents


def test_counts_follow_the_trash_through_the_indexed_view(
    session: BinderSession,
) -> None:
    _import_ct(session, 6)
    [study] = imaging.list_studies(session)
    [series] = imaging.list_series(session, study.id)
    first, second, *_ = imaging.list_instances(session, series.id)

    imaging.remove_images(session, [first.id, second.id])
    overview = load_overview(session)
    assert [s.document_count for s in overview.slots if s.kind is RecordKind.IMAGING] == [4]
    assert imaging.list_studies(session)[0].image_count == 4
    assert imaging.list_series(session, study.id)[0].image_count == 4

    imaging.remove_study(session, study.id)
    overview = load_overview(session)
    assert overview.imaging_study_count == 0
    assert [s.document_count for s in overview.slots if s.kind is RecordKind.IMAGING] == [0]
    assert imaging.list_instances(session, series.id) == []

    imaging.restore_imaging(session, "study", study.id)
    assert imaging.list_studies(session)[0].image_count == 4  # the two images stay out
    assert load_overview(session).backup.files_since == 4


def test_documents_are_counted_per_kind_through_the_index(session: BinderSession) -> None:
    demo = sorted(DEMO_DOCUMENTS.glob("*.pdf"))[:2]
    assert len(demo) == 2
    import_paths(session, demo, RecordKind.LABS, ignore_progress, NEVER_CANCELLED)
    labs = {s.kind: s.document_count for s in load_overview(session).slots}[RecordKind.LABS]
    assert labs == 2
    [first, _second] = records.list_documents(session)
    records.move_to_trash(session, first.id)
    overview = load_overview(session)
    assert {s.kind: s.document_count for s in overview.slots}[RecordKind.LABS] == 1
    assert overview.document_count == 1
    assert overview.backup.files_since == 1
