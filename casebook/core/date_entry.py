"""Reading a date as people type it into a form: "2024", "2024-03", "03/2024", "5/3/2024",
"2024年3月5日", "5 March 2024".

Records give dates to the year, the month or the day, and families copy them as they are
written, in English or in Chinese, often with full-width digits from a Chinese input method.
Every form reads the text with this one function, so a date typed into one field means the
same in every other. A numeric day/month pair that could be either order (5/3/2024) is read in
the order of the interface locale and reported as assumed, so the form can say how it read it.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from casebook.core.model import PartialDate
from casebook.core.month_names import MONTH_NUMBERS, MONTH_PATTERN

_MONTH_WORDS = MONTH_NUMBERS
_MONTH = MONTH_PATTERN
_SEP = r"\s*[-/.]\s*"

_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}})$")
_YEAR_MONTH_DAY = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20240305, as DICOM and some forms write it
_MONTH_YEAR = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{4}})$")
_PAIR_YEAR = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})$")
_CHINESE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$")
_WORD_MONTH_YEAR = re.compile(rf"^({_MONTH})\.?,?\s*(\d{{4}})$")
_DAY_WORD_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s*(\d{{4}})$")
_WORD_MONTH_DAY_YEAR = re.compile(rf"^({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$")

FIRST_YEAR = 1900
"""Nothing in a living patient's records is older; an earlier year is a typing slip."""


class DateProblem(enum.Enum):
    """Why typed text is not a date; the form words it."""

    NOT_A_DATE = "not_a_date"  # not in any form we read
    NO_SUCH_DAY = "no_such_day"  # 30 February, month 13
    TOO_EARLY = "too_early"  # before FIRST_YEAR
    NEEDS_DAY = "needs_day"  # a year or month where the form needs a day (an appointment)


@dataclass(frozen=True)
class DateReading:
    """What the text was read as. `value` is None for empty text or a problem;
    `order_assumed` is True when a day/month pair could have been read either way and the
    locale's order decided it."""

    value: PartialDate | None
    problem: DateProblem | None = None
    order_assumed: bool = False
    day_first: bool = False  # the order used, when order_assumed

    @property
    def ok(self) -> bool:
        return self.problem is None


def _normalised(text: str) -> str:
    """Full-width digits and slashes (２０２４／３) become ASCII; spaces collapse; lower case."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"\s+", " ", folded)


def _made(year: int, month: int | None = None, day: int | None = None) -> DateReading:
    if year < FIRST_YEAR:
        return DateReading(None, DateProblem.TOO_EARLY)
    try:
        return DateReading(PartialDate(year, month, day))
    except ValueError:
        return DateReading(None, DateProblem.NO_SUCH_DAY)


def _pair(first: int, second: int, year: int, day_first: bool) -> DateReading:
    """dd/mm/yyyy or mm/dd/yyyy: a number above 12 can only be the day; otherwise the locale."""
    if first > 12 >= second:
        return _made(year, second, first)
    if second > 12 >= first:
        return _made(year, first, second)
    if first == second:
        return _made(year, first, first)
    day, month = (first, second) if day_first else (second, first)
    reading = _made(year, month, day)
    return DateReading(reading.value, reading.problem, order_assumed=True, day_first=day_first)


def read_date(text: str, *, day_first: bool) -> DateReading:
    """The date `text` names, to the year, month or day as far as it says.

    `day_first` is the interface locale's order for a numeric day and month (True for
    5/3/2024 = 5 March). Empty text reads as no date, without a problem.
    """
    value = _normalised(text)
    if not value:
        return DateReading(None)
    if match := _YEAR.match(value):
        return _made(int(match[1]))
    if match := _YEAR_MONTH.match(value):
        return _made(int(match[1]), int(match[2]))
    if match := _YEAR_MONTH_DAY.match(value) or _COMPACT.match(value):
        return _made(int(match[1]), int(match[2]), int(match[3]))
    if match := _CHINESE.match(value):
        month, day = match[2], match[3]
        return _made(int(match[1]), int(month) if month else None, int(day) if day else None)
    if match := _MONTH_YEAR.match(value):
        return _made(int(match[2]), int(match[1]))
    if match := _PAIR_YEAR.match(value):
        return _pair(int(match[1]), int(match[2]), int(match[3]), day_first)
    if match := _WORD_MONTH_YEAR.match(value):
        return _made(int(match[2]), _MONTH_WORDS[match[1]])
    if match := _DAY_WORD_MONTH_YEAR.match(value):
        return _made(int(match[3]), _MONTH_WORDS[match[2]], int(match[1]))
    if match := _WORD_MONTH_DAY_YEAR.match(value):
        return _made(int(match[3]), _MONTH_WORDS[match[1]], int(match[2]))
    return DateReading(None, DateProblem.NOT_A_DATE)
