"""Reading dates as families type them, in English and Chinese forms."""

from __future__ import annotations

import pytest

from casebook.core.date_entry import DateProblem, read_date
from casebook.core.model import PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", PartialDate(2024)),
        ("2024-03", PartialDate(2024, 3)),
        ("2024/3", PartialDate(2024, 3)),
        ("2024.03", PartialDate(2024, 3)),
        ("2024-03-05", PartialDate(2024, 3, 5)),
        ("2024/3/5", PartialDate(2024, 3, 5)),
        ("2024.03.05", PartialDate(2024, 3, 5)),
        ("20240305", PartialDate(2024, 3, 5)),
        ("03/2024", PartialDate(2024, 3)),
        ("3-2024", PartialDate(2024, 3)),
        ("March 2024", PartialDate(2024, 3)),
        ("mar 2024", PartialDate(2024, 3)),
        ("5 March 2024", PartialDate(2024, 3, 5)),
        ("5th Mar. 2024", PartialDate(2024, 3, 5)),
        ("March 5, 2024", PartialDate(2024, 3, 5)),
        ("  2024-03  ", PartialDate(2024, 3)),
        # Chinese forms, with the digits a Chinese input method types.
        ("2024年", PartialDate(2024)),
        ("2024年3月", PartialDate(2024, 3)),
        ("2024年03月", PartialDate(2024, 3)),
        ("2024年3月5日", PartialDate(2024, 3, 5)),
        ("2024 年 3 月 5 日", PartialDate(2024, 3, 5)),
        ("2024年3月5号", PartialDate(2024, 3, 5)),
        ("２０２４年３月５日", PartialDate(2024, 3, 5)),
        ("２０２４－０３", PartialDate(2024, 3)),
        ("２０２４／３／５", PartialDate(2024, 3, 5)),
    ],
)
def test_every_listed_form_is_read_the_same_in_either_order(
    text: str, expected: PartialDate
) -> None:
    for day_first in (True, False):
        reading = read_date(text, day_first=day_first)
        assert reading.value == expected, text
        assert reading.ok
        assert not reading.order_assumed


def test_an_ambiguous_day_and_month_follow_the_locale_and_say_so() -> None:
    british = read_date("5/3/2024", day_first=True)
    american = read_date("5/3/2024", day_first=False)
    assert british.value == PartialDate(2024, 3, 5)
    assert british.order_assumed
    assert british.day_first
    assert american.value == PartialDate(2024, 5, 3)
    assert american.order_assumed
    assert not american.day_first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25/3/2024", PartialDate(2024, 3, 25)),
        ("3/25/2024", PartialDate(2024, 3, 25)),
        ("4.4.2024", PartialDate(2024, 4, 4)),
        ("05-13-2024", PartialDate(2024, 5, 13)),
    ],
)
def test_a_pair_that_can_only_be_read_one_way_is_not_called_assumed(
    text: str, expected: PartialDate
) -> None:
    for day_first in (True, False):
        reading = read_date(text, day_first=day_first)
        assert reading.value == expected
        assert not reading.order_assumed


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2024-02-30", DateProblem.NO_SUCH_DAY),
        ("2024-13", DateProblem.NO_SUCH_DAY),
        ("2024年2月30日", DateProblem.NO_SUCH_DAY),
        ("13/2024", DateProblem.NO_SUCH_DAY),
        ("31/4/2024", DateProblem.NO_SUCH_DAY),
        ("1024", DateProblem.TOO_EARLY),
        ("soon", DateProblem.NOT_A_DATE),
        ("3月5日", DateProblem.NOT_A_DATE),
        ("24", DateProblem.NOT_A_DATE),
        ("2024-03-05-01", DateProblem.NOT_A_DATE),
    ],
)
def test_text_that_is_not_a_date_says_why(text: str, problem: DateProblem) -> None:
    reading = read_date(text, day_first=True)
    assert reading.value is None
    assert reading.problem is problem


def test_empty_text_is_no_date_and_no_problem() -> None:
    for text in ("", "   ", "\u3000"):
        reading = read_date(text, day_first=True)
        assert reading.value is None
        assert reading.ok
