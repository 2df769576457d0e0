"""Timeline events Casebook proposes from what the binder already holds; the caregiver confirms.

Dated documents in a telling slot (a pathology report → a biopsy, an operative note → surgery)
and dated imaging studies (→ an imaging event) become proposals; the earliest dated pathology
or diagnosis letter also proposes the diagnosis while the timeline has none. A proposal is left
out when an event already points at its source, when an event of the same kind may fall on the
same date, or when the caregiver dismissed it. Each proposal names its sources by stable keys
("document:12", "study:3") so a dismissal is remembered.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from casebook.core.model import Document, ImagingStudy, PartialDate, RecordKind
from casebook.core.timeline import (
    EventKind,
    Link,
    LinkKind,
    TimelineEvent,
    date_sort_key,
    event_sort_key,
    ranges_overlap,
)

DOCUMENT_EVENT_KINDS: dict[RecordKind, EventKind] = {
    RecordKind.PATHOLOGY: EventKind.BIOPSY,
    RecordKind.IMAGING: EventKind.IMAGING,
    RecordKind.OPERATIVE_NOTES: EventKind.SURGERY,
}
"""Slots whose dated documents each propose one event."""

DIAGNOSIS_SLOTS = (RecordKind.PATHOLOGY, RecordKind.DIAGNOSIS_PLAN)
"""Slots whose earliest dated document proposes the diagnosis date."""


class SuggestionSource:
    """The stable keys suggestions are remembered by."""

    @staticmethod
    def document(document_id: int) -> str:
        return f"document:{document_id}"

    @staticmethod
    def study(study_id: int) -> str:
        return f"study:{study_id}"

    @staticmethod
    def diagnosis(document_id: int) -> str:
        return f"diagnosis:document:{document_id}"


@dataclass(frozen=True)
class TimelineSuggestion:
    """A proposed event (id 0, links to its sources) and the keys it is remembered by."""

    keys: tuple[str, ...]
    event: TimelineEvent

    @property
    def key(self) -> str:
        return self.keys[0]


def _study_title(study: ImagingStudy) -> str:
    modalities = study.modalities.replace(",", "/")
    parts = [part for part in (modalities, study.description.strip()) if part]
    return " – ".join(parts) or "Imaging study"


def _already_there(
    kind: EventKind, when: PartialDate, link: Link, events: Sequence[TimelineEvent]
) -> bool:
    for event in events:
        # The diagnosis and a biopsy may rest on the same report: each is its own event.
        same_family = (event.kind is EventKind.DIAGNOSIS) == (kind is EventKind.DIAGNOSIS)
        if same_family and link in event.links:
            return True
        if event.kind is kind and event.start is not None and ranges_overlap(event.start, when):
            return True
    return False


def _study_suggestions(
    studies: Sequence[ImagingStudy], reports: dict[int, Document]
) -> list[TimelineSuggestion]:
    suggestions = []
    for study in studies:
        if study.study_date is None:
            continue
        links = {Link(LinkKind.IMAGING_STUDY, study.id)}
        keys = [SuggestionSource.study(study.id)]
        report = reports.get(study.report_document_id or 0)
        if report is not None:
            links.add(Link(LinkKind.DOCUMENT, report.id))
            keys.append(SuggestionSource.document(report.id))
        event = TimelineEvent(
            EventKind.IMAGING, _study_title(study), study.study_date, links=frozenset(links)
        )
        suggestions.append(TimelineSuggestion(tuple(keys), event))
    return suggestions


def _merge_imaging_report(
    document: Document, when: PartialDate, suggestions: list[TimelineSuggestion]
) -> bool:
    """Fold an imaging report into the study proposal of the same day, if there is one."""
    for index, suggestion in enumerate(suggestions):
        event = suggestion.event
        if event.kind is EventKind.IMAGING and event.start == when:
            link = Link(LinkKind.DOCUMENT, document.id)
            merged = TimelineEvent(event.kind, event.title, event.start, links=event.links | {link})
            keys = (*suggestion.keys, SuggestionSource.document(document.id))
            suggestions[index] = TimelineSuggestion(keys, merged)
            return True
    return False


def suggest_events(
    documents: Sequence[Document],
    studies: Sequence[ImagingStudy],
    events: Sequence[TimelineEvent],
    dismissed: Collection[str],
) -> list[TimelineSuggestion]:
    """Proposals in timeline order; none for a source that is dismissed or already used."""
    by_id = {document.id: document for document in documents}
    proposals = _study_suggestions(studies, by_id)
    reports_in_studies = {s.report_document_id for s in studies if s.report_document_id}
    for document in documents:
        kind = DOCUMENT_EVENT_KINDS.get(document.slot)
        when = document.document_date
        if kind is None or when is None or document.id in reports_in_studies:
            continue
        if kind is EventKind.IMAGING and _merge_imaging_report(document, when, proposals):
            continue
        link = Link(LinkKind.DOCUMENT, document.id)
        event = TimelineEvent(kind, document.title, when, links=frozenset({link}))
        proposals.append(TimelineSuggestion((SuggestionSource.document(document.id),), event))
    if not any(event.kind is EventKind.DIAGNOSIS for event in events):
        dated = [d for d in documents if d.slot in DIAGNOSIS_SLOTS and d.document_date]
        if dated:
            first = min(dated, key=lambda d: (date_sort_key(d.document_date or _NEVER), d.id))
            link = Link(LinkKind.DOCUMENT, first.id)
            event = TimelineEvent(
                EventKind.DIAGNOSIS, first.title, first.document_date, links=frozenset({link})
            )
            proposals.append(TimelineSuggestion((SuggestionSource.diagnosis(first.id),), event))
    kept = [
        proposal
        for proposal in proposals
        if not any(key in dismissed for key in proposal.keys)
        and not any(
            _already_there(proposal.event.kind, proposal.event.start, link, events)
            for link in proposal.event.links
            if proposal.event.start is not None
        )
    ]
    return sorted(kept, key=lambda proposal: event_sort_key(proposal.event))


_NEVER = PartialDate(9999)
