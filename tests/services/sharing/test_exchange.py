"""Exchange between real copies: what is added anywhere appears everywhere (stored files byte
for byte), the same field edited in two places keeps both versions until someone chooses,
deletions travel and can be undone on every copy, and who wrote what on which computer is kept."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from data_paths import LUNG_SERIES
from importers.samples import make_pdf

from casebook.core.consultations import Consultation
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import consultations
from casebook.services.imaging import records as imaging_records
from casebook.services.imaging.importing import import_scan, scan_media
from casebook.services.questions import questions
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.sharing.members import computer_name
from casebook.services.sharing.versions import choose_version, list_two_versions, write_merged
from casebook.services.undo import Undoable, delete_with_undo, undo_delete

from .family import Family, content, log_of


def _texts(family: Family, name: str) -> list[str]:
    return sorted(q.text for q in questions.list_questions(family.copies[name]))


def test_what_is_added_anywhere_appears_everywhere(trio: Family, tmp_path: Path) -> None:
    li, wei, mei = (trio.copies[n] for n in ("Li", "Wei", "Mei"))
    questions.add_own_question(li, "Is surgery still possible?")
    questions.add_own_question(wei, "何时复查 CT？")
    pdf = tmp_path / "pathology report.pdf"
    pdf.write_bytes(make_pdf(["Pathology report", "Adenocarcinoma, EGFR exon 19"]))
    import_paths(mei, [pdf], None, ignore_progress, NEVER_CANCELLED)
    scan = scan_media([LUNG_SERIES], ignore_progress, NEVER_CANCELLED)
    import_scan(wei, scan, ignore_progress, NEVER_CANCELLED)
    consultation_id = consultations.create_consultation(
        li, Consultation(0, "Video call with Dr Chen", held_on="2026-02-20")
    )
    consultations.EntryDraft(consultation_id, "Li").save(li, "Dr Chen wants a PET-CT first.")

    trio.settle()

    expected = ["Is surgery still possible?", "何时复查 CT？"]
    for name in ("Li", "Wei", "Mei"):
        copy = trio.copies[name]
        assert _texts(trio, name) == expected
        [document] = records.list_documents(copy)
        assert records.read_document_bytes(copy, document.id) == pdf.read_bytes()
        [study] = imaging_records.list_studies(copy)
        assert study.image_count == len(scan.instances)
        [meeting] = consultations.list_consultations(copy)
        [entry] = consultations.list_entries(copy, meeting.id)
        assert entry.text == "Dr Chen wants a PET-CT first."
    assert content(li) == content(wei) == content(mei)
    assert log_of(li) == log_of(wei) == log_of(mei)


def test_the_same_field_edited_twice_keeps_both_versions_until_someone_chooses(
    pair: Family,
) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    questions.add_own_question(li, "What stage is it?")
    pair.settle()
    [mine] = questions.list_questions(li)
    [theirs] = questions.list_questions(wei)
    questions.update_question(li, replace(mine, text="What stage is it, and how sure are they?"))
    questions.update_question(wei, replace(theirs, text="Which stage (TNM)?"))

    pair.settle()

    for copy in (li, wei):
        [item] = list_two_versions(copy)
        assert (item.table, item.field) == ("questions", "text")
        assert {o.text for o in item.options} == {
            "What stage is it, and how sure are they?",
            "Which stage (TNM)?",
        }
        assert {o.author for o in item.options} == {"Li", "Wei"}
        assert {o.computer for o in item.options} == {computer_name()}
    # Meanwhile both copies show the same one: the newer.
    assert _texts(pair, "Li") == _texts(pair, "Wei")

    [item] = list_two_versions(wei)
    chosen = next(o for o in item.options if o.text == "Which stage (TNM)?")
    choose_version(wei, item, chosen.value)
    assert list_two_versions(wei) == []
    pair.settle()
    assert list_two_versions(li) == []
    assert _texts(pair, "Li") == _texts(pair, "Wei") == ["Which stage (TNM)?"]
    assert content(li) == content(wei)


def test_a_merged_text_replaces_both_versions(pair: Family) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    consultation_id = consultations.create_consultation(li, Consultation(0, "First visit"))
    entry = consultations.EntryDraft(consultation_id, "Li")
    entry.save(li, "Scan in March.")
    pair.settle()
    [meeting] = consultations.list_consultations(wei)
    [theirs] = consultations.list_entries(wei, meeting.id)
    entry.save(li, "Scan in March, fasting.")
    draft = consultations.EntryDraft(meeting.id, "Wei", written_at=theirs.written_at)
    draft.entry_id = theirs.id
    draft.save(wei, "Scan in March at 9:00.")
    pair.settle()
    [item] = list_two_versions(li)
    write_merged(li, item, "Scan in March at 9:00, fasting.")
    pair.settle()
    for copy in (li, wei):
        [meeting] = consultations.list_consultations(copy)
        [note] = consultations.list_entries(copy, meeting.id)
        assert note.text == "Scan in March at 9:00, fasting."
        assert list_two_versions(copy) == []


def test_different_fields_edited_in_two_places_merge_without_two_versions(pair: Family) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    question_id = questions.add_own_question(li, "Can she travel between cycles?")
    pair.settle()
    [theirs] = questions.list_questions(wei)
    questions.update_question(li, replace(questions.list_questions(li)[0], notes="ask nurse"))
    questions.update_question(wei, replace(theirs, text="Can she fly between cycles?"))
    pair.settle()
    for copy in (li, wei):
        [question] = questions.list_questions(copy)
        assert (question.text, question.notes) == ("Can she fly between cycles?", "ask nurse")
        assert list_two_versions(copy) == []
    del question_id


def test_a_deletion_travels_and_can_be_undone_on_the_other_copy(pair: Family) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    questions.add_own_question(li, "Should we ask about trials?")
    consultation_id = consultations.create_consultation(li, Consultation(0, "Oncology visit"))
    consultations.EntryDraft(consultation_id, "Li").save(li, "Bring the CT disc.")
    pair.settle()
    [meeting] = consultations.list_consultations(wei)
    delete_with_undo(wei, Undoable.CONSULTATION, meeting.id)
    pair.exchange("Wei")
    summary = pair.exchange("Li")

    assert consultations.list_consultations(li) == []
    [deleted] = summary.deleted
    assert (deleted.kind, deleted.label) == (Undoable.CONSULTATION, "Oncology visit")
    undo_delete(li, deleted.snapshot_id)  # brought back where it was deleted by someone else
    pair.settle()
    for copy in (li, wei):
        [meeting] = consultations.list_consultations(copy)
        [note] = consultations.list_entries(copy, meeting.id)
        assert (meeting.title, note.text) == ("Oncology visit", "Bring the CT disc.")
    assert content(li) == content(wei)


def test_the_trash_travels_both_ways(pair: Family, tmp_path: Path) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    pdf = tmp_path / "blood tests.pdf"
    pdf.write_bytes(make_pdf(["CEA 4.1 ng/mL"]))
    import_paths(li, [pdf], None, ignore_progress, NEVER_CANCELLED)
    pair.settle()
    [document] = records.list_documents(wei)
    records.move_to_trash(wei, document.id)
    pair.settle()
    assert records.list_documents(li) == []
    [trashed] = records.list_trash(li)
    records.restore_from_trash(li, trashed.id)
    pair.settle()
    assert [d.title for d in records.list_documents(wei)] == ["blood tests"]
    records.move_to_trash(wei, document.id)
    records.empty_trash(wei)
    pair.settle()
    assert records.list_documents(li) == records.list_trash(li) == []
    with li.reading() as db:
        assert db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0


def test_merging_records_nothing_new_and_a_second_exchange_carries_nothing(pair: Family) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    questions.add_own_question(li, "Any side effects to watch for?")
    pair.settle()
    before = log_of(li), log_of(wei)
    pair.settle()
    assert (log_of(li), log_of(wei)) == before
    quiet = pair.exchange("Li")
    assert quiet.read == ()
    assert quiet.written is None
