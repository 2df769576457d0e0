"""`casebook import`: sound files become recordings (of a consultation with `--consultation ID`,
else unattached), everything else is added as documents; the text of the photos and scans
among them is read (OCR) before the command returns, so a script can search right after."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from casebook.app import cli_messages as msg
from casebook.core.errors import FileRefused, InvalidInput
from casebook.core.model import RecordKind
from casebook.core.progress import NEVER_CANCELLED, Report
from casebook.core.recordings import RecordingRefused, clock_text

if TYPE_CHECKING:
    from casebook.services.records.importing import ImportSummary


def add_consultation_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--consultation",
        type=int,
        metavar="ID",
        help="sound files are recordings of this consultation (see 'casebook list --json')",
    )


def recording_problem(refusal: RecordingRefused) -> str:
    """The reason in the system's language: the error registry's words, as the app says it."""
    from casebook.services.error_words import describe

    return describe(refusal, msg.cli_texts())


def _split(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(sound files, everything else), judged by content. A folder without sound files is
    passed on whole, so the import still knows discs and their furniture."""
    from casebook.services.recordings.importing import looks_like_audio
    from casebook.services.records.file_walk import FoundFile, SkippedFurniture, walk_offered

    sounds: list[Path] = []
    others: list[Path] = []
    for path in paths:
        walked = list(walk_offered([path]))
        found = [w.path for w in walked if isinstance(w, FoundFile) and looks_like_audio(w.path)]
        if not found:
            others.append(path)
            continue
        sounds += found
        others += [
            w.path for w in walked if not isinstance(w, SkippedFurniture) and w.path not in found
        ]
    return sounds, others


def _skipped(summary: ImportSummary | None) -> str:
    """', 3 skipped (not medical records: …)' when media furniture was left out."""
    if summary is None or not summary.skipped_count:
        return ""
    kinds = ", ".join(
        f"{count} {msg.furniture(kind)}" for kind, count in summary.skipped.most_common()
    )
    return msg.gettext(", {count} skipped (not medical records: {kinds})").format(
        count=summary.skipped_count, kinds=kinds
    )


def _report_held_back(summary: ImportSummary) -> int:
    """Exit 7 (and say why) when images of someone else were held back."""
    if not summary.held_back:
        return msg.EXIT_OK
    said = msg.gettext("these images seem to belong to someone else and were NOT added:")
    print(f"casebook: {said}", file=sys.stderr)
    for patient in summary.held_back:
        print(f"  {msg.held_back_patient(patient)}", file=sys.stderr)
    print(
        msg.gettext(
            "Check the name on the disc. To add them anyway: casebook import … "
            "--accept-other-patient"
        ),
        file=sys.stderr,
    )
    return msg.EXIT_INVALID_INPUT


def cmd_import(args: argparse.Namespace, password: str, progress: Report) -> int:
    """Import documents and recordings; prints one line per file, then the counts."""
    from casebook.services.binder.session import unlock_binder
    from casebook.services.consultations import list_consultations
    from casebook.services.records.importing import import_paths, start_readers

    slot = RecordKind(args.slot) if args.slot else None
    start_readers(args.paths)  # the file readers start while the binder unlocks
    sounds, others = _split(list(args.paths))
    refused: list[str] = []
    added = already = 0
    summary: ImportSummary | None = None
    with unlock_binder(args.binder, password) as session:
        consultation_id = args.consultation
        if consultation_id is not None and consultation_id not in {
            c.id for c in list_consultations(session)
        }:
            raise InvalidInput("consultation", f"there is no consultation {consultation_id}")

        def committed(path: Path, is_new: bool) -> None:
            said = msg.gettext("added: {path}") if is_new else msg.gettext("already there: {path}")
            print(said.format(path=path), flush=True)

        if others:
            summary = import_paths(
                session, others, slot, progress, NEVER_CANCELLED, committed,
                accept_other_patients=args.accept_other_patient,
            )  # fmt: skip
            refused += [f"{r.path}: {msg.file_problem(r.problem)}" for r in summary.refused]
            added += len(summary.added) + summary.images_added
            already += len(summary.duplicates) + summary.images_already_there
            names = {d.id: d.original_name for d in summary.added}
            if names:  # the text readers (numpy, Pillow, the OCR models) load only for them
                from casebook.services.records.recognition import recognise_waiting

                read = recognise_waiting(session, progress, NEVER_CANCELLED, only=names)
                for document_id in read.read:
                    said = msg.gettext("text read: {name}")
                    print(said.format(name=names[document_id]), flush=True)
                for document_id in read.failed:
                    said = msg.gettext("text could not be read: {name}")
                    print(said.format(name=names[document_id]), flush=True)
        if sounds:
            from casebook.services.recordings.importing import import_recordings

            recorded = import_recordings(
                session, sounds, consultation_id, progress, NEVER_CANCELLED, committed
            )
            for refusal in recorded.refused:
                if isinstance(refusal, RecordingRefused):
                    refused.append(f"{refusal.path}: {recording_problem(refusal)}")
                elif isinstance(refusal, FileRefused):
                    refused.append(f"{refusal.path}: {msg.file_problem(refusal.problem)}")
            for recording in recorded.added:
                said = msg.gettext("  recording of {length}")
                print(said.format(length=clock_text(recording.duration_ms)), flush=True)
            added += len(recorded.added)
            already += len(recorded.duplicates)
    for line in refused:
        print(msg.gettext("refused: {reason}").format(reason=line), flush=True)
    counts = msg.gettext("{added} added, {already} already there, {refused} refused").format(
        added=added, already=already, refused=len(refused)
    )
    print(counts + _skipped(summary))
    if summary is not None and summary.worker_restarts:
        print(
            msg.gettext(
                "{count} file(s) stopped the file reader (damaged or hostile); it was restarted "
                "and the import carried on"
            ).format(count=summary.worker_restarts)
        )
    return _report_held_back(summary) if summary is not None else msg.EXIT_OK
