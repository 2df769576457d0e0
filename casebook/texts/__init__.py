"""The words Casebook generates outside Qt, in English and Simplified Chinese.

The case summary, README.TXT, INDEX.HTM, the XDM metadata, the cover sheet and the command
line's messages are written for a reader whose language may differ from the app's, and outside
Qt, so they cannot use Qt's `.ts`/`.qm`. They use gettext instead: the English text is the
message id in the code, marked with `_()` (or `N_()` where a table is built before the language
is known), and `resources/texts/zh_CN.po` holds the Chinese. `tools/texts.py` extracts the
marked strings and updates the catalogue; a test fails when one is missing or unfinished.

    texts = texts_for("zh")
    _ = texts.gettext
    _("Patient")                        # -> "患者"
    texts.ngettext("{n} image", "{n} images", 3).format(n=3)

Plain Python (no Qt), so every layer above `core` may use it.
"""

from __future__ import annotations

import functools
import os
import sys

from casebook.resources import resource_path
from casebook.texts.po_file import MessageKey, parse_po

ENGLISH = "en"
CHINESE = "zh"
LANGUAGES = (ENGLISH, CHINESE)
CATALOGUE_FILES = {CHINESE: "zh_CN.po"}

__all__ = [
    "CHINESE",
    "ENGLISH",
    "LANGUAGES",
    "N_",
    "Texts",
    "catalogue_path",
    "system_language",
    "texts_for",
]


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it (tables built at import)."""
    return message


class Texts:
    """The translations of one language; unknown messages come back in English."""

    def __init__(self, language: str, table: dict[MessageKey, dict[int, str]]) -> None:
        self.language = language
        self._table = table

    def _lookup(self, context: str | None, message: str, form: int) -> str | None:
        forms = self._table.get((context, message))
        if not forms:
            return None
        return forms.get(form) or forms.get(0) or None

    def gettext(self, message: str) -> str:
        return self._lookup(None, message, 0) or message

    def pgettext(self, context: str, message: str) -> str:
        """`message` in a named context, for words that translate differently by use."""
        return self._lookup(context, message, 0) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form for `count` (Chinese has one form; English two)."""
        found = self._lookup(None, singular, 0)
        if found is not None:
            return found  # every catalogue shipped so far has one plural form (Chinese)
        return singular if count == 1 else plural


def catalogue_path(language: str) -> str:
    return str(resource_path("texts", CATALOGUE_FILES[language]))


@functools.cache
def texts_for(language: str) -> Texts:
    """The texts in `language` ("en" or "zh"; "zh_CN" and the like are accepted)."""
    code = normalise_language(language)
    if code == ENGLISH:
        return Texts(ENGLISH, {})
    with open(catalogue_path(code), encoding="utf-8") as handle:
        entries = parse_po(handle.read())
    table = {e.key: dict(e.msgstr) for e in entries if e.msgid and e.translated}
    return Texts(code, table)


def normalise_language(language: str) -> str:
    """ "zh", "zh_CN", "zh-Hans", "zh_TW.UTF-8" -> "zh"; anything else -> "en"."""
    return CHINESE if language.strip().lower().startswith("zh") else ENGLISH


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language of the system, for the command line: "zh" or "en".

    The POSIX variables first, as gettext reads them (LANGUAGE, LC_ALL, LC_MESSAGES, LANG);
    on Windows, which sets none of them, the user's UI language.
    """
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return normalise_language(value.split(":")[0])
    if sys.platform == "win32" and environ is None:  # pragma: no cover - Windows only
        return normalise_language(_windows_ui_language())
    return ENGLISH


def _windows_ui_language() -> str:  # pragma: no cover - Windows only
    import ctypes
    import locale

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return ""
    language_id = windll.kernel32.GetUserDefaultUILanguage()
    return str(locale.windows_locale.get(language_id, ""))
