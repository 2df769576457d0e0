"""The shipped guidance pages: both languages, same pages, each ending with the no-advice note."""

from __future__ import annotations

import pytest

from casebook.services import guidance
from casebook.services.guidance import guidance_language, guidance_page, load_guidance

KEYS = (
    guidance.WHAT_IT_IS,
    guidance.WHEN_IT_HELPS,
    guidance.PREPARING,
    guidance.REMOTE_REVIEW,
    guidance.AFTER_THE_OPINION,
    guidance.CAREGIVER,
    guidance.SUPPORTIVE_CARE,
)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_loads_and_ends_with_the_no_medical_advice_note(language: str) -> None:
    pages = load_guidance(language)
    assert tuple(page.key for page in pages) == KEYS
    for page in pages:
        assert page.language == language
        assert page.title
        assert page.markdown.startswith(f"# {page.title}")
        assert page.markdown.rstrip().endswith(page.note)
        assert len(page.markdown) < 2500, f"{page.key} should stay short"
    notes = {page.note for page in pages}
    assert len(notes) == 1


def test_the_note_says_casebook_gives_no_medical_advice() -> None:
    assert "no medical advice" in load_guidance("en")[0].note
    assert "不提供任何医疗建议" in load_guidance("zh_CN")[0].note


def test_the_pages_cover_what_the_family_needs() -> None:
    english = {page.key: page.markdown for page in load_guidance("en")}
    assert "not** a sign of distrust" in english[guidance.WHAT_IT_IS]
    for moment in ("CAR-T", "stem-cell transplant", "relapse", "rare cancer", "cannot be undone"):
        assert moment in english[guidance.WHEN_IT_HELPS]
    assert "Records first" in english[guidance.REMOTE_REVIEW]
    assert "decide about travel" in english[guidance.REMOTE_REVIEW]
    for role in ("Organiser", "Note-taker", "Advocate", "Looking after yourself"):
        assert role in english[guidance.CAREGIVER]
    assert "**never instead of it**" in english[guidance.SUPPORTIVE_CARE]
    chinese = {page.key: page.markdown for page in load_guidance("zh_CN")}
    assert "不是**对第一位医生的不信任" in chinese[guidance.WHAT_IT_IS]
    assert "绝不能代替治疗" in chinese[guidance.SUPPORTIVE_CARE]


def test_the_language_follows_the_locale() -> None:
    assert guidance_language("zh_CN") == "zh_CN"
    assert guidance_language("zh_TW") == "zh_CN"
    assert guidance_language("en_GB") == "en"
    assert guidance_language("de_DE") == "en"
    assert guidance_page(guidance.PREPARING, "zh_CN").title == "准备病历和问题"
    with pytest.raises(KeyError):
        guidance_page("no_such_page", "en")
