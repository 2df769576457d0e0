"""A series' images in reading order, and the placements of images filed before Casebook kept
them.

The order is derived every time from stored header facts (`core.slice_order`), never stored
itself. Images imported before those facts were kept have no placement yet; until it is read
they are in instance-number order. `read_placements` reads it from the stored files' first
bytes in the worker pool (a reader's job: headers of untrusted files are parsed only there) and
`remember_placements` keeps it (a small write), so each file's header is read again only once.
The placements are a record of what the files already say, like the thumbnail cache: keeping
them changes nothing any page shows, so the write announces nothing.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future

from casebook.core.progress import CancelToken, Progress, Report
from casebook.core.slice_order import OrderFacts, SlicePlacement, reading_order
from casebook.imaging.slice_placement import read_placement
from casebook.services.binder.session import BinderSession
from casebook.services.isolation import Outcome, WorkerPool, shared_worker
from casebook.store import imaging as imaging_store
from casebook.store.blobs import read_blob_range
from casebook.store.imaging import InstanceRecord

# A single-frame header is a few kilobytes; an enhanced multi-frame one (a functional group per
# frame) can be megabytes. What does not parse from the short head is read again longer.
SHORT_HEAD_BYTES = 256 * 1024
LONG_HEAD_BYTES = 16 * 1024 * 1024
HEADS_PER_ROUND_TRIP = 32

__all__ = [
    "in_reading_order",
    "ordered_instances",
    "read_placements",
    "remember_placements",
    "unplaced",
]


def in_reading_order(instances: list[InstanceRecord]) -> list[InstanceRecord]:
    """`instances` (of one series) in reading order, whatever order they come in."""
    facts = [
        OrderFacts(instance.placement, instance.instance_number, instance.id)
        for instance in instances
    ]
    return [instances[index] for index in reading_order(facts)]


def ordered_instances(session: BinderSession, series_id: int) -> list[InstanceRecord]:
    """The images of a series (not in the trash) in reading order."""
    with session.reading() as db:
        return in_reading_order(imaging_store.list_instances(db, series_id))


def unplaced(instances: list[InstanceRecord]) -> list[InstanceRecord]:
    """The images whose placement has not been read yet (filed by an older Casebook)."""
    return [instance for instance in instances if instance.placement is None and instance.has_image]


def read_placements(
    session: BinderSession,
    instances: list[InstanceRecord],
    report: Report,
    cancel: CancelToken,
    worker: WorkerPool | None = None,
) -> dict[int, SlicePlacement]:
    """The placement of each of `instances` by id, read from its stored header in the worker.

    A file whose header cannot be read gets an empty placement (it is ordered by its number,
    and not read again)."""
    pool = worker or shared_worker()
    found: dict[int, SlicePlacement] = {}
    retry: list[InstanceRecord] = []
    in_flight: deque[tuple[list[InstanceRecord], Future[list[Outcome[SlicePlacement | None]]]]] = (
        deque()
    )

    def collect() -> None:
        batch, future = in_flight.popleft()
        for instance, outcome in zip(batch, future.result(), strict=True):
            if outcome.value is not None:
                found[instance.id] = outcome.value
            elif outcome.error is None:
                retry.append(instance)  # its header goes on past the short head
            else:
                found[instance.id] = SlicePlacement()
        report(Progress(len(found), len(instances), ""))

    short = [i for i in instances if i.frames <= 1]
    long = [i for i in instances if i.frames > 1]
    for start in range(0, len(short), HEADS_PER_ROUND_TRIP):
        cancel.raise_if_cancelled()
        batch = short[start : start + HEADS_PER_ROUND_TRIP]
        heads = _heads(session, batch, SHORT_HEAD_BYTES)
        in_flight.append((batch, pool.submit(read_placement, heads)))
        if len(in_flight) > 2 * pool.size:
            collect()
    while in_flight:
        collect()
    for instance in [*long, *retry]:  # one at a time: their heads can be large
        cancel.raise_if_cancelled()
        [head] = _heads(session, [instance], LONG_HEAD_BYTES)
        # The longest head decides: what does not parse from it has no placement.
        [outcome] = pool.run_batch(read_placement, [(head[0], True)])
        found[instance.id] = outcome.value if outcome.value is not None else SlicePlacement()
        report(Progress(len(found), len(instances), ""))
    return found


def _heads(
    session: BinderSession, batch: list[InstanceRecord], length: int
) -> list[tuple[bytes, bool]]:
    """(first `length` bytes, whether that is the whole file) of each image's file."""
    with session.reading() as db:
        return [(read_blob_range(db, i.content_sha256, 0, length), i.size <= length) for i in batch]


def remember_placements(session: BinderSession, placements: dict[int, SlicePlacement]) -> None:
    """Keep placements read again (announces nothing: see the module's docstring)."""
    if not placements:
        return
    with session.writing() as db:
        imaging_store.set_placements(db, placements)
