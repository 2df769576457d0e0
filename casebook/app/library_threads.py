"""One thread for numpy's linear algebra library (OpenBLAS), in the app and its workers.

On import, numpy's OpenBLAS starts a thread per core and keeps them spinning for a while:
measured on the 2-core development machine, `import numpy` took 0.24 s of CPU with them and
0.10 s without. Casebook does no large matrix arithmetic (pictures are scaled and converted
element by element; OCR runs in ONNX Runtime with its own threads), so the threads only take
CPU from the window, the import and the other processes. Set before numpy is first imported,
in the environment so the file workers (spawned) inherit it; a value the user set is kept.
"""

from __future__ import annotations

import os

SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1"}


def limit_library_threads() -> None:
    for name, value in SINGLE_THREADED.items():
        os.environ.setdefault(name, value)
