"""Text from photographed paper and scanned PDF pages, offline, with RapidOCR on ONNX Runtime.

RapidOCR ships its Chinese+English PP-OCR models inside the wheel, so nothing is downloaded.
Photos from phones come crooked, dim and sideways, so each picture is first turned upright
(EXIF orientation, then the text itself: a page whose text boxes stand on end is turned a
quarter), its contrast stretched, and small tilts measured from the text lines and undone. The
result keeps every line and word with its box, in the coordinates of the picture as it is
shown (EXIF applied), so a viewer can lay selectable text over it and a redaction tool can
propose boxes.

These functions parse untrusted pictures and run only in the isolated OCR worker process.
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PIL import Image, ImageOps

# A photo's text is read at up to this many pixels on its long side; a 100-megapixel panorama
# is scaled down first (the decoder is limited to MAX_DECODED_PIXELS to refuse bombs).
WORKING_SIDE = 2400
MAX_DECODED_PIXELS = 120_000_000
MIN_TILT_DEGREES = 0.4
MAX_TILT_DEGREES = 20.0
MIN_LINE_SCORE = 0.5
SMALL_SIDE = 1024  # which way is up and how crooked: judged on a copy this small
ENGINE = "rapidocr-onnxruntime PP-OCRv4"

_engine: Any = None


Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class Word:
    text: str
    box: Quad


@dataclass(frozen=True)
class Line:
    text: str
    score: float
    box: Quad  # corners clockwise from top-left, in the shown picture's pixels
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Recognition:
    """What the OCR read on one picture or page."""

    width: int  # of the picture as shown (EXIF orientation applied)
    height: int
    lines: tuple[Line, ...] = ()
    turned_degrees: int = 0  # quarter turns applied because the text stood on end
    tilt_degrees: float = 0.0  # small rotation undone
    scaled_from: tuple[int, int] | None = None  # a huge picture was read smaller
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def inference_threads() -> int:
    """Threads ONNX Runtime may use: one core fewer than this process may run on, at least one.

    By default it takes every core, and its idle threads spin waiting for the next layer. Reading
    runs in the background while the family works in the app and the import stores files, so
    the spinning took the core the window and the storing needed: on two busy cores a photo
    took up to twice as long, and a quarter more CPU, than with one thread. One core stays free.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) - 1)


def _ocr_engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        threads = inference_threads()
        _engine = RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)
        _engine.max_side_len = WORKING_SIDE  # the picture is already at most this size
    return _engine


def _bgr(image: Image.Image) -> Any:
    return np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])


def _run(image: Image.Image) -> list[tuple[list[list[float]], str, float, Any]]:
    """Lines as (box, text, score, (word texts, word boxes)) from RapidOCR."""
    result, _elapsed = _ocr_engine()(_bgr(image), return_word_box=True)
    lines = []
    for item in result or []:
        box, text, score = item[0], item[1], float(item[2])
        words = (item[4], item[3]) if len(item) >= 5 else None
        lines.append((box, str(text), score, words))
    return lines


def _boxes(image: Image.Image) -> list[Any]:
    """Text boxes only (detection, no reading): cheap, for finding which way is up."""
    boxes, _elapsed = _ocr_engine().text_det(_bgr(image))
    return [] if boxes is None else list(boxes)


def _upside_down(image: Image.Image, boxes: list[Any]) -> bool:
    """PP-OCR's direction classifier on a dozen lines: most of them read upside down."""
    if not boxes:
        return False
    engine = _ocr_engine()
    crops = engine.get_crop_img_list(_bgr(image), boxes[:12])
    _crops, verdicts, _elapsed = engine.text_cls(crops)
    flipped = sum(1 for label, score in verdicts if label == "180" and score > 0.8)
    return flipped > len(verdicts) / 2


def open_picture(data: bytes) -> Image.Image:
    """The picture as shown: HEIC/TIFF/JPEG/PNG decoded, EXIF orientation applied."""
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - a dependency of Casebook
        pass
    Image.MAX_IMAGE_PIXELS = MAX_DECODED_PIXELS
    image = Image.open(io.BytesIO(data))
    image.load()
    return ImageOps.exif_transpose(image)


