"""The app's words for expected failures: those of `casebook.services.error_words`, the one
registry the command line uses too, in the language of the interface.

The registry is imported when words are first needed: it names every error type, and so
imports the file-format and storage modules that define them, which the first window must
not load (tests/ui/test_startup.py). So are the catalogue of generated texts and the labels:
the first window's message bar only needs to know where to find words, not any words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casebook.core.errors import CasebookError, FileProblem, ShareProblem, UnavailableReason
    from casebook.texts import Texts


def ui_texts() -> Texts:
    """The catalogue of generated texts in the language the interface is shown in."""
    from casebook.texts import texts_for
    from casebook.ui.common.labels import ui_language

    return texts_for(ui_language())


def describe_unavailable(reason: UnavailableReason) -> str:
    from casebook.services import error_words

    return error_words.unavailable_words(reason, ui_texts())


def describe_file_problem(problem: FileProblem) -> str:
    from casebook.services import error_words

    return error_words.file_problem_words(problem, ui_texts())


def describe_refusal(problem: ShareProblem) -> str:
    from casebook.services import error_words

    return error_words.refused_words(problem, ui_texts())


def describe_error(error: CasebookError) -> str:
    """One or two short sentences a tired reader can act on."""
    from casebook.services import error_words

    return error_words.describe(error, ui_texts())


def failure_message(error: BaseException) -> str:
    """Text for a failed background job: the plain reason, or a neutral line for a bug."""
    from casebook.services import error_words

    return error_words.describe(error, ui_texts())
