"""The identity check's dictionary: pinyin readings (pypinyin's character table) and
traditional → simplified Chinese (OpenCC), loaded on first use — only when a name holds
Chinese characters. The matching itself is `casebook.core.identity`.

Only pypinyin's table of single characters is loaded: a name is read character by character
(every reading accepted), so its phrase dictionary and word segmenter (seconds to load) are
not needed.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from casebook.core.identity import HanReader, IdentityCheck, compare_identity
from casebook.core.model import Case, PartialDate

__all__ = ["check_patient", "han_reader"]


def _toneless(reading: str) -> list[str]:
    """ "zhāng" → ["zhang"]; "lǚ" → ["lv", "lu", "lyu"]: ü is written all three ways."""
    plain = unicodedata.normalize("NFKD", reading).lower()
    spellings = [plain]
    if "u\u0308" in plain:
        spellings = [plain.replace("u\u0308", ending) for ending in ("v", "u", "yu")]
    return [
        "".join(ch for ch in spelling if ch.isascii() and ch.isalpha()) for spelling in spellings
    ]


@functools.cache
def _pinyin_table() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)


@functools.cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _readings(ch: str) -> list[str]:
    found = _pinyin_table().get(ord(ch), "")
    return list(
        dict.fromkeys(spelling for reading in found.split(",") for spelling in _toneless(reading))
    )


def _simplify(text: str) -> str:
    return str(_converter().convert(text))


def han_reader() -> HanReader:
    """Readings and simplification, each loading its table on first use."""
    return HanReader(_readings, _simplify)


def check_patient(case: Case, name: str, birth_date: PartialDate | None) -> IdentityCheck:
    """How the patient `name`, born `birth_date`, found on media compares with the case."""
    return compare_identity(case.patient_name, case.date_of_birth, name, birth_date, han_reader())
