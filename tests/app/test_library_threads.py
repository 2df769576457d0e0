"""numpy's OpenBLAS gets one thread in the app and its workers, unless the user chose otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.app.library_threads import limit_library_threads

_APP_AND_ITS_WORKER = """
import multiprocessing, os
from casebook.app import main

def report(queue):
    queue.put(os.environ.get("OPENBLAS_NUM_THREADS"))

if __name__ == "__main__":
    main.limit_library_threads()
    main.use_spawn()
    queue = multiprocessing.Queue()
    worker = multiprocessing.Process(target=report, args=(queue,))
    worker.start()
    print(os.environ.get("OPENBLAS_NUM_THREADS"), queue.get(timeout=60))
    worker.join()
"""


def test_the_app_and_a_spawned_worker_use_one_blas_thread(tmp_path: Path) -> None:
    script = tmp_path / "app_and_worker.py"
    script.write_text(_APP_AND_ITS_WORKER)
    env = {name: value for name, value in os.environ.items() if name != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120,
        check=True,
    )  # fmt: skip
    assert done.stdout.split() == ["1", "1"]


def test_a_thread_count_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    limit_library_threads()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
