"""A function a file worker imports by name, so the app that sends it work never loads it.

A function handed to the pool is pickled as a reference to its module, and the sender needs
the module loaded to make that reference. For the parsers of untrusted files that module
brings its decoder library with it (pydicom: about a quarter of a second of CPU), which only
the worker uses. `ByName` names the module and function instead; the worker imports them on
its first call (or when the pool warms up, `WorkerPool.prestart`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")


@dataclass(frozen=True)
class ByName(Generic[T]):
    """`module.function(*args)`, imported where it is called."""

    module: str
    function: str

    def __call__(self, *args: Any) -> T:
        return cast(T, getattr(importlib.import_module(self.module), self.function)(*args))
