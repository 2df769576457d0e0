"""The case at a glance printed on its own, from the Overview: the same page as the first page
of the bundle's summary, read from the binder at the moment of printing, without a bundle (so
nothing is "enclosed" and no one "prepared" it for a recipient).
"""

from __future__ import annotations

from datetime import datetime

from casebook.bundle.case_facts import CaseAtAGlance, Contact, ImagingCount, TimelineEntry
from casebook.bundle.glance import render_glance_pdf
from casebook.core.timeline import ordered
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.care_facts import care_facts
from casebook.services.export.glance import case_at_a_glance
from casebook.services.export.planning import follow_ups_in_every_language, open_questions
from casebook.services.opinions.opinions import list_opinions, summary_comparison
from casebook.services.records.documents import load_case
from casebook.services.timeline import load_decision_moment, load_timeline


def standalone_glance(session: BinderSession, now: datetime) -> CaseAtAGlance:
    """The page's facts at `now` (local wall-clock time), read in one transaction."""
    with session.reading():
        timeline_state = load_timeline(session)
        timeline = tuple(
            TimelineEntry(event, timeline_state.line_numbers.get(event.id))
            for event in ordered(timeline_state.events)
        )
        comparison = summary_comparison(session)
        questions, _follow_ups = open_questions(session, follow_ups_in_every_language(comparison))
        return case_at_a_glance(
            load_case(session),
            opinions=list_opinions(session),
            moment=load_decision_moment(session),
            questions=questions,
            timeline=timeline,
            records=(),
            imaging=ImagingCount(),
            contact=Contact(),
            prepared_on=now.date().isoformat(),
            care=care_facts(session, now),
            in_bundle=False,
        )


def glance_pdf(session: BinderSession, language: str, now: datetime | None = None) -> bytes:
    """The one-page print in `language`; "en+zh" gives an English and a Chinese page."""
    return render_glance_pdf(standalone_glance(session, now or clock.local_now()), language)
