"""Full-text search over the binder with FTS5's trigram tokenizer.

Trigrams find any substring of three or more characters in any script, which suits Chinese
(no spaces between words). Queries of one or two characters, common in Chinese ("癌", "病理"),
fall back to a LIKE scan of the same index, which is fine at a binder's size.

Two reads, for two needs. `search` ranks (bm25) and cuts a snippet around each hit, for a list
of hits that shows them (`casebook search`): the ranking visits every match, the snippet
re-reads the text of each row it returns, so it is limited. `matching_ids` only says which
rows of one kind match, unranked and unlimited, with no snippet: what a filter needs (the
Records page's search box), and about a third of the work when two thousand documents hold
the word.
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


def _uses_index(terms: list[str]) -> bool:
    """Whether the trigram index can answer: every term has at least three characters."""
    return all(len(term) >= 3 for term in terms)


def _match_expression(terms: list[str]) -> str:
    # Each term quoted as an FTS5 string, so user input is never parsed as syntax.
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _like_conditions(
    terms: list[str], title: str = "title", body: str = "body"
) -> tuple[str, list[object]]:
    """`(title LIKE ? OR body LIKE ?) AND …` for each term, with its parameters."""
    conditions = " AND ".join(
        f"({title} LIKE ? ESCAPE '\\' OR {body} LIKE ? ESCAPE '\\')" for _ in terms
    )
    parameters: list[object] = []
    for term in terms:
        parameters += [_like_pattern(term), _like_pattern(term)]
    return conditions, parameters


def search(db: sqlite_utils.Database, query: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """The best `limit` hits (by bm25 for the index, in stored order for the LIKE fallback),
    each with its title and a snippet of its text."""
    terms = query.split()
    if not terms:
        return []
    if _uses_index(terms):
        rows = db.execute(
            """SELECT kind, ref_id, title, snippet(search_index, 3, '[', ']', '…', 12)
               FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?""",
            [_match_expression(terms), limit],
        ).fetchall()
    else:
        conditions, parameters = _like_conditions(terms)
        rows = db.execute(
            f"SELECT kind, ref_id, title, substr(body, 1, 80) FROM search_index "  # noqa: S608
            f"WHERE {conditions} LIMIT ?",
            [*parameters, limit],
        ).fetchall()
    return [SearchHit(str(k), int(r), str(t or ""), str(s or "")) for k, r, t, s in rows]


def matching_ids(db: sqlite_utils.Database, query: str, kind: str) -> set[int]:
    """The ids of every row of `kind` (e.g. "document") whose title or text holds every term
    of `query`: the same matches as `search`, without ranking, snippet or limit.

    The kind and id are read from the index's content table (`search_index_content`, columns
    c0–c3 = kind, ref_id, title, body: FTS5's documented layout) by rowid, which costs a third
    less than asking the virtual table for them row by row.
    """
    terms = query.split()
    if not terms:
        return set()
    if _uses_index(terms):
        rows = db.execute(
            """SELECT c1 FROM search_index_content WHERE c0 = ? AND id IN
                   (SELECT rowid FROM search_index WHERE search_index MATCH ?)""",
            [kind, _match_expression(terms)],
        ).fetchall()
    else:
        conditions, parameters = _like_conditions(terms, "c2", "c3")
        rows = db.execute(
            f"SELECT c1 FROM search_index_content WHERE c0 = ? AND {conditions}",  # noqa: S608
            [kind, *parameters],
        ).fetchall()
    return {int(row[0]) for row in rows}
