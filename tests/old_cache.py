"""A cache file as an older sitrep wrote it (schema 8 to 16): the schema of that version from
its own migrations, rows written in plain SQL as that version's store wrote them (claims with
their sentence and cue copied before 11, read from the text in 11; texts as zlib streams from
11 to 16; story rows as JSON text before 11, compressed in 11). The migration tests open it
with today's store.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.query import parse_query
from tui.store import schema, schema_size, words
from tui.store.searcher import Searcher

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
FEED = ("http://old.invalid/feed.xml", "Old wire", ("ukraine",))
SENTENCES = (
    ("The army said drones hit the depot near Kharkiv.", "the army", "Ukrainian army", "Ukraine"),
    ("The defence ministry denied that air defence failed.", "the defence ministry",
     "Russian Defence Ministry", "Russia"),
    ("Residents said the power station was shelled at night.", "residents", "", ""),
)  # fmt: skip
ARTICLES = 30


def claims_of(text: str) -> list[dict[str, object]]:
    """Each sentence of *text* is a claim: its source at its start, its cue after it."""
    found, at = [], 0
    for sentence, source, canonical, side in SENTENCES:
        start = text.index(sentence, at)
        end = start + len(sentence)
        cue_start = start + len(source) + 1
        cue_end = text.index(" ", cue_start)
        found.append({
            "start": start, "end": end, "text": sentence, "source": source,
            "source_start": start, "source_end": start + len(source),
            "cue": text[cue_start:cue_end], "cue_start": cue_start, "cue_end": cue_end,
            "content_start": cue_end + 1,
            "content_end": end - 1, "quote": "reported",
            "status": "denied" if "denied" in sentence else "claimed",
            "source_canonical": canonical, "affiliation": side,
            "evidence": json.dumps([{"start": start, "end": end, "kind": "denial", "by": source}])
            if "denied" in sentence else "[]",
        })  # fmt: skip
        at = end
    return found


def write(path: Path, version: int) -> None:
    """A cache of schema *version* (8 to 16) at *path*, closed. Schemas 12 to 16 are the cache
    of the version before taken through their own migration (schema 11's rows, coded; then
    its mentions packed and its story queue made; then its story rows packed; then its claims'
    names as ids; then its claims' offsets from their start)."""
    assert 8 <= version <= 16
    if version in (12, 13, 14, 15, 16):
        write(path, version - 1)
        old = sqlite3.connect(path)
        schema_size.register_functions(old)
        schema.migrate(old, path, version - 1, schema.MIGRATIONS[:version])
        old.close()
        path.with_name(f"{path.name}.bak-v{version - 1}").unlink()
        return
    packed = version >= 11
    claims_table = "claim_rows" if packed else "claims"
    keep = schema_size.pack if packed else (lambda value: value)  # story rows
    path.parent.mkdir(parents=True, exist_ok=True)
    old = sqlite3.connect(path)
    old.create_function("without_userinfo", 1, lambda value: value)  # v7's migration uses it
    schema_size.register_functions(old)  # v11's
    schema.migrate(old, path, 0, schema.MIGRATIONS[:version])
    old.execute("INSERT INTO feeds(id, url, name, tags) VALUES (1, ?, ?, ?)",
                (FEED[0], FEED[1], " ".join(FEED[2])))  # fmt: skip
    old.execute("INSERT INTO entities(id, name, type) VALUES (1, 'Kharkiv', 'GPE')")
    for n in range(1, ARTICLES + 1):
        when = (NOW - timedelta(hours=n)).isoformat()
        text = f"Report {n}. " + " ".join(s for s, *_ in SENTENCES)
        found = claims_of(text)
        old.execute(
            "INSERT INTO articles(id, feed_id, guid, url, title, fetched, sort_ts, text, read, "
            "claim_count, conflict, state, analyzer_version) "
            "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'analyzed', '9')",
            (n, f"g{n}", f"https://old.invalid/{n}", f"Drones hit depot {n}", when, when,
             zlib.compress(text.encode("utf-8"), 6) if packed else text, n % 2, len(found)),
        )  # fmt: skip
        for claim in found:
            if packed:  # schema 11 keeps the sentence and cue as spans of the text
                claim = {**claim, "text": None, "cue": None}
            names = ", ".join(f'"{k}"' for k in claim)
            old.execute(f"INSERT INTO {claims_table}(article_id, {names}) VALUES (?, "
                        f"{', '.join('?' * len(claim))})", (n, *claim.values()))  # fmt: skip
        if version >= 9:  # the token list (schema 9) is kept by the store as it writes
            words.note_words(old, [text, f"Drones hit depot {n}", *(c["source"] for c in found)])
        kharkiv = text.index("Kharkiv")
        old.execute('INSERT INTO mentions(entity_id, article_id, start, "end") VALUES (1, ?, ?, ?)',
                    (n, kharkiv, kharkiv + 7))  # fmt: skip
        old.execute(
            "INSERT INTO story_articles(article_id, story_id, features) VALUES (?, 's1', ?)",
            (n, keep(json.dumps({"article_id": str(n), "time": 1.0,
                                 "title": f"Drones hit depot {n}",
                                 "terms": {"drone": 2.0, "depot": 1.0}, "places": []}))),
        )  # fmt: skip
    old.execute(
        "INSERT INTO stories(id, title, first_seen, last_seen, articles, state) "
        "VALUES ('s1', 'Drones hit depot', ?, ?, ?, ?)",
        ((NOW - timedelta(hours=ARTICLES)).isoformat(), NOW.isoformat(), ARTICLES,
         keep(json.dumps({"first_seen": 1.0, "last_seen": 2.0, "terms": {"drone": 60.0},
                     "places": {}, "norm": 1.0}))),
    )  # fmt: skip
    old.execute("INSERT INTO app_state(key, value) VALUES ('stories_filed', ?)", (str(ARTICLES),))
    old.commit()
    old.close()


def answers(conn: sqlite3.Connection, queries: tuple[str, ...]) -> dict[str, object]:
    """Every query's pages (up to 500) and counts in both lists, as a migration must keep them."""
    finder, found = Searcher(), {}
    for text in queries:
        query = parse_query(text, NOW)
        found[text] = (
            [r["id"] for r in finder.page_claims(conn, query, limit=500)],
            [r["id"] for r in finder.page_articles(conn, query, limit=500)],
            finder.count_claims(conn, query), finder.count_articles(conn, query),
        )  # fmt: skip
    return found
