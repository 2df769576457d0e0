"""One person's name written the ways hospitals write it is one person; a different birth date
is the stronger signal. With the real dictionaries (pypinyin's table, OpenCC)."""

from __future__ import annotations

import pytest

from casebook.core.identity import compare_identity, names_match
from casebook.core.model import PartialDate
from casebook.services.identity import han_reader

ZHANG_WEI = ["张伟", "張偉", "ZHANG^WEI", "Zhang Wei", "WEI ZHANG", "Zhang^Wei=张^伟", "zhang wei"]


@pytest.mark.parametrize("case_name", ZHANG_WEI)
@pytest.mark.parametrize("disc_name", ZHANG_WEI)
def test_every_form_of_zhang_wei_is_the_same_person(case_name: str, disc_name: str) -> None:
    assert names_match(case_name, disc_name, han_reader()) is True


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("张伟", "章伟", False),  # the same pinyin, other characters: someone else
        ("Zhang^Wei=张^伟", "Zhang^Wei=章^伟", False),
        ("张伟", "ZHANG^LI", False),
        ("王芳", "WANG^FANG=王^芳", True),
        ("Wang Fang 王芳", "王^芳", True),
        ("Wang Fang", "WANG^LI", False),
        ("Fang Wang", "WANG^FANG^^^", True),
        ("曾伟", "CENG^WEI", True),  # 曾 reads zeng or ceng
        ("曾伟", "ZENG^WEI", True),
        ("吕芳", "LV^FANG", True),  # ü is written v, u or yu
        ("吕芳", "LYU^FANG", True),
        ("欧阳娜娜", "OUYANG^NANA", True),  # a two-character family name
        ("Zhang Weiming", "ZHANG^WEI^MING", True),
        ("Zoë Müller", "MULLER^ZOE", True),
        ("Mary Ann Smith", "SMITH^MARY^ANN", True),
        ("lung_dx-a0001", "Lung_Dx-A0001", True),
        ("Mei Lin (demo)", "LIN^MEI", True),  # a remark in brackets is not the name
        ("林梅（演示）", "LIN^MEI", True),
        ("林梅（演示）", "Mei Lin (demo)", True),
        ("张伟（父亲）", "章^伟", False),
        ("Wang Fang (王芳)", "WANG^FANG=汪^芳", False),  # bracketed characters: its Chinese form
        ("Wang Fang (王芳)", "王芳", True),
    ],
)
def test_names(first: str, second: str, same: bool) -> None:
    assert names_match(first, second, han_reader()) is same
    assert names_match(second, first, han_reader()) is same


@pytest.mark.parametrize("empty", ["", "^", "^^^=", "  "])
def test_an_empty_or_anonymised_name_says_nothing(empty: str) -> None:
    assert names_match("张伟", empty, han_reader()) is None
    check = compare_identity("张伟", None, empty, None, han_reader())
    assert not check.mismatch


def test_a_different_birth_date_is_the_stronger_signal() -> None:
    reader = han_reader()
    born = PartialDate(1961, 5, 12)
    same = compare_identity("张伟", born, "ZHANG^WEI", PartialDate(1961, 5, 12), reader)
    assert not same.mismatch
    assert compare_identity("张伟", PartialDate(1961), "ZHANG^WEI", born, reader).mismatch is False
    other_birth = compare_identity("张伟", born, "ZHANG^WEI", PartialDate(1971, 5, 12), reader)
    assert other_birth.mismatch
    assert other_birth.strong
    assert not other_birth.name_differs
    other_name = compare_identity("张伟", born, "WANG^FANG", born, reader)
    assert other_name.mismatch
    assert not other_name.strong
