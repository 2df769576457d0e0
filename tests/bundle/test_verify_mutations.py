"""Every single-byte change to the structure of a real sealed bundle is refused by `verify`, or
is proved harmless: 7-Zip tests it and extracts the very same files, and `verify`'s own reading
hashes them the same.

The bundle fuzzer (tools/fuzz.py --family bundle) saw 9 of 100,000 mutated bundles verify; its
mutator sometimes writes a byte with the value it already holds (a mutation with no effect,
about 1 input in 14,000). This test maps the rest systematically, part by part of the 7z
layout: the signature header (signature, version, start header CRC, next header offset, size
and CRC), the small plain block at the end that says how the header is encrypted (its AES
properties carry the salt and the IV), the encrypted header, and the first and last AES blocks
of the content (the last one holding the zero padding past the content's size). The plain
parts get every one of the 255 other values at every byte; the encrypted parts get each single
bit flipped and the whole byte inverted: in AES-CBC any change of a ciphertext byte turns its
whole 16-byte block to noise, so which new value it holds does not matter.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from casebook.bundle.archive import seal_bundle
from casebook.bundle.errors import BundleInvalid, BundleProblem
from casebook.bundle.passphrase import generate_passphrase
from casebook.bundle.plan import BundlePlan
from casebook.bundle.readback import read_archive
from casebook.bundle.sevenzip import aes
from casebook.bundle.sevenzip.coders import KeyRing
from casebook.bundle.sevenzip.encoding import SIGNATURE_HEADER_SIZE, parse_signature_header
from casebook.bundle.sevenzip.header_reader import read_encoded_header
from casebook.bundle.verify import verify_bundle
from casebook.core.progress import NEVER_CANCELLED

from .archive_tools import run

Tool = Callable[..., Path]
VERSION_MINOR = 7  # 7-Zip reads any minor version; Casebook writes 4 and reads 2, 3 and 4
EVERY_VALUE = range(1, 256)  # xor masks: each of the 255 other values of a byte
BIT_FLIPS = (1, 2, 4, 8, 16, 32, 64, 128, 255)


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where the parts of the archive lie, [start, end), read from its own headers."""

    size: int
    content: tuple[int, int]
    header: tuple[int, int]
    next_header: tuple[int, int]


@dataclasses.dataclass(frozen=True)
class Tiny:
    path: Path
    password: str
    original: bytes
    layout: Layout
    sha256: str  # as the cover sheet prints it


def _layout(data: bytes) -> Layout:
    offset, size, _ = parse_signature_header(data[:SIGNATURE_HEADER_SIZE])
    next_header = (SIGNATURE_HEADER_SIZE + offset, SIGNATURE_HEADER_SIZE + offset + size)
    encoded = read_encoded_header(data[next_header[0] : next_header[1]])
    assert encoded is not None, "a sealed bundle's header is encrypted"
    header_start = SIGNATURE_HEADER_SIZE + encoded.pack_position
    header = (header_start, header_start + encoded.pack_sizes[0])
    layout = Layout(len(data), (SIGNATURE_HEADER_SIZE, header_start), header, next_header)
    assert header[1] == next_header[0]
    assert next_header[1] == len(data)
    return layout


@pytest.fixture(scope="module")
def tiny(plan: BundlePlan, tmp_path_factory: pytest.TempPathFactory) -> Tiny:
    """A small real bundle: one document and the smallest DICOM instance, sealed as an export
    seals it (its content size is not a multiple of 16, so the last AES block is padded)."""
    smallest = min(plan.dicom, key=lambda item: item.size)
    small = dataclasses.replace(plan, documents=plan.documents[:1], dicom=(smallest,))
    password = generate_passphrase()
    sealed = seal_bundle(small, tmp_path_factory.mktemp("tiny"), "tiny", password)
    [part] = sealed.parts
    original = part.path.read_bytes()
    layout = _layout(original)
    assert (layout.content[1] - layout.content[0]) % aes.BLOCK == 0
    return Tiny(part.path, password, original, layout, part.sha256)


