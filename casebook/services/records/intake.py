"""The reading side of an import: walk, read each file once, and start parsing in the pool.

Runs on the import's reader thread (see `readahead`). It walks what was offered (`file_walk`),
expands .zip archives member by member (`archives`, opened once), reads and hashes each file
(`reading`), recognises programs by content, and hands DICOM headers — several files per round
trip — and PDFs to the worker pool, so that parsing runs while earlier files are stored. What
it emits, in the order offered, is one `Intake` per file: read, refused or left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from casebook.core.errors import FileProblem, FileRefused
from casebook.core.progress import CancelToken, Progress, Report
from casebook.importers.archives import ArchiveUnreadable
from casebook.importers.furniture import (
    DISC_MARKERS,
    Furniture,
    furniture_by_content,
    furniture_by_name,
)
from casebook.importers.sniff import SNIFF_BYTES, sniff_media_type
from casebook.services.imaging.header_reader import summarise_head
from casebook.services.records.file_walk import FoundFile, SkippedFurniture, walk_offered
from casebook.services.records.reading import (
    ARCHIVE_PROBLEMS,
    MediaFile,
    ReadFile,
    SourceOpener,
    open_regular,
)
from casebook.services.workers.by_name import ByName
from casebook.services.workers.pool import Outcome, WorkerPool

DICOM = "application/dicom"
PDF = "application/pdf"
ZIP = "application/zip"
HEADERS_PER_ROUND_TRIP = 16
# What is sent of each file for its header. Most headers end within a few KB (CT, MR: 2-30 KB);
# one that goes on past this is sent again whole (`whole_head` False, the summary None).
# Sending 256 KB (a large file's whole head) of each 0.5 MB CT slice was 100 MB of copying per
# 400 slices.
HEADER_SENT_BYTES = 64 * 1024
HEADER_TIMEOUT_SECONDS = 30.0
MAX_PDF_TEXT_BYTES = 64 * 1024 * 1024
MAX_PDF_TEXT_PAGES = 500

# PDFium reads a PDF's text in the worker; the app never loads it to send one (workers.by_name).
extract_pdf_text: ByName[str] = ByName("casebook.importers.pdf_pages", "extract_pdf_text")


@dataclass
class Parsing:
    """A pool answer that will come: item `index` of the batch `future` answers."""

    future: Future[list[Outcome[Any]]]
    index: int

    def outcome(self) -> Outcome[Any]:
        return self.future.result()[self.index]


@dataclass
class Intake:
    """One file of the import, as the reader saw it."""

    read: ReadFile | None = None
    refused: FileRefused | None = None
    furniture: tuple[Path, Furniture] | None = None
    parsing: Parsing | None = None
    whole_head: bool = False  # the DICOM header sent was the whole file

    @property
    def held_bytes(self) -> int:
        return len(self.read.data) if self.read is not None and self.read.data is not None else 0


Emit = Callable[[Intake, int], None]


@dataclass
class IntakeReader:
    """Produces `Intake`s for `paths` (call it on the reader thread with an `emit`)."""

    paths: Sequence[Path]
    opener: SourceOpener
    pool: WorkerPool
    report: Report
    cancel: CancelToken
    binder_folder: Path | None = None
    sources: Sequence[tuple[MediaFile, int]] = ()  # read these (with their sizes) as well
    expand_archives: bool = True
    _pending: list[Intake] = field(default_factory=list)
    _done_bytes: int = 0
    _total_bytes: int = 0

    def __call__(self, emit: Emit) -> None:
        walked = list(walk_offered(self.paths, self.binder_folder))
        self._total_bytes = sum(entry.size for entry in walked if isinstance(entry, FoundFile))
        self._total_bytes += sum(size for _, size in self.sources)
        for source, size in self.sources:
            self.cancel.raise_if_cancelled()
            self._source(source, size, emit)
        for entry in walked:
            self.cancel.raise_if_cancelled()
            if isinstance(entry, FileRefused):
                self._emit(emit, Intake(refused=entry))
            elif isinstance(entry, SkippedFurniture):
                self._emit(emit, Intake(furniture=(entry.path, entry.kind)))
            elif self.expand_archives and _looks_like_zip(entry):
                self._archive(entry, emit)
            else:
                source = MediaFile(entry.path, real=entry.real, on_disc=entry.on_disc)
                self._source(source, entry.size, emit)
        self._flush(emit)
        self.report(Progress(self._total_bytes, self._total_bytes, ""))

    def _archive(self, entry: FoundFile, emit: Emit) -> None:
        try:
            reader = self.opener.archive(entry.path, entry.real)
            members = list(reader.members())
        except ArchiveUnreadable as unreadable:
            if unreadable.problem.value == "damaged":  # not really a zip: keep it as it is
                self._source(MediaFile(entry.path, real=entry.real), entry.size, emit)
            else:
                refused = FileRefused(entry.path, ARCHIVE_PROBLEMS[unreadable.problem])
                self._emit(emit, Intake(refused=refused))
            return
        self._total_bytes += sum(m.size for m in members if m.problem is None) - entry.size
        roots = disc_roots([m.name for m in members])
        for member in members:
            self.cancel.raise_if_cancelled()
            folder = str(PurePosixPath(member.name).parent)
            on_disc = any(folder == root or folder.startswith(root + "/") for root in roots)
            at_root = folder in roots
            source = MediaFile(entry.path, member.name, entry.real, on_disc)
            if member.problem is not None:
                problem = ARCHIVE_PROBLEMS[member.problem]
                self._emit(emit, Intake(refused=FileRefused(source.refusal_path, problem)))
                continue
            kind = furniture_by_name(source.file_name, on_disc=on_disc, at_disc_root=at_root)
            if kind is not None:
                self._emit(emit, Intake(furniture=(source.refusal_path, kind)))
            elif member.size == 0:
                self._emit(
                    emit, Intake(refused=FileRefused(source.refusal_path, FileProblem.EMPTY))
                )
            else:
                self._source(source, member.size, emit)

    def _source(self, source: MediaFile, size: int, emit: Emit) -> None:
        base = self._done_bytes
        name = source.display_name

        def piece_done(done: int) -> None:
            self.report(Progress(base + done, self._total_bytes, name))

        self.report(Progress(base, self._total_bytes, name))
        try:
            read = self.opener.read(source, size, self.cancel, piece_done)
        except FileRefused as refused:
            self._done_bytes += size
            self._emit(emit, Intake(refused=refused))
            return
        self._done_bytes += size
        kind = furniture_by_content(read.head)
        if kind is not None:
            self._emit(emit, Intake(furniture=(source.refusal_path, kind)))
        elif read.media_type == DICOM:
            self._pending.append(Intake(read=read))
            if len(self._pending) >= HEADERS_PER_ROUND_TRIP:
                self._flush(emit)
        elif read.media_type == PDF and read.data is not None and size <= MAX_PDF_TEXT_BYTES:
            future = self.pool.submit(extract_pdf_text, [(bytes(read.data), MAX_PDF_TEXT_PAGES)])
            self._emit(emit, Intake(read=read, parsing=Parsing(future, 0)))
        else:
            self._emit(emit, Intake(read=read))

    def _emit(self, emit: Emit, intake: Intake) -> None:
        self._flush(emit)  # DICOM files read before this one go first (order is kept)
        emit(intake, intake.held_bytes)

    def _flush(self, emit: Emit) -> None:
        """Send the headers read so far to the pool in one round trip; emit their files."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        items = []
        for intake in pending:
            assert intake.read is not None
            head = intake.read.data if intake.read.data is not None else intake.read.head
            intake.whole_head = intake.read.data is not None and len(head) <= HEADER_SENT_BYTES
            items.append((bytes(head[:HEADER_SENT_BYTES]), intake.whole_head))
        future = self.pool.submit(summarise_head, items, HEADER_TIMEOUT_SECONDS)
        for index, intake in enumerate(pending):
            intake.parsing = Parsing(future, index)
            emit(intake, intake.held_bytes)


