"""Decoding photos and scans (JPEG, PNG, TIFF, HEIC…) to pixels, with a cap on size.

A phone photo of a letter is often 12 MP, a scanner TIFF can be 20 000 × 20 000: we never
decode more pixels than the caller asked for (JPEG decoders scale down while decoding, others
are reduced right after), and refuse files whose declared size is absurd before decoding.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from casebook.core.errors import CasebookError

# 30 000 × 30 000: beyond any real scan; a larger header is a decompression bomb.
MAX_DECLARED_PIXELS = 900_000_000
DEFAULT_MAX_PIXELS = 4_000_000

_heif_registered = False


@dataclass
class PictureUnreadable(CasebookError):
    """The picture cannot be decoded; `reason` is short and technical."""

    reason: str

    def __str__(self) -> str:
        return f"picture unreadable: {self.reason}"


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_registered = True


def render_picture(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> npt.NDArray[np.uint8]:
    """RGB pixels (H×W×3), turned upright by the EXIF orientation, at most `max_pixels`."""
    _register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_DECLARED_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_DECLARED_PIXELS:
                raise PictureUnreadable(f"declared size {width}x{height} is too large")
            scale = min(1.0, (max_pixels / float(width * height)) ** 0.5)
            target = (max(1, int(width * scale)), max(1, int(height * scale)))
            image.draft("RGB", target)  # JPEG: decode at a reduced size directly
            image.thumbnail(target, Image.Resampling.LANCZOS)
            upright = ImageOps.exif_transpose(image) or image
            return np.asarray(upright.convert("RGB"), dtype=np.uint8)
    except PictureUnreadable:
        raise
    # EOFError and RuntimeError: pillow-heif on damaged HEIC data and on its own size limits
    # (found by tools/fuzz.py).
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
        RuntimeError,
    ) as error:
        raise PictureUnreadable(type(error).__name__) from None
    except Image.DecompressionBombError:
        raise PictureUnreadable("decompression bomb") from None
