"""Exchange files are read only when a member made them, whole and unchanged, and not before:
an altered byte, a replayed file, a file from another family's binder, from a removed member or
from a second copy made with one invitation is refused with its reason, and nothing changes."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from importers.samples import make_pdf

from casebook.core.errors import InvitationProblem, InvitationRefused, ShareProblem
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.questions import questions
from casebook.services.records.importing import import_paths
from casebook.services.sharing.inbox import InboxResult, read_inbox
from casebook.services.sharing.invitations import invite, join
from casebook.services.sharing.members import load_sharing, remove_member
from casebook.services.sharing.outbox import write_outbox
from casebook.store.sharing.container import MAGIC, ContainerWriter

from .family import FAST, NOW, PASSWORDS, Family, binder_state, content, start_family


def _file_from(family: Family, name: str, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    written = write_outbox(family.copies[name], folder, ignore_progress, NEVER_CANCELLED)
    assert written is not None
    return written.path


def _only(folder: Path, path: Path, data: bytes | None = None) -> Path:
    """A folder holding just this file (altered or not)."""
    folder.mkdir()
    target = folder / path.name
    target.write_bytes(path.read_bytes() if data is None else data)
    return folder


def _read(family: Family, name: str, folder: Path) -> InboxResult:
    """Only the reading half of an exchange (writing would change the binder on purpose)."""
    return read_inbox(family.copies[name], folder, ignore_progress, NEVER_CANCELLED)


def _refused(family: Family, name: str, folder: Path) -> ShareProblem:
    summary = _read(family, name, folder)
    assert summary.read == []
    [refusal] = summary.refused
    return refusal.problem


@pytest.fixture
def wei_news(pair: Family, tmp_path: Path) -> Path:
    """An exchange file from Wei carrying a question and a stored PDF."""
    wei = pair.copies["Wei"]
    questions.add_own_question(wei, "Is the tumour board meeting on Tuesday?")
    pdf = tmp_path / "discharge.pdf"
    pdf.write_bytes(make_pdf(["Discharge summary", "Wang Fang"] * 20))
    import_paths(wei, [pdf], None, ignore_progress, NEVER_CANCELLED)
    return _file_from(pair, "Wei", tmp_path / "out")


def test_one_altered_byte_anywhere_is_refused_and_changes_nothing(
    pair: Family, wei_news: Path, tmp_path: Path
) -> None:
    li = pair.copies["Li"]
    before = binder_state(li)
    data = wei_news.read_bytes()
    header_end = len(MAGIC) + 4 + int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big")
    positions = {
        "header length": len(MAGIC) + 1,
        "inside the header": header_end - 5,
        "first segment": header_end + 10,
        "middle": (header_end + len(data)) // 2,
        "last byte": len(data) - 1,
    }
    for where, position in positions.items():
        altered = bytearray(data)
        altered[position] ^= 0x01
        folder = _only(tmp_path / where, wei_news, bytes(altered))
        problem = _refused(pair, "Li", folder)
        assert problem in (ShareProblem.ALTERED, ShareProblem.NOT_AN_EXCHANGE_FILE), where
        assert binder_state(li) == before, where
    for where, cut in {"cut short": data[:-40], "one byte added": data + b"\x00"}.items():
        problem = _refused(pair, "Li", _only(tmp_path / where, wei_news, cut))
        assert problem is ShareProblem.ALTERED, where
        assert binder_state(li) == before, where
    # The file itself is fine: read unaltered, it is taken.
    summary = pair.exchange("Li", _only(tmp_path / "unaltered", wei_news))
    assert len(summary.read) == 1
    assert binder_state(li) != before


def test_a_replayed_file_is_refused_and_changes_nothing(
    pair: Family, wei_news: Path, tmp_path: Path
) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    assert len(pair.exchange("Li", _only(tmp_path / "first", wei_news)).read) == 1
    questions.add_own_question(wei, "Who reads the PET-CT?")
    older = _file_from(pair, "Wei", tmp_path / "older")
    shutil.copy(older, tmp_path / "older copy.bin")
    questions.add_own_question(wei, "Can the biopsy be repeated?")
    newer = _file_from(pair, "Wei", tmp_path / "newer")
    assert len(pair.exchange("Li", newer.parent).read) == 1
    before = binder_state(li)

    # The first file again (already read): skipped, nothing changes.
    again = _read(pair, "Li", _only(tmp_path / "again", wei_news))
    assert (again.read, again.refused, again.already_read) == ([], [], 1)
    # An older file that was never read, after a newer one: refused as a replay.
    replay = _only(tmp_path / "replay", older, (tmp_path / "older copy.bin").read_bytes())
    assert _refused(pair, "Li", replay) is ShareProblem.REPLAYED
    assert binder_state(li) == before


def test_a_file_from_another_familys_binder_is_refused(pair: Family, tmp_path: Path) -> None:
    strangers = start_family(tmp_path / "strangers", ("Mei", "Wei"))
    try:
        questions.add_own_question(strangers.copies["Wei"], "A question from another family")
        foreign = _file_from(strangers, "Wei", tmp_path / "foreign")
    finally:
        strangers.close()
    li = pair.copies["Li"]
    before = binder_state(li)
    assert _refused(pair, "Li", foreign.parent) is ShareProblem.OTHER_FAMILY
    assert binder_state(li) == before


def test_a_file_forged_with_this_familys_id_but_not_its_key_is_refused(
    pair: Family, wei_news: Path, tmp_path: Path
) -> None:
    with wei_news.open("rb") as stream:
        from casebook.store.sharing.container import read_header

        header = read_header(stream).fields
    folder = tmp_path / "forged"
    folder.mkdir()
    with (folder / "casebook-exchange-forged-000009.cbx").open("wb") as out:
        writer = ContainerWriter(out, {**header, "sequence": 9}, b"\x07" * 32, b"\x01" * 32)
        writer.write_json({"type": "changes", "records": []})
        writer.finish()
    li = pair.copies["Li"]
    before = binder_state(li)
    assert _refused(pair, "Li", folder) is ShareProblem.ALTERED
    assert binder_state(li) == before


def test_a_removed_member_gets_no_new_key_and_their_files_are_refused(
    trio: Family, tmp_path: Path
) -> None:
    li, wei, mei = (trio.copies[n] for n in ("Li", "Wei", "Mei"))
    trio.settle()
    [mei_member] = [m for m in load_sharing(li).members if m.name == "Mei"]
    questions.add_own_question(mei, "Written by Mei before she was removed")
    from_mei = _file_from(trio, "Mei", tmp_path / "from mei")

    remove_member(li, mei_member.uid)
    questions.add_own_question(li, "After the removal")
    after = _file_from(trio, "Li", tmp_path / "after")

    # Mei cannot read what is written after her removal…
    mei_before = binder_state(mei)
    assert _refused(trio, "Mei", after.parent) is ShareProblem.NOT_FOR_YOU
    assert binder_state(mei) == mei_before
    # …Wei can, and takes the new key with it…
    assert len(trio.exchange("Wei", after.parent).read) == 1
    assert "After the removal" in [q.text for q in questions.list_questions(wei)]
    # …and a file from Mei, made with the old key, is refused by both.
    for name in ("Li", "Wei"):
        before = binder_state(trio.copies[name])
        copy = _only(tmp_path / f"mei for {name}", from_mei)
        assert _refused(trio, name, copy) is ShareProblem.OLD_KEY
        assert binder_state(trio.copies[name]) == before
    # Wei's next file is made with the new key: Li reads it, Mei cannot.
    questions.add_own_question(wei, "Wei, after the removal")
    from_wei = _file_from(trio, "Wei", tmp_path / "from wei")
    assert _refused(trio, "Mei", _only(tmp_path / "mei reads wei", from_wei)) is (
        ShareProblem.NOT_FOR_YOU
    )
    assert len(trio.exchange("Li", from_wei.parent).read) == 1
    assert content(li) == content(wei)


def test_a_second_copy_made_from_one_invitation_is_refused(pair: Family, tmp_path: Path) -> None:
    li = pair.copies["Li"]
    made = invite(
        li, "Mei", "Li", tmp_path / "mei.invitation", ignore_progress, NEVER_CANCELLED, kdf=FAST
    )
    copies = []
    for folder in ("first", "second"):
        joined = join(
            made.path,
            made.code,
            tmp_path / folder,
            PASSWORDS["Mei"],
            ignore_progress,
            NEVER_CANCELLED,
            kdf=FAST,
        )
        copies.append(joined.session)
    try:
        first = write_outbox(copies[0], _mkdir(tmp_path / "f1"), ignore_progress, NEVER_CANCELLED)
        second = write_outbox(copies[1], _mkdir(tmp_path / "f2"), ignore_progress, NEVER_CANCELLED)
        assert first is not None
        assert second is not None
        assert len(pair.exchange("Li", first.path.parent).read) == 1
        before = binder_state(li)
        assert _refused(pair, "Li", second.path.parent) is ShareProblem.INVITATION_USED
        assert binder_state(li) == before
    finally:
        for session in copies:
            session.close()


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_an_invitation_needs_its_code_and_expires(pair: Family, tmp_path: Path) -> None:
    li = pair.copies["Li"]
    made = invite(
        li,
        "Mei",
        "Li",
        tmp_path / "mei.invitation",
        ignore_progress,
        NEVER_CANCELLED,
        now=NOW,
        lifetime=timedelta(days=2),
        kdf=FAST,
    )
    target = tmp_path / "Mei"
    with pytest.raises(InvitationRefused) as wrong:
        join(
            made.path,
            "ABCD-EFGH-JKMN",
            target,
            PASSWORDS["Mei"],
            ignore_progress,
            NEVER_CANCELLED,
            now=NOW,
            kdf=FAST,
        )
    assert wrong.value.problem is InvitationProblem.WRONG_CODE
    with pytest.raises(InvitationRefused) as late:
        join(
            made.path,
            made.code,
            target,
            PASSWORDS["Mei"],
            ignore_progress,
            NEVER_CANCELLED,
            now=NOW + timedelta(days=2, seconds=1),
            kdf=FAST,
        )
    assert late.value.problem is InvitationProblem.EXPIRED
    altered = bytearray(made.path.read_bytes())
    altered[-100] ^= 0x01
    broken = tmp_path / "altered.invitation"
    broken.write_bytes(bytes(altered))
    with pytest.raises(InvitationRefused) as changed:
        join(
            broken,
            made.code,
            target,
            PASSWORDS["Mei"],
            ignore_progress,
            NEVER_CANCELLED,
            now=NOW,
            kdf=FAST,
        )
    assert changed.value.problem is InvitationProblem.WRONG_CODE
    assert not target.exists()
    assert not target.with_name("Mei.joining").exists()
    # Typed in lower case with spaces, a day before it expires: it works.
    joined = join(
        made.path,
        made.code.lower().replace("-", " "),
        target,
        PASSWORDS["Mei"],
        ignore_progress,
        NEVER_CANCELLED,
        now=NOW + timedelta(days=1),
        kdf=FAST,
    )
    joined.session.close()


def test_nothing_about_the_patient_is_readable_in_the_files(
    pair: Family, wei_news: Path, tmp_path: Path
) -> None:
    made = invite(
        pair.copies["Li"],
        "Mei",
        "Li",
        tmp_path / "mei.invitation",
        ignore_progress,
        NEVER_CANCELLED,
        kdf=FAST,
    )
    for path in (wei_news, made.path):
        data = path.read_bytes()
        for secret in ("Wang Fang", "tumour board", "Discharge summary", "%PDF"):
            assert secret.encode() not in data, (path.name, secret)
