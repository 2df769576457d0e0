"""Full-text search over the binder with FTS5's trigram tokenizer.

Trigrams find any substring of three or more characters in any script, which suits Chinese
(no spaces between words). Queries of one or two characters, common in Chinese ("癌", "病理"),
fall back to a LIKE scan of the same index, which is fine at a binder's size.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

MAX_HITS = 200


@dataclass(frozen=True)
class SearchHit:
    kind: str
    ref_id: int
    title: str
    snippet: str


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(db: sqlite_utils.Database, query: str) -> list[SearchHit]:
    terms = query.split()
    if not terms:
        return []
    if all(len(term) >= 3 for term in terms):
        # Each term quoted as an FTS5 string, so user input is never parsed as syntax.
        match = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
        rows = db.execute(
            """SELECT kind, ref_id, title, snippet(search_index, 3, '[', ']', '…', 12)
               FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?""",
            [match, MAX_HITS],
        ).fetchall()
    else:
        conditions = " AND ".join(
            "(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')" for _ in terms
        )
        parameters: list[object] = []
        for term in terms:
            parameters += [_like_pattern(term), _like_pattern(term)]
        rows = db.execute(
            f"SELECT kind, ref_id, title, substr(body, 1, 80) FROM search_index "  # noqa: S608
            f"WHERE {conditions} LIMIT ?",
            [*parameters, MAX_HITS],
        ).fetchall()
    return [SearchHit(str(k), int(r), str(t or ""), str(s or "")) for k, r, t, s in rows]
