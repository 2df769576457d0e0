"""`casebook self-test`: prove that this installation (a checkout or a frozen build) works.

Imports every module and decoder, decodes a lossless sample per decoder plugin, creates, fills
and reopens a throwaway binder with the fictional demo files (KdfParams.minimum(), in a temporary
folder deleted afterwards), renders a PDF page and a DICOM thumbnail in the isolated worker, and
seals and verifies a small bundle. One line per check; exit code 0 only if all pass.
"""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import casebook
from casebook.resources import missing_resources, resource_path, resources_root
from casebook.services import clock

Check = Callable[[], str]


def _resources() -> str:
    missing = missing_resources()
    if missing:
        raise RuntimeError(f"missing under {resources_root()}: {', '.join(missing)}")
    return f"all found in {resources_root()}"


def _import_everything() -> str:
    names = [m.name for m in pkgutil.walk_packages(casebook.__path__, "casebook.")]
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules"


def _decoders() -> str:
    from casebook.imaging.thumbnail import available_decoders

    decoders = available_decoders()
    missing = [name for name, ok in decoders.items() if not ok]
    if missing:
        raise RuntimeError(f"missing DICOM decoders: {', '.join(missing)}")
    return f"{len(decoders)} transfer syntaxes decodable"


def _decode_compressed() -> str:
    """Decode one lossless sample per decoder plugin in the worker; all must agree."""
    from casebook.imaging.thumbnail import dicom_thumbnail
    from casebook.services.isolation import shared_worker

    samples = sorted(resource_path("demo", "codecs").glob("*.dcm"))
    if not samples:
        raise RuntimeError("the compressed DICOM samples are missing from resources/demo/codecs")
    # 192 px of a 384 px slice: every codec decodes in full (smaller thumbnails would let
    # JPEG 2000 decode at a reduced resolution level, which is not bit-identical).
    pictures = {p.stem: shared_worker().call(dicom_thumbnail, p.read_bytes(), 192) for p in samples}
    reference = next(iter(pictures.values()))
    differing = [name for name, pixels in pictures.items() if not (pixels == reference).all()]
    if differing or float(reference.std()) < 5:
        raise RuntimeError(f"lossless decodes differ or are flat: {', '.join(differing)}")
    return f"{', '.join(pictures)} decoded alike"


def _demo_ct() -> list[Path]:
    files = sorted(p for p in resource_path("demo", "ct").glob("*") if p.suffix.lower() == ".dcm")
    if not files:
        raise RuntimeError("the demo CT slices are missing from resources/demo/ct")
    return files


def _binder_round_trip(work: Path) -> Check:
    def check() -> str:
        from casebook.core.model import Case
        from casebook.core.progress import NEVER_CANCELLED, ignore_progress
        from casebook.services.binder import maintenance
        from casebook.services.binder.session import create_binder, unlock_binder
        from casebook.services.records import documents as records
        from casebook.services.records.importing import import_paths
        from casebook.store.keyslots import KdfParams

        folder = work / "self-test binder"
        created = create_binder(
            folder, "self-test password", Case("Self Test"), KdfParams.minimum()
        )
        with created.session as session:
            summary = import_paths(
                session,
                [resource_path("demo", "documents"), *_demo_ct()[:2]],
                None,
                ignore_progress,
                NEVER_CANCELLED,
                accept_other_patients=True,
            )
        with unlock_binder(folder, "self-test password") as session:
            documents = records.list_documents(session)
            report = maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
        if not report.ok or len(documents) != len(summary.added) or not summary.images_added:
            raise RuntimeError(f"binder round trip failed: {report.problems}")
        return f"{len(documents)} documents and {summary.images_added} images stored and re-read"

    return check


def _pdf_page() -> str:
    from casebook.importers.pdf_pages import render_pdf_page
    from casebook.services.isolation import shared_worker

    data = resource_path("demo", "documents", "pathology-report.pdf").read_bytes()
    pixels = shared_worker().call(render_pdf_page, data, 0, 500_000)
    if pixels.size == 0 or int(pixels.min()) == int(pixels.max()):
        raise RuntimeError("the PDF page rendered blank")
    return f"page rendered at {pixels.shape[1]}x{pixels.shape[0]}"


def _dicom_thumbnail() -> str:
    from casebook.imaging.thumbnail import dicom_thumbnail
    from casebook.services.isolation import shared_worker

    pixels = shared_worker().call(dicom_thumbnail, _demo_ct()[0].read_bytes(), 128)
    if float(pixels.std()) < 5:
        raise RuntimeError("the DICOM thumbnail is flat")
    return f"thumbnail {pixels.shape[1]}x{pixels.shape[0]}"


def _bundle(work: Path) -> Check:
    def check() -> str:
        from casebook.bundle.archive import seal_bundle
        from casebook.bundle.passphrase import generate_passphrase
        from casebook.bundle.plan import BundlePlan, Recipient
        from casebook.bundle.verify import verify_bundle
        from casebook.core.model import Case

        plan = BundlePlan(Case("Self Test"), Recipient("Self-test hospital"), "en+zh",
                          clock.today().isoformat())  # fmt: skip
        password = generate_passphrase()
        out = work / "bundle"
        out.mkdir()
        sealed = seal_bundle(plan, out, "self-test", password, now=clock.utc_now().timestamp())
        verified = verify_bundle(sealed.parts[0].path, password)
        return f"sealed and verified {verified.file_count} files"

    return check


def run_self_test() -> int:
    with tempfile.TemporaryDirectory(prefix="casebook-self-test-") as temp:
        work = Path(temp)
        checks: list[tuple[str, Check]] = [
            ("resources", _resources),
            ("import modules", _import_everything),
            ("DICOM decoders", _decoders),
            ("compressed DICOM", _decode_compressed),
            ("binder create/fill/reopen", _binder_round_trip(work)),
            ("PDF page", _pdf_page),
            ("DICOM thumbnail", _dicom_thumbnail),
            ("sealed bundle", _bundle(work)),
        ]
        failures = 0
        for name, check in checks:
            try:
                print(f"ok    {name}: {check()}", flush=True)
            except Exception as error:
                failures += 1
                print(f"FAIL  {name}: {type(error).__name__}: {error}", flush=True)
                traceback.print_exc()
    print("self-test passed" if not failures else f"self-test FAILED ({failures} checks)")
    return 0 if not failures else 1
