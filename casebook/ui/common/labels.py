"""Translated names for slot kinds and statuses, and dates, times and sizes for the locale.

Dates are stored as ISO text; this module is the one place that turns them into what a person
reads in the interface language (QLocale(), set by ui/language.py). Sort keys stay ISO.
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from casebook.core.model import PartialDate, RecordKind, SlotStatus
from casebook.services.records.slot_catalogue import load_catalogue


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def ui_language() -> str:
    """The language the interface is shown in, as a catalogue code ("en", "zh_CN")."""
    return QLocale().name()


def slot_kind_label(kind: RecordKind) -> str:
    """The slot's title from the shipped catalogue, in the interface language."""
    return load_catalogue()[kind].text("title", ui_language())


def slot_status_label(status: SlotStatus) -> str:
    texts = {
        SlotStatus.MISSING: _tr("Missing"),
        SlotStatus.REQUESTED: _tr("Requested"),
        SlotStatus.RECEIVED: _tr("Received"),
        SlotStatus.NOT_APPLICABLE: _tr("Not needed"),
    }
    return texts[status]


def slot_status_symbol(status: SlotStatus) -> str:
    """A shape next to the word, so the status never depends on colour alone."""
    return {
        SlotStatus.MISSING: "✗",
        SlotStatus.REQUESTED: "…",
        SlotStatus.RECEIVED: "✓",
        SlotStatus.NOT_APPLICABLE: "–",
    }[status]


def format_size(size: int) -> str:
    """1536 → "1.5 KB" (decimal units, as file managers show them; locale's decimal mark)."""
    locale = QLocale()
    if size < 1000:
        one, many = _tr("{count} byte"), _tr("{count} bytes")
        return (one if size == 1 else many).format(count=locale.toString(size))
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            return f"{locale.toString(value, 'f', 1)} {unit}"
    raise AssertionError("unreachable")


_WEEKDAY = re.compile(r"\s*[,，]?\s*dddd\s*[,，]?\s*")


def _medium_date_format(locale: QLocale) -> str:
    """The locale's long date without the weekday, with a short month name where it has one.

    en_US "Mar 14, 2024", en_GB "14 Mar 2024", zh_CN "2024年3月14日".
    """
    pattern = _WEEKDAY.sub(" ", locale.dateFormat(QLocale.FormatType.LongFormat)).strip()
    return pattern.replace("MMMM", "MMM")


def format_partial_date(value: PartialDate | None, empty: str = "") -> str:
    """A date known to the year, month or day, as the interface locale writes it.

    "2024"; "March 2024" / "2024年3月"; "Mar 14, 2024" / "2024年3月14日". `empty` for None.
    """
    if value is None:
        return empty
    locale = QLocale()
    if value.month is None:
        return str(value.year)
    if value.day is None:
        if locale.language() == QLocale.Language.Chinese:
            return f"{value.year}年{value.month}月"
        return f"{locale.standaloneMonthName(value.month)} {value.year}"
    day = QDate(value.year, value.month, value.day)
    return locale.toString(day, _medium_date_format(locale))


def format_date_text(text: str | None, empty: str = "") -> str:
    """A stored ISO date string (full or partial) for display; unparseable text is kept as is."""
    if not text:
        return empty
    try:
        value = PartialDate.parse(text)
    except ValueError:
        return text
    return format_partial_date(value)


def _local(iso_utc: str) -> datetime | None:
    try:
        return datetime.fromisoformat(iso_utc).astimezone()
    except ValueError:
        return None


def format_timestamp(iso_utc: str | None, empty: str = "") -> str:
    """A stored UTC timestamp as local date and time in the interface locale.

    "Nov 22, 2026 1:27 AM" / "2026年11月22日 01:27"; unparseable text is shown unchanged.
    """
    if not iso_utc:
        return empty
    moment = _local(iso_utc)
    if moment is None:
        return iso_utc
    day = format_partial_date(PartialDate(moment.year, moment.month, moment.day))
    return f"{day} {format_clock_time(iso_utc)}"


def format_clock_time(iso_utc: str) -> str:
    """Only the local clock time of a stored UTC timestamp, in the locale's short form."""
    moment = _local(iso_utc)
    if moment is None:
        return iso_utc
    clock = QTime(moment.hour, moment.minute)
    return QLocale().toString(clock, QLocale.FormatType.ShortFormat)


def list_separator() -> str:
    """Between the items of a list: ", " in English, "、" in Chinese (a Latin comma between
    Chinese words reads as a mistake)."""
    return _tr(", ")


def choose_plural(count: int, one: str, many: str) -> str:
    """Pick the already translated singular or plural text and put `count` into it.

    English and Chinese (the shipped languages) need no more than this; both forms stay
    literal `tr()` calls at the call site so translators see them.
    """
    return (one if count == 1 else many).format(count=count)
