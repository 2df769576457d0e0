"""The question bank data, the family's list, carry-forward and the per-question history."""

from __future__ import annotations

import re

from casebook.core.consultations import Consultation, NoteTag
from casebook.core.decision_moment import DecisionMoment
from casebook.core.questions import Priority, QuestionStatus
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.questions import questions
from casebook.services.questions.questions import load_letter_templates

ISSUE_QUESTIONS = (
    "diagnosis_confirmed",
    "stage_confirmed",
    "standard_approach",
    "alternatives_now",
    "risks_benefits",
    "molecular_testing",
    "surgery_timing",
    "clinical_trials",
    "treatment_goals",
    "sequence",
    "if_we_wait",
    "missing_information",
)
MOMENTS = {moment.value for moment in DecisionMoment}


def set_moment(session: BinderSession, moment: str) -> None:
    session.database().execute("UPDATE case_info SET decision_moment = ?", [moment])


def test_bank_covers_the_issue_in_english_and_chinese() -> None:
    bank = questions.load_bank()
    keys = {q.key for q in bank.questions}
    assert set(ISSUE_QUESTIONS) <= keys
    for question in bank.questions:
        assert question.text("en").endswith("?")
        assert any("\u4e00" <= c <= "\u9fff" for c in question.text("zh_CN"))
        assert set(question.moments) <= MOMENTS
        assert question.moments
        assert bank.topic(question.topic) is not None
    for moment in MOMENTS:
        assert bank.ordered_for(moment)[0].suits(moment)


def test_list_orders_by_priority_then_current_moment(session: BinderSession) -> None:
    set_moment(session, "advanced_therapy")
    trials = questions.add_from_bank(session, "surgery_timing", "en")
    eligibility = questions.add_from_bank(session, "advanced_eligibility", "en")
    own = questions.add_own_question(session, "Can she keep working?", Priority.MUST_ASK)
    assert [q.id for q in questions.list_questions(session)] == [own, eligibility, trials]
    set_moment(session, "just_diagnosed")
    assert [q.id for q in questions.list_questions(session)] == [own, trials, eligibility]
    # The same suggestion twice stays one question.
    assert questions.add_from_bank(session, "surgery_timing", "zh_CN") == trials


def test_unanswered_questions_carry_forward_with_history(session: BinderSession) -> None:
    stage = questions.add_from_bank(session, "stage_confirmed", "en", Priority.MUST_ASK)
    goals = questions.add_from_bank(session, "treatment_goals", "en")
    first = consultations.create_consultation(
        session, Consultation(0, "Oncology", "2025-03-02", "Dr Li", "City Hospital")
    )
    assert [q.question.id for q in consultations.listed_questions(session, first)] == [
        stage,
        goals,
    ]
    consultations.record_answer(session, first, stage, "Mei", "Stage III, confirmed by PET-CT.")

    second = consultations.create_consultation(
        session, Consultation(0, "Surgery", "2025-03-20", "Dr Wang", "University Hospital")
    )
    listed = consultations.listed_questions(session, second)
    assert [q.question.id for q in listed] == [goals]  # the answered one stays behind
    assert listed[0].carried_from == "2025-03-02"
    consultations.record_answer(session, second, goals, "Tom", "To control the disease.")

    history = questions.answer_history(session, goals)
    assert [(a.doctor, a.held_on, a.answer) for a in history.answers] == [
        ("Dr Li", "2025-03-02", ""),
        ("Dr Wang", "2025-03-20", "To control the disease."),
    ]
    assert history.times_unanswered == 1
    assert history.answers[1].answered_by == "Dr Wang"
    assert history.question.status is QuestionStatus.ANSWERED
    stage_history = questions.answer_history(session, stage)
    assert [a.answer for a in stage_history.answers] == ["Stage III, confirmed by PET-CT."]

    # Reopening puts it on the next consultation again.
    questions.set_status(session, stage, QuestionStatus.OPEN)
    third = consultations.create_consultation(session, Consultation(0, "Follow-up", "2025-04-01"))
    assert stage in {q.question.id for q in consultations.listed_questions(session, third)}


