"""`casebook search BINDER TEXT [--json]`: the documents (and notes, questions…) whose text
holds every word of TEXT, with the matching snippet; photographed pages are found by the text
read from them, or by the family's correction of it."""

from __future__ import annotations

import argparse
import json
from typing import Any

from casebook.app import cli_messages as msg

SEARCH_HELP = "find documents and notes by their text (also the text read from photos)"


def add_search_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help="words to find (each must appear)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def cmd_search(args: argparse.Namespace, password: str) -> int:
    from casebook.services.binder.session import unlock_binder
    from casebook.services.records.documents import list_documents, search

    hits: list[dict[str, Any]] = []
    with unlock_binder(args.binder, password) as session:
        documents = {d.id: d for d in list_documents(session)}
        for hit in search(session, args.text):
            entry: dict[str, Any] = {
                "kind": hit.kind,
                "id": hit.ref_id,
                "title": hit.title,
                "snippet": " ".join(hit.snippet.split()),
            }
            if hit.kind == "document":
                document = documents.get(hit.ref_id)
                if document is None:
                    continue
                entry["original_name"] = document.original_name
                entry["slot"] = document.slot.value
            hits.append(entry)
    if args.json:
        print(json.dumps(hits, ensure_ascii=False, indent=2))
    else:
        for entry in hits:
            name = entry.get("original_name") or entry["title"]
            print(f"[{entry['kind']} {entry['id']}] {name}: {entry['snippet']}")
        print(msg.cli_texts().gettext("{count} found").format(count=len(hits)))
    return msg.EXIT_OK if hits else msg.EXIT_PROBLEM_FOUND
