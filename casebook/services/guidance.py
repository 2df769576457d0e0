"""Casebook's guidance pages: short, plain-language help on second opinions, in our own words.

Shipped as data (`resources/guidance/<language>/<key>.md`, English and Simplified Chinese, in
the order `resources/guidance/index.json` gives) so the words can be improved without touching
code. Every page must end with the note that Casebook organises records and gives no medical
advice; a page without it fails to load, loudly.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from casebook.resources import resource_path

LANGUAGES = ("en", "zh_CN")
FALLBACK_LANGUAGE = "en"

# The page opened from the places where each topic is needed.
WHAT_IT_IS = "second_opinion"
WHEN_IT_HELPS = "when_it_helps"
PREPARING = "preparing"  # "Why does the MDT need this?" beside a record
REMOTE_REVIEW = "remote_review"
AFTER_THE_OPINION = "after_the_opinion"
CAREGIVER = "caregiver"
SUPPORTIVE_CARE = "supportive_care"


@dataclass(frozen=True)
class GuidancePage:
    """One page in one language: `markdown` is the whole page, title heading included."""

    key: str
    language: str
    title: str
    markdown: str
    note: str  # the closing no-medical-advice note, as the page ends with it


def guidance_language(locale_name: str) -> str:
    """The guidance language for a locale name: "zh…" gives Chinese, anything else English."""
    return "zh_CN" if locale_name.lower().startswith("zh") else FALLBACK_LANGUAGE


@functools.cache
def _index() -> tuple[tuple[str, ...], dict[str, str]]:
    raw = json.loads(resource_path("guidance", "index.json").read_text(encoding="utf-8"))
    return tuple(raw["pages"]), dict(raw["note"])


def _title_of(key: str, markdown: str) -> str:
    first = markdown.lstrip().splitlines()[0] if markdown.strip() else ""
    if not first.startswith("# "):
        raise LookupError(f"guidance page {key!r} does not start with a '# ' title")
    return first[2:].strip()


@functools.cache
def load_guidance(language: str) -> tuple[GuidancePage, ...]:
    """Every page in `language` ("en", "zh_CN", or any locale name), in reading order."""
    language = guidance_language(language)
    keys, notes = _index()
    note = notes[language]
    pages = []
    for key in keys:
        path = resource_path("guidance", language, f"{key}.md")
        if not path.is_file():
            raise LookupError(f"guidance page {key!r} is missing in {language}")
        markdown = path.read_text(encoding="utf-8").strip()
        if not markdown.endswith(note):
            raise LookupError(f"guidance page {key!r} ({language}) lacks the closing note")
        pages.append(GuidancePage(key, language, _title_of(key, markdown), markdown, note))
    return tuple(pages)


def guidance_page(key: str, language: str) -> GuidancePage:
    """One page by key; KeyError for an unknown key (a bug in the caller)."""
    for page in load_guidance(language):
        if page.key == key:
            return page
    raise KeyError(key)
