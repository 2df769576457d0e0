"""What crosses between the app and a worker, and the one rule for what comes back.

Requests (app → worker) are ordinary pickles: the worker trusts its parent. Replies (worker →
app) come from a process that has just parsed a stranger's file, which may have taken it
over; an ordinary unpickle of its reply could then run any code in the app, which holds the
binder's key. So replies are unpickled by `load_reply`, which builds only plain values:
numbers, text, bytes, containers, numpy arrays of plain dtypes, paths, enums, Casebook's own
data classes and errors — each class looked up among modules the app has already imported,
never imported on the worker's say-so. Anything else refuses the whole reply.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import pathlib
import pickle
import sys
from typing import Any

from casebook.core.errors import CasebookError

# Replies larger than this are refused unread (a frame of a huge multi-frame image is far less).
MAX_REPLY_BYTES = 1024 * 1024 * 1024
REPLY_PROTOCOL = pickle.HIGHEST_PROTOCOL

# Plain callables a pickle of an allowed value refers to by name: array and path
# reconstruction, and the rebuild function of Casebook's errors (it only sets fields).
_ALLOWED_NAMES: frozenset[tuple[str, str]] = frozenset(
    {
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("builtins", "complex"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.numeric", "_frombuffer"),
        ("numpy._core.numeric", "_frombuffer"),
        ("numpy.core.multiarray", "scalar"),
        ("numpy._core.multiarray", "scalar"),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("pathlib", "Path"),
        ("pathlib", "PosixPath"),
        ("pathlib", "WindowsPath"),
        ("pathlib", "PurePosixPath"),
        ("pathlib", "PureWindowsPath"),
        ("casebook.core.errors", "_rebuild_error"),
    }
)
# numpy dtype classes (numpy ≥ 1.25 pickles e.g. numpy.dtypes.UInt8DType with a dtype).
_NUMPY_DTYPE_MODULE = "numpy.dtypes"
_FORBIDDEN_DTYPE_KINDS = frozenset("OV")  # object and void arrays could carry anything


class ReplyRefused(Exception):
    """A worker's reply held something other than plain values: the worker is not trusted."""


def _is_casebook_value_class(value: object) -> bool:
    if not isinstance(value, type) or not value.__module__.startswith("casebook."):
        return False
    return (
        issubclass(value, CasebookError)
        or issubclass(value, enum.Enum)
        or dataclasses.is_dataclass(value)
    )


class _ReplyUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_NAMES or module == _NUMPY_DTYPE_MODULE:
            found = _loaded_attribute(module, name)
            if found is not None:
                return found
        elif module.startswith("casebook.") and "." not in name:
            found = _loaded_attribute(module, name)
            if _is_casebook_value_class(found):
                return found
        raise ReplyRefused(f"{module}.{name}")

    def persistent_load(self, pid: Any) -> Any:
        raise ReplyRefused("persistent id")


def _loaded_attribute(module: str, name: str) -> Any:
    """`module.name` if the module is already imported here (nothing is imported for a reply)."""
    loaded = sys.modules.get(module)
    if loaded is None and module == "pathlib":
        loaded = pathlib
    return getattr(loaded, name, None) if loaded is not None else None


def dump_reply(value: object) -> bytes:
    return pickle.dumps(value, protocol=REPLY_PROTOCOL)


def load_reply(data: bytes) -> Any:
    """Unpickle a worker's reply, refusing anything but plain values (raises ReplyRefused)."""
    try:
        value = _ReplyUnpickler(io.BytesIO(data)).load()
    except ReplyRefused:
        raise
    except Exception as error:  # truncated or malformed: just as untrustworthy
        raise ReplyRefused(f"malformed reply: {type(error).__name__}") from None
    _refuse_object_arrays(value)
    return value


def _refuse_object_arrays(value: object, depth: int = 0) -> None:
    """numpy arrays of Python objects are built by numpy itself, not through find_class."""
    if depth > 64:
        raise ReplyRefused("reply nested too deeply")
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    if kind in _FORBIDDEN_DTYPE_KINDS:
        raise ReplyRefused(f"array of kind {kind}")
    if isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _refuse_object_arrays(item, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            _refuse_object_arrays(item, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in vars(value).values():
            _refuse_object_arrays(item, depth + 1)
