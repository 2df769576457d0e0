"""What a family can do with opinions: record them, compare them, turn differences into
questions for the next consultation, and keep a log of their decisions.

Every function takes the open `BinderSession`; writes run in one transaction each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from casebook.core.decisions import Decision, DecisionDraft
from casebook.core.errors import InvalidInput
from casebook.core.opinion_questions import follow_up_questions, is_duplicate
from casebook.core.opinions import (
    FIELD_TITLES,
    MAX_COMPARED,
    MIN_COMPARED,
    USER_MARKS,
    Comparison,
    Mark,
    MarkOverride,
    Opinion,
    OpinionField,
    compare,
    comparison_key,
    value_text,
)
from casebook.services import questions as questions_service
from casebook.services.binder import BinderSession
from casebook.services.clock import timestamp
from casebook.store import decisions as decision_store
from casebook.store import opinions as store
from casebook.store.database import classified_errors, transaction
from casebook.store.opinions import LinkChoice, NoteLine

__all__ = [
    "LinkChoice",
    "LinkChoices",
    "NoteLine",
    "QuestionsAdded",
    "add_follow_up_questions",
    "comparison_summary_lines",
    "delete_opinion",
    "list_decisions",
    "list_link_choices",
    "list_note_lines",
    "list_opinions",
    "load_comparison",
    "save_decision",
    "save_opinion",
    "set_mark",
    "summary_comparison",
]


def list_opinions(session: BinderSession) -> list[Opinion]:
    with classified_errors(session.folder):
        return store.list_opinions(session.database())


def save_opinion(session: BinderSession, opinion: Opinion) -> int:
    """Adds a new opinion or saves an edited one; returns its id.

    Marks the family gave in comparisons stay, except on the fields whose words changed
    (their fingerprint no longer matches, so Casebook proposes again).
    """
    opinion.validate()
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        if opinion.id is None:
            return store.insert_opinion(db, opinion, timestamp())
        store.update_opinion(db, opinion, timestamp())
        return opinion.id


def delete_opinion(session: BinderSession, opinion_id: int) -> None:
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        store.delete_opinion(db, opinion_id)


def load_comparison(session: BinderSession, opinion_ids: Sequence[int]) -> Comparison:
    """The opinions side by side, in the order given, with the family's marks applied."""
    if not MIN_COMPARED <= len(set(opinion_ids)) == len(opinion_ids) <= MAX_COMPARED:
        raise InvalidInput("opinions", f"compare {MIN_COMPARED} to {MAX_COMPARED}")
    db = session.database()
    with classified_errors(session.folder):
        opinions = [store.get_opinion(db, i) for i in opinion_ids]
        found = [o for o in opinions if o is not None]
        if len(found) != len(opinion_ids):
            raise InvalidInput("opinions", "missing")
        return compare(found, store.load_marks(db, comparison_key(found)))


def set_mark(
    session: BinderSession, comparison: Comparison, which: OpinionField, mark: Mark | None
) -> Comparison:
    """Confirms or changes the mark of one row (None: back to Casebook's proposal)."""
    if mark is not None and mark not in USER_MARKS:
        raise InvalidInput("mark", mark.value)
    row = comparison.row(which)
    override = MarkOverride(which, mark, row.fingerprint) if mark is not None else None
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        store.save_mark(db, comparison.key, override, which, timestamp())
    return load_comparison(session, [o.id for o in comparison.opinions if o.id is not None])


@dataclass(frozen=True)
class QuestionsAdded:
    """What `add_follow_up_questions` did: the new questions, and how many were already there."""

    added: tuple[str, ...]
    already_listed: int


def add_follow_up_questions(session: BinderSession, comparison: Comparison) -> QuestionsAdded:
    """Adds a question for each difference to the family's list, where it joins the next
    consultation (the questions service does that), leaving out any question already listed."""
    existing = [q.text for q in questions_service.list_questions(session)]
    added: list[str] = []
    generated = follow_up_questions(comparison)
    for question in generated:
        if is_duplicate(question.text, existing):
            continue
        questions_service.add_own_question(session, question.text, topic=question.topic)
        existing.append(question.text)
        added.append(question.text)
    return QuestionsAdded(tuple(added), len(generated) - len(added))


