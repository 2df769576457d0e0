"""The order a person reads a series in: by place along the slice normal, not by file number.

Instance numbers are what a scanner happened to count; a series put together from several
acquisitions, or renumbered by a PACS, can have them out of step with the anatomy. Where the
headers say where each slice lies (Image Position (Patient) projected on the normal of Image
Orientation (Patient), the row × column direction cosines), that decides the order; the
instance number breaks ties and orders the rest, then the acquisition time, then the order of
filing. Slices lying in another plane than most of the series (a localizer filed with the
axials) cannot be placed on the same line and follow the placed ones. A series that images
every place several times (an fMRI or perfusion run) is read one pass at a time, each pass in
place order.

The direction along the normal follows the instance numbers where they are given, so a series
still reads the way the scanner numbered it (head to feet, say); the positions only put the
slices in their places. Plain Python: the viewer, the bundle and the tests read the same rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

Vector = tuple[float, float, float]
_PARALLEL = 0.99  # |cos| between two normals above which two slices share a plane direction


@dataclass(frozen=True)
class SlicePlacement:
    """Where one image (or each frame of a multi-frame image) lies, as its header says.

    `position`: Image Position (Patient) of the image (for a multi-frame image, of the first
    frame in `frame_order`); `orientation`: its row then column direction cosines;
    `acquired`: "YYYYMMDDHHMMSS.ffffff" (zeros where the date is unknown), "" when the file
    gives no acquisition time; `frame_order`: the frames of a multi-frame image in their order
    along the normal, None when they are in order already or nothing says where they lie.
    """

    position: Vector | None = None
    orientation: tuple[float, float, float, float, float, float] | None = None
    acquired: str = ""
    frame_order: tuple[int, ...] | None = None

    @property
    def normal(self) -> Vector | None:
        """The unit normal of the image plane (row × column cosines); None if unknown."""
        if self.orientation is None:
            return None
        return _unit(_cross(self.orientation[:3], self.orientation[3:]))


@dataclass(frozen=True)
class OrderFacts:
    """What the ordering needs of one image: its placement (None: not read yet), its
    instance number and a last tie-breaker (the order it was filed in)."""

    placement: SlicePlacement | None
    instance_number: int | None
    filed: int


def reading_order(items: Sequence[OrderFacts]) -> list[int]:
    """The indexes of `items` in reading order (see the module's docstring)."""
    distances = distances_along_normal(
        [item.placement.position if item.placement else None for item in items],
        [item.placement.normal if item.placement else None for item in items],
    )
    return _ordered(
        distances,
        [item.instance_number for item in items],
        [item.placement.acquired if item.placement else "" for item in items],
        [item.filed for item in items],
    )


def _ordered(
    distances: Sequence[float | None],
    numbers: Sequence[int | None],
    acquired: Sequence[str],
    filed: Sequence[int],
) -> list[int]:
    def by_number(index: int) -> tuple[bool, int, bool, str, int]:
        number = numbers[index]
        return (number is None, number or 0, not acquired[index], acquired[index], filed[index])

    placed = [d for d in distances if d is not None]
    if len(placed) < 2 or max(placed) - min(placed) < 1e-3:
        return sorted(range(len(distances)), key=by_number)
    sign = _direction(numbers, distances)
    passes = _passes(distances, sorted(range(len(distances)), key=by_number))

    def by_place(index: int) -> tuple[int, bool, float, tuple[bool, int, bool, str, int]]:
        distance = distances[index]
        return (passes[index], distance is None, sign * (distance or 0.0), by_number(index))

    return sorted(range(len(distances)), key=by_place)


def _passes(distances: Sequence[float | None], numbered: Sequence[int]) -> list[int]:
    """For a series that images every place the same number of times (an fMRI or perfusion
    run: one pass per time point), which pass each image belongs to (by number, then time);
    0 for every image otherwise, so that images at the same place stay side by side."""
    places = Counter(round(d, 2) for d in distances if d is not None)
    repeats = set(places.values())
    passes = [0] * len(distances)
    if len(repeats) != 1 or repeats == {1} or len(places) < 2:
        return passes
    seen: Counter[float] = Counter()
    for index in numbered:
        distance = distances[index]
        if distance is not None:
            passes[index] = seen[round(distance, 2)]
            seen[round(distance, 2)] += 1
    return passes


def distances_along_normal(
    positions: Sequence[Vector | None], normals: Sequence[Vector | None]
) -> list[float | None]:
    """Each position projected on the series' normal (the most common one); None for slices
    without a position or lying in another plane. A slice whose own normal is reversed is
    projected on the common normal all the same (its position is a point in space)."""
    common = _common_normal(normals)
    if common is None:
        return [None] * len(positions)
    distances: list[float | None] = []
    for position, normal in zip(positions, normals, strict=True):
        if position is None or (normal is not None and abs(_dot(normal, common)) < _PARALLEL):
            distances.append(None)
        else:
            distances.append(_dot(position, common))
    return distances


def frame_order(
    positions: Sequence[Vector | None], normals: Sequence[Vector | None]
) -> tuple[int, ...] | None:
    """The frames of one multi-frame image in order along the normal (the frame's own index
    breaking ties and giving the direction); None when every frame is in order already or
    fewer than two frames say where they lie."""
    count = len(positions)
    frames = list(range(count))
    order = tuple(
        _ordered(distances_along_normal(positions, normals), frames, [""] * count, frames)
    )
    return None if order == tuple(frames) else order


def _direction(numbers: Sequence[int | None], distances: Sequence[float | None]) -> float:
    """+1 to read along the normal, -1 against it: the way the instance numbers run (by the
    sign of their correlation with the distances), else along the normal."""
    pairs = [
        (float(number), distance)
        for number, distance in zip(numbers, distances, strict=True)
        if number is not None and distance is not None
    ]
    if len(pairs) < 2:
        return 1.0
    mean_n = sum(n for n, _ in pairs) / len(pairs)
    mean_d = sum(d for _, d in pairs) / len(pairs)
    covariance = sum((n - mean_n) * (d - mean_d) for n, d in pairs)
    return -1.0 if covariance < 0 else 1.0


def _common_normal(normals: Sequence[Vector | None]) -> Vector | None:
    """The normal most slices share (rounded, sign ignored), or None when none is known."""
    known = [normal for normal in normals if normal is not None]
    if not known:
        return None
    counts = Counter(_rounded(normal) for normal in known)
    best = counts.most_common(1)[0][0]
    return next(normal for normal in known if _rounded(normal) == best)


def _rounded(normal: Vector) -> Vector:
    """A key for grouping normals: rounded, and pointing into the positive half-space."""
    sign = 1.0
    for value in normal:
        if abs(value) > 1e-6:
            sign = 1.0 if value > 0 else -1.0
            break
    x, y, z = (round(sign * value, 2) + 0.0 for value in normal)
    return (x, y, z)


def _cross(a: Sequence[float], b: Sequence[float]) -> Vector:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return float(a[0] * b[0] + a[1] * b[1] + a[2] * b[2])


def _unit(vector: Vector) -> Vector | None:
    length = _dot(vector, vector) ** 0.5
    if length < 1e-6:
        return None
    return (vector[0] / length, vector[1] / length, vector[2] / length)