def readers_wanted(paths: Sequence[Path], most: int) -> int:
    """How many file readers (workers) an import of `paths` keeps busy from its start, at most
    `most`: all of them for a folder or an archive (a disc), one per PDF and per round trip
    of DICOM headers, none for documents that need no reader (a photo, a text, a Word file).
    A reader costs a process that loads pydicom: worth starting early for a disc, wasted for
    a letter. Only the first bytes of each offered file are read."""
    pdfs = dicom = 0

    def wanted() -> int:
        return pdfs + -(-dicom // HEADERS_PER_ROUND_TRIP)  # DICOM: a round trip a reader

    for path in paths:
        if wanted() >= most:
            break
        if path.is_dir():
            return most
        try:
            with open_regular(path) as handle:
                kind = sniff_media_type(handle.read(SNIFF_BYTES))
        except (OSError, FileRefused):
            continue  # the import itself says what is wrong with it
        if kind == ZIP:
            return most
        dicom += kind == DICOM
        pdfs += kind == PDF
    return min(most, wanted())


def disc_roots(names: list[str]) -> set[str]:
    """The folders of an archive that hold a disc (a DICOMDIR or AUTORUN.INF), "." for its top."""
    return {
        str(PurePosixPath(name).parent)
        for name in names
        if PurePosixPath(name).name.casefold() in DISC_MARKERS
    }


def _looks_like_zip(entry: FoundFile) -> bool:
    if entry.path.suffix.casefold() != ".zip":
        return False
    try:
        with open_regular(entry.real) as handle:
            return handle.read(4) == b"PK\x03\x04"
    except FileRefused:
        return False
