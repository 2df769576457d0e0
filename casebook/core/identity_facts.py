"""What identifies the patient, and where it shows: in a document's text, a generated page or a
DICOM value.

The same facts drive the redaction proposals, the de-identified bundle's pre-flight ("this
document shows the patient's name") and the last check before sealing a de-identified bundle.
Names are found in the orders and spellings records use (`Zhang Wei`, `WEI ZHANG`, `ZHANG^WEI`,
`张伟`); birth dates in the usual written forms (`1961-04-09`, `19610409`, `1961/4/9`,
`09.04.1961`, `1961年4月9日`); numbers with or without spaces and dashes.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from casebook.core.model import PartialDate

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class Shown(enum.Enum):
    """What of the patient's identity a text shows."""

    NAME = "name"
    ID_NUMBER = "id_number"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"
    ADDRESS = "address"


@dataclass(frozen=True)
class IdentityFacts:
    """The patient's name, birth date and the numbers and addresses that identify them."""

    name: str
    birth_date: PartialDate | None = None
    id_numbers: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    _patterns: dict[Shown, tuple[re.Pattern[str], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def patterns(self) -> dict[Shown, tuple[re.Pattern[str], ...]]:
        if not self._patterns:
            self._patterns.update(
                {
                    Shown.NAME: name_patterns(self.name),
                    Shown.ID_NUMBER: tuple(_number_pattern(n) for n in self.id_numbers if n),
                    Shown.BIRTH_DATE: birth_date_patterns(self.birth_date),
                    Shown.PHONE: tuple(_number_pattern(n) for n in self.phones if n),
                    Shown.ADDRESS: tuple(_loose_pattern(a) for a in self.addresses if a),
                }
            )
        return self._patterns

    def find(self, text: str) -> list[tuple[Shown, int, int]]:
        """Every (what, start, end) span of `text` that shows the patient's identity."""
        spans = []
        for shown, patterns in self.patterns().items():
            for pattern in patterns:
                spans += [(shown, m.start(), m.end()) for m in pattern.finditer(text)]
        return sorted(spans, key=lambda span: (span[1], span[2]))

    def shown_in(self, text: str) -> frozenset[Shown]:
        """What of the identity `text` shows (empty when nothing)."""
        return frozenset(shown for shown, _, _ in self.find(text))


def name_parts(name: str) -> tuple[list[str], str]:
    """(the Latin words, the run of Chinese characters) of a name as typed or in a DICOM PN."""
    latin = [w for w in _LATIN_WORD.findall(name) if not _CJK.fullmatch(w)]
    chinese = "".join(_CJK.findall(name))
    return latin, chinese


def name_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The name as a reader may meet it: its Latin words in either order, joined by spaces,
    commas, carets or nothing; its Chinese characters, with or without spaces between."""
    latin, chinese = name_parts(name)
    patterns = []
    words = [re.escape(w) for w in latin if len(w) >= 2]
    if len(words) >= 2:
        joiner = r"[\s,^_.\-]*"
        orders = [words, list(reversed(words))]
        alternatives = "|".join(joiner.join(order) for order in orders)
        patterns.append(re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.I))
    elif len(words) == 1 and len(words[0]) >= 4:
        patterns.append(re.compile(rf"(?<![^\W\d_]){words[0]}(?![^\W\d_])", re.I))
    if len(chinese) >= 2:
        patterns.append(re.compile(r"\s*".join(re.escape(ch) for ch in chinese)))
    return tuple(patterns)


def birth_date_patterns(birth: PartialDate | None) -> tuple[re.Pattern[str], ...]:
    """A full birth date in the forms records write it; a partial one is not identifying."""
    if birth is None or birth.month is None or birth.day is None:
        return ()
    y, m, d = birth.year, birth.month, birth.day
    month = rf"0?{m}" if m < 10 else str(m)
    day = rf"0?{d}" if d < 10 else str(d)
    forms = [
        rf"{y}\s*[-/.]\s*{month}\s*[-/.]\s*{day}",
        rf"{y}{m:02d}{d:02d}",
        rf"{day}\s*[-/.]\s*{month}\s*[-/.]\s*{y}",
        rf"{month}\s*[-/.]\s*{day}\s*[-/.]\s*{y}",
        rf"{y}\s*年\s*{month}\s*月\s*{day}\s*日",
    ]
    return tuple(re.compile(rf"(?<!\d){form}(?!\d)") for form in forms)


def _number_pattern(number: str) -> re.Pattern[str]:
    """`number` whatever spaces or dashes the record puts between its digits or letters."""
    characters = [re.escape(ch) for ch in number if ch.isalnum()]
    if not characters:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"(?<![0-9A-Za-z])" + r"[\s\-]?".join(characters) + r"(?![0-9A-Za-z])", re.I)


def _loose_pattern(text: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s,，]+", text.strip()) if w]
    return re.compile(r"[\s,，]*".join(words), re.I) if words else re.compile(r"(?!x)x")


def needles(facts: IdentityFacts) -> list[str]:
    """Plain strings a byte-level search looks for (the canary check of a sealed bundle)."""
    latin, chinese = name_parts(facts.name)
    found = [facts.name.strip(), " ".join(latin), "^".join(latin), chinese]
    if facts.birth_date is not None and facts.birth_date.day is not None:
        found += [facts.birth_date.iso(), facts.birth_date.iso().replace("-", "")]
    found += list(facts.id_numbers)
    return [n for n in dict.fromkeys(found) if len(n) >= 2]


def age_on(birth: PartialDate | None, today_iso: str) -> int | None:
    """Whole years between the birth date and `today_iso` (YYYY-MM-DD); None if not known."""
    if birth is None:
        return None
    year, month, day = (int(part) for part in today_iso.split("-"))
    age = year - birth.year
    if (month, day) < (birth.month or 1, birth.day or 1):
        age -= 1
    return max(age, 0)


def merged_facts(
    name: str,
    birth: PartialDate | None,
    entered: Iterable[tuple[str, str]],
    imaging_ids: Sequence[str] = (),
) -> IdentityFacts:
    """The facts from the case, the family's entries (kind, value) and the imaging's IDs."""
    by_kind: dict[str, list[str]] = {"id_number": list(imaging_ids), "phone": [], "address": []}
    for kind, value in entered:
        by_kind.setdefault(kind, []).append(value)
    return IdentityFacts(
        name=name,
        birth_date=birth,
        id_numbers=tuple(dict.fromkeys(by_kind["id_number"])),
        phones=tuple(dict.fromkeys(by_kind["phone"])),
        addresses=tuple(dict.fromkeys(by_kind["address"])),
    )
