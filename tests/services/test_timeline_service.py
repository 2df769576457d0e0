"""The timeline on a real binder: events with links, suggestions from an imported pathology PDF
and real lung CT slices, dismissals that persist, the decision moment, search, summary lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.core.decision_moment import DecisionMoment
from casebook.core.errors import InvalidInput
from casebook.core.model import PartialDate, RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.timeline import (
    EventKind,
    Link,
    LinkKind,
    Response,
    StopReason,
    TherapyDetails,
    TimelineEvent,
)
from casebook.core.timeline_gaps import GapRule
from casebook.services import timeline
from casebook.services.binder.session import BinderSession, unlock_binder
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths

from .conftest import PASSWORD

P = PartialDate.parse


def write_pathology_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    document = canvas.Canvas(str(path), pagesize=A4)
    document.setFont("Helvetica", 14)
    y = 780
    for line in (
        "SURGICAL PATHOLOGY REPORT",
        "Date of procedure: 12 May 2007",
        "Specimen: CT-guided core biopsy, right upper lobe of lung.",
        "Histology: adenocarcinoma. Immunohistochemistry: TTF-1 positive.",
    ):
        document.drawString(72, y, line)
        y -= 24
    document.showPage()
    document.save()
    return path


@pytest.fixture
def imported(session: BinderSession, tmp_path: Path, lung_ct_files: list[Path]) -> BinderSession:
    pdf = write_pathology_pdf(tmp_path / "biopsy report.pdf")
    summary = import_paths(
        session,
        [pdf, *lung_ct_files[:3]],
        None,
        ignore_progress,
        NEVER_CANCELLED,
        accept_other_patients=True,
    )
    assert not summary.refused
    assert summary.images_added == 3
    (document,) = summary.added
    assert document.slot is RecordKind.PATHOLOGY
    assert document.document_date == P("2007-05-12")
    return session


def test_suggestions_come_from_the_pathology_pdf_and_the_ct_study_date(
    imported: BinderSession,
) -> None:
    state = timeline.load_timeline(imported)
    found = [(s.event.kind, s.event.start) for s in state.suggestions]
    assert found == [
        (EventKind.IMAGING, P("2007-04-04")),
        (EventKind.DIAGNOSIS, P("2007-05-12")),
        (EventKind.BIOPSY, P("2007-05-12")),
    ]
    (study,) = state.studies
    assert state.suggestions[0].event.links == {Link(LinkKind.IMAGING_STUDY, study.id)}
    assert state.suggestions[0].event.title.startswith("CT")

    timeline.accept_suggestion(imported, state.suggestions[0])
    timeline.dismiss_suggestion(imported, state.suggestions[2])
    state = timeline.load_timeline(imported)
    assert [(s.event.kind, s.event.start) for s in state.suggestions] == [
        (EventKind.DIAGNOSIS, P("2007-05-12"))
    ]
    (event,) = state.events
    assert event.kind is EventKind.IMAGING
    assert event.links == {Link(LinkKind.IMAGING_STUDY, study.id)}


def test_dismissals_survive_locking_the_binder(imported: BinderSession) -> None:
    state = timeline.load_timeline(imported)
    for suggestion in state.suggestions:
        timeline.dismiss_suggestion(imported, suggestion)
    folder = imported.folder
    imported.close()
    with unlock_binder(folder, PASSWORD) as again:
        state = timeline.load_timeline(again)
        assert state.suggestions == ()
        assert state.dismissed_count == 3  # the CT study, the diagnosis, the biopsy
        timeline.restore_dismissed_suggestions(again)
        assert len(timeline.load_timeline(again).suggestions) == 3


def test_events_round_trip_with_links_and_are_searchable(imported: BinderSession) -> None:
    (document,) = records.list_documents(imported)
    line = TimelineEvent(
        EventKind.SYSTEMIC_THERAPY,
        "  Carboplatin + pemetrexed  ",
        P("2007-06"),
        P("2007-10-02"),
        "Four cycles, then maintenance discussed",
        TherapyDetails("carboplatin/pemetrexed", 4, Response.PARTIAL, StopReason.COMPLETED),
        frozenset({Link(LinkKind.DOCUMENT, document.id)}),
    )
    event_id = timeline.save_event(imported, line)
    (stored,) = timeline.load_timeline(imported).events
    assert stored.id == event_id
    assert stored.title == "Carboplatin + pemetrexed"
    assert stored.therapy == line.therapy
    assert stored.links == line.links
    assert (stored.start, stored.end) == (P("2007-06"), P("2007-10-02"))

    hits = records.search(imported, "maintenance")
    assert [(hit.kind, hit.ref_id) for hit in hits] == [("timeline_event", event_id)]

    edited = TimelineEvent(
        EventKind.SYSTEMIC_THERAPY, "Pemetrexed", P("2007-06"), id=event_id, therapy=line.therapy
    )
    timeline.save_event(imported, edited)
    (stored,) = timeline.load_timeline(imported).events
    assert (stored.title, stored.end, stored.links) == ("Pemetrexed", None, frozenset())
    assert records.search(imported, "maintenance") == []

    timeline.delete_event(imported, event_id)
    assert timeline.load_timeline(imported).events == ()
    count = imported.database().execute("SELECT count(*) FROM timeline_links").fetchone()[0]
    assert count == 0


def test_lines_are_numbered_and_gaps_found_on_the_stored_timeline(session: BinderSession) -> None:
    later = TimelineEvent(
        EventKind.SYSTEMIC_THERAPY, "Docetaxel", P("2008-03"), therapy=TherapyDetails("docetaxel")
    )
    first = TimelineEvent(
        EventKind.SYSTEMIC_THERAPY,
        "Carboplatin",
        P("2007-06"),
        P("2007-10"),
        therapy=TherapyDetails("carbo"),
    )
    later_id = timeline.save_event(session, later)
    first_id = timeline.save_event(session, first)
    timeline.save_event(session, TimelineEvent(EventKind.DIAGNOSIS, "Adenocarcinoma", P("2007-05")))
    state = timeline.load_timeline(session)
    assert state.line_numbers == {first_id: 1, later_id: 2}
    found = {(gap.rule, gap.event_id) for gap in state.gaps}
    assert (GapRule.DIAGNOSIS_WITHOUT_PATHOLOGY, state.events[0].id) in found
    assert (GapRule.LINE_WITHOUT_RESPONSE, first_id) in found
    assert (GapRule.NO_IMAGING_BEFORE_LINE, later_id) in found


def test_invalid_events_are_refused(session: BinderSession) -> None:
    with pytest.raises(InvalidInput, match="title"):
        timeline.save_event(session, TimelineEvent(EventKind.OTHER, "   "))
    with pytest.raises(InvalidInput, match="end"):
        timeline.save_event(
            session, TimelineEvent(EventKind.SURGERY, "x", P("2024-05"), P("2024-04"))
        )
    with pytest.raises(InvalidInput, match="start"):
        timeline.save_event(session, TimelineEvent(EventKind.SURGERY, "x", None, P("2024-04")))
    assert timeline.load_timeline(session).events == ()


def test_decision_moment_is_stored_in_case_info(session: BinderSession) -> None:
    assert timeline.load_decision_moment(session) is None
    timeline.save_decision_moment(session, DecisionMoment.ADVANCED_THERAPY)
    stored = session.database().execute("SELECT decision_moment FROM case_info").fetchone()[0]
    assert stored == "advanced_therapy"
    assert timeline.load_timeline(session).decision_moment is DecisionMoment.ADVANCED_THERAPY
    records.save_case(session, records.load_case(session))  # editing the case keeps it
    assert timeline.load_decision_moment(session) is DecisionMoment.ADVANCED_THERAPY
    timeline.save_decision_moment(session, None)
    assert timeline.load_decision_moment(session) is None


def test_summary_lines_in_english_and_chinese(session: BinderSession) -> None:
    timeline.save_event(
        session, TimelineEvent(EventKind.DIAGNOSIS, "Adenocarcinoma of the lung", P("2007-05"))
    )
    timeline.save_event(
        session,
        TimelineEvent(
            EventKind.SYSTEMIC_THERAPY,
            "Carboplatin + pemetrexed",
            P("2007-06"),
            P("2007-10"),
            therapy=TherapyDetails("", 4, Response.PARTIAL, StopReason.COMPLETED),
        ),
    )
    timeline.save_event(
        session, TimelineEvent(EventKind.SYSTEMIC_THERAPY, "Docetaxel", P("2008-03"))
    )
    assert timeline.timeline_summary_lines(session) == (
        "2007-05 · Diagnosis: Adenocarcinoma of the lung",
        "2007-06 – 2007-10 · Line 1 of systemic therapy: Carboplatin + pemetrexed "
        "(4 cycles; response: partial response; stopped: completed as planned)",
        "2008-03 – ongoing · Line 2 of systemic therapy: Docetaxel",
    )
    chinese = timeline.timeline_summary_lines(session, "zh")
    assert chinese[0] == "2007-05 · 诊断：Adenocarcinoma of the lung"
    assert "一线系统治疗：Carboplatin" in chinese[1]
    assert "部分缓解" in chinese[1]


def test_one_cycle_is_a_cycle_and_the_second_line_is_erxian(session: BinderSession) -> None:
    for title, start, end in (
        ("Carboplatin", "2024-01", "2024-05"),
        ("Docetaxel", "2024-06", "2024-09"),
    ):
        timeline.save_event(
            session,
            TimelineEvent(
                EventKind.SYSTEMIC_THERAPY, title, P(start), P(end),
                therapy=TherapyDetails("", 1),
            ),
        )  # fmt: skip
    english = timeline.timeline_summary_lines(session)
    assert "Line 1 of systemic therapy: Carboplatin (1 cycle)" in english[0]
    chinese = timeline.timeline_summary_lines(session, "zh")
    assert "一线系统治疗：Carboplatin（1个周期）" in chinese[0]
    assert "二线系统治疗：Docetaxel" in chinese[1]
