"""Is the patient on a disc the patient of this case? Names across scripts and orders, and
birth dates.

Hospitals write one person's name many ways: 张伟, 張偉, ZHANG^WEI, Zhang Wei, WEI ZHANG,
`Zhang^Wei=张^伟` (a DICOM name with its ideographic form after "="). The rules:

- When both names have Chinese characters, those decide (traditional forms made simplified
  first): 张伟 and 張偉 are the same, 张伟 and 章伟 are not, whatever their pinyin.
- Otherwise names are compared as letters, in either order (family name first or last, given
  names joined or apart, case and accents ignored); Chinese characters on one side are read
  in pinyin, every reading of a character with several (曾 is zeng or ceng) accepted.
- A remark in brackets after a typed name ("Mei Lin (demo)", "张伟（父亲）") is not part of the
  name; Chinese characters in brackets after a name in letters ("Wang Fang (王芳)") are its
  Chinese form.
- An empty or anonymised name says nothing. A birth date that differs is the stronger signal:
  it is reported even when the names agree. Only what both dates state is compared.

Reading characters needs a dictionary; the caller passes a `HanReader` (the services layer
builds one on pypinyin and OpenCC), so this module stays plain Python.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from casebook.core.model import PartialDate

MAX_READINGS = 64  # combinations of readings per name (a name has 2–4 characters)
_BRACKETED = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")


@dataclass(frozen=True)
class HanReader:
    """`readings(ch)`: the pinyin readings of one character, without tones, lower case;
    `simplify(text)`: the text with traditional characters made simplified."""

    readings: Callable[[str], list[str]]
    simplify: Callable[[str], str]


def is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


def _latin_letters(text: str) -> str:
    """Case-folded ASCII letters and digits of `text`, accents removed (Zoë → zoe)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


@dataclass(frozen=True)
class NameForms:
    """What a name gives to compare: its Chinese characters (simplified, in order) and the
    strings its letters spell in every plausible order."""

    han: str
    spellings: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.han and not self.spellings


def _orders(words: list[str], family_first_only: bool) -> set[str]:
    """Family name + given names and the reverse, for each plausible family name."""
    words = [word for word in words if word]
    if not words:
        return set()
    if len(words) == 1:
        return {words[0]}
    splits = [(words[0], "".join(words[1:]))]
    if not family_first_only:
        splits.append((words[-1], "".join(words[:-1])))
    return {
        first + rest
        for family, given in splits
        for first, rest in ((family, given), (given, family))
    }


def _han_spellings(han: str, reader: HanReader) -> set[str]:
    per_character = [reader.readings(ch) or [""] for ch in han]
    spellings: set[str] = set()
    combinations = itertools.islice(itertools.product(*per_character), MAX_READINGS)
    for syllables in combinations:
        # A compound family name (欧阳, 司马) has two characters: try one and two.
        for family_length in (1, 2):
            if len(syllables) > family_length:
                family = "".join(syllables[:family_length])
                given = "".join(syllables[family_length:])
                spellings |= {family + given, given + family}
        if len(syllables) == 1:
            spellings.add(syllables[0])
    return spellings


def _without_remarks(name: str) -> str:
    """A typed name without its bracketed remarks, keeping Chinese characters in brackets when
    the name outside them has none (they are then its Chinese form)."""
    outside = _BRACKETED.sub(" ", name)
    if any(is_han(ch) for ch in outside):
        return outside
    inside = " ".join(
        match.group(1) for match in _BRACKETED.finditer(name) if any(map(is_han, match.group(1)))
    )
    return f"{outside} {inside}" if inside else outside


def name_forms(name: str, reader: HanReader) -> NameForms:
    """The forms of a DICOM person name ("ZHANG^WEI=张^伟") or of a name typed in free text
    ("Zhang Wei", "张伟", "Wang Fang 王芳", "Mei Lin (demo)")."""
    is_dicom = "^" in name or "=" in name
    if not is_dicom:
        name = _without_remarks(name)
    han = ""
    spellings: set[str] = set()
    for group in name.split("="):
        han_part = "".join(ch for ch in group if is_han(ch))
        if han_part:
            han = han or reader.simplify(han_part)
            spellings |= _han_spellings(reader.simplify(han_part), reader)
            continue
        if is_dicom:
            components = group.split("^")
            family = _latin_letters(components[0])
            given = "".join(_latin_letters(part) for part in components[1:3])
            spellings |= _orders([family, given], family_first_only=True)
        else:
            words = [_latin_letters(word) for word in group.replace(",", " ").split()]
            spellings |= _orders(words, family_first_only=False)
    return NameForms(han, frozenset(spelling for spelling in spellings if spelling))


def names_match(first: str, second: str, reader: HanReader) -> bool | None:
    """True when the names are the same person's, False when not, None when either name is
    empty (nothing to compare)."""
    a, b = name_forms(first, reader), name_forms(second, reader)
    if a.empty or b.empty:
        return None
    if a.han and b.han:
        return a.han == b.han
    return bool(a.spellings & b.spellings)


def birth_dates_differ(first: PartialDate | None, second: PartialDate | None) -> bool:
    """Only what both dates state is compared (a year-only date matches any day that year)."""
    if first is None or second is None:
        return False
    pairs = ((first.year, second.year), (first.month, second.month), (first.day, second.day))
    return any(a is not None and b is not None and a != b for a, b in pairs)


@dataclass(frozen=True)
class IdentityCheck:
    """How a patient found on media compares with the case."""

    name_differs: bool
    birth_date_differs: bool

    @property
    def mismatch(self) -> bool:
        return self.name_differs or self.birth_date_differs

    @property
    def strong(self) -> bool:
        """A different birth date: most likely someone else, whatever the name says."""
        return self.birth_date_differs


def compare_identity(
    case_name: str,
    case_birth: PartialDate | None,
    media_name: str,
    media_birth: PartialDate | None,
    reader: HanReader,
) -> IdentityCheck:
    same = names_match(case_name, media_name, reader)
    return IdentityCheck(same is False, birth_dates_differ(case_birth, media_birth))


def distinct(values: Iterable[str]) -> list[str]:
    """Values in first-seen order without repeats (for listing the names found)."""
    return list(dict.fromkeys(values))
