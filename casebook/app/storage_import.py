"""Loading the storage library for a command without numpy.

sqlite-utils imports numpy whenever it is installed, only to name SQLite column types for numpy
values in tables it creates. Casebook creates its tables from its own schema and never stores
a numpy value, and most commands (`list`, `check`, `backup`, a password change) need no numpy:
loading it cost each of them about a tenth of its start. So the command line loads sqlite-utils
first, with numpy hidden for that one import; a command that reads images still imports numpy
in the ordinary way afterwards. The app's window is unaffected: it shows images anyway.
"""

from __future__ import annotations

import importlib
import sys


def load_storage_without_numpy() -> None:
    """Import sqlite-utils now, unless it or numpy is loaded already (then nothing changes)."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy → ImportError
    try:
        importlib.import_module("sqlite_utils")
    finally:
        del sys.modules["numpy"]
