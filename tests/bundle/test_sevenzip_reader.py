"""Casebook's 7z reader on what cannot come from a tool: a header decrypted with the wrong key
against one damaged in transit, numbers at every length, and hostile headers that must be
refused before anything is allocated for them.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from casebook.bundle.sevenzip import aes
from casebook.bundle.sevenzip.coders import KeyRing
from casebook.bundle.sevenzip.encoding import (
    SIGNATURE_HEADER_SIZE,
    ByteReader,
    FormatError,
    number,
    parse_signature_header,
)
from casebook.bundle.sevenzip.header_reader import read_encoded_header, read_header
from casebook.bundle.sevenzip.reader import Damaged, looks_like_header, read_index
from casebook.bundle.volumes import PartSet

from .archive_tools import Member, write_archive

PASSWORD = "4821-0937-5561-2093-8874-1205"


def _bundle_like_members(count: int) -> list[Member]:
    names = ["README.TXT", "INDEX.HTM", "CASE_SUMMARY_ZH.PDF", "SHA256SUMS", "MANIFEST.JSON"]
    names += [f"DOCUMENTS/01_PATHOLOGY/病理报告 {i}.pdf" for i in range(count)]
    return [Member(name, name.encode() * 3) for name in names]


def _plain_header(path: Path, key: bytes) -> bytes:
    data = path.read_bytes()
    offset, size, _ = parse_signature_header(data[:SIGNATURE_HEADER_SIZE])
    start = SIGNATURE_HEADER_SIZE + offset
    info = read_encoded_header(data[start : start + size])
    assert info is not None
    folder = info.folders[0]
    parameters = aes.parse_aes_properties(folder.coders[0].properties)
    packed_at = SIGNATURE_HEADER_SIZE + info.pack_position
    packed = data[packed_at : packed_at + info.pack_sizes[0]]
    cipher = aes.decryptor(key, parameters.iv)
    return (cipher.update(packed) + cipher.finalize())[: folder.unpack_size]


@pytest.mark.parametrize("documents", [3, 40])
def test_a_damaged_header_is_told_apart_from_a_wrong_key(tmp_path: Path, documents: int) -> None:
    [path], written = write_archive(tmp_path, "h", _bundle_like_members(documents), PASSWORD)
    plain = _plain_header(path, written.key)
    assert read_header(plain)  # the real header parses
    noise = random.Random(20261202)
    assert len(plain) >= 256
    # One byte flipped in ciphertext block i: plaintext block i is noise, block i+1 one bit off.
    for block in range(-(-len(plain) // aes.BLOCK)):
        damaged = bytearray(plain)
        start = block * aes.BLOCK
        damaged[start : start + aes.BLOCK] = noise.randbytes(aes.BLOCK)[: len(plain) - start]
        if start + aes.BLOCK < len(plain):
            damaged[start + aes.BLOCK] ^= 0x08
        assert looks_like_header(bytes(damaged[: len(plain)])), block
    # A wrong key: every block is noise. Seeded, so the outcome never depends on luck.
    for _ in range(20_000):
        assert not looks_like_header(noise.randbytes(len(plain)))


@pytest.mark.parametrize(
    "value", [0, 1, 127, 128, 16383, 16384, 2**21 - 1, 2**21, 2**35, 2**56 - 1, 2**56, 2**64 - 1]
)
def test_numbers_of_every_length_read_back(value: int) -> None:
    encoded = number(value)
    reader = ByteReader(encoded + b"\xaa")
    assert reader.number() == value
    assert reader.byte() == 0xAA  # and exactly the encoded bytes were used


def test_a_header_claiming_billions_of_files_is_refused_without_allocating() -> None:
    hostile = bytes([0x01, 0x05]) + number(2**40) + b"\x00\x00"
    with pytest.raises(FormatError):
        read_header(hostile)


def test_a_header_pointing_past_the_end_is_truncation_not_a_crash(tmp_path: Path) -> None:
    [path], _ = write_archive(tmp_path, "t", _bundle_like_members(2), PASSWORD)
    data = path.read_bytes()
    parts = PartSet([path])
    keys = KeyRing(PASSWORD)
    short = data[: len(data) - 100]
    with pytest.raises(FormatError) as raised:
        read_index(lambda offset, size: short[offset : offset + size], len(short), keys)
    assert getattr(raised.value, "expected", None) == len(data)
    index = read_index(parts.read_at, parts.size, keys)
    assert len(index.files) == 7
    broken = bytearray(data)
    broken[SIGNATURE_HEADER_SIZE + 5] ^= 1  # inside the first stored file
    # The index still opens (the damage is in the content, found while decrypting).
    read_index(lambda offset, size: bytes(broken[offset : offset + size]), len(broken), keys)
    broken[-3] ^= 1  # inside the plain block that locates the header
    with pytest.raises(Damaged):
        read_index(lambda offset, size: bytes(broken[offset : offset + size]), len(broken), keys)
