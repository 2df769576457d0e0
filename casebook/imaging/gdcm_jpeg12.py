"""A pydicom decoding plugin: 12-bit JPEG Extended (Process 4) frames decoded by GDCM.

Hospital discs carry CT and MR series compressed as 12-bit lossy JPEG (transfer syntax
1.2.840.10008.1.2.4.51). Pillow reads no 12-bit JPEG; pylibjpeg's decoder refuses streams that
break its stricter reading of the standard ("A misplaced marker segment", for a scan header
that does not say 0…63) which the IJG library every DICOM toolkit builds on (dcmtk, GDCM)
decodes with a warning. pydicom's own GDCM plugin declines 12-bit samples, so this one hands
the frame to GDCM's IJG 12-bit build itself. It is tried after the other plugins
(`pixel_decoders`), and runs, like every decode, in the isolated worker.

The module follows pydicom's plugin interface: `DECODER_DEPENDENCIES`, `is_available(uid)`
and the decode function `decode_frame(src, runner)`.
"""

from __future__ import annotations

from typing import Any

from pydicom.uid import JPEGExtended12Bit

try:
    import gdcm

    HAVE_GDCM = True
except ImportError:  # an installation without GDCM: the other plugins still run
    HAVE_GDCM = False

DECODER_DEPENDENCIES = {JPEGExtended12Bit: ("python-gdcm>=3.0.10",)}
_MONOCHROME = ("MONOCHROME1", "MONOCHROME2")


def is_available(uid: str) -> bool:
    return HAVE_GDCM and uid == JPEGExtended12Bit


def decode_frame(src: bytes, runner: Any) -> bytes:
    """One grey frame of 9 to 12 bits per sample, as 16-bit little-endian samples."""
    bits = int(runner.bits_stored)
    photometric = str(runner.photometric_interpretation)
    if not 8 < bits <= 12 or runner.samples_per_pixel != 1 or photometric not in _MONOCHROME:
        raise NotImplementedError("only grey 12-bit JPEG Extended frames are decoded here")
    image = gdcm.Image()
    image.SetNumberOfDimensions(2)
    image.SetDimensions((runner.columns, runner.rows, 1))
    kind = gdcm.PhotometricInterpretation.GetPIType(photometric)
    image.SetPhotometricInterpretation(gdcm.PhotometricInterpretation(kind))
    syntax = gdcm.TransferSyntax.GetTSType(str(JPEGExtended12Bit))
    image.SetTransferSyntax(gdcm.TransferSyntax(syntax))
    # 16 bits allocated whatever the file says: the decoder writes 16-bit samples.
    signed = int(runner.pixel_representation)
    image.SetPixelFormat(gdcm.PixelFormat(1, 16, bits, bits - 1, signed))
    fragment = gdcm.Fragment()
    fragment.SetByteStringValue(src)
    fragments = gdcm.SequenceOfFragments.New()
    fragments.AddFragment(fragment)
    pixels = gdcm.DataElement(gdcm.Tag(0x7FE0, 0x0010))
    pixels.SetValue(fragments.__ref__())
    image.SetDataElement(pixels)
    buffer = image.GetBuffer()  # the SWIG binding hands the bytes back as a str
    decoded = buffer.encode("utf-8", "surrogateescape") if isinstance(buffer, str) else b""
    if len(decoded) != runner.rows * runner.columns * 2:
        raise ValueError("GDCM could not decode the JPEG stream")
    runner.set_option("bits_allocated", 16)
    return decoded
