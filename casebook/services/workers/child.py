"""The worker's side: set its limits, then answer batches of calls one reply per item.

Runs in a process started with `spawn` (no state or key of the app is inherited). Every
failure of one item — a Casebook error, a MemoryError under the address-space limit, any
other exception, and the BaseException subclasses decoders raise (pylibjpeg-rle's Rust panic
is a `pyo3_runtime.PanicException`) — becomes that item's reply, and the worker carries on
with the next item. Only a crash of the process itself needs a restart.
"""

from __future__ import annotations

import importlib
import pickle
import signal
from multiprocessing.connection import Connection
from typing import Any

from casebook.core.errors import CasebookError
from casebook.services.workers.hardening import disable_crash_dumps
from casebook.services.workers.limits import RLIMIT, limit_address_space
from casebook.services.workers.priority import lower_priority
from casebook.services.workers.protocol import dump_reply

READY = "casebook-worker-ready"
OK = "ok"
EXPECTED = "expected"  # a CasebookError raised by the function: re-raised as itself
FAILED = "failed"  # anything else: (IsolationFailure value, short technical detail)
OUT_OF_MEMORY = "out_of_memory"
DETAIL_LENGTH = 200


def preload(module: str) -> None:
    """Import `module` now (a pool warming up ahead of the files it will read)."""
    importlib.import_module(module)


def run_one(function: Any, args: tuple[Any, ...]) -> tuple[str, Any]:
    """Call `function(*args)` and turn every way it can end into a reply."""
    try:
        return OK, function(*args)
    except CasebookError as error:
        return EXPECTED, error
    except MemoryError:
        return OUT_OF_MEMORY, ""
    except BaseException as error:
        return FAILED, f"{type(error).__name__}: {error}"[:DETAIL_LENGTH]


def encode(index: int, reply: tuple[str, Any]) -> bytes:
    try:
        return dump_reply((index, *reply))
    except Exception as error:  # a result that cannot be pickled is the function's failure
        return dump_reply((index, FAILED, f"reply not sendable: {type(error).__name__}"))


def serve(connection: Connection, memory_limit_mb: int, guard: str) -> None:
    """The worker's loop: receive (function, [args, …]); send (index, status, value) per item."""
    # Ctrl+C in a terminal reaches the whole process group: the app decides, not the worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    disable_crash_dumps()
    lower_priority()  # the window's thread comes first on a busy machine
    if guard == RLIMIT:
        limit_address_space(memory_limit_mb)
    connection.send_bytes(dump_reply(READY))
    while True:
        try:
            function, items = pickle.loads(connection.recv_bytes())  # noqa: S301 - from the app
        except (EOFError, OSError):
            return
        for index, args in enumerate(items):
            message = encode(index, run_one(function, args))
            try:
                connection.send_bytes(message)
            except (OSError, ValueError):
                return
