"""Claims as stored: written with their canonical source, side and evidence, read back whole.

A claims row is the analysis plus the user's word: `status` is the status in force and
`analysis_status` the analyzer's when the user set one (tui/store/manual_status.py), NULL
otherwise. `evidence` is JSON, a list of [start, end, kind, by] (offsets into the article
text; before schema 12 each was an object with those keys, which is still read); NULL marks
a claim stored before the store kept it (`sitrep reprocess` redoes those).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from tui.core.models import EVIDENCE_KINDS, Claim, Evidence
from tui.store.schema_lean import QUOTE_CODES, code

# The sentence and the cue are left NULL when they are the article's text at their offsets
# (the `claims` view reads them from there: tui/store/schema_size.py); the status and the quote
# kind are kept as codes (tui/store/schema_lean.py), which the view reads back as words; the
# source, canonical source and side as ids into claim_sources and claim_names (schema_names.py);
# the offsets of the source, cue and content from the claim's start (schema_trim.py).
_INSERT = (
    'INSERT INTO claim_rows(article_id, start, "end", text, source_id, source_start, source_end,'
    " cue, cue_start, cue_end, content_start, content_end, quote, status, canonical_id, side_id,"
    " evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_NAME_TABLES = {"claim_sources": "source", "claim_names": "name"}


def name_ids(conn: sqlite3.Connection, table: str, names: Iterable[str]) -> dict[str, int]:
    """The id of each of *names* in *table* (claim_sources or claim_names), a row added for
    each name it does not hold yet."""
    column, wanted = _NAME_TABLES[table], sorted(set(names))
    rows = conn.execute(
        f"SELECT {column}, id FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    ).fetchall()
    found = {str(name): int(row_id) for name, row_id in rows}
    for name in wanted:
        if name not in found:
            cursor = conn.execute(f"INSERT INTO {table}({column}) VALUES (?)", (name,))
            found[name] = int(cursor.lastrowid or 0)
    return found


def evidence_json(evidence: Iterable[Evidence]) -> str:
    """Lists, not objects: the keys took half of a claim's evidence (schema 12)."""
    rows = [[e.start, e.end, e.kind, e.by] for e in evidence]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _evidence_item(item: object) -> Evidence | None:
    """One item of either form (a list, or the object kept before schema 12)."""
    if isinstance(item, dict):
        item = [item.get("start"), item.get("end"), item.get("kind"), item.get("by")]
    if not isinstance(item, list) or len(item) < 3 or item[2] not in EVIDENCE_KINDS:
        return None
    try:
        by = item[3] if len(item) > 3 else ""
        return Evidence(int(item[0]), int(item[1]), item[2], str(by or ""))
    except (TypeError, ValueError):
        return None


def evidence_of(value: object) -> tuple[Evidence, ...]:
    """The evidence kept in a claims row (tolerant: a damaged or missing value is none)."""
    if not isinstance(value, str) or not value:
        return ()
    try:
        items = json.loads(value)
    except json.JSONDecodeError:
        return ()
    found = []
    for item in items if isinstance(items, list) else ():
        if (evidence := _evidence_item(item)) is not None:
            found.append(evidence)
    return tuple(found)


