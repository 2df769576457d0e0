"""Suite-wide test set-up: offscreen Qt and the rule for outside tools.

Qt must be told to render offscreen before any Qt module is imported, so this happens at import
time. Outside tools (7z, dcmtk, poppler, qpdf) are judges of what we write: locally a missing
tool skips the test with a visible reason; in CI (CI=true) it fails, because .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casebook.services import clock
from casebook.services.clock import SetClock, clock_set_to

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNNING_IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def find_tool(*names: str) -> Path:
    """Return the first of ``names`` found on PATH; skip (locally) or fail (CI) if none is."""
    for name in names:
        found = shutil.which(name)
        if found:
            return Path(found)
    reason = f"outside tool not installed: {' or '.join(names)} (.ci/run installs it)"
    if RUNNING_IN_CI:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def require_tool() -> Callable[..., Path]:
    """``require_tool("7zz", "7z")`` -> path of the first tool found, else skip/fail."""
    return find_tool


@pytest.fixture
def set_clock() -> Iterator[SetClock]:
    """Casebook's clock stands still at the moment the test began until the test moves it
    (`set_clock.advance(timedelta(days=8))`): no test depends on two things happening in the
    same second, or in different ones."""
    with clock_set_to(clock.utc_now()) as fixed:
        yield fixed
