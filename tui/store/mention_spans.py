"""An article's entity mentions packed in one value (schema 13, tui/store/schema_pack.py).

A mention was a row (entity, article, start, end) keyed by entity, plus an index by article
that held it a second time: 0.79 KB an article on the bench cache. The rows stay, for the
readers that go from an entity (the `entity:` filter, the claims it lies in, pins, sparklines:
plain SQL on the key); the readers that go from an article (the reader's entity panel, story
reports, deleting an article's mentions) read `article_mentions`, one value per article with
every span of every entity: varints, per entity its id, its number of spans, then each span as
the distance from the previous start and its length (zigzag, so nothing is refused).

Two SQL functions are registered on every store connection (schema_size.register_functions):
`sitrep_mention_ids(spans)`, the entities as a JSON list (the trigger that deletes an
article's rows keyed by entity reads it), and the aggregate `sitrep_pack_mentions(entity,
start, end)` the migration builds the values with.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping

Spans = dict[int, tuple[tuple[int, int], ...]]


def _zigzag(value: int) -> int:
    return value * 2 if value >= 0 else -value * 2 - 1


def _unzigzag(value: int) -> int:
    return value >> 1 if not value & 1 else -((value + 1) >> 1)


def _varint(value: int, out: bytearray) -> None:
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def pack(mentions: Mapping[int, Iterable[tuple[int, int]]]) -> bytes:
    """entity id -> spans, as one value; the spans of an entity sorted, duplicates kept once."""
    out = bytearray()
    for entity_id in sorted(mentions):
        spans = sorted(set(mentions[entity_id]))
        if not spans:
            continue
        _varint(_zigzag(entity_id), out)
        _varint(len(spans), out)
        previous = 0
        for start, end in spans:
            _varint(_zigzag(start - previous), out)
            _varint(_zigzag(end - start), out)
            previous = start
    return bytes(out)


@functools.lru_cache(maxsize=256)
def unpack(value: bytes) -> Spans:
    """What `pack` kept (entity id -> sorted spans). A page of claims asks about the same few
    articles again and again: the last values are kept."""
    found: Spans = {}
    numbers = _varints(value)
    at = 0
    while at < len(numbers):
        entity_id, count = _unzigzag(numbers[at]), numbers[at + 1]
        at += 2
        spans, start = [], 0
        for _ in range(count):
            start += _unzigzag(numbers[at])
            spans.append((start, start + _unzigzag(numbers[at + 1])))
            at += 2
        found[entity_id] = tuple(spans)
    return found


def _varints(value: bytes) -> list[int]:
    numbers, current, shift = [], 0, 0
    for byte in value:
        current |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            numbers.append(current)
            current, shift = 0, 0
    return numbers


def _ids(value: object) -> str:
    return json.dumps(list(unpack(value)) if isinstance(value, bytes) else [])


class _Packer:
    """The aggregate `sitrep_pack_mentions(entity, start, end)`: one article's rows packed."""

    def __init__(self) -> None:
        self.mentions: dict[int, list[tuple[int, int]]] = {}

    def step(self, entity_id: int, start: int, end: int) -> None:
        self.mentions.setdefault(entity_id, []).append((start, end))

    def finalize(self) -> bytes:
        return pack(self.mentions)


def save(
    conn: sqlite3.Connection, article_id: int, mentions: Mapping[int, Iterable[tuple[int, int]]]
) -> None:
    """An article's mentions (entity id -> spans), in the transaction at hand: a row per
    mention, and the spans packed in one value."""
    found = {entity_id: set(spans) for entity_id, spans in mentions.items()}
    found = {entity_id: spans for entity_id, spans in found.items() if spans}
    if not found:
        return
    conn.executemany(
        'INSERT OR IGNORE INTO mentions(entity_id, article_id, start, "end") VALUES (?, ?, ?, ?)',
        [(e, article_id, start, end) for e, spans in found.items() for start, end in spans],
    )
    conn.execute(
        "INSERT INTO article_mentions(article_id, spans) VALUES (?, ?)", (article_id, pack(found))
    )


def add(
    conn: sqlite3.Connection, article_id: int, entity_id: int, spans: Iterable[tuple[int, int]]
) -> None:
    """Mentions of one entity added to an article's (a hand-made mention, as tests make)."""
    row = conn.execute(
        "SELECT spans FROM article_mentions WHERE article_id = ?", (article_id,)
    ).fetchone()
    mentions = {e: set(found) for e, found in unpack(row[0]).items()} if row else {}
    mentions.setdefault(entity_id, set()).update(spans)
    conn.execute("DELETE FROM article_mentions WHERE article_id = ?", (article_id,))
    save(conn, article_id, mentions)


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("sitrep_mention_ids", 1, _ids, deterministic=True)
    conn.create_aggregate("sitrep_pack_mentions", 3, _Packer)  # type: ignore[arg-type]
