"""Reading photographed bilingual reports with RapidOCR: crooked, dim, sideways, as JPEG, HEIC
and TIFF; word boxes land on the words of the picture as shown."""

from __future__ import annotations

import io

import pytest
from paper_photos import encoded, photographed, report_page
from PIL import Image

from casebook.importers.ocr import lines_from_json, lines_to_json, recognise_picture

# Each is one OCR of an A4 page (seconds each on a laptop): keep the set small.
pytestmark = pytest.mark.slow


def _flat(text: str) -> str:
    return "".join(text.split())


def _assert_reads_the_report(text: str) -> None:
    flat = _flat(text)
    for expected in ("病理诊断报告", "肺腺癌", "2025-03-14", "adenocarcinoma", "TTF-1", "Napsin"):
        assert expected in flat, (expected, text)


def test_a_dim_crooked_jpeg_photo_is_straightened_and_read() -> None:
    photo = photographed(report_page(), tilt=4.0, brightness=0.55)
    found = recognise_picture(encoded(photo, "jpeg", quality=60))
    _assert_reads_the_report(found.text)
    assert found.turned_degrees == 0
    assert found.tilt_degrees == pytest.approx(-4.0, abs=0.8)
    assert (found.width, found.height) == photo.size
    assert "Margins are clear" in found.text


def test_a_sideways_heic_photo_is_turned_upright() -> None:
    photo = photographed(report_page(), tilt=-2.0, quarter_turns=1)  # 90° counter-clockwise
    found = recognise_picture(encoded(photo, "heic"))
    _assert_reads_the_report(found.text)
    assert found.turned_degrees == 270


def test_an_upside_down_tiff_scan_is_read() -> None:
    found = recognise_picture(encoded(photographed(report_page(), quarter_turns=2), "tiff"))
    _assert_reads_the_report(found.text)
    assert found.turned_degrees == 180


def test_exif_orientation_is_applied_and_boxes_sit_on_the_words() -> None:
    page = report_page()
    stored = page.rotate(90, expand=True)  # the camera stored it sideways …
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # … and said "rotate 90° clockwise to show"
    stored.save(buffer, "JPEG", quality=80, exif=exif)
    found = recognise_picture(buffer.getvalue())
    _assert_reads_the_report(found.text)
    assert (found.width, found.height) == page.size  # coordinates of the picture as shown
    assert found.turned_degrees == 0
    diagnosis = next(line for line in found.lines if "adenocarcinoma" in line.text)
    word = next(w for w in diagnosis.words if "adenocarcinoma" in w.text)
    xs = [x for x, _y in word.box]
    ys = [y for _x, y in word.box]
    # The word is where it was drawn: right half of the page, fourth line (see report_page).
    line_top = page.height // 14 + 3 * (page.width // 16)
    assert page.width * 0.35 < min(xs) < max(xs) < page.width * 0.9
    assert line_top - page.width // 20 < min(ys) < max(ys) < line_top + page.width // 16
    crop = page.convert("L").crop((int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys))))
    assert crop.getextrema()[0] < 60  # ink inside the box
    assert lines_from_json(lines_to_json(found)) == tuple(
        type(line)(line.text, line.score, _rounded(line.box), tuple(
            type(w)(w.text, _rounded(w.box)) for w in line.words))
        for line in found.lines
    )  # fmt: skip


def _rounded(quad: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    return tuple((round(x, 1), round(y, 1)) for x, y in quad)


def test_a_photo_with_no_text_reads_nothing() -> None:
    plain = Image.new("RGB", (1600, 1200), (120, 160, 90))
    found = recognise_picture(encoded(plain, "jpeg"))
    assert found.lines == ()
    assert found.text == ""


def test_reading_leaves_a_core_free_for_the_window() -> None:
    """ONNX Runtime's default takes every core and spins between layers; each of the three
    models (find text, which way up, read it) gets one core fewer than the process may use."""
    import os

    from casebook.importers import ocr

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert cores
    engine = ocr._ocr_engine()
    sessions = (engine.text_det.infer, engine.text_cls.infer, engine.text_rec.session)
    for inference in sessions:
        options = inference.session.get_session_options()
        assert options.intra_op_num_threads == max(1, cores - 1)
        assert options.inter_op_num_threads == 1
