"""What a family can do with opinions: record them, compare them, turn differences into
questions for the next consultation, and keep a log of their decisions.

Every function takes the open `BinderSession`; writes run in one transaction each.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from casebook.core.changes import Changed
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
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.questions import questions as questions_service
from casebook.store import decisions as decision_store
from casebook.store import opinions as store
from casebook.store.opinions import LinkChoice, NoteLine
from casebook.texts import texts_for

__all__ = [
    "LinkChoice",
    "LinkChoices",
    "NoteLine",
    "ProposedQuestion",
    "QuestionsAdded",
    "add_follow_up_questions",
    "comparison_summary_lines",
    "delete_opinion",
    "last_compared_ids",
    "list_decisions",
    "list_link_choices",
    "list_note_lines",
    "list_opinions",
    "load_comparison",
    "propose_follow_up_questions",
    "save_decision",
    "save_opinion",
    "set_mark",
    "summary_comparison",
]


def list_opinions(session: BinderSession) -> list[Opinion]:
    with session.reading() as db:
        return store.list_opinions(db)


def save_opinion(session: BinderSession, opinion: Opinion) -> int:
    """Adds a new opinion or saves an edited one; returns its id.

    Marks the family gave in comparisons stay, except on the fields whose words changed
    (their fingerprint no longer matches, so Casebook proposes again).
    """
    opinion.validate()
    with session.writing(Changed.OPINIONS) as db:
        if opinion.id is None:
            return store.insert_opinion(db, opinion, timestamp())
        store.update_opinion(db, opinion, timestamp())
        return opinion.id


def delete_opinion(session: BinderSession, opinion_id: int) -> None:
    with session.writing(Changed.OPINIONS, Changed.DECISIONS) as db:
        store.delete_opinion(db, opinion_id)


def load_comparison(session: BinderSession, opinion_ids: Sequence[int]) -> Comparison:
    """The opinions side by side, in the order given, with the family's marks applied."""
    if not MIN_COMPARED <= len(set(opinion_ids)) == len(opinion_ids) <= MAX_COMPARED:
        raise InvalidInput("opinions", f"compare {MIN_COMPARED} to {MAX_COMPARED}")
    with session.reading() as db:
        opinions = [store.get_opinion(db, i) for i in opinion_ids]
        found = [o for o in opinions if o is not None]
        if len(found) != len(opinion_ids):
            raise InvalidInput("opinions", "missing")
        return compare(found, store.load_marks(db, comparison_key(found)))


def set_mark(
    session: BinderSession, opinion_ids: Sequence[int], which: OpinionField, mark: Mark | None
) -> Comparison:
    """Confirms or changes the mark of one row of the comparison of `opinion_ids` (None: back
    to Casebook's proposal). The comparison is read inside the write, so the mark records what
    the field says in the binder now, not what a screen showed earlier."""
    if mark is not None and mark not in USER_MARKS:
        raise InvalidInput("mark", mark.value)
    with session.writing(Changed.OPINIONS) as db:
        comparison = load_comparison(session, opinion_ids)
        row = comparison.row(which)
        override = MarkOverride(which, mark, row.fingerprint) if mark is not None else None
        store.save_mark(db, comparison.key, override, which, timestamp())
        return load_comparison(session, opinion_ids)


@dataclass(frozen=True)
class QuestionsAdded:
    """What `add_follow_up_questions` did: the new questions, and how many were already there."""

    added: tuple[str, ...]
    already_listed: int


@dataclass(frozen=True)
class ProposedQuestion:
    """A question the differences raise, shown to the family before anything is added."""

    text: str
    field: OpinionField
    already_listed: bool


def propose_follow_up_questions(
    session: BinderSession, opinion_ids: Sequence[int], language: str = "en"
) -> list[ProposedQuestion]:
    """The questions the compared opinions' differences raise, in `language`, each saying
    whether the family's list already has it (read-only: the family chooses what to add)."""
    with session.reading():
        comparison = load_comparison(session, opinion_ids)
        existing = [q.text for q in questions_service.list_questions(session)]
    return [
        ProposedQuestion(q.text, q.field, is_duplicate(q.text, existing))
        for q in follow_up_questions(comparison, texts_for(language))
    ]


def add_follow_up_questions(
    session: BinderSession,
    opinion_ids: Sequence[int],
    fields: Collection[OpinionField] | None = None,
    language: str = "en",
) -> QuestionsAdded:
    """Adds the question about each chosen field (every field when `fields` is None) that
    differs between the opinions to the family's list, where it joins the next consultation
    (the questions service does that), leaving out any question already listed. The opinions
    and the list are read again inside the same write, in `language`."""
    with session.writing(Changed.QUESTIONS, Changed.CONSULTATIONS):
        comparison = load_comparison(session, opinion_ids)
        existing = [q.text for q in questions_service.list_questions(session)]
        added: list[str] = []
        generated = [
            q
            for q in follow_up_questions(comparison, texts_for(language))
            if fields is None or q.field in fields
        ]
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
    with session.reading() as db:
        return LinkChoices(
            tuple(store.list_consultations(db)),
            tuple(store.list_report_documents(db)),
            tuple(store.list_timeline_events(db)),
        )


def list_note_lines(session: BinderSession, consultation_id: int) -> list[NoteLine]:
    """The lines of a consultation's notes, to pick from when filling a field."""
    with session.reading() as db:
        return store.list_note_lines(db, consultation_id)


# Decisions -------------------------------------------------------------------------------------


def save_decision(
    session: BinderSession, draft: DecisionDraft, decision_id: int | None = None
) -> int:
    """Records a new decision, or a new version of one; earlier versions are kept."""
    draft.validate()
    with session.writing(Changed.DECISIONS) as db:
        if decision_id is None:
            return decision_store.insert_decision(db, draft, timestamp())
        decision_store.revise_decision(db, decision_id, draft, timestamp())
        return decision_id


def list_decisions(session: BinderSession) -> list[Decision]:
    with session.reading() as db:
        return decision_store.list_decisions(db)


# The case summary ------------------------------------------------------------------------------


def last_compared_ids(session: BinderSession) -> tuple[int, ...]:
    """The opinions of the comparison the family marked last, while all of them are still
    there; () when there is none. The Opinions page opens on it, so the work done on a
    comparison is found again the next time (and the demo shows one)."""
    with session.reading() as db:
        key = store.last_marked_comparison(db)
        present = {o.id for o in store.list_opinions(db)}
    if key is None:
        return ()
    ids = tuple(int(i) for i in key.split(","))
    if not all(i in present for i in ids) or not MIN_COMPARED <= len(ids) <= MAX_COMPARED:
        return ()
    return ids


def summary_comparison(session: BinderSession) -> Comparison | None:
    """The comparison the export summarises: the set the family marked last, else the (up to
    four) most recent opinions; None with fewer than two opinions."""
    with session.reading() as db:
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
