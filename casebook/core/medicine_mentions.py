"""Finding medicine names in a document's text, with the dose, frequency and route beside them.

Discharge summaries and prescriptions name the medicines a patient goes home with, usually one
to a line: "Osimertinib 80 mg by mouth once daily" or "奥希替尼 80mg 口服 每日一次". The names
come from a small bilingual lexicon; what follows a name on its line is searched for a dose, a
frequency and a route. These are suggestions for the family to confirm, never entries. Plain
Python, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from casebook.core.medicines import Route

LINE_REACH = 90
"""How far after a name (in characters, on its line) its dose and frequency are looked for."""


@dataclass(frozen=True)
class LexiconEntry:
    """One medicine of the shipped lexicon: its generic names and the other names it goes by."""

    key: str
    en: str
    zh: str
    other_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.en, self.zh, *self.other_names)

    def name_in(self, language: str) -> str:
        """The generic name for a list in `language` (an English name starts with a capital)."""
        return self.zh if language.startswith("zh") else self.en[:1].upper() + self.en[1:]


@dataclass(frozen=True)
class Mention:
    """A medicine named in a text, and what its line says about how it is taken."""

    key: str
    found_as: str  # the name as the text writes it
    line: str  # the text from the name to the end of its line (trimmed)
    dose: str = ""
    frequency: str = ""
    route: Route = Route.NOT_STATED
    also_as: tuple[str, ...] = ()  # other names of it on the same line ("(Tagrisso)")


_UNIT = (
    r"mg/m²|mg/m2|mg/kg|mg|mcg|µg|μg|ug|g|ml|mL|IU|units?|tablets?|"
    r"毫克|微克|克|毫升|万单位|单位|片|粒|支"
)
_DOSE = re.compile(
    rf"(?<![\w.])(?:AUC\s*\d+(?:\.\d+)?|\d+(?:[.,]\d+)?\s*(?:{_UNIT})(?:\s*/\s*(?:m²|m2|kg))?)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(
    r"(?<![A-Za-z])(?:once|twice|three times|four times) (?:a|per) (?:day|week)"
    r"|(?<![A-Za-z])(?:once|twice|three times|four times) daily"
    r"|(?<![A-Za-z])every (?:\d+|other|one|two|three|four) (?:hours?|days?|weeks?)"
    r"|(?<![A-Za-z])every (?:day|morning|evening|night|week)"
    r"|(?<![A-Za-z])(?:daily|weekly|at night|at bedtime|as needed|when needed)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:q\d+h|q\d+w|qd|bid|tid|qid|qn|qhs|prn)(?![A-Za-z])"
    r"|每[日天][一二两三四1-4]次|每[0-9一二两三四六八十]+(?:小时|天|日|周)[一1]次"
    r"|每[0-9一二两三四六八十]+(?:小时|天|日|周)|每[日天周晚]|睡前|必要时",
    re.IGNORECASE,
)
_ROUTES = (
    (Route.INTO_A_VEIN, r"intravenous(?:ly)?|IV|i\.v\.|infusion|静脉滴注|静脉注射|静滴|静推|静脉"),
    (Route.UNDER_THE_SKIN, r"subcutaneous(?:ly)?|s\.c\.|SC|皮下注射|皮下"),
    (Route.INTO_A_MUSCLE, r"intramuscular(?:ly)?|IM|i\.m\.|肌肉注射|肌注"),
    (Route.BY_MOUTH, r"by mouth|orally|oral|p\.o\.|PO|口服"),
    (Route.ON_THE_SKIN, r"patch|topical|贴剂|外用"),
    (Route.INHALED, r"inhaled|inhalation|吸入"),
)
_ROUTE = re.compile(
    "|".join(
        f"(?P<{route.name}>(?<![A-Za-z])(?:{pattern})(?![A-Za-z]))" for route, pattern in _ROUTES
    )
)


def _has_latin(name: str) -> bool:
    return any("a" <= char.lower() <= "z" for char in name)


def _name_pattern(name: str) -> str:
    escaped = re.escape(name).replace(r"\ ", r"\s+")
    if _has_latin(name):
        return rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])"
    return escaped


def _matcher(lexicon: Sequence[LexiconEntry]) -> tuple[re.Pattern[str], dict[str, str]]:
    by_name: dict[str, str] = {}
    for entry in lexicon:
        for name in entry.names:
            by_name.setdefault(_folded(name), entry.key)
    # Longest first: at one position the longer name wins ("泼尼松龙" over "泼尼松").
    ordered = sorted({name for entry in lexicon for name in entry.names}, key=len, reverse=True)
    pattern = re.compile("|".join(_name_pattern(name) for name in ordered), re.IGNORECASE)
    return pattern, by_name


def _folded(name: str) -> str:
    return re.sub(r"\s+", " ", name).casefold()


class MentionFinder:
    """The names of a lexicon, compiled once into one pattern: a search of many documents
    builds it once, not once per document (1,200 names: 60–90 ms to compile, and a few
    milliseconds of sorting and joining each time it was rebuilt)."""

    def __init__(self, lexicon: Sequence[LexiconEntry]) -> None:
        self._empty = not lexicon
        self._pattern, self._by_name = _matcher(lexicon)

    def find(self, text: str) -> list[Mention]:
        """Every medicine of the lexicon named in `text`, in order (a name inside a longer
        one, like 紫杉醇 in 白蛋白结合型紫杉醇, counts once, as the longer one)."""
        if not text or self._empty:
            return []
        pattern, by_name = self._pattern, self._by_name
        found = [
            (match, by_name[_folded(match.group(0))])
            for match in pattern.finditer(text)
            if _folded(match.group(0)) in by_name
        ]
        mentions: list[Mention] = []
        for index, (match, key) in enumerate(found):
            end_of_line = text.find("\n", match.end())
            stop = len(text) if end_of_line < 0 else end_of_line
            if (
                index
                and found[index - 1][1] == key
                and "\n" not in text[found[index - 1][0].end() : match.start()]
            ):
                # "Osimertinib (Tagrisso) 80 mg": one mention, under its first name.
                if mentions and mentions[-1].key == key:
                    last = mentions[-1]
                    mentions[-1] = replace(last, also_as=(*last.also_as, match.group(0)))
                continue
            later = [m for m, other in found[index + 1 :] if other != key]
            if later:
                stop = min(stop, later[0].start())
            rest = text[match.end() : min(stop, match.end() + LINE_REACH)]
            mentions.append(_mention(key, match.group(0), rest))
        return mentions


def find_mentions(text: str, lexicon: Sequence[LexiconEntry]) -> list[Mention]:
    """`MentionFinder(lexicon).find(text)`, for one text."""
    return MentionFinder(lexicon).find(text) if text else []


def _mention(key: str, found_as: str, rest: str) -> Mention:
    dose = _DOSE.search(rest)
    frequency = _FREQUENCY.search(rest)
    route = _ROUTE.search(rest)
    return Mention(
        key,
        found_as,
        " ".join(f"{found_as}{rest}".split()),
        " ".join(dose.group(0).split()) if dose else "",
        frequency.group(0) if frequency else "",
        Route[route.lastgroup] if route and route.lastgroup else Route.NOT_STATED,
    )
