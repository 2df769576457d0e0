"""The fuzz families of tools/fuzz.py: seeds, a deterministic mutator, and the worker loop.

A family is one reader Casebook points at files from strangers: the DICOM header reader, the
DICOMDIR reader, the PDF and picture paths (these four run in the app's isolated worker), the
key-slot parser and the bundle reader (these two run in the main process). Each input is a
seed file changed by a few mutations chosen by a seeded random generator, so input N of a
family is the same bytes on every run and a finding can be replayed with `--replay`.
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = ("dicom-header", "dicomdir", "pdf", "image", "keyslots", "bundle")
MAIN_PROCESS = ("keyslots", "bundle")
BUNDLE_PASSWORD = "fuzz-bundle-password"  # noqa: S105 - a fixed password for a fixture bundle
_INTERESTING = (0x00, 0x01, 0x7F, 0x80, 0xFF)
_INTEGERS = (b"\xff\xff\xff\xff", b"\x00\x00\x00\x80", b"\x00\x00\x00\x00", b"\xff\xff\xff\x7f")


@dataclass(frozen=True)
class Outcome:
    # "ok" | "unchanged" (ok, and the mutations left the seed as it was) | "expected" (a
    # CasebookError) | "unexpected" (any other exception)
    kind: str
    detail: str = ""


def mutate(seeds: list[bytes], index: int, family: str) -> bytes:
    """Input `index` of `family`: a seed and 1-8 mutations, all chosen from `index`."""
    generator = random.Random(f"{family}:{index}")
    data = bytearray(generator.choice(seeds))
    for _ in range(generator.randint(1, 8)):
        choice = generator.random()
        position = generator.randrange(len(data)) if data else 0
        if choice < 0.35 and data:
            data[position] ^= 1 << generator.randrange(8)
        elif choice < 0.5 and data:
            data[position] = generator.choice(_INTERESTING)
        elif choice < 0.6 and len(data) > 4:
            start = generator.randrange(len(data) - 4)
            data[start : start + 4] = generator.choice(_INTEGERS)
        elif choice < 0.7:
            data[position:position] = generator.randbytes(generator.randint(1, 64))
        elif choice < 0.8 and data:
            end = min(len(data), position + generator.randint(1, 256))
            del data[position:end]
        elif choice < 0.87 and data:
            end = min(len(data), position + generator.randint(1, 512))
            data[position:position] = data[position:end] * generator.randint(1, 8)
        elif choice < 0.94 and data:
            del data[generator.randrange(len(data)) :]  # truncated, as a broken download is
        else:
            other = generator.choice(seeds)
            cut = generator.randrange(len(other)) if other else 0
            data[position:] = other[cut:]  # spliced with another seed
    return bytes(data)


def _pdf_seeds() -> list[bytes]:
    documents = ROOT / "resources" / "demo" / "documents"
    return [path.read_bytes() for path in sorted(documents.glob("*.pdf"))]


def _image_seeds() -> list[bytes]:
    from PIL import Image, ImageDraw
    from pillow_heif import register_heif_opener

    register_heif_opener()
    picture = Image.new("RGB", (96, 64), "white")
    ImageDraw.Draw(picture).ellipse((10, 10, 80, 50), fill="navy")
    seeds = []
    for fmt, options in (("JPEG", {"quality": 80}), ("PNG", {}), ("TIFF", {}), ("HEIF", {})):
        buffer = io.BytesIO()
        exif = Image.Exif()
        exif[0x0112] = 6  # rotated, as phone photos are
        picture.save(buffer, fmt, exif=exif.tobytes(), **options)
        seeds.append(buffer.getvalue())
    return seeds


def _keyslot_seeds() -> list[bytes]:
    from casebook.store.key_buffer import KeyBuffer
    from casebook.store.keyslots import PASSWORD_SLOT, RECOVERY_SLOT, KdfParams, KeySlotFile
    from casebook.store.keyslots import wrap_master_key as wrap
    from casebook.store.page_hmac import PageHmac

    key, binder_id, fast = KeyBuffer.random(), KeySlotFile.new_binder_id(), KdfParams.minimum()
    slots = (
        wrap(key, binder_id, PASSWORD_SLOT, "a password", fast),
        wrap(key, binder_id, RECOVERY_SLOT, "A-CODE", fast),
    )
    plain = KeySlotFile(binder_id, slots)
    sha256_pages = KeySlotFile(binder_id, slots, page_hmac=PageHmac.SHA256).recording(key, 41)
    return [plain.to_bytes(), plain.recording(key, 41).to_bytes(), sha256_pages.to_bytes()]


def make_seed_folder(folder: Path) -> None:
    """Write every family's seeds into `folder` (the bundle and DICOMDIR come from a real
    export of a small binder holding the test DICOM files)."""
    from casebook.bundle.plan import Recipient
    from casebook.bundle.readback import read_archive
    from casebook.bundle.sevenzip.coders import KeyRing
    from casebook.core.model import Case
    from casebook.core.progress import NEVER_CANCELLED, ignore_progress
    from casebook.services.binder.session import create_binder
    from casebook.services.export.sealing import ExportRequest, export_bundle
    from casebook.services.records.importing import import_paths
    from casebook.store.keyslots import KdfParams

    sys.path.insert(0, str(ROOT / "tests"))
    from data_paths import DICOM

    dicom = sorted(DICOM.rglob("*.dcm"))
    seeds: dict[str, list[bytes]] = {
        "dicom-header": [path.read_bytes()[:65536] for path in dicom],
        "pdf": _pdf_seeds(),
        "image": _image_seeds(),
        "keyslots": _keyslot_seeds(),
    }
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        created = create_binder(
            work / "b", "fuzz seed password", Case("Fuzz Seed"), KdfParams.minimum()
        )
        with created.session as session:
            import_paths(
                session,
                [*dicom, *_pdf_paths()],
                None,
                ignore_progress,
                NEVER_CANCELLED,
                accept_other_patients=True,
            )
            result = export_bundle(
                session,
                ExportRequest(recipient=Recipient("Fuzz Hospital")),
                work,
                "bundle",
                ignore_progress,
                NEVER_CANCELLED,
            )
        bundle = result.bundle.parts[0].path
        kept = read_archive(
            [bundle],
            KeyRing(result.password),
            keep=("DICOMDIR",),
            on_bytes=lambda _n: None,
            cancel=NEVER_CANCELLED,
        )
        seeds["dicomdir"] = [kept.kept["DICOMDIR"]]
        seeds["bundle"] = [bundle.read_bytes()]
        (folder / "bundle-password.txt").write_text(result.password)
    for family, items in seeds.items():
        for number, data in enumerate(items):
            (folder / f"{family}.{number}.seed").write_bytes(data)


def _pdf_paths() -> list[Path]:
    return sorted((ROOT / "resources" / "demo" / "documents").glob("*.pdf"))


def load_seeds(folder: Path, family: str) -> list[bytes]:
    return [path.read_bytes() for path in sorted(folder.glob(f"{family}.*.seed"))]


def target(
    family: str, seed_folder: Path, *, remember_7z_keys: bool = False
) -> Callable[[bytes], object]:
    """The reader a family feeds, called exactly as the app calls it."""
    if family == "dicom-header":
        from casebook.imaging.dicom_header import read_dicom_summary

        return read_dicom_summary
    if family == "dicomdir":
        from casebook.imaging.dicomdir_reader import read_dicomdir_references

        return read_dicomdir_references
    if family == "pdf":
        from casebook.importers.pdf_pages import extract_pdf_text, pdf_page_count, render_pdf_page

        def pdf(data: bytes) -> object:
            extract_pdf_text(data, 5)
            pages = pdf_page_count(data)
            return render_pdf_page(data, 0, 60_000) if pages else None

        return pdf
    if family == "image":
        from casebook.importers.picture import render_picture

        return lambda data: render_picture(data, 60_000)
    if family == "keyslots":
        from casebook.store.keyslots import KeySlotFile

        return lambda data: KeySlotFile.from_bytes(data, Path("keyslots.json"))
    if family == "bundle":
        if remember_7z_keys:
            _remember_7z_keys()
        return _bundle_target(seed_folder)
    raise ValueError(family)


def _remember_7z_keys() -> None:
    """In the fuzz worker only: the 7z key derivation (2^19 SHA-256 rounds) would dominate
    every input; the same password, salt and round count give the same key, so it is
    remembered. Every other step of the bundle reader runs as in the app."""
    import functools

    from casebook.bundle.sevenzip import aes

    aes.derive_key = functools.lru_cache(maxsize=64)(aes.derive_key)


def _bundle_target(seed_folder: Path) -> Callable[[bytes], object]:
    from casebook.bundle.verify import verify_bundle

    password = (seed_folder / "bundle-password.txt").read_text()
    scratch = seed_folder / f"scratch-{os.getpid()}"
    scratch.mkdir(exist_ok=True)

    def bundle(data: bytes) -> object:
        path = scratch / "bundle.7z"
        path.write_bytes(data)
        return verify_bundle(path, password)

    return bundle


def serve(family: str, seed_folder: Path, memory_limit_mb: int) -> None:
    """Worker loop: read input numbers on stdin, answer one JSON line per input on stdout."""
    import resource

    from casebook.core.errors import CasebookError

    limit = memory_limit_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    warnings.simplefilter("ignore")
    seeds = load_seeds(seed_folder, family)
    run = target(family, seed_folder, remember_7z_keys=True)
    print("ready", flush=True)
    for line in sys.stdin:
        index = int(line)
        data = mutate(seeds, index, family)
        # A mutation may write a byte with the value it already holds (about 1 input in
        # 14,000 for the bundle): such an input is its seed, and says nothing when accepted.
        accepted = Outcome("unchanged") if data in seeds else Outcome("ok")
        try:
            run(data)
            outcome = accepted
        except CasebookError as error:
            outcome = Outcome("expected", type(error).__name__)
        except MemoryError:
            outcome = Outcome("memory")
        except RecursionError:
            outcome = Outcome("unexpected", "RecursionError")
        except Exception as error:  # what the fuzzing is looking for
            outcome = Outcome("unexpected", f"{type(error).__name__}: {str(error)[:120]}")
        print(json.dumps([index, outcome.kind, outcome.detail]), flush=True)


if __name__ == "__main__":
    serve(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
