"""Which decoders pydicom tries for compressed pixel data, and in what order.

pylibjpeg (libjpeg, OpenJPEG, RLE) and Pillow are tried first, as they always were here; GDCM
comes last, for what they refuse: 12-bit JPEG Extended (our own plugin, `gdcm_jpeg12`), and
JPEG, JPEG-LS and JPEG 2000 streams the others cannot read but GDCM — like dcmtk, built on the
IJG library and CharLS — does. Set up once per process, before the first decode, by
`decoder_available` (the thumbnail and the viewer ask it before decoding).
"""

from __future__ import annotations

import threading

from pydicom.pixels.decoders.base import get_decoder
from pydicom.uid import (
    HTJ2K,
    JPEG2000,
    UID,
    HTJ2KLossless,
    HTJ2KLosslessRPCL,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGExtended12Bit,
    JPEGLossless,
    JPEGLosslessSV1,
    JPEGLSLossless,
    JPEGLSNearLossless,
    RLELossless,
)

_GDCM = "gdcm"
TWELVE_BIT_JPEG = "casebook-gdcm-12bit"
_PLUGIN = ("casebook.imaging.gdcm_jpeg12", "decode_frame")
_PYDICOM_GDCM = ("pydicom.pixels.decoders.gdcm", "_decode_frame")
COMPRESSED_SYNTAXES = (
    RLELossless,
    JPEGBaseline8Bit,
    JPEGExtended12Bit,
    JPEGLossless,
    JPEGLosslessSV1,
    JPEGLSLossless,
    JPEGLSNearLossless,
    JPEG2000Lossless,
    JPEG2000,
    HTJ2KLossless,
    HTJ2KLosslessRPCL,
    HTJ2K,
)
_lock = threading.Lock()
_arranged = False


def decoder_available(syntax: UID) -> bool:
    """True when some installed plugin can decode pixel data in transfer syntax `syntax`."""
    arrange_decoders()
    try:
        return bool(get_decoder(syntax).is_available)
    except NotImplementedError:  # a transfer syntax pydicom has no decoder class for
        return False


def plugins_for(syntax: UID) -> list[str]:
    """The available plugins for `syntax`, in the order they are tried."""
    arrange_decoders()
    # pydicom tries `_available` in its order; its public `available_plugins` is sorted.
    return list(get_decoder(syntax)._available)


def arrange_decoders() -> None:
    """Move pydicom's GDCM plugin behind the others and add ours for 12-bit JPEG (once)."""
    global _arranged
    with _lock:
        if _arranged:
            return
        for syntax in COMPRESSED_SYNTAXES:
            decoder = get_decoder(syntax)
            if _GDCM in decoder.available_plugins:
                decoder.remove_plugin(_GDCM)
                decoder.add_plugin(_GDCM, _PYDICOM_GDCM)  # back in, at the end
        extended = get_decoder(JPEGExtended12Bit)
        if TWELVE_BIT_JPEG not in extended.available_plugins:
            extended.add_plugin(TWELVE_BIT_JPEG, _PLUGIN)
        _arranged = True