def test_question_added_later_joins_upcoming_consultations(session: BinderSession) -> None:
    past = consultations.create_consultation(session, Consultation(0, "Past", "2020-01-01"))
    upcoming = consultations.create_consultation(session, Consultation(0, "Next", "2999-01-01"))
    new = questions.add_own_question(session, "Who do we call at night?")
    assert [q.question.id for q in consultations.listed_questions(session, upcoming)] == [new]
    assert consultations.listed_questions(session, past) == []


def test_answer_entries_from_two_writers_merge(session: BinderSession) -> None:
    question = questions.add_own_question(session, "How many cycles?")
    visit = consultations.create_consultation(session, Consultation(0, "Visit", "2025-05-05"))
    consultations.record_answer(session, visit, question, "Mei", "Six cycles.")
    consultations.record_answer(session, visit, question, "Tom", "Then a scan.")
    listed = consultations.listed_questions(session, visit)
    assert listed[0].answer == "Six cycles.\nThen a scan."
    new_id = consultations.raise_new_question(session, visit, "Tom", "Is a port needed?")
    summary = consultations.summary(session, visit)
    assert [e.question_id for e in summary.new_questions] == [new_id]
    assert NoteTag.NEW_QUESTION in summary.new_questions[0].tags
    assert questions.questions_summary_lines(session) == ("Is a port needed?",)


def test_questions_summary_lines_lists_open_questions_in_order(session: BinderSession) -> None:
    questions.add_from_bank(session, "clinical_trials", "en")
    questions.add_own_question(session, "Our own question?", Priority.MUST_ASK)
    answered = questions.add_own_question(session, "Already answered?")
    questions.set_status(session, answered, QuestionStatus.ANSWERED)
    lines = questions.questions_summary_lines(session)
    assert lines[0] == "Our own question?"
    assert lines[1].startswith("Are there clinical trials")
    assert "Already answered?" not in lines
    assert questions.questions_summary_lines(session, "zh")[1].startswith("有没有")


def test_timeline_links_use_the_consultation_kind(session: BinderSession) -> None:
    db = session.database()
    db.execute(
        "INSERT INTO timeline_events(kind, title, start_date, created_at) "
        "VALUES ('consultation', 'Oncology visit', '2025-03-02', '2025-03-02T00:00:00+00:00')"
    )
    event_id = int(db.execute("SELECT max(id) FROM timeline_events").fetchone()[0])
    visit = consultations.create_consultation(session, Consultation(0, "Visit", "2025-03-02"))
    consultations.link_timeline_event(session, visit, event_id)
    assert consultations.linked_timeline_events(session, visit) == [
        (event_id, "Oncology visit", "2025-03-02")
    ]
    row = db.execute("SELECT target_kind, target_id FROM timeline_links").fetchone()
    assert tuple(row) == ("consultation", visit)
    consultations.delete_consultation(session, visit)
    assert db.execute("SELECT count(*) FROM timeline_links").fetchone()[0] == 0


def test_letters_leave_gaps_in_their_own_language() -> None:
    """The gaps a family fills follow the letter's language, whatever the interface's: an
    English letter never says "[姓名] 医生", a Chinese one never "Dr [name]"."""
    templates, _ = load_letter_templates()
    for template in templates:
        english = template.body("en")
        assert english.startswith("Dear Dr [name],")
        assert "[your name]" in english
        assert "[patient's name]" in english
        assert not re.search(r"[\u4e00-\u9fff]", english)
        chinese = template.body("zh_CN", "林梅")
        assert chinese.startswith("[姓名]医生您好")
        assert "林梅" in chinese
        assert "[您的姓名]" in chinese
        assert not re.search(r"\[[A-Za-z ']+\]", chinese)
        assert "{" not in english + chinese


def test_the_self_check_names_every_warning_sign_in_both_languages() -> None:
    _, check = load_letter_templates()
    keys = [key for key, _ in check.signs]
    assert keys == [
        "unanswered", "played_down", "no_risks_benefits", "no_alternatives", "pressure",
        "confusing", "disagreement", "rare",
    ]  # fmt: skip
    for _, texts in check.signs:
        assert set(texts) == {"en", "zh_CN"}
        assert all(text.strip() for text in texts.values())
