"""Every expected failure, wherever in Casebook it is defined, has words in English and in
Chinese in the one registry the app and the command line share."""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re
import typing
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

import casebook
from casebook.core.errors import CasebookError
from casebook.importers.pdf_errors import PdfUnreadable
from casebook.services import error_words
from casebook.services.workers.errors import IsolationFailure, UntrustedFileFailed
from casebook.texts import texts_for

_HAN = re.compile(r"[\u4e00-\u9fff]")


def _every_kind() -> list[type[CasebookError]]:
    """Every subclass of `CasebookError` in every module of the package."""
    for module in pkgutil.walk_packages(casebook.__path__, "casebook."):
        importlib.import_module(module.name)
    found: list[type[CasebookError]] = []
    pending = [CasebookError]
    while pending:
        for kind in pending.pop().__subclasses__():
            if kind.__module__.startswith("casebook.") and kind not in found:
                found.append(kind)
                pending.append(kind)
    return sorted(found, key=lambda k: f"{k.__module__}.{k.__qualname__}")


def _samples(kind: type[CasebookError]) -> list[CasebookError]:
    """One error of `kind` for each member of each enum field (other fields: plain values)."""
    if not is_dataclass(kind):
        return [kind()]
    hints = typing.get_type_hints(kind)
    choices: dict[str, list[object]] = {}
    for item in fields(kind):
        hint = hints[item.name]
        options = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
        first = options[0]
        if isinstance(first, type) and issubclass(first, enum.Enum):
            choices[item.name] = list(first)
        elif first is Path:
            choices[item.name] = [Path("/media/usb/Mum's binder")]
        elif first is bool:
            choices[item.name] = [False, True]
        elif first in (int, float):
            choices[item.name] = [5400]
        elif typing.get_origin(first) in (list, tuple):
            choices[item.name] = [["scan.pdf"]]
        else:
            choices[item.name] = ["detail"]
    samples: list[CasebookError] = []
    longest = max((len(v) for v in choices.values()), default=1)
    for position in range(longest):
        values = {name: v[min(position, len(v) - 1)] for name, v in choices.items()}
        samples.append(kind(**values))  # type: ignore[call-arg]
    return samples


KINDS = _every_kind()


def test_the_walk_finds_errors_outside_core() -> None:
    names = {kind.__name__ for kind in KINDS}
    assert {"WrongPassword", "BundleInvalid", "UntrustedFileFailed", "PdfUnreadable"} <= names
    assert len(KINDS) >= 27


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_every_error_has_words_in_both_languages(kind: type[CasebookError]) -> None:
    assert any(issubclass(kind, known) for known in error_words.registered_kinds()), kind
    english, chinese = texts_for("en"), texts_for("zh")
    for error in _samples(kind):
        said = error_words.describe(error, english)
        assert said.strip()
        assert said != english.gettext(error_words.INSIDE_CASEBOOK)
        assert "{" not in said, said  # every field was filled in
        translated = error_words.describe(error, chinese)
        assert _HAN.search(translated), (error, translated)
        assert "{" not in translated, translated


def test_expected_failures_in_the_viewer_say_what_happened() -> None:
    """Neither a damaged PDF nor a file that felled its reader is called a bug."""
    english = texts_for("en")
    damaged = error_words.describe(PdfUnreadable("FPDF_ERR_FORMAT"), english)
    felled = error_words.describe(UntrustedFileFailed(IsolationFailure.TIMED_OUT), english)
    assert "PDF is damaged" in damaged
    assert "took far too long" in felled
    for text in (damaged, felled):
        assert "could not be completed" not in text
        assert "inside Casebook" not in text


def test_a_bug_gets_the_neutral_line() -> None:
    assert error_words.describe(KeyError("x"), texts_for("zh")) == texts_for("zh").gettext(
        error_words.INSIDE_CASEBOOK
    )
