"""The week-to-week records between real copies (issue 20): contacts, appointments, medicines
and allergies, the symptom diary, requests for records, recordings with their sound and notes,
and the text read from paper travel under the same rules as the rest of the binder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from phone_recordings import tone_pcm

from casebook.core.appointments import Appointment, AppointmentKind
from casebook.core.changes import Changed
from casebook.core.consultations import Consultation
from casebook.core.contacts import Contact, ContactKind, LinkKind
from casebook.core.diary import DiaryEntry, Severity
from casebook.core.medicines import Allergy, MedicineDetails
from casebook.core.model import PartialDate, RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.recordings import SPEECH_FORMAT, PcmFormat
from casebook.services import consultations, contacts
from casebook.services.appointments import appointments
from casebook.services.diary import diary
from casebook.services.medicines import medicines
from casebook.services.recordings import capture, recordings
from casebook.services.sharing.versions import choose_version, list_two_versions
from casebook.services.undo import Undoable, delete_with_undo, undo_delete
from casebook.store.sharing.consistency import disagreements

from .family import Family, content, log_of


def _contact(family: Family, name: str, contact_name: str) -> Contact:
    [found] = [c for c in contacts.list_contacts(family.copies[name]) if c.name == contact_name]
    return found


def test_week_to_week_records_added_anywhere_appear_everywhere(trio: Family) -> None:
    li, wei, mei = (trio.copies[n] for n in ("Li", "Wei", "Mei"))
    # Wei adds a contact first, so the copies number their contacts differently.
    contacts.save_contact(wei, Contact(ContactKind.PHARMACY, "Renji pharmacy"))
    doctor = contacts.save_contact(li, Contact(ContactKind.DOCTOR, "Dr Chen", "Zhongshan"))
    consultation = consultations.create_consultation(li, Consultation(0, "Second opinion"))
    contacts.set_links(li, doctor, [(LinkKind.CONSULTATION, str(consultation), True)])
    contacts.set_record_request(li, RecordKind.PATHOLOGY, doctor, PartialDate(2026, 3, 10))
    appointments.save_appointment(
        li,
        Appointment(
            AppointmentKind.CONSULTATION,
            "Video call with Dr Chen",
            date(2026, 3, 12),
            time(9, 30),
            contact_id=doctor,
            consultation_id=consultation,
        ),
    )
    medicines.add_medicine(
        mei, MedicineDetails(generic_name="osimertinib", dose="80 mg", prescriber_id=None)
    )
    medicines.save_allergy(wei, Allergy("青霉素"))
    diary.save_entry(mei, DiaryEntry(date(2026, 3, 2), "Rash", Severity.MILD, notes="arms"))

    trio.settle()

    for name in ("Li", "Wei", "Mei"):
        copy = trio.copies[name]
        chen = _contact(trio, name, "Dr Chen")
        [meeting] = consultations.list_consultations(copy)
        [visit] = appointments.list_appointments(copy)
        assert (visit.title, visit.contact_id, visit.consultation_id) == (
            "Video call with Dr Chen",
            chen.id,
            meeting.id,
        )
        assert contacts.contacts_linked_to(copy, LinkKind.CONSULTATION, str(meeting.id)) == [chen]
        assert contacts.record_request(copy, RecordKind.PATHOLOGY) == (
            chen.id,
            PartialDate(2026, 3, 10),
        )
        assert [m.current.dose for m in medicines.list_medicines(copy)] == ["80 mg"]
        assert [a.substance for a in medicines.list_allergies(copy)] == ["青霉素"]
        assert [(e.symptom, e.notes) for e in diary.list_entries(copy)] == [("Rash", "arms")]
        with copy.reading() as db:
            assert disagreements(db) == []
    # Appointments keep the uid they were given: a calendar updates instead of duplicating.
    assert len({appointments.list_appointments(c)[0].uid for c in (li, wei, mei)}) == 1
    assert content(li) == content(wei) == content(mei)
    assert log_of(li) == log_of(wei) == log_of(mei)


def test_a_medicine_edited_on_two_copies_shows_two_versions(pair: Family) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    medicines.add_medicine(li, MedicineDetails(generic_name="osimertinib", dose="80 mg"))
    pair.settle()
    [mine], [theirs] = medicines.list_medicines(li), medicines.list_medicines(wei)
    medicines.change_medicine(li, mine.id, replace(mine.current, dose="40 mg"))
    medicines.change_medicine(
        wei, theirs.id, replace(theirs.current, dose="60 mg", notes="with food")
    )

    pair.settle()

    histories = []
    for copy in (li, wei):
        [item] = list_two_versions(copy)
        assert (item.table, item.field) == ("medicines", "dose")
        assert {o.text for o in item.options} == {"40 mg", "60 mg"}
        [medicine] = medicines.list_medicines(copy)
        assert medicine.current.notes == "with food"  # a different field merges
        assert medicine.current.dose == item.options[0].text  # the newer is shown meanwhile
        histories.append([(v.details.dose, v.details.notes) for v in medicine.history])
    # Both members' versions are in the history, listed the same way on both computers.
    assert histories[0] == histories[1]
    assert sorted(histories[0]) == [("40 mg", ""), ("60 mg", "with food"), ("80 mg", "")]

    [item] = list_two_versions(wei)
    [forty] = [o for o in item.options if o.text == "40 mg"]
    choose_version(wei, item, forty.value)
    pair.settle()
    for copy in (li, wei):
        assert list_two_versions(copy) == []
        [medicine] = medicines.list_medicines(copy)
        assert (medicine.current.dose, medicine.current.notes) == ("40 mg", "with food")
    assert content(li) == content(wei)


def test_a_recording_made_on_one_copy_plays_on_another(pair: Family) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    cid = consultations.create_consultation(li, Consultation(0, "Oncology", "2026-03-02"))
    rid = capture.start_recording(li, cid, "Oncology, 2 March", SPEECH_FORMAT)
    for seq in range(3):
        capture.append_sound(li, rid, seq, tone_pcm(1.0))
    note = consultations.EntryDraft(cid, "Li")
    note.save(li, "Tumour smaller")
    assert note.entry_id is not None
    recordings.mark_note(li, note.entry_id, rid, 1_500)
    pair.settle()
    # Still being recorded: it stays on Li's computer until it is one stored file.
    assert recordings.list_recordings(wei) == []

    capture.finish_recording(li, rid, ignore_progress, NEVER_CANCELLED)
    pair.settle()

    [meeting] = consultations.list_consultations(wei)
    [heard] = recordings.list_recordings(wei)
    assert (heard.title, heard.consultation_id, heard.duration_ms) == (
        "Oncology, 2 March",
        meeting.id,
        3000,
    )
    [made] = recordings.list_recordings(li)
    assert recordings.recording_bytes(wei, heard) == recordings.recording_bytes(li, made)
    playback = recordings.load_playback(wei, heard.id, PcmFormat(48000, 2))
    assert abs(playback.duration_ms - 3000) < 60
    assert [(m.text, m.offset_ms) for m in playback.marks] == [("Tumour smaller", 1_500)]

    recordings.move_to_trash(wei, heard.id)  # the trash travels too
    pair.settle()
    assert recordings.list_recordings(li) == []
    assert content(li) == content(wei)


def test_deleting_an_appointment_travels_and_can_be_brought_back(pair: Family) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    doctor = contacts.save_contact(li, Contact(ContactKind.DOCTOR, "Dr Chen"))
    appointments.save_appointment(
        li,
        Appointment(AppointmentKind.SCAN, "PET-CT", date(2026, 3, 20), contact_id=doctor),
    )
    pair.settle()
    [visit] = appointments.list_appointments(wei)
    appointments.delete_appointment(wei, visit.id)
    pair.exchange("Wei")
    summary = pair.exchange("Li")

    assert appointments.list_appointments(li) == []
    [deleted] = summary.deleted
    assert (deleted.kind, deleted.label) == (Undoable.APPOINTMENT, "PET-CT")
    undo_delete(li, deleted.snapshot_id)  # brought back where someone else deleted it
    pair.settle()
    for name in ("Li", "Wei"):
        [back] = appointments.list_appointments(pair.copies[name])
        assert (back.title, back.uid, back.contact_id) == (
            "PET-CT",
            visit.uid,
            _contact(pair, name, "Dr Chen").id,
        )
    assert content(li) == content(wei)


def test_text_read_from_paper_and_its_correction_travel(pair: Family) -> None:
    from importers.samples import make_pdf

    from casebook.services.records import documents as records
    from casebook.services.records.importing import import_paths
    from casebook.store import recognition

    li, wei = pair.copies["Li"], pair.copies["Wei"]
    pdf = pair.root / "scan.pdf"
    pdf.write_bytes(make_pdf(["Discharge summary"]))
    import_paths(li, [pdf], None, ignore_progress, NEVER_CANCELLED)
    [document] = records.list_documents(li)
    page = recognition.RecognisedPage(document.id, 0, 800, 1000, [], "出院小结 EGFR 阳性")
    with li.writing() as db:
        recognition.save_page(db, page, "rapidocr", "2026-03-02T10:00:00Z")
        recognition.correct_text(db, document.id, "出院小结 EGFR 19 外显子缺失", "2026-03-02")
    pair.settle()

    [theirs] = records.list_documents(wei)
    with wei.reading() as db:
        [read] = recognition.pages_of(db, theirs.id)
        assert read.text == "出院小结 EGFR 阳性"
        assert recognition.document_text(db, theirs.id) == ("出院小结 EGFR 19 外显子缺失", True)
    assert content(li) == content(wei)


def test_a_contact_deleted_elsewhere_is_announced_where_it_was_named(pair: Family) -> None:
    """The appointment here loses its contact: the Appointments, Medicines and Records pages
    hear of it, not only the Contacts page."""
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    doctor = contacts.save_contact(li, Contact(ContactKind.DOCTOR, "Dr Chen"))
    appointments.save_appointment(
        li, Appointment(AppointmentKind.SCAN, "PET-CT", date(2026, 3, 20), contact_id=doctor)
    )
    pair.settle()
    contacts.delete_contact(wei, _contact(pair, "Wei", "Dr Chen").id)
    pair.exchange("Wei")
    with li.collecting_changes() as collected:
        pair.exchange("Li")
    assert {Changed.CONTACTS, Changed.APPOINTMENTS, Changed.MEDICINES, Changed.SLOTS} <= set(
        collected.changes.kinds
    )
    [visit] = appointments.list_appointments(li)
    assert visit.contact_id is None


def test_what_others_added_to_a_record_deleted_here_comes_back_with_it(pair: Family) -> None:
    """Li deletes a medicine and a consultation; before hearing of it, Wei saves a new dose and
    writes a note in the consultation. When Li brings both back, Wei's dose and note are there
    (found by the property test: the new version was in the log but not on the page)."""
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    medicine = medicines.add_medicine(li, MedicineDetails(generic_name="osimertinib", dose="80 mg"))
    meeting = consultations.create_consultation(li, Consultation(0, "Oncology visit"))
    pair.settle()
    [theirs] = medicines.list_medicines(wei)
    [their_meeting] = consultations.list_consultations(wei)
    snapshots = [
        delete_with_undo(li, Undoable.MEDICINE, medicine).snapshot_id,
        delete_with_undo(li, Undoable.CONSULTATION, meeting).snapshot_id,
    ]
    medicines.change_medicine(wei, theirs.id, replace(theirs.current, dose="40 mg"))
    consultations.EntryDraft(their_meeting.id, "Wei").save(wei, "Ask about the rash")
    pair.exchange("Wei")
    pair.exchange("Li")
    assert medicines.list_medicines(li) == []  # Li's deletion stands here

    for snapshot in snapshots:
        undo_delete(li, snapshot)

    [back] = medicines.list_medicines(li)
    assert [v.details.dose for v in back.history] == ["80 mg", "40 mg"]
    assert back.current.dose == "40 mg"  # Wei's change, made while it was gone here
    [meeting_back] = consultations.list_consultations(li)
    assert [e.text for e in consultations.list_entries(li, meeting_back.id)] == [
        "Ask about the rash"
    ]
    with li.reading() as db:
        assert disagreements(db) == []
    pair.settle()
    assert content(li) == content(wei)
