"""An item's bytes as the binder gives them, checked against the binder's record on the way.

SHA256SUMS and the manifest are written from the sizes and SHA-256 values the binder recorded,
so sealing refuses bytes that differ from them: the hash is taken while the chunks stream by
(one chunk in memory), and a difference raises `SourceChanged` once the item ends, before
anything is published.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from casebook.bundle.errors import SourceChanged
from casebook.bundle.plan import OpenChunks


def checked_chunks(name: str, open_chunks: OpenChunks, size: int, sha256: str) -> Iterator[bytes]:
    """The item's chunks in order; raises `SourceChanged` if they are not what was recorded."""
    digest = hashlib.sha256()
    seen = 0
    for chunk in open_chunks():
        if not chunk:
            continue
        seen += len(chunk)
        if seen > size:
            raise SourceChanged(name, sha256, "", size, seen)
        digest.update(chunk)
        yield chunk
    if seen != size or digest.hexdigest() != sha256.lower():
        raise SourceChanged(name, sha256, digest.hexdigest(), size, seen)