@dataclass(frozen=True)
class LinkChoices:
    """What an opinion can be linked to."""

    consultations: tuple[LinkChoice, ...]
    documents: tuple[LinkChoice, ...]
    timeline_events: tuple[LinkChoice, ...]


def list_link_choices(session: BinderSession) -> LinkChoices:
    db = session.database()
    with classified_errors(session.folder):
        return LinkChoices(
            tuple(store.list_consultations(db)),
            tuple(store.list_report_documents(db)),
            tuple(store.list_timeline_events(db)),
        )


def list_note_lines(session: BinderSession, consultation_id: int) -> list[NoteLine]:
    """The lines of a consultation's notes, to pick from when filling a field."""
    with classified_errors(session.folder):
        return store.list_note_lines(session.database(), consultation_id)


# Decisions -------------------------------------------------------------------------------------


def save_decision(
    session: BinderSession, draft: DecisionDraft, decision_id: int | None = None
) -> int:
    """Records a new decision, or a new version of one; earlier versions are kept."""
    draft.validate()
    db = session.database()
    with classified_errors(session.folder), transaction(db):
        if decision_id is None:
            return decision_store.insert_decision(db, draft, timestamp())
        decision_store.revise_decision(db, decision_id, draft, timestamp())
        return decision_id


def list_decisions(session: BinderSession) -> list[Decision]:
    with classified_errors(session.folder):
        return decision_store.list_decisions(session.database())


# The case summary ------------------------------------------------------------------------------


def summary_comparison(session: BinderSession) -> Comparison | None:
    """The comparison the export summarises: the set the family marked last, else the (up to
    four) most recent opinions; None with fewer than two opinions."""
    db = session.database()
    with classified_errors(session.folder):
        opinions = store.list_opinions(db)
        key = store.last_marked_comparison(db)
    by_id = {o.id: o for o in opinions}
    if key is not None:
        ids = [int(i) for i in key.split(",")]
        if all(i in by_id for i in ids) and MIN_COMPARED <= len(ids) <= MAX_COMPARED:
            return load_comparison(session, ids)
    if len(opinions) < MIN_COMPARED:
        return None
    recent = [o.id for o in opinions[-MAX_COMPARED:] if o.id is not None]
    return load_comparison(session, recent)


def _shortened(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _opinion_line(opinion: Opinion) -> str:
    source = ", ".join(
        x
        for x in (
            opinion.source_name,
            opinion.institution,
            opinion.country,
            opinion.given_on.iso() if opinion.given_on else "",
        )
        if x
    )
    plan = opinion.value(OpinionField.RECOMMENDED_PLAN)
    if plan.says:
        return f"Opinion from {source}. Recommended plan: {_shortened(plan.text)}"
    return f"Opinion from {source}."


def summary_lines(opinions: Sequence[Opinion], comparison: Comparison | None) -> tuple[str, ...]:
    """The summary lines from already loaded records (see `comparison_summary_lines`)."""
    titles = FIELD_TITLES["en"]
    lines = [_opinion_line(o) for o in opinions]
    if comparison is not None:
        names = _listed([o.label for o in comparison.opinions])
        agree = [titles[r.field] for r in comparison.rows if r.mark is Mark.AGREE]
        if agree:
            lines.append(f"{names} say the same on: {', '.join(agree)}.")
        for row in comparison.rows:
            if row.mark is not Mark.DIFFER or row.field in _PRIVATE_FIELDS:
                continue
            said = "; ".join(
                f"{o.label}: {_shortened(value_text(row.field, v), 100)}"
                for o, v in zip(comparison.opinions, row.values, strict=True)
                if v.says
            )
            lines.append(f"{titles[row.field]} differs. {said}")
    return tuple(lines)


_PRIVATE_FIELDS = frozenset({OpinionField.FAMILY_NOTES, OpinionField.REASONING})
"""Not listed as differences: the family's notes stay in the binder, and each doctor's
reasoning is in their own words (it always reads differently)."""


def _listed(labels: list[str]) -> str:
    return ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else "".join(labels)


def comparison_summary_lines(session: BinderSession) -> tuple[str, ...]:
    """Plain lines for the export's case summary (bundle.plan.SummaryContent.opinions).

    Who gave which opinion, and the fields where the compared opinions say the same or differ
    (with what each says where they differ). It reports, never weighs. The family's decision
    log and own notes stay in the binder.
    """
    return summary_lines(list_opinions(session), summary_comparison(session))
