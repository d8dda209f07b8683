"""A cache of a few hundred invented articles written through the store, in arrival order with
the disorder real refreshes have (items dated before the refresh that found them, a backlog
when a feed is added, equal dates), and a plain-SQL reference for what a query selects.

The reference asks FTS5 directly, the slow way: each word or phrase as
`tui.store.query_sql.fts_expression` writes it (prefixes, spelling variants) on the phrase
index (which keeps every token with its positions), each term's set with `IN (...)`, ordered
by date. The store's walks must give exactly its rows, page after page.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.models import Analysis, Article, Claim, Entity, Entry
from tui.core.query import Query
from tui.store import manual_status, schema, store
from tui.store.query_sql import article_condition, article_set, claim_set, fts_expression

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
WORDS = [
    "drone", "drones", "dronov", "strike", "strikes", "stadium", "station", "status", "kharkiv",
    "khan", "kherson", "air", "defence", "shelter", "grid", "convoy", "ceasefire", "talks",
    "mission", "night", "power", "water",
]  # fmt: skip
PLACES = ("Kharkiv", "Kyiv", "Sumy", "Odesa", "Kherson")
SOURCES = ("the army", "the defence ministry", "Olena Kovalenko", "the governor", "residents")
# source -> (canonical name, side), as the analyzer gives them (tui/pipeline/analyze)
CANONICAL = {
    "the army": ("Ukrainian army", "Ukraine"), "the defence ministry": ("Russian Defence Ministry",
    "Russia"), "Olena Kovalenko": ("Olena Kovalenko", ""), "the governor": ("Kharkiv governor",
    "Ukraine"), "residents": ("", ""),
}  # fmt: skip
STATUSES = ("claimed", "denied", "disputed", "unconfirmed", "confirmed")
FEEDS = [(f"http://feeds.invalid/{i}.xml", f"Wire {i}", ("ukraine",) if i % 2 else ("world",))
         for i in range(6)]  # fmt: skip


def _article(r: random.Random) -> tuple[str, Analysis]:
    parts: list[str] = []
    claims: list[Claim] = []
    mentions: dict[str, list[tuple[int, int]]] = {}
    at = 0
    for _ in range(r.randint(2, 5)):
        place, source = r.choice(PLACES), r.choice(SOURCES)
        filler = " ".join(r.choices(WORDS, k=r.randint(4, 9)))
        sentence = f"{source.capitalize()} said {filler} near {place}. "
        start = at
        place_at = start + sentence.index(place)
        mentions.setdefault(place, []).append((place_at, place_at + len(place)))
        if r.random() < 0.6:
            end = start + len(sentence) - 1
            claims.append(Claim(start, end, sentence[:-1], source, start, start + len(source),
                                "said", start + len(source) + 1, start + len(source) + 5,
                                start + len(source) + 6, end - 1, "reported",
                                r.choice(STATUSES), (), *CANONICAL[source]))  # fmt: skip
        parts.append(sentence)
        at += len(sentence)
    entities = tuple(Entity(name, "PLACE", tuple(spans)) for name, spans in mentions.items())
    conflict = any(c.status == "disputed" for c in claims)
    return "".join(parts), Analysis(tuple(claims), entities, conflict, "test")


def build(directory: Path, articles: int = 400, seed: int = 3) -> sqlite3.Connection:
    """The cache at directory/cache/sitrep.db, open; ids in arrival order."""
    r = random.Random(seed)
    conn = schema.connect(directory / "cache" / "sitrep.db")
    ids = store.sync_feeds(conn, FEEDS)
    made = 0
    while made < articles:
        feed = r.randrange(len(FEEDS))
        batch = []
        for _ in range(r.randint(1, 6)):
            hours = (articles - made) * 0.25  # newer as they come
            if r.random() < 0.15:
                hours += r.uniform(0, 72)  # dated before the refresh that found it
            if r.random() < 0.05:
                hours = 40.0  # equal dates
            title = " ".join(r.choices(WORDS, k=4)).capitalize()
            batch.append(Entry(f"g{made}", f"https://news.invalid/{made}", title,
                               published=NOW - timedelta(hours=hours),
                               summary=" ".join(r.choices(WORDS, k=8))))  # fmt: skip
            made += 1
        store.save_entries(conn, ids[FEEDS[feed][0]], batch, full_text=True)
        new = conn.execute("SELECT id, url FROM articles WHERE state = 'queued'").fetchall()
        for row in new:
            text, analysis = _article(r)
            store.save_analysis(conn, row["id"], Article(row["url"], text), analysis)
    thirds = conn.execute("SELECT id FROM articles WHERE id % 3 = 0").fetchall()
    store.set_read(conn, [row[0] for row in thirds], True)
    sevenths = conn.execute(
        "SELECT article_id, start, source_start FROM claims WHERE id % 7 = 0").fetchall()
    for article_id, start, source_start in sevenths:  # statuses set by hand
        manual_status.set_status(conn, article_id, start, source_start, "confirmed")
    return conn


def reference(conn: sqlite3.Connection, query: Query, kind: str) -> list[int]:
    """The ids *query* selects in list order, computed the slow and obvious way."""
    where, params = [], []
    fts = "articles_phrase_fts" if kind == "articles" else "claims_phrase_fts"
    row = "a.id" if kind == "articles" else "c.id"
    for term in query.terms:
        sql: tuple[str, tuple[object, ...]] | None = None
        if term.key in ("word", "phrase"):
            expression = fts_expression([term])  # the query language's own sense of it
            if not expression:
                continue
            sql = (f"{row} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", (expression,))
        elif kind == "claims" and (found := claim_set(term)) is not None:
            sql = (f"c.id IN ({found[0]})", found[1])
        elif (found := article_condition(term)) is not None:
            sql = found
        elif kind == "articles" and (found := article_set(term)) is not None:
            sql = (f"a.id IN ({found[0]})", found[1])
        if sql is not None:
            where.append(f"NOT ({sql[0]})" if term.negated else sql[0])
            params.extend(sql[1])
    condition = " AND ".join(where) or "1"
    if kind == "articles":
        return [r[0] for r in conn.execute(
            f"SELECT a.id FROM articles a WHERE {condition} ORDER BY a.sort_ts DESC, a.id DESC",
            params)]  # fmt: skip
    return [r[0] for r in conn.execute(
        f"SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE {condition} "
        "ORDER BY a.sort_ts DESC, a.id DESC, c.start, c.id", params)]  # fmt: skip