@pytest.fixture
def bundle(tiny: Tiny, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Tiny:
    """A copy of the tiny bundle to change in place. The 7z key derivation (2^19 SHA-256
    rounds, a pure function of password, salt and cost) is remembered, as in the fuzz worker,
    so thousands of verifications fit in seconds; every other step runs as in the app."""
    monkeypatch.setattr(aes, "derive_key", functools.lru_cache(maxsize=4)(aes.derive_key))
    copy = Path(shutil.copy(tiny.path, tmp_path / tiny.path.name))
    return dataclasses.replace(tiny, path=copy)


def _verdict(bundle: Tiny) -> BundleProblem | None:
    try:
        verify_bundle(bundle.path, bundle.password)
    except BundleInvalid as error:
        return error.problem
    return None


@dataclasses.dataclass
class Scan:
    accepted: list[tuple[int, int]] = dataclasses.field(default_factory=list)  # (offset, mask)
    refused: Counter[BundleProblem] = dataclasses.field(default_factory=Counter)


def _scan(bundle: Tiny, offsets: Iterable[int], masks: Iterable[int]) -> Scan:
    """Each byte at `offsets` xored with each mask, one change at a time, written in place."""
    scan = Scan()
    masks = tuple(masks)
    descriptor = os.open(bundle.path, os.O_RDWR)
    try:
        for offset in offsets:
            original = bundle.original[offset]
            for mask in masks:
                os.pwrite(descriptor, bytes([original ^ mask]), offset)
                problem = _verdict(bundle)
                if problem is None:
                    scan.accepted.append((offset, mask))
                else:
                    scan.refused[problem] += 1
            os.pwrite(descriptor, bytes([original]), offset)
    finally:
        os.close(descriptor)
    assert bundle.path.read_bytes() == bundle.original
    return scan


def _extracted(archive: Path, password: str, into: Path, seven: Path) -> dict[str, str]:
    """7-Zip's test and extraction of `archive`: each file's SHA-256 (fails if 7-Zip does)."""
    tested = run(seven, "t", f"-p{password}", archive)
    assert tested.returncode == 0, tested.stdout
    assert "WARNING" not in tested.stdout, tested.stdout
    result = run(seven, "x", f"-p{password}", f"-o{into}", archive)
    assert result.returncode == 0, result.stdout
    return {
        str(path.relative_to(into)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(into.rglob("*"))
        if path.is_file()
    }


def _read_by_verify(archive: Path, password: str) -> dict[str, str]:
    reading = read_archive(
        [archive],
        KeyRing(password),
        hash_files=True,
        on_bytes=lambda _count: None,
        cancel=NEVER_CANCELLED,
    )
    return {name: digest.sha256 for name, digest in reading.files.items()}


def _assert_harmless(
    bundle: Tiny, accepted: list[tuple[int, int]], seven: Path, work: Path
) -> None:
    """Each accepted change leaves every extracted byte as it was, for 7-Zip and for verify."""
    as_sealed = _extracted(bundle.path, bundle.password, work / "sealed", seven)
    by_verify = _read_by_verify(bundle.path, bundle.password)
    assert as_sealed == by_verify
    assert len(as_sealed) > 10
    for number, (offset, mask) in enumerate(accepted):
        changed = bytearray(bundle.original)
        changed[offset] ^= mask
        archive = work / f"changed-{number}.7z"
        archive.write_bytes(bytes(changed))
        assert _extracted(archive, bundle.password, work / str(number), seven) == as_sealed
        assert _read_by_verify(archive, bundle.password) == by_verify
        with pytest.raises(BundleInvalid) as raised:  # the part's hash still tells the change
            verify_bundle(
                archive, bundle.password, expected_part_sha256={archive.name: bundle.sha256}
            )
        assert raised.value.problem is BundleProblem.PART_HASH_MISMATCH


def _edges(start: int, end: int) -> Iterator[int]:
    """The first AES block of a stream and its last two (a change in the one before the last
    flips the matching byte of the last block's plain text: its padding included)."""
    yield from range(start, start + aes.BLOCK)
    yield from range(max(start + aes.BLOCK, end - 2 * aes.BLOCK), end)


def test_the_signature_header_takes_no_change_but_the_version_minor(
    bundle: Tiny, require_tool: Tool, tmp_path: Path
) -> None:
    scan = _scan(bundle, range(SIGNATURE_HEADER_SIZE), EVERY_VALUE)
    minor = bundle.original[VERSION_MINOR]
    assert sorted(minor ^ mask for _, mask in scan.accepted) == [2, 3]
    assert {offset for offset, _ in scan.accepted} == {VERSION_MINOR}
    assert set(scan.refused) == {BundleProblem.CONTENT_DAMAGED}
    _assert_harmless(bundle, scan.accepted, require_tool("7zz"), tmp_path)


def test_every_change_to_the_plain_block_naming_the_header_key_is_refused(
    bundle: Tiny,
) -> None:
    """The encoded header (AES properties with salt and IV, sizes, CRC): its CRC is in the
    signature header."""
    scan = _scan(bundle, range(*bundle.layout.next_header), EVERY_VALUE)
    assert scan.accepted == []
    assert set(scan.refused) == {BundleProblem.CONTENT_DAMAGED}


def test_every_change_to_the_encrypted_header_is_refused(bundle: Tiny) -> None:
    """Names, sizes, file CRCs, the content's AES properties and the padding of the header's
    last block: all inside the header, whose CRC is checked after decryption."""
    scan = _scan(bundle, range(*bundle.layout.header), BIT_FLIPS)
    assert scan.accepted == []
    assert set(scan.refused) == {BundleProblem.CONTENT_DAMAGED}


def test_every_change_to_the_contents_first_and_padded_last_blocks_is_refused(
    bundle: Tiny,
) -> None:
    scan = _scan(bundle, _edges(*bundle.layout.content), BIT_FLIPS)
    assert scan.accepted == []
    assert set(scan.refused) == {BundleProblem.CONTENT_DAMAGED}


def test_bytes_after_the_archive_are_refused_as_the_wrong_size(bundle: Tiny) -> None:
    """7-Zip warns of data after the end of an archive; verify said such a bundle was fine."""
    with bundle.path.open("ab") as appended:
        appended.write(b"\0")
    with pytest.raises(BundleInvalid) as raised:
        verify_bundle(bundle.path, bundle.password)
    assert raised.value.problem is BundleProblem.PART_INCOMPLETE
    assert raised.value.parts == (bundle.path.name,)
