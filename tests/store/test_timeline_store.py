"""Timeline storage details: links to deleted records disappear, unknown kinds still read,
a failed write leaves nothing half-done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.core.model import Case, PartialDate
from casebook.core.timeline import EventKind, Link, LinkKind, TimelineEvent
from casebook.services.binder.session import NewBinder, create_binder
from casebook.store import timeline as store
from casebook.store.database import transaction
from casebook.store.keyslots import KdfParams


@pytest.fixture
def binder(tmp_path: Path) -> Iterator[NewBinder]:
    created = create_binder(
        tmp_path / "b", "tulip ledger 42 window", Case("T"), KdfParams.minimum()
    )
    yield created
    created.session.close()


def test_links_to_records_that_no_longer_exist_are_not_shown(binder: NewBinder) -> None:
    db = binder.session.database()
    event = TimelineEvent(
        EventKind.SURGERY,
        "s",
        PartialDate(2024, 5),
        links=frozenset({Link(LinkKind.DOCUMENT, 999), Link(LinkKind.IMAGING_STUDY, 7)}),
    )
    with transaction(db):
        event_id = store.insert_event(db, event, "2025-01-01T00:00:00+00:00")
    stored = store.get_event(db, event_id)
    assert stored is not None
    assert stored.links == frozenset()
    rows = db.execute("SELECT count(*) FROM timeline_links").fetchone()[0]
    assert rows == 2  # kept: a restored backup of the target would bring them back


def test_unknown_kind_reads_as_other_and_a_failed_write_rolls_back(binder: NewBinder) -> None:
    db = binder.session.database()
    with transaction(db):
        db.execute(
            "INSERT INTO timeline_events(kind, title, created_at, details_json) "
            "VALUES ('proton_therapy', 'p', 'now', '{\"cycles\": \"x\"}')"
        )
    (event,) = store.list_events(db)
    assert (event.kind, event.therapy.cycles) == (EventKind.OTHER, None)

    def failing_write() -> None:
        with transaction(db):
            store.insert_event(db, TimelineEvent(EventKind.DIAGNOSIS, "d"), "now")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        failing_write()
    assert len(store.list_events(db)) == 1
