"""Hiding parts of a page: the boxes the family draws or accepts, and Casebook's proposals.

A box is a rectangle on one page in fractions of the page's width and height (top-left origin),
so the same box fits the page however large it is rendered. Proposals come from words with
positions — from a PDF's text layer today, from OCR later (the same `Word`) — over the text
that shows the patient's name, ID numbers, birth date, phone numbers and addresses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from casebook.core.identity_facts import IdentityFacts, Shown

MIN_SIZE = 0.004  # a box thinner than this (of the page) is a slip of the mouse

# A mainland resident ID: area (6), birth date (8), sequence (3), check digit or X.
RESIDENT_ID = re.compile(
    r"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])"
)
PHONES = (
    re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)"),  # mobile, China
    re.compile(r"(?<![\d+])0\d{2,3}[\s-]?\d{7,8}(?!\d)"),  # landline, China
    re.compile(r"(?<![\d+])\+\d{1,3}(?:[\s-]?\(?\d{1,4}\)?){2,4}(?!\d)"),  # international
    re.compile(r"(?<!\d)\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),  # North America
)
ADDRESSES = (
    re.compile(r"(?:家庭住址|住址|地址)\s*[:：]?\s*[\u4e00-\u9fff\d\-－—#（）()A-Za-z]+"),
    re.compile(r"(?:Address|Addr\.)\s*:?\s*[^\n]{1,80}", re.I),
    re.compile(
        r"[\u4e00-\u9fff]{2,}(?:省|市|自治区)[\u4e00-\u9fff\d\-－—]*?"
        r"(?:路|街|道|巷|弄|号|室|村|组|小区|大厦)[\u4e00-\u9fff\d\-－—#]*"
    ),
    re.compile(
        r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|"
        r"Boulevard|Blvd|Way|Court|Ct)\b\.?[^\n]*"
    ),
)


@dataclass(frozen=True)
class Box:
    """A rectangle to hide on page `page` (0-based), in fractions of the page."""

    page: int
    left: float
    top: float
    right: float
    bottom: float
    reason: str = "drawn"  # "drawn", or what a proposal found: a `Shown` value

    def normalised(self) -> Box:
        """Corners in order and inside the page."""
        left, right = sorted((min(max(self.left, 0.0), 1.0), min(max(self.right, 0.0), 1.0)))
        top, bottom = sorted((min(max(self.top, 0.0), 1.0), min(max(self.bottom, 0.0), 1.0)))
        return Box(self.page, left, top, right, bottom, self.reason)

    @property
    def usable(self) -> bool:
        return self.right - self.left >= MIN_SIZE and self.bottom - self.top >= MIN_SIZE

    def overlaps(self, left: float, top: float, right: float, bottom: float) -> bool:
        return left < self.right and right > self.left and top < self.bottom and bottom > self.top


@dataclass(frozen=True)
class Word:
    """A piece of text on a page and where it is (fractions of the page, top-left origin).

    `joined` is True when no space separates it from the word before (Chinese characters,
    which PDF text and OCR give one by one)."""

    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float
    joined: bool = False


def _page_text(words: Sequence[Word]) -> tuple[str, list[tuple[int, int]]]:
    """The page's words as one text (lines broken where a word starts below the last line),
    and each word's (start, end) in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    previous: Word | None = None
    for word in words:
        separator = ""
        if previous is not None:
            middle = (word.top + word.bottom) / 2
            slack = 0.35 * (previous.bottom - previous.top)
            if not previous.top - slack <= middle <= previous.bottom + slack:
                separator = "\n"
            elif not word.joined:
                separator = " "
        parts.append(separator)
        position += len(separator)
        spans.append((position, position + len(word.text)))
        parts.append(word.text)
        position += len(word.text)
        previous = word
    return "".join(parts), spans


def _matches(text: str, facts: IdentityFacts) -> list[tuple[str, int, int]]:
    found = [(shown.value, start, end) for shown, start, end in facts.find(text)]
    found += [(Shown.ID_NUMBER.value, m.start(), m.end()) for m in RESIDENT_ID.finditer(text)]
    for pattern in PHONES:
        found += [(Shown.PHONE.value, m.start(), m.end()) for m in pattern.finditer(text)]
    for pattern in ADDRESSES:
        found += [(Shown.ADDRESS.value, m.start(), m.end()) for m in pattern.finditer(text)]
    return found


def _boxes_for(words: Sequence[Word], chosen: list[int], reason: str) -> list[Box]:
    """One box per line around the chosen words, with a little margin."""
    lines: dict[tuple[int, float], list[Word]] = {}
    for index in chosen:
        word = words[index]
        tolerance = 0.5 * (word.bottom - word.top)
        same_line = (k for k in lines if k[0] == word.page and abs(k[1] - word.top) < tolerance)
        key = next(same_line, (word.page, word.top))
        lines.setdefault(key, []).append(word)
    boxes = []
    for (page, _), members in lines.items():
        height = max(w.bottom - w.top for w in members)
        pad = 0.15 * height
        boxes.append(
            Box(
                page,
                min(w.left for w in members) - pad,
                min(w.top for w in members) - pad,
                max(w.right for w in members) + pad,
                max(w.bottom for w in members) + pad,
                reason,
            ).normalised()
        )
    return boxes


def propose_boxes(words: Sequence[Word], facts: IdentityFacts) -> list[Box]:
    """Boxes over what shows the patient's identity, or any ID number, phone or address."""
    proposals: list[Box] = []
    for page in sorted({w.page for w in words}):
        on_page = [w for w in words if w.page == page]
        text, spans = _page_text(on_page)
        for reason, start, end in _matches(text, facts):
            chosen = [i for i, (a, b) in enumerate(spans) if a < end and b > start]
            if chosen:
                proposals += _boxes_for(on_page, chosen, reason)
    unique: list[Box] = []
    for box in proposals:
        if not any(_covers(kept, box) for kept in unique):
            unique = [kept for kept in unique if not _covers(box, kept)] + [box]
    return sorted(unique, key=lambda b: (b.page, b.top, b.left))


def _covers(outer: Box, inner: Box) -> bool:
    return (
        outer.page == inner.page
        and outer.left <= inner.left + 1e-6
        and outer.top <= inner.top + 1e-6
        and outer.right >= inner.right - 1e-6
        and outer.bottom >= inner.bottom - 1e-6
    )


def visible_words(words: Sequence[Word], boxes: Sequence[Box]) -> list[Word]:
    """The words no box touches: the only text a redacted copy keeps (invisibly)."""
    return [
        w
        for w in words
        if not any(b.page == w.page and b.overlaps(w.left, w.top, w.right, w.bottom) for b in boxes)
    ]


def boxes_to_json(boxes: Sequence[Box]) -> str:
    return json.dumps([asdict(box) for box in boxes])


def boxes_from_json(text: str) -> list[Box]:
    return [Box(**entry) for entry in json.loads(text or "[]")]