def _working_copy(image: Image.Image) -> tuple[Image.Image, float]:
    """Grey, contrast stretched, at most WORKING_SIDE: what the text is read from."""
    scale = min(1.0, WORKING_SIDE / max(image.size))
    work = image.convert("L")
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        work = work.resize(size, Image.Resampling.LANCZOS)
    return ImageOps.autocontrast(work, cutoff=1), scale


def _box_angle(box: Any) -> float:
    (x0, y0), (x1, y1) = box[0], box[1]
    return math.degrees(math.atan2(float(y1) - float(y0), float(x1) - float(x0)))


def _standing_on_end(boxes: list[Any]) -> bool:
    """Most detected text boxes taller than wide: the page lies on its side."""
    if len(boxes) < 2:
        return False
    tall = 0
    for box in boxes:
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        tall += (max(ys) - min(ys)) > 1.5 * (max(xs) - min(xs))
    return tall > len(boxes) / 2


def _upright(work: Image.Image) -> tuple[int, list[Any]]:
    """How many degrees (counter-clockwise) to turn the picture so its text reads upright,
    judged on a small copy, and the text boxes found there once turned."""
    small = work.copy()
    small.thumbnail((SMALL_SIDE, SMALL_SIDE))
    boxes = _boxes(small)
    turned = 0
    if _standing_on_end(boxes):
        turned = 90
        small = small.rotate(90, expand=True)
        boxes = _boxes(small)
    if _upside_down(small, boxes):
        turned = (turned + 180) % 360
        small = small.rotate(180, expand=True)
        boxes = _boxes(small)
    return turned, boxes


def _tilt(boxes: list[Any]) -> float:
    """The median slope of the longer text lines, in degrees (PIL's sense of rotation)."""
    angles = []
    for box in boxes:
        if math.dist(tuple(map(float, box[0])), tuple(map(float, box[1]))) > 40:
            angles.append(_box_angle(box))
    if len(angles) < 2:
        return 0.0
    return float(np.median(angles))


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def _spaced(texts: list[str], boxes: list[Any], fallback: str) -> str:
    """The line's words joined with a space where the page shows a gap between words of
    Latin script (PP-OCR drops the space between Chinese and English: "报告 Pathology Report"
    comes back "报告PathologyReport"). Chinese characters are never spaced apart."""
    if not texts or len(texts) != len(boxes):
        return fallback
    out = texts[0]
    for previous, text, box in zip(boxes, texts[1:], boxes[1:], strict=False):
        if not text or not out:
            out += text
            continue
        before, after = out[-1], text[0]
        height = max(1.0, math.dist(tuple(map(float, box[0])), tuple(map(float, box[3]))))
        gap = float(box[0][0]) - float(previous[1][0])
        spaced = (
            gap > 0.35 * height
            and not (_is_cjk(before) and _is_cjk(after))
            and after.isalnum()
            and before not in " ([（"
        )
        out += (" " if spaced else "") + text
    return out


def _merged_words(texts: list[str], boxes: list[Any]) -> list[tuple[str, list[list[float]]]]:
    """Words as a reader sees them: runs of Latin letters and digits joined into one word with
    one box; each Chinese character its own word; spaces dropped."""
    words: list[tuple[str, list[list[float]]]] = []
    run_text, run_boxes = "", list[Any]()

    def close_run() -> None:
        nonlocal run_text, run_boxes
        if run_text:
            xs = [float(p[0]) for box in run_boxes for p in box]
            ys = [float(p[1]) for box in run_boxes for p in box]
            left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
            words.append((run_text, [[left, top], [right, top], [right, bottom], [left, bottom]]))
        run_text, run_boxes = "", []

    for text, box in zip(texts, boxes, strict=True):
        if not text.strip():
            close_run()
        elif any(_is_cjk(ch) for ch in text):
            close_run()
            words.append((text, [list(map(float, p)) for p in box]))
        else:
            run_text += text
            run_boxes.append(box)
    close_run()
    return words


