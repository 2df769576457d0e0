"""Text read from photographed reports in a real binder: found by search in Chinese and English,
suggesting the kind of record and its date, corrected by the family, and bad pictures (no text,
a corrupt HEIC, a 100-megapixel panorama) each noted without stopping the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper_photos import encoded, photographed, report_page, save
from PIL import Image

from casebook.core.changes import Changed
from casebook.core.model import PartialDate, RecordKind
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.services.records import recognition
from casebook.services.records.importing import import_paths

pytestmark = pytest.mark.slow


def _import(session: BinderSession, *paths: Path) -> list[int]:
    summary = import_paths(session, list(paths), None, ignore_progress, NEVER_CANCELLED)
    return [d.id for d in summary.added]


def test_a_photographed_report_is_found_placed_and_corrected(
    tmp_path: Path, session: BinderSession
) -> None:
    photo = photographed(report_page(), tilt=3.0, brightness=0.6)
    [doc_id] = _import(session, save(tmp_path, "IMG_2041.jpg", encoded(photo, "jpeg", 65)))
    before = records.list_documents(session)[0]
    assert before.slot is RecordKind.OTHER  # a picture says nothing until its text is read
    assert recognition.waiting_documents(session) == [doc_id]

    with session.collecting_changes() as collected:
        summary = recognition.recognise_waiting(session, ignore_progress, NEVER_CANCELLED)
    assert summary.read == [doc_id]
    assert collected.changes.touches(Changed.DOCUMENTS)
    assert recognition.waiting_documents(session) == []

    for term in ("肺腺癌", "腺癌", "adenocarcinoma", "Napsin"):
        hits = records.search(session, term)
        assert [(h.kind, h.ref_id) for h in hits] == [("document", doc_id)], term
    placed = records.list_documents(session)[0]
    assert placed.slot is RecordKind.PATHOLOGY
    assert placed.document_date == PartialDate(2025, 3, 14)
    assert placed.needs_review  # suggested, for the family to confirm

    text = recognition.document_text(session, doc_id)
    assert text.recognised
    assert not text.corrected
    assert text.pages[0].lines
    assert text.pages[0].lines[0]["words"]
    recognition.correct_text(session, doc_id, text.text.replace("Ki-67", "Ki67 指数"))
    corrected = recognition.document_text(session, doc_id)
    assert corrected.corrected
    assert [h.ref_id for h in records.search(session, "Ki67 指数")] == [doc_id]
    # Reading again (a later run) never overwrites the family's correction.
    recognition.recognise_document(session, doc_id, NEVER_CANCELLED)
    assert "Ki67 指数" in recognition.document_text(session, doc_id).text


def test_bad_pictures_are_noted_and_the_rest_is_read(
    tmp_path: Path, session: BinderSession
) -> None:
    good = encoded(photographed(report_page(), tilt=-2.0), "heic")
    corrupt = good[: len(good) // 3]
    blank = encoded(Image.new("RGB", (1200, 900), (90, 120, 160)), "png")
    panorama = Image.new("RGB", (20_000, 5_000), "white")
    panorama.paste(report_page().resize((1240, 1754)), (9_000, 1_600))
    ids = _import(
        session,
        save(tmp_path, "corrupt.heic", corrupt),
        save(tmp_path, "blank.png", blank),
        save(tmp_path, "panorama.jpg", encoded(panorama, "jpeg", 80)),
        save(tmp_path, "report.heic", good),
    )
    corrupt_id, blank_id, panorama_id, good_id = ids
    summary = recognition.recognise_waiting(session, ignore_progress, NEVER_CANCELLED)
    assert summary.failed == [corrupt_id]
    # The panorama is read at 2400 pixels wide, where the small page in it is too small to read:
    # noted as "no text", not an error, and it took no more memory than that.
    assert summary.no_text == [blank_id, panorama_id]
    assert summary.read == [good_id]
    assert [h.ref_id for h in records.search(session, "Pathology")] == [good_id]
    problem = recognition.document_text(session, corrupt_id).pages[0].problem
    assert problem  # kept, not retried on every run
    assert recognition.waiting_documents(session) == []


def test_redaction_proposes_boxes_over_the_name_read_on_a_photo(tmp_path: Path) -> None:
    from casebook.services.binder.session import create_binder
    from casebook.services.redaction import copies

    from .conftest import FAST, PASSWORD, make_case

    created = create_binder(tmp_path / "binder", PASSWORD, make_case("王芳"), FAST)
    with created.session as session:
        photo = photographed(report_page(), tilt=2.0, brightness=0.8)
        [doc_id] = _import(session, save(tmp_path, "IMG_2042.jpg", encoded(photo, "jpeg", 75)))
        assert copies.propose(session, doc_id) == []  # nothing read yet, nothing proposed
        recognition.recognise_waiting(session, ignore_progress, NEVER_CANCELLED)

        words = recognition.recognised_words(session, doc_id)
        name = [w for w in words if w.text in ("王", "芳")]
        assert [w.text for w in name] == ["王", "芳"]
        assert name[1].joined  # one name, not two words
        proposed = copies.propose(session, doc_id)
        assert proposed
        assert {box.reason for box in proposed} == {"name"}  # 王芳, and Wang Fang beside it
        # A box holds both characters of the name; none touches the lines above or below.
        assert any(
            box.left <= name[0].left
            and box.right >= name[1].right
            and box.top <= min(w.top for w in name)
            and box.bottom >= max(w.bottom for w in name)
            for box in proposed
        )
        line_top, line_bottom = min(w.top for w in name), max(w.bottom for w in name)
        others = [w for w in words if w.bottom < line_top or w.top > line_bottom]
        assert any(w.text.startswith("2025") for w in others)  # the date on the next line
        for box in proposed:
            assert not any(box.overlaps(w.left, w.top, w.right, w.bottom) for w in others)
