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


@pytest.mark.parametrize(
    ("language", "needles"),
    [
        (
            "en",
            {
                guidance.WHAT_IT_IS: ["Doctors do the same themselves", "tumour board"],
                guidance.AFTER_THE_OPINION: [
                    "genuinely disagree",
                    "Seek\nclarity, not agreement",
                    "patient's own goals and priorities come first",
                ],
                guidance.CAREGIVER: [
                    "Five roles",
                    "Organiser",
                    "Note-taker",
                    "Explainer",
                    "Advocate",
                    "The steady one",
                ],
                guidance.REMOTE_REVIEW: [
                    "in China and abroad",
                    "interpreter",
                    "pathologist",
                    "radiologist",
                    "surgeon",
                    "medical oncologist",
                    "radiation oncologist",
                ],
            },
        ),
        (
            "zh_CN",
            {
                guidance.WHAT_IT_IS: ["医生自己也是这样做的", "肿瘤多学科会诊（MDT）"],
                guidance.AFTER_THE_OPINION: [
                    "专家之间也可能真的有不同看法",
                    "而不是让医生们意见一致",
                    "首先要看患者自己的目标和最看重的事情",
                ],
                guidance.CAREGIVER: [
                    "五个角色",
                    "组织者",
                    "记录者",
                    "解释者",
                    "代言人",
                    "主心骨",
                ],
                guidance.REMOTE_REVIEW: [
                    "国内外",
                    "翻译",
                    "病理科",
                    "影像科",
                    "外科",
                    "肿瘤内科",
                    "放疗科",
                ],
            },
        ),
    ],
)
def test_the_pages_say_what_a_family_weighing_opinions_needs(
    language: str, needles: dict[str, list[str]]
) -> None:
    """Reviews are ordinary (doctors use tumour boards themselves); experts can disagree, so
    the family seeks clarity and puts the patient's goals first; five caregiver roles; a
    remote MDT at home or abroad, who sits on it, and interpreters. In both languages."""
    pages = {page.key: page.markdown for page in load_guidance(language)}
    for key, words in needles.items():
        for word in words:
            assert word in pages[key], (key, word)


def test_the_language_follows_the_locale() -> None:
    assert guidance_language("zh_CN") == "zh_CN"
    assert guidance_language("zh_TW") == "zh_CN"
    assert guidance_language("en_GB") == "en"
    assert guidance_language("de_DE") == "en"
    assert guidance_page(guidance.PREPARING, "zh_CN").title == "准备病历和问题"
    with pytest.raises(KeyError):
        guidance_page("no_such_page", "en")