def insert_claims(conn: sqlite3.Connection, article_id: int, claims: Iterable[Claim]) -> None:
    """Store the article's claims; its text must be stored first (their spans index it)."""
    row = conn.execute(
        "SELECT sitrep_text(text) FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    text = row[0] if row and isinstance(row[0], str) else ""

    def unless_span(value: str, start: int, end: int) -> str | None:
        return None if 0 <= start <= end <= len(text) and text[start:end] == value else value

    claims = list(claims)
    sources = name_ids(conn, "claim_sources", (c.source for c in claims))
    names = name_ids(conn, "claim_names", (n for c in claims
                                           for n in (c.source_canonical, c.affiliation) if n))
    conn.executemany(
        _INSERT,
        [
            (
                article_id, c.start, c.end, unless_span(c.text, c.start, c.end), sources[c.source],
                c.source_start - c.start, c.source_end - c.start,
                unless_span(c.cue, c.cue_start, c.cue_end), c.cue_start - c.start,
                c.cue_end - c.start, c.content_start - c.start, c.content_end - c.start,
                code(c.quote, QUOTE_CODES),
                code(c.status), names.get(c.source_canonical, 0), names.get(c.affiliation, 0),
                evidence_json(c.evidence),
            )
            for c in claims
        ],
    )


def _get(row: Mapping[str, Any] | sqlite3.Row, key: str, default: Any = None) -> Any:
    keys = row.keys()
    return row[key] if key in keys and row[key] is not None else default


def analysis_status(row: Mapping[str, Any] | sqlite3.Row) -> str:
    """What the analyzer said, whatever the user set."""
    return str(_get(row, "analysis_status") or row["status"])


def is_manual(row: Mapping[str, Any] | sqlite3.Row) -> bool:
    """Whether the status in force is one the user set."""
    return _get(row, "analysis_status") is not None


def claim_of(row: Mapping[str, Any] | sqlite3.Row) -> Claim:
    """The claim as the analysis gave it (its status the analyzer's, not the user's)."""
    return Claim(
        row["start"], row["end"], row["text"], row["source"], row["source_start"],
        row["source_end"], row["cue"], row["cue_start"], row["cue_end"], row["content_start"],
        row["content_end"], row["quote"], analysis_status(row), evidence_of(_get(row, "evidence")),
        _get(row, "source_canonical", ""), _get(row, "affiliation", ""),
    )


def content_of(row: Mapping[str, Any] | sqlite3.Row) -> str:
    """What was said: the content span, cut from the sentence (the sentence when the span lies
    outside it, as a damaged row might have)."""
    text, start = row["text"], row["start"]
    begin, end = row["content_start"] - start, row["content_end"] - start
    if 0 <= begin < end <= len(text):
        return " ".join(text[begin:end].split())
    return " ".join(text.split())


def as_dict(row: Mapping[str, Any] | sqlite3.Row) -> dict[str, Any]:
    """A claims row as a dict with its evidence read (`evidence`), `manual` and
    `analysis_status` filled in."""
    found = dict(row)
    found["evidence"] = evidence_of(found.get("evidence"))
    found["manual"] = is_manual(row)
    found["analysis_status"] = analysis_status(row)
    found["source_canonical"] = found.get("source_canonical") or ""
    found["affiliation"] = found.get("affiliation") or ""
    return found


def read_claims(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    """One article's claims in text order, each `as_dict`."""
    rows = conn.execute(
        'SELECT * FROM claims WHERE article_id = ? ORDER BY start, "end"', (article_id,)
    ).fetchall()
    return [as_dict(row) for row in rows]


def claim_json(row: Mapping[str, Any] | sqlite3.Row) -> dict[str, Any]:
    """A claim row of the claims list as `sitrep search --json` gives it."""
    return {
        "type": "claim",
        "id": row["id"],
        "article_id": row["article_id"],
        "text": row["text"],
        "source": row["source"],
        "source_canonical": _get(row, "source_canonical", ""),
        "affiliation": _get(row, "affiliation", ""),
        "cue": row["cue"],
        "status": row["status"],
        "status_manual": is_manual(row),
        "analysis_status": analysis_status(row),
        "status_evidence": [e.as_dict() for e in evidence_of(_get(row, "evidence"))],
        "quote": row["quote"],
        "title": row["title"],
        "url": row["url"],
        "feed": row["feed_name"],
        "published": row["published"],
    }


def preview(conn: sqlite3.Connection, claim_id: int) -> dict[str, Any] | None:
    """One claim for the claims view's preview: the row `as_dict`, its content, and each
    evidence span's text (`evidence_text`, in the order of `evidence`). Reads the article's
    text only in the spans it needs."""
    row = conn.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone()
    if row is None:
        return None
    found = as_dict(row)
    found["content"] = content_of(row)
    found["evidence_text"] = [
        " ".join(
            (
                conn.execute(
                    "SELECT substr(sitrep_text(text), ?, ?) FROM articles WHERE id = ?",
                    (e.start + 1, max(0, e.end - e.start), row["article_id"]),
                ).fetchone()
                or ("",)
            )[0].split()
        )
        for e in found["evidence"]
    ]
    return found