def _rotate_point(
    point: Point, degrees: float, before: tuple[int, int], after: tuple[int, int]
) -> Point:
    """Where a point of an image rotated by PIL (`rotate(degrees, expand=True)`) came from."""
    # PIL turns counter-clockwise about the centre; undo that about the centres' offset.
    x, y = point[0] - after[0] / 2, point[1] - after[1] / 2
    radians = math.radians(degrees)
    cos, sin = math.cos(radians), math.sin(radians)
    # Inverse of a counter-clockwise turn (in image coordinates, y down).
    ox = x * cos - y * sin
    oy = x * sin + y * cos
    return ox + before[0] / 2, oy + before[1] / 2


def recognise_picture(data: bytes) -> Recognition:
    """Read the text of a photographed or scanned page (the worker's entry point)."""
    shown = open_picture(data)
    work, scale = _working_copy(shown)
    turned, boxes = _upright(work)
    upright = work.rotate(turned, expand=True) if turned else work
    tilt = _tilt(boxes)
    if MIN_TILT_DEGREES <= abs(tilt) <= MAX_TILT_DEGREES:
        straight = upright.rotate(
            tilt, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
        )
    else:
        tilt, straight = 0.0, upright
    lines = _run(straight)

    def back(point: Any) -> Point:
        """From the straightened working picture to the shown picture's pixels."""
        p: Point = (float(point[0]), float(point[1]))
        if tilt:
            p = _rotate_point(p, tilt, upright.size, straight.size)
        if turned:
            p = _rotate_point(p, turned, work.size, upright.size)
        return (p[0] / scale, p[1] / scale)

    def quad(points: Any) -> Quad:
        corners = [back(p) for p in list(points)[:4]]
        return (corners[0], corners[1], corners[2], corners[3])

    found = []
    for box, text, score, words in lines:
        if score < MIN_LINE_SCORE or not text.strip():
            continue
        word_boxes: tuple[Word, ...] = ()
        if words is not None:
            texts, word_quads = [str(t) for t in words[0]], list(words[1])
            if word_quads and len(word_quads) == len(texts):
                text = _spaced(texts, word_quads, text)
                word_boxes = tuple(Word(t, quad(b)) for t, b in _merged_words(texts, word_quads))
        found.append(Line(text.strip(), round(score, 3), quad(box), word_boxes))
    return Recognition(
        width=shown.width,
        height=shown.height,
        lines=tuple(found),
        turned_degrees=turned,
        tilt_degrees=round(tilt, 2),
        scaled_from=shown.size if scale < 1.0 else None,
    )


def recognise_image(image: Image.Image) -> Recognition:
    """Read the text of an already decoded page (a rendered PDF page)."""
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "PNG")
    return recognise_picture(buffer.getvalue())


PDF_PAGE_PIXELS = 2480 * 3508  # an A4 page at 300 dpi


def recognise_pdf_page(data: bytes, index: int) -> Recognition:
    """Read the text of one page of a PDF that has no text layer (a scan)."""
    from casebook.importers.pdf_pages import render_pdf_page

    pixels = render_pdf_page(data, index, PDF_PAGE_PIXELS)
    return recognise_image(Image.fromarray(pixels))


def lines_to_json(recognition: Recognition) -> list[dict[str, Any]]:
    """Lines and word boxes as plain JSON-ready data (points rounded to a tenth of a pixel)."""

    def points(quad: Quad) -> list[list[float]]:
        return [[round(x, 1), round(y, 1)] for x, y in quad]

    return [
        {
            "text": line.text,
            "score": line.score,
            "box": points(line.box),
            "words": [{"text": w.text, "box": points(w.box)} for w in line.words],
        }
        for line in recognition.lines
    ]


def lines_from_json(data: list[dict[str, Any]]) -> tuple[Line, ...]:
    def quad(value: list[list[float]]) -> Quad:
        corners = [(float(x), float(y)) for x, y in value[:4]]
        return (corners[0], corners[1], corners[2], corners[3])

    return tuple(
        Line(
            str(item["text"]),
            float(item.get("score", 0.0)),
            quad(item["box"]),
            tuple(Word(str(w["text"]), quad(w["box"])) for w in item.get("words", [])),
        )
        for item in data
    )
