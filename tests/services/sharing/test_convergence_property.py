"""Three copies, random edits, random exchanges with lost, duplicated and reordered files: once
every file has been read everywhere, all copies hold the same content, and no edit is lost —
edits made concurrently to one field are all kept as versions.

Hypothesis draws the story; `sync_model.Model` says independently what each copy must show
after every step, and the real binders are compared with it after every step and at the end.
The default run is short enough for `make test`; for a long run:

    CASEBOOK_SYNC_EXAMPLES=500 CASEBOOK_SYNC_STEPS=60 .venv/bin/python -m pytest \\
        tests/services/sharing/test_convergence_property.py -q
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from importers.samples import make_pdf

from casebook.core.appointments import Appointment, AppointmentKind
from casebook.core.consultations import Consultation
from casebook.core.contacts import Contact, ContactKind
from casebook.core.diary import DiaryEntry, Severity
from casebook.core.errors import ShareProblem
from casebook.core.medicines import MedicineDetails
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.core.sync import EXISTS
from casebook.services import consultations, contacts
from casebook.services.appointments import appointments
from casebook.services.binder.session import BinderSession, unlock_binder
from casebook.services.diary import diary
from casebook.services.medicines import medicines
from casebook.services.questions import questions
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.sharing.inbox import read_inbox
from casebook.services.sharing.outbox import write_outbox
from casebook.services.undo import Undoable, delete_with_undo, undo_delete
from casebook.store.key_buffer import KeyBuffer
from casebook.store.sharing.consistency import disagreements
from casebook.store.sharing.log import LogView
from casebook.store.sharing.tracking import copy_id
from casebook.store.sharing.versions import fields_with_several_values

from .family import PASSWORDS, content, log_of, start_family
from .sync_model import Edit, Model, SentFile

EXAMPLES = int(os.environ.get("CASEBOOK_SYNC_EXAMPLES", "6"))
STEPS = int(os.environ.get("CASEBOOK_SYNC_STEPS", "14"))
NAMES = ("Li", "Wei", "Mei")
TRACKED = {
    "questions": ("text",),
    "consultation_entries": ("text",),
    "documents": (),
    # The week-to-week records (issue 20): an appointment's title (it names a contact, when the
    # copy has one, so references are translated under every story), a medicine's dose (each
    # change also adds a version to its history), a diary entry's symptom, a contact's name.
    "contacts": ("name",),
    "appointments": ("title",),
    "medicines": ("dose",),
    "diary_entries": ("symptom",),
}
# What deleting a row of each table is, for the steps that delete one.
DELETABLE = {
    "questions": Undoable.QUESTION,
    "appointments": Undoable.APPOINTMENT,
    "medicines": Undoable.MEDICINE,
    "diary_entries": Undoable.DIARY_ENTRY,
    "contacts": Undoable.CONTACT,
}


@dataclass
class Template:
    root: Path
    keys: dict[str, KeyBuffer] = field(repr=False)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    root = tmp_path_factory.mktemp("three copies")
    family = start_family(root, NAMES)
    li = family.copies["Li"]
    meeting = consultations.create_consultation(li, Consultation(0, "Weekly call"))
    for number in (1, 2):  # shared from the start, so concurrent edits of one field are common
        questions.add_own_question(li, f"Shared question {number}")
        consultations.EntryDraft(meeting, "Li").save(li, f"Shared note {number}")
    doctor = contacts.save_contact(li, Contact(ContactKind.DOCTOR, "Shared doctor"))
    appointments.save_appointment(
        li, Appointment(AppointmentKind.SCAN, "Shared scan", date(2026, 3, 20), contact_id=doctor)
    )
    medicines.add_medicine(li, MedicineDetails(generic_name="osimertinib", dose="80 mg"))
    diary.save_entry(li, DiaryEntry(date(2026, 3, 2), "Shared rash", Severity.MILD))
    family.settle()
    keys = {name: session.key().copy() for name, session in family.copies.items()}
    family.close()
    return Template(root, keys)


def _open_copies(template: Template, target: Path) -> dict[str, BinderSession]:
    """Each example starts from the template's three binders. They are opened with the master
    key kept from the template, because three Argon2id unlocks per example would make the
    property test too slow for the suite; `unlock_binder` is exercised by every other test."""
    from casebook.services.binder.session import locked_folder, open_session

    sessions = {}
    for name in NAMES:
        shutil.copytree(template.root / name, target / name)
        binder, lock = locked_folder(target / name)
        key = template.keys[name].copy()  # open_session owns (and wipes) the key it is given
        sessions[name] = open_session(binder, key, lock, binder.read_keyslots())
    return sessions


# The story ------------------------------------------------------------------------------------

_copy = st.sampled_from(NAMES)
_index = st.integers(0, 4)
_daily = st.sampled_from(["appointments", "medicines", "diary_entries", "contacts"])
_fate = st.sampled_from(["deliver", "deliver", "lose", "duplicate", "delay"])

STEP = st.one_of(
    st.tuples(st.just("add_question"), _copy),
    st.tuples(st.just("edit_question"), _copy, _index),
    st.tuples(st.just("delete_question"), _copy, _index),
    st.tuples(st.just("undo"), _copy),
    st.tuples(st.just("add_note"), _copy),
    st.tuples(st.just("edit_note"), _copy, _index),
    st.tuples(st.just("add_document"), _copy),
    st.tuples(st.just("trash_document"), _copy, _index),
    st.tuples(st.just("add_daily"), _copy, _daily),
    st.tuples(st.just("edit_daily"), _copy, _daily, _index),
    st.tuples(st.just("delete_daily"), _copy, _daily, _index),
    st.tuples(st.just("send"), _copy, st.tuples(_fate, _fate)),
    st.tuples(st.just("receive"), _copy, st.integers(0, 2**16)),
    st.tuples(st.just("send"), _copy, st.tuples(_fate, _fate)),
    st.tuples(st.just("receive"), _copy, st.integers(0, 2**16)),
)


@dataclass
class World:
    sessions: dict[str, BinderSession]
    root: Path
    model: Model = field(default_factory=Model)
    ids: dict[str, str] = field(default_factory=dict)  # name -> copy id
    mailbox: dict[str, list[tuple[Path, SentFile]]] = field(default_factory=dict)
    late: dict[str, list[tuple[Path, SentFile]]] = field(default_factory=dict)
    undo: dict[str, list[int]] = field(default_factory=dict)
    drafts: dict[tuple[str, str], consultations.EntryDraft] = field(default_factory=dict)
    counter: int = 0
    files: int = 0

    def unique_text(self, what: str, name: str) -> str:
        self.counter += 1
        return f"{what} {self.counter} by {name}"

    # Reading the real binders -----------------------------------------------------------------

    def own_changes(self, name: str) -> dict[int, tuple[Any, ...]]:
        with self.sessions[name].reading() as db:
            return {
                int(c): (str(h), str(t), str(u), str(f), json.loads(v), tuple(json.loads(r)))
                for c, h, t, u, f, v, r in db.execute(
                    "SELECT counter, hlc, tbl, row_uid, field, value, replaces FROM sync_changes "
                    "WHERE origin = ?",
                    [self.ids[name]],
                )
            }

    def uid_of(self, name: str, table: str, row_id: int) -> str:
        with self.sessions[name].reading() as db:
            return str(db.execute(f"SELECT uid FROM {table} WHERE id = ?", [row_id]).fetchone()[0])  # noqa: S608

    def seed(self) -> None:
        """The template's rows (settled: every copy knows every change, all of it sent)."""
        with self.sessions[NAMES[0]].reading() as db:
            rows = db.execute(
                "SELECT origin, counter, hlc, tbl, row_uid, field, value, replaces "
                "FROM sync_changes"
            ).fetchall()
        for origin, counter, hlc, table, uid, name_of_field, value, replaces in rows:
            if table not in TRACKED or name_of_field not in (EXISTS, *TRACKED[table]):
                continue
            got = {(o, int(c)) for o, _, c in (r.rpartition(":") for r in json.loads(replaces))}
            edit = Edit(
                origin,
                int(counter),
                hlc,
                (table, uid),
                name_of_field,
                json.loads(value),
                frozenset(got),
            )
            self.model.world[edit.key] = edit
            for known in self.model.knows.values():
                known.add(edit.key)
        for name in NAMES:
            self.model.exported[self.ids[name]] = max(self.own_changes(name), default=0)

    # One step ---------------------------------------------------------------------------------

    def local(self, name: str, action: Any, expected: dict[str, int]) -> None:
        """Run a local edit and check what it recorded against the model."""
        before = self.own_changes(name)
        action()
        after = self.own_changes(name)
        me = self.ids[name]
        seen: dict[str, int] = {}
        for counter, entry in sorted(after.items()):
            if before.get(counter) == entry:
                continue
            hlc, table, uid, name_of_field, value, replaces = entry
            if table not in TRACKED or name_of_field not in (EXISTS, *TRACKED[table]):
                continue
            row = (table, uid)
            rewritten = self.model.rewrites(me, row, name_of_field)
            if rewritten is not None and rewritten.counter == counter:
                wanted = set(rewritten.replaces)
            else:
                wanted = self.model.expected_replaces(me, row, name_of_field)
            got = {(o, int(c)) for o, _, c in (r.rpartition(":") for r in replaces)}
            assert got == wanted, (table, name_of_field, value)
            self.model.record(me, Edit(me, counter, hlc, row, name_of_field, value, frozenset(got)))
            seen[name_of_field or "exists"] = seen.get(name_of_field or "exists", 0) + 1
        for what, count in expected.items():
            assert seen.get(what, 0) == count, (what, seen)

    def present_rows(self, name: str, table: str) -> list[str]:
        return sorted(r[1] for r in self.model.rows(table) if self.model.present(self.ids[name], r))

    def step(self, step: tuple[Any, ...]) -> None:
        kind, name = step[0], step[1]
        session = self.sessions[name]
        if kind == "add_question":
            text = self.unique_text("Question", name)
            self.local(
                name, lambda: questions.add_own_question(session, text), {"exists": 1, "text": 1}
            )
        elif kind == "edit_question":
            self._edit_question(name, step[2])
        elif kind == "delete_question":
            self._delete(name, "questions", step[2])
        elif kind == "delete_daily":
            self._delete(name, step[2], step[3])
        elif kind == "add_daily":
            self._add_daily(name, step[2])
        elif kind == "edit_daily":
            self._edit_daily(name, step[2], step[3])
        elif kind == "undo":
            snapshot = self.undo[name].pop() if self.undo.get(name) else None
            if snapshot is not None and self._snapshot_kept(name, snapshot):
                self.local(name, lambda: undo_delete(session, snapshot), {"exists": 1})
        elif kind == "add_note":
            [meeting] = consultations.list_consultations(session)
            draft = consultations.EntryDraft(meeting.id, name)
            text = self.unique_text("Note", name)
            self.local(name, lambda: draft.save(session, text), {"exists": 1, "text": 1})
        elif kind == "edit_note":
            self._edit_note(name, step[2])
        elif kind == "add_document":
            pdf = self.root / f"{self.unique_text('scan', name)}.pdf"
            pdf.write_bytes(make_pdf([pdf.stem]))
            self.local(
                name,
                lambda: import_paths(session, [pdf], None, ignore_progress, NEVER_CANCELLED),
                {"exists": 1},
            )
        elif kind == "trash_document":
            trashed = {d.id for d in records.list_trash(session)}
            shown = sorted({d.id for d in records.list_documents(session)} | trashed)
            if shown:
                document_id = shown[step[2] % len(shown)]
                in_trash = document_id in trashed
                move = records.restore_from_trash if in_trash else records.move_to_trash
                self.local(name, lambda: move(session, document_id), {})
        elif kind == "send":
            self.send(name, step[2])
        elif kind == "receive":
            self.receive(name, step[2])
        self.check_copy(name)

    def _snapshot_kept(self, name: str, snapshot: int) -> bool:
        """Only the newest snapshots are kept (deletions read from others make some too)."""
        with self.sessions[name].reading() as db:
            found = db.execute("SELECT 1 FROM undo_snapshots WHERE id = ?", [snapshot])
            return found.fetchone() is not None

    def _delete(self, name: str, table: str, index: int) -> None:
        rows = self.present_rows(name, table)
        if not rows:
            return
        session = self.sessions[name]
        row_id = self._local_id(name, table, rows[index % len(rows)])

        def delete() -> None:
            self.undo.setdefault(name, []).append(
                delete_with_undo(session, DELETABLE[table], row_id).snapshot_id
            )

        self.local(name, delete, {"exists": 1})

    def _add_daily(self, name: str, table: str) -> None:
        session = self.sessions[name]
        text = self.unique_text(table, name)
        if table == "appointments":
            known = sorted(contacts.list_contacts(session), key=lambda c: c.name)
            appointment = Appointment(
                AppointmentKind.TESTS,
                text,
                date(2026, 4, 1),
                contact_id=known[0].id if known else None,
            )
            self.local(
                name,
                lambda: appointments.save_appointment(session, appointment),
                {"exists": 1, "title": 1},
            )
        elif table == "medicines":
            details = MedicineDetails(generic_name="capecitabine", dose=text)
            self.local(
                name, lambda: medicines.add_medicine(session, details), {"exists": 1, "dose": 1}
            )
        elif table == "contacts":
            contact = Contact(ContactKind.NURSE, text)
            self.local(
                name, lambda: contacts.save_contact(session, contact), {"exists": 1, "name": 1}
            )
        else:
            entry = DiaryEntry(date(2026, 3, 3), text, Severity.MODERATE)
            self.local(name, lambda: diary.save_entry(session, entry), {"exists": 1, "symptom": 1})

    def _edit_daily(self, name: str, table: str, index: int) -> None:
        rows = self.present_rows(name, table)
        if not rows:
            return
        session = self.sessions[name]
        row_id = self._local_id(name, table, rows[index % len(rows)])
        text = self.unique_text(f"Edited {table}", name)
        if table == "appointments":
            found = appointments.get_appointment(session, row_id)
            assert found is not None
            changed = replace(found, title=text)
            self.local(name, lambda: appointments.save_appointment(session, changed), {"title": 1})
        elif table == "medicines":
            medicine = medicines.get_medicine(session, row_id)
            assert medicine is not None
            details = replace(medicine.current, dose=text)
            self.local(
                name, lambda: medicines.change_medicine(session, row_id, details), {"dose": 1}
            )
        elif table == "contacts":
            [person] = [c for c in contacts.list_contacts(session) if c.id == row_id]
            renamed = replace(person, name=text)
            self.local(name, lambda: contacts.save_contact(session, renamed), {"name": 1})
        else:
            [entry] = [e for e in diary.list_entries(session) if e.id == row_id]
            edited = replace(entry, symptom=text)
            self.local(name, lambda: diary.save_entry(session, edited), {"symptom": 1})

    def _local_id(self, name: str, table: str, uid: str) -> int:
        with self.sessions[name].reading() as db:
            return int(db.execute(f"SELECT id FROM {table} WHERE uid = ?", [uid]).fetchone()[0])  # noqa: S608

    def _edit_question(self, name: str, index: int) -> None:
        rows = self.present_rows(name, "questions")
        if not rows:
            return
        session = self.sessions[name]
        row_id = self._local_id(name, "questions", rows[index % len(rows)])
        text = self.unique_text("Edited question", name)

        def edit() -> None:
            [question] = [q for q in questions.list_questions(session) if q.id == row_id]
            question.text = text
            questions.update_question(session, question)

        self.local(name, edit, {"text": 1})

    def _edit_note(self, name: str, index: int) -> None:
        rows = self.present_rows(name, "consultation_entries")
        if not rows:
            return
        session = self.sessions[name]
        uid = rows[index % len(rows)]
        row_id = self._local_id(name, "consultation_entries", uid)
        [meeting] = consultations.list_consultations(session)
        [entry] = [e for e in consultations.list_entries(session, meeting.id) if e.id == row_id]
        draft = consultations.EntryDraft(meeting.id, entry.author, written_at=entry.written_at)
        draft.entry_id = entry.id
        text = self.unique_text("Edited note", name)
        self.local(name, lambda: draft.save(session, text), {"text": 1})

    # Files --------------------------------------------------------------------------------------

    def send(self, name: str, fates: tuple[str, str]) -> None:
        self.files += 1
        out = self.root / f"out {self.files}"
        out.mkdir()
        written = write_outbox(self.sessions[name], out, ignore_progress, NEVER_CANCELLED)
        highest = max(self.own_changes(name), default=0)
        sequence = int(written.path.stem.rsplit("-", 1)[1]) if written else None
        sent = self.model.sent(self.ids[name], highest, sequence)
        if written is None or sent is None:
            return
        others = [n for n in NAMES if n != name]
        for other, fate in zip(others, fates, strict=True):
            if fate in ("deliver", "duplicate"):
                self.mailbox.setdefault(other, []).append((written.path, sent))
            if fate == "duplicate":
                self.mailbox[other].append((written.path, sent))
            if fate == "delay":
                self.late.setdefault(other, []).append((written.path, sent))
            event(f"file {fate}")

    def receive(self, name: str, seed: int) -> None:
        waiting = self.mailbox.pop(name, [])
        random.Random(seed).shuffle(waiting)
        for path, sent in waiting:
            self.read_one(name, path, sent)

    def read_one(self, name: str, path: Path, sent: SentFile) -> None:
        self.files += 1
        folder = self.root / f"in {self.files}"
        folder.mkdir()
        shutil.copy(path, folder / path.name)
        me = self.ids[name]
        expected = self.model.expected_reading(me, sent)
        result = read_inbox(self.sessions[name], folder, ignore_progress, NEVER_CANCELLED)
        if expected == "read":
            assert len(result.read) == 1, result.refused
            self.model.read(me, sent)
        elif expected == "already":
            assert result.already_read == 1
        else:
            assert [r.problem for r in result.refused] == [ShareProblem.REPLAYED]
        event(f"file {expected}")

    # Checks -------------------------------------------------------------------------------------

    def check_copy(self, name: str) -> None:
        """The copy shows exactly what the model says it must."""
        me = self.ids[name]
        with self.sessions[name].reading() as db:
            view = LogView(db)
            for table, fields in TRACKED.items():
                local = {str(r[0]) for r in db.execute(f"SELECT uid FROM {table}")}  # noqa: S608
                for row in self.model.rows(table):
                    assert (row[1] in local) == self.model.present(me, row), (name, row)
                    for name_of_field in (EXISTS, *fields):
                        heads = view.row(*row).heads(name_of_field)
                        model_heads = self.model.heads(me, row, name_of_field)
                        assert [(v.change.origin, v.change.counter) for v in heads] == [
                            e.key for e in model_heads
                        ], (name, row, name_of_field)
                    for column in fields if row[1] in local else ():
                        shown = db.execute(f"SELECT {column} FROM {table} WHERE uid = ?", [row[1]])  # noqa: S608
                        assert shown.fetchone()[0] == self.model.shown(me, row, column)

    def settle(self) -> None:
        """Every file still travelling arrives; then everyone exchanges reliably."""
        for name in NAMES:
            self.mailbox.setdefault(name, []).extend(self.late.pop(name, []))
            self.receive(name, 0)
        for _ in range(4):
            if self.model.everyone_knows_everything():
                break
            for name in NAMES:
                self.send(name, ("deliver", "deliver"))
                for other in NAMES:
                    self.receive(other, 0)
        assert self.model.everyone_knows_everything()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(story=st.lists(STEP, min_size=STEPS // 2, max_size=STEPS))
def test_three_copies_converge_and_lose_no_edit(template: Template, story: list[Any]) -> None:
    with tempfile.TemporaryDirectory(prefix="casebook-sync-") as scratch:
        root = Path(scratch)
        sessions = _open_copies(template, root)
        try:
            world = World(sessions, root)
            for name, session in sessions.items():
                with session.reading() as db:
                    world.ids[name] = copy_id(db)
                world.model.add_copy(world.ids[name])
            world.seed()
            for step in story:
                world.step(step)
            world.settle()
            for name in NAMES:
                world.check_copy(name)
                with sessions[name].reading() as db:
                    assert disagreements(db) == []
            with sessions[NAMES[0]].reading() as db:
                several = len(fields_with_several_values(db))
            event("ends with two versions" if several else "ends with one version everywhere")
            first = sessions[NAMES[0]]
            for name in NAMES[1:]:
                assert content(sessions[name]) == content(first)
                assert log_of(sessions[name]) == log_of(first)
            everything = log_of(first)
            for edit in world.model.world.values():  # no edit lost
                assert (edit.origin, edit.counter, json.dumps(edit.value, sort_keys=True)) in {
                    (o, c, json.dumps(json.loads(v), sort_keys=True)) for o, c, v in everything
                }
            for session in sessions.values():
                for document in records.list_documents(session) + records.list_trash(session):
                    assert records.read_document_bytes(session, document.id)
        finally:
            for session in sessions.values():
                session.close()


def test_the_template_opens_with_its_password(template: Template) -> None:
    """The shortcut above opens the same binders a person would unlock."""
    with unlock_binder(template.root / "Wei", PASSWORDS["Wei"]) as session:
        assert session.key().same_as(template.keys["Wei"])
