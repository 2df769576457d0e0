"""How a worker can fail on a file (the file is at fault) or fail to exist (the app is)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from casebook.core.errors import CasebookError


class WorkerUnavailable(RuntimeError):
    """The worker process could not start at all: a fault of the installation, not of a file.

    Deliberately not a CasebookError, so it reaches the crash dialog instead of making every
    file look damaged.
    """


class IsolationFailure(enum.Enum):
    """How the worker failed on a file (the file, not the app, is at fault)."""

    CRASHED = "crashed"
    TIMED_OUT = "timed_out"
    OUT_OF_MEMORY = "out_of_memory"
    FAILED = "failed"


@dataclass
class UntrustedFileFailed(CasebookError):
    """Parsing a file in the worker failed; `detail` is a short technical reason."""

    failure: IsolationFailure
    detail: str = ""

    def __str__(self) -> str:
        return f"file could not be read safely: {self.failure.value} {self.detail}".rstrip()
