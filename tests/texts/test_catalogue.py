"""The catalogue of generated texts: every message the code marks exists in Chinese (a string
missing in one language fails here), placeholders survive translation, and the run-time reader
agrees with Babel's."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from casebook.texts import (
    CHINESE,
    ENGLISH,
    catalogue_path,
    normalise_language,
    system_language,
    texts_for,
)
from casebook.texts.po_file import PoSyntaxError, parse_po

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    """tools/texts.py, the maintainer's tool that extracts and merges the catalogue."""
    spec = importlib.util.spec_from_file_location("texts_tool", ROOT / "tools" / "texts.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_marked_message_has_a_finished_chinese_translation() -> None:
    template = tool.extract()
    catalog = tool.load()
    assert len(template) > 150  # the extraction saw the summary, README, INDEX, CLI…
    assert tool.missing(catalog, template) == []
    assert tool.unfinished(catalog) == []
    unused = [m.id for m in catalog if m.id and template.get(m.id, m.context) is None]
    assert unused == []  # run tools/texts.py after removing a message


def test_placeholders_are_the_same_in_both_languages() -> None:
    for entry in parse_po(Path(catalogue_path(CHINESE)).read_text(encoding="utf-8")):
        if not entry.msgid:
            continue
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        for translation in entry.msgstr.values():
            assert set(PLACEHOLDER.findall(translation)) == wanted, entry.msgid


def test_the_run_time_reader_reads_what_babel_reads() -> None:
    path = catalogue_path(CHINESE)
    with open(path, "rb") as handle:
        babel = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string
                 for m in read_po(handle) if m.id}  # fmt: skip
    ours = {e.key: e.msgstr for e in parse_po(Path(path).read_text(encoding="utf-8")) if e.msgid}
    assert set(ours) == set(babel)
    for key, forms in ours.items():
        expected = babel[key]
        assert forms[0] == (expected if isinstance(expected, str) else expected[0]), key


def test_lookups_plurals_contexts_and_the_english_fallback() -> None:
    chinese, english = texts_for("zh_CN.UTF-8"), texts_for(ENGLISH)
    assert chinese.gettext("Case at a glance") == "病例一览"
    assert chinese.ngettext("{n} image", "{n} images", 5).format(n=5) == "5 幅图像"
    assert chinese.pgettext("record status", "Missing") == "缺失"
    assert chinese.gettext("a message nobody wrote") == "a message nobody wrote"
    assert english.ngettext("{n} image", "{n} images", 1).format(n=1) == "1 image"
    assert english.ngettext("{n} image", "{n} images", 2).format(n=2) == "2 images"


def test_the_reader_understands_gettext_syntax_and_refuses_nonsense() -> None:
    entries = parse_po(
        '# a comment\n#, fuzzy\nmsgid "Guessed"\nmsgstr "猜的"\n\n'
        'msgctxt "ctx"\nmsgid ""\n"Two "\n"lines\\n"\nmsgstr "两\\"行\\""\n'
        '#~ msgid "Old"\n#~ msgstr "旧"\n'
    )
    assert [(e.msgctxt, e.msgid, e.msgstr[0], e.translated) for e in entries] == [
        (None, "Guessed", "猜的", False),
        ("ctx", "Two lines\n", '两"行"', True),
    ]
    with pytest.raises(PoSyntaxError):
        parse_po('msgid "unterminated\n')


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, CHINESE),
        ({"LANGUAGE": "zh_TW:en", "LANG": "en_GB.UTF-8"}, CHINESE),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, CHINESE),  # "C" says nothing
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, ENGLISH),
        ({}, ENGLISH),
    ],
)
def test_the_system_language_follows_the_environment(
    environment: dict[str, str], expected: str
) -> None:
    assert system_language(environment) == expected
    assert normalise_language("zh-Hans") == CHINESE
