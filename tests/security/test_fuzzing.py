"""Fuzzing of the readers of hostile files (issue 21, "the tests that keep these found").

Two harnesses over the same families and the same mutator (tools/fuzz_targets.py):

- Hypothesis picks seed files and mutations and checks the contract the app relies on: the
  readers that run in the main process (key slots, bundle) answer every input with a value or
  a CasebookError; the others, called through the app's real IsolatedWorker, never make the
  main process see anything but a value or a CasebookError (a crash, hang or blow-up of the
  worker arrives as UntrustedFileFailed).
- A short run of tools/fuzz.py itself (the script that runs >= 100,000 inputs per family for
  the figures in the README), which counts crashes, hangs and memory overruns per family.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

from fuzz_targets import load_seeds, make_seed_folder, mutate, target  # noqa: E402

from casebook.core.errors import CasebookError  # noqa: E402
from casebook.services.isolation import IsolatedWorker  # noqa: E402

pytestmark = pytest.mark.slow
FUZZ_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-seeds")
    make_seed_folder(folder)
    return folder


@pytest.fixture(scope="module")
def worker() -> Iterator[IsolatedWorker]:
    isolated = IsolatedWorker(timeout_seconds=20.0)
    yield isolated
    isolated.close()


def _answer(call: Callable[[], object]) -> str:
    try:
        call()
    except CasebookError as error:
        return type(error).__name__
    return "ok"


@FUZZ_SETTINGS
@given(index=st.integers(min_value=0, max_value=2**40))
def test_key_slot_parser_answers_every_input(seeds: Path, index: int) -> None:
    data = mutate(load_seeds(seeds, "keyslots"), index, "keyslots")
    assert _answer(lambda: target("keyslots", seeds)(data)) in {"ok", "BinderDamaged"}


@settings(FUZZ_SETTINGS, max_examples=15)  # each input pays the 7z key derivation here
@given(index=st.integers(min_value=0, max_value=2**40))
def test_bundle_reader_answers_every_input(seeds: Path, index: int) -> None:
    data = mutate(load_seeds(seeds, "bundle"), index, "bundle")
    assert _answer(lambda: target("bundle", seeds)(data)) in {"ok", "BundleInvalid"}


def _worker_function(family: str) -> Callable[..., Any]:
    from casebook.imaging.dicom_header import read_dicom_summary
    from casebook.imaging.dicomdir_reader import read_dicomdir_references
    from casebook.importers.pdf_pages import extract_pdf_text
    from casebook.importers.picture import render_picture

    return {
        "dicom-header": read_dicom_summary,
        "dicomdir": read_dicomdir_references,
        "pdf": extract_pdf_text,
        "image": render_picture,
    }[family]


@FUZZ_SETTINGS
@given(
    family=st.sampled_from(["dicom-header", "dicomdir", "pdf", "image"]),
    index=st.integers(min_value=0, max_value=2**40),
)
def test_untrusted_files_never_reach_the_main_process_as_anything_but_an_answer(
    seeds: Path, worker: IsolatedWorker, family: str, index: int
) -> None:
    data = mutate(load_seeds(seeds, family), index, family)
    function = _worker_function(family)
    # Anything else (a bug, WorkerUnavailable) would propagate and fail the test.
    _answer(lambda: worker.call(function, data))


def test_the_fuzz_script_short_run(seeds: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(TOOLS / "fuzz.py"),
            "--inputs",
            "150",
            "--seeds",
            str(seeds),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    tallies = json.loads(result.stdout)
    assert set(tallies) == {"dicom-header", "dicomdir", "pdf", "image", "keyslots", "bundle"}
    for family, tally in tallies.items():
        assert tally["inputs"] == 150, family
    for family in ("keyslots", "bundle"):  # run in the main process: every input answered
        bad = tallies[family]
        assert bad["unexpected"] + bad["crashes"] + bad["hangs"] + bad["memory"] == 0, bad
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("index", [64, 41428])
def test_a_damaged_heic_photo_is_unreadable_not_a_crash(seeds: Path, index: int) -> None:
    """tools/fuzz.py found them (picture family, inputs 64 and 41428): pillow-heif raises
    EOFError for damaged coded data and RuntimeError past its own size limit, and both escaped
    the picture reader as crashes (the worker contained them, but as a broken reader)."""
    from casebook.importers.picture import PictureUnreadable, render_picture

    data = mutate(load_seeds(seeds, "image"), index, "image")
    assert data[4:12] == b"ftypheic"  # the same inputs as the findings
    with pytest.raises(PictureUnreadable):
        render_picture(data, 60_000)


@pytest.mark.parametrize("index", [415, 589, 749])
def test_a_dicomdir_with_an_unknown_value_representation_is_damaged_not_a_crash(
    seeds: Path, index: int
) -> None:
    """tools/fuzz.py found them (DICOMDIR family): pydicom raises NotImplementedError for a
    value representation it does not know, inside the directory records."""
    from casebook.imaging.dicomdir_reader import read_dicomdir_references

    data = mutate(load_seeds(seeds, "dicomdir"), index, "dicomdir")
    with pytest.raises(CasebookError):
        read_dicomdir_references(data)


@pytest.mark.parametrize("index", [5235, 8857, 9338])
def test_a_dicomdir_with_values_of_the_wrong_length_is_damaged_not_a_crash(
    seeds: Path, index: int
) -> None:
    """tools/fuzz.py found them in its 100,000-input DICOMDIR run: a value shorter than its
    type (struct.error) or not a whole number of values (pydicom's BytesLengthException)
    escaped the reader."""
    from casebook.imaging.dicomdir_reader import read_dicomdir_references

    data = mutate(load_seeds(seeds, "dicomdir"), index, "dicomdir")
    with pytest.raises(CasebookError):
        read_dicomdir_references(data)
