"""The tokens the full-text indexes hold, and query words turned into them.

FTS5 answers a prefix query ("drone"*) of a length it has no prefix index for by merging the
whole lists of every token that starts with it before it returns a first row, so its cost grows
with the cache (20 ms at 50k articles, 400 ms at 1M for "drone"). The same words as exact
tokens ("drone" OR "drones") are read lazily, newest row first, and can be probed for one row.
`words` (schema v8) lists every token written to the indexes; `expand` reads it.

Tokens of text beyond ASCII are made by FTS5 itself, in a per-connection temporary index with the
same tokenizer, so they are exactly the index's own (case and diacritics folded as `unicode61
remove_diacritics 2` folds them), whatever the script; ASCII text is split here the same way.
Those writes to the temporary index count as changes of the connection (`total_changes`), so
the searchers settle their kept sets after planning (`TempSets.settle`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

TOKENIZER = "unicode61 remove_diacritics 2"  # the full-text indexes' tokenizer (tui/store/schema)
# Tokens a prefix may stand for before FTS5's own prefix query is used. Without a prefix index
# of its exact length, FTS5 merges every matching token's whole list before the first row; the
# tokens ORed are read lazily, as far as the page needs: "sta" in the claim index (2-letter
# prefixes only) at 400k articles, 286 tokens: 93 ms as a prefix query, 17 ms ORed.
EXPAND_LIMIT = 512
_SCRATCH = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.sitrep_tokens USING fts5(x, content='', "
    f"tokenize='{TOKENIZER}', columnsize=0)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sitrep_token_rows "
    "USING fts5vocab(temp, sitrep_tokens, instance)",
)


def _scratch(conn: sqlite3.Connection) -> None:
    for statement in _SCRATCH:
        conn.execute(statement)


def _clear(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO temp.sitrep_tokens(sitrep_tokens) VALUES ('delete-all')")


_ASCII_TOKEN = re.compile(r"[a-z0-9]+")  # unicode61's tokens in ASCII text, once lowercased


def note_words(conn: sqlite3.Connection, texts: Iterable[str | None]) -> None:
    """Add the tokens of *texts* to `words`, in the caller's transaction. ASCII text (most of
    it) is split here, exactly as unicode61 splits it; anything else goes through FTS5."""
    plain: set[str] = set()
    other: list[str] = []
    for text in filter(None, texts):
        if text.isascii():
            plain.update(_ASCII_TOKEN.findall(text.lower()))
        else:
            other.append(text)
    if plain:
        conn.execute(
            "INSERT OR IGNORE INTO words(term) SELECT value FROM json_each(?)",
            (json.dumps(sorted(plain)),),
        )
    batch = list(enumerate(other, start=1))
    if not batch:
        return
    _scratch(conn)
    conn.executemany("INSERT INTO temp.sitrep_tokens(rowid, x) VALUES (?, ?)", batch)
    conn.execute(
        "INSERT OR IGNORE INTO words(term) SELECT DISTINCT term FROM temp.sitrep_token_rows"
    )
    _clear(conn)


def fold(conn: sqlite3.Connection, text: str) -> list[str]:
    """The tokens FTS5 makes of *text*, in order ("Kharkiv's" → ["kharkiv", "s"])."""
    if not text:
        return []
    if text.isascii():  # split here, as unicode61 splits it (note_words): no write at all
        return _ASCII_TOKEN.findall(text.lower())
    opened = not conn.in_transaction
    _scratch(conn)
    conn.execute("INSERT INTO temp.sitrep_tokens(rowid, x) VALUES (1, ?)", (text,))
    tokens = [
        row[0] for row in conn.execute("SELECT term FROM temp.sitrep_token_rows ORDER BY offset")
    ]
    _clear(conn)
    if opened:
        conn.commit()  # the implicit transaction would pin the reader to an old snapshot
    return tokens


def expand(conn: sqlite3.Connection, prefix: str, limit: int = EXPAND_LIMIT) -> list[str] | None:
    """The known tokens that start with *prefix* (a folded token), or None when there are more
    than *limit* of them."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    found = [
        row[0]
        for row in conn.execute(
            "SELECT term FROM words WHERE term >= ? AND term < ? LIMIT ?",
            (prefix, upper, limit + 1),
        )
    ]
    return None if len(found) > limit else found
