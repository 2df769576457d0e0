"""Events proposed from dated documents and imaging studies, never twice, never once dismissed."""

from __future__ import annotations

from casebook.core.model import Document, ImagingStudy, PartialDate, RecordKind
from casebook.core.timeline import EventKind, Link, LinkKind, TimelineEvent
from casebook.core.timeline_suggestions import suggest_events

P = PartialDate.parse


def doc(doc_id: int, slot: RecordKind, when: str | None, title: str = "") -> Document:
    return Document(
        id=doc_id,
        title=title or f"document {doc_id}",
        slot=slot,
        original_name=f"{doc_id}.pdf",
        media_type="application/pdf",
        size=100,
        content_sha256=f"{doc_id:064x}",
        added_at="2025-01-01T00:00:00+00:00",
        document_date=P(when) if when else None,
    )


def study(study_id: int, when: str | None, report: int | None = None) -> ImagingStudy:
    return ImagingStudy(
        id=study_id,
        study_uid=f"1.2.{study_id}",
        study_date=P(when) if when else None,
        description="CHEST",
        modalities="CT",
        report_document_id=report,
    )


def summary(suggestions: list) -> list[tuple[EventKind, str | None, tuple[str, ...]]]:  # type: ignore[type-arg]
    return [(s.event.kind, s.event.start and s.event.start.iso(), s.keys) for s in suggestions]


def test_documents_and_studies_propose_events_in_date_order() -> None:
    documents = [
        doc(1, RecordKind.PATHOLOGY, "2024-03-14", "Biopsy report"),
        doc(2, RecordKind.OPERATIVE_NOTES, "2024-05"),
        doc(3, RecordKind.LABS, "2024-03-01"),  # labs propose nothing
        doc(4, RecordKind.PATHOLOGY, None),  # undated: nothing to place
        doc(5, RecordKind.DIAGNOSIS_PLAN, "2024-03-20"),
    ]
    found = suggest_events(documents, [study(1, "2024-02-28"), study(2, None)], [], set())
    assert summary(found) == [
        (EventKind.IMAGING, "2024-02-28", ("study:1",)),
        (EventKind.DIAGNOSIS, "2024-03-14", ("diagnosis:document:1",)),
        (EventKind.BIOPSY, "2024-03-14", ("document:1",)),
        (EventKind.SURGERY, "2024-05", ("document:2",)),
    ]
    assert found[0].event.title == "CT – CHEST"
    assert found[0].event.links == {Link(LinkKind.IMAGING_STUDY, 1)}
    assert found[2].event.title == "Biopsy report"
    assert found[2].event.links == {Link(LinkKind.DOCUMENT, 1)}


def test_an_imaging_report_joins_its_study() -> None:
    documents = [doc(1, RecordKind.IMAGING, "2024-02-28"), doc(2, RecordKind.IMAGING, "2024-06-01")]
    found = suggest_events(
        documents, [study(1, "2024-02-28"), study(2, "2024-06-01", report=2)], [], set()
    )
    assert summary(found) == [
        (EventKind.IMAGING, "2024-02-28", ("study:1", "document:1")),
        (EventKind.IMAGING, "2024-06-01", ("study:2", "document:2")),
    ]
    assert found[0].event.links == {Link(LinkKind.IMAGING_STUDY, 1), Link(LinkKind.DOCUMENT, 1)}


def test_nothing_is_proposed_twice() -> None:
    documents = [
        doc(1, RecordKind.PATHOLOGY, "2024-03-14"),
        doc(2, RecordKind.OPERATIVE_NOTES, "2024-05-02"),
    ]
    existing = [
        # Linked to the pathology report: that biopsy is already on the timeline.
        TimelineEvent(
            EventKind.BIOPSY, "b", P("2024-03"), links=frozenset({Link(LinkKind.DOCUMENT, 1)}), id=1
        ),
        # Entered by hand for the same month, without a link: the same surgery.
        TimelineEvent(EventKind.SURGERY, "Whipple", P("2024-05"), id=2),
        TimelineEvent(EventKind.IMAGING, "CT", P("2024-02-28"), id=3),
    ]
    found = suggest_events(documents, [study(1, "2024-02-28")], existing, set())
    # The diagnosis rests on the same report as the biopsy, but is its own event.
    assert summary(found) == [(EventKind.DIAGNOSIS, "2024-03-14", ("diagnosis:document:1",))]
    with_diagnosis = [*existing, TimelineEvent(EventKind.DIAGNOSIS, "d", P("2024"), id=4)]
    assert suggest_events(documents, [study(1, "2024-02-28")], with_diagnosis, set()) == []


def test_a_different_date_is_a_different_event() -> None:
    existing = [TimelineEvent(EventKind.IMAGING, "CT", P("2024-02-28"), id=3)]
    found = suggest_events([], [study(1, "2024-06-01")], existing, set())
    assert summary(found) == [(EventKind.IMAGING, "2024-06-01", ("study:1",))]


def test_dismissed_suggestions_stay_dismissed() -> None:
    documents = [
        doc(1, RecordKind.IMAGING, "2024-02-28"),
        doc(7, RecordKind.OPERATIVE_NOTES, "2024-05"),
    ]
    studies = [study(1, "2024-02-28")]
    assert suggest_events(documents, studies, [], {"study:1", "document:7"}) == []
    # Dismissing the merged proposal by its report key works too.
    assert summary(suggest_events(documents, studies, [], {"document:1"})) == [
        (EventKind.SURGERY, "2024-05", ("document:7",))
    ]
