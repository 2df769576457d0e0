"""The shipped slot catalogue is complete in both languages."""

from __future__ import annotations

from casebook.core.model import RecordKind
from casebook.services.records.slot_catalogue import FIELDS, load_catalogue


def test_every_slot_has_every_text_in_english_and_chinese() -> None:
    catalogue = load_catalogue()
    assert list(catalogue) == list(RecordKind)
    for description in catalogue.values():
        for field in FIELDS:
            english = description.text(field, "en")
            chinese = description.text(field, "zh_CN")
            assert english.strip(), (description.kind, field)
            assert chinese.strip(), (description.kind, field)
            if english != "—":
                assert chinese != english, (description.kind, field)
                assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), (description.kind, field)


def test_language_fallbacks() -> None:
    pathology = load_catalogue()[RecordKind.PATHOLOGY]
    assert pathology.text("title", "zh") == "病理报告"
    assert pathology.text("title", "zh_TW") == "病理报告"
    assert pathology.text("title", "fr") == "Pathology report"
