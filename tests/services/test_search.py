"""Search (issue 15): the Records page's filter finds exactly the documents the ranked search
finds, however many there are; documents in the trash never take a live hit's place."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.questions.questions import add_own_question
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.store import search as search_store

_TEXTS = {
    "path": "免疫组化 TTF-1 阳性, adenocarcinoma of the lung 50%_done",
    "labs": "Haemoglobin 118 g/L, creatinine normal",
    "ct": "CT chest: nodule in the right upper lobe, adenocarcinoma suspected",
    "discharge": "出院小结 肺腺癌 adenocarcinoma; lymph node stations 4R and 7",
    "letter": "Referral letter, lymph node biopsy planned",
}
_QUERIES = (
    "adenocarcinoma", "adenocarc", "lymph node", "免疫组化", "免疫", "疫", "癌", "肺腺癌",
    "TTF-1 lung", "50%", "%", '"', "lobe", "xyzzy", "   ", "no", "ADENOCARCINOMA",
)  # fmt: skip


def _import(session: BinderSession, folder: Path, texts: dict[str, str]) -> dict[str, int]:
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    summary = import_paths(session, [folder], None, ignore_progress, NEVER_CANCELLED)
    return {document.title: document.id for document in summary.added}


def test_the_filter_finds_what_search_finds_in_both_languages_and_any_length(
    session: BinderSession, tmp_path: Path
) -> None:
    ids = _import(session, tmp_path / "source", _TEXTS)
    add_own_question(session, "Is the adenocarcinoma in the lymph node too?")
    records.move_to_trash(session, ids["letter"])
    for query in _QUERIES:
        hits = records.search(session, query)
        found = {hit.ref_id for hit in hits if hit.kind == "document"}
        assert records.matching_document_ids(session, query) == found, query
    assert records.matching_document_ids(session, "lymph node") == {ids["discharge"]}
    assert {hit.kind for hit in records.search(session, "lymph node")} == {
        "document",
        "question",
    }
    assert records.matching_document_ids(session, "adenocarcinoma") == {
        ids["path"],
        ids["ct"],
        ids["discharge"],
    }


def test_the_filter_has_no_limit_and_trashed_documents_leave_no_hole_in_search(
    session: BinderSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Document k says "carcinoma" k times in the same length of text: bm25 ranks them apart.
    texts = {
        f"report {k}": " ".join(["carcinoma"] * k + ["filler"] * (12 - k)) for k in range(1, 9)
    }
    ids = _import(session, tmp_path / "many", texts)
    ranked = [hit.ref_id for hit in records.search(session, "carcinoma")]
    assert sorted(ranked) == sorted(ids.values())
    assert ranked[0] == ids["report 8"]

    monkeypatch.setattr(search_store, "MAX_HITS", 3)
    assert [hit.ref_id for hit in records.search(session, "carcinoma")] == ranked[:3]
    # The filter is not limited: every matching document stays in the Records list.
    assert records.matching_document_ids(session, "carcinoma") == set(ids.values())
    assert len(records.matching_document_ids(session, "ca")) == 8  # the LIKE fallback too

    for document_id in ranked[:2]:
        records.move_to_trash(session, document_id)
    # The two best hits are in the trash: the next three live ones take their places.
    assert [hit.ref_id for hit in records.search(session, "carcinoma")] == ranked[2:5]
    assert records.matching_document_ids(session, "carcinoma") == set(ranked[2:])
