"""The stories' terms table and the packed values that name its ids (schema 14).

`story_terms` gives each term the story process has filed an id, beside its document frequency.
Features and grouping states are written packed (tui/store/story_pack.py), their terms as those
ids, and read back with the ids looked up in one query a batch. A row stays when its count
falls to 0, since packed values may still name it: the table holds each term ever filed once,
and a start over (another features version) empties it with the stories. A value of a shape
the packing does not know is written as zlib'd JSON, as schema 11 wrote every value; the
readers read both.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from tui.store import story_pack
from tui.store.story_pack import ALONE, FEATURES, STATE, Unpackable

_CHUNK = 500


def chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """*items* in parts small enough for one statement's variables."""
    for at in range(0, len(items), _CHUNK):
        yield items[at : at + _CHUNK]


def marks(items: Sequence[Any]) -> str:
    """The placeholders of one part."""
    return ",".join("?" * len(items))


def term_names(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    names: dict[int, str] = {}
    for part in chunks(wanted):
        names.update(
            conn.execute(f"SELECT id, term FROM story_terms WHERE id IN ({marks(part)})", part)
        )
    return names


def term_ids(conn: sqlite3.Connection, terms: set[str]) -> dict[str, int]:
    """The ids of these terms, giving the new ones a row (with no documents yet)."""
    conn.executemany("INSERT OR IGNORE INTO story_terms(term, df) VALUES (?, 0)",
                     [(t,) for t in terms])  # fmt: skip
    ids: dict[str, int] = {}
    for part in chunks(sorted(terms)):
        ids.update(
            conn.execute(f"SELECT term, id FROM story_terms WHERE term IN ({marks(part)})", part)
        )
    return ids


def add_frequencies(conn: sqlite3.Connection, df_delta: Mapping[str, int]) -> None:
    """Document-frequency changes; a count never falls below 0 (nor does its row go)."""
    changes = [(term, delta) for term, delta in df_delta.items() if delta]
    conn.executemany("INSERT OR IGNORE INTO story_terms(term, df) VALUES (?, 0)",
                     [(term,) for term, _ in changes])  # fmt: skip
    conn.executemany("UPDATE story_terms SET df = max(0, df + ?) WHERE term = ?",
                     [(delta, term) for term, delta in changes])  # fmt: skip


# ── writing ─────────────────────────────────────────────────────────────────────────────────


def packed_values(
    conn: sqlite3.Connection,
    features: Mapping[int, Mapping[str, Any]],
    states: Mapping[str, Mapping[str, Any]],
    alone: Mapping[str, int] | None = None,
) -> tuple[dict[int, bytes], dict[str, bytes]]:
    """Article id → its packed features, story id → its packed state; their terms get ids.
    A story of *alone* (story id → its one article, filed in this batch) whose state is its
    article's features summed once keeps its times and norm only (schema 17)."""
    named = [*features.values(), *states.values()]
    ids = term_ids(conn, {t for value in named for t in _terms_in(value)})
    titles = _titles(conn, list(features))
    packed = {
        a: _packed(f, lambda v, a=a: story_pack.pack_features(v, a, titles.get(a), ids))
        for a, f in features.items()
    }
    packed_states = {}
    for story_id, state in states.items():
        article_id = (alone or {}).get(story_id)
        if (
            article_id in packed
            and packed[article_id][:1] == bytes((FEATURES,))
            and story_pack.is_alone(state, features[article_id])
        ):
            packed_states[story_id] = story_pack.pack_alone(state)
        else:
            packed_states[story_id] = _packed(state, lambda v: story_pack.pack_state(v, ids))
    return packed, packed_states


def _terms_in(value: Mapping[str, Any]) -> Iterator[str]:
    for key in ("terms", "places", "kinds", "title_places"):
        part = value.get(key)
        if isinstance(part, Mapping | list | tuple):
            yield from (t for t in part if isinstance(t, str))


def _packed(value: Mapping[str, Any], how: Callable[[Mapping[str, Any]], bytes]) -> bytes:
    try:
        return how(value)
    except (Unpackable, KeyError, TypeError, struct.error):  # another shape: JSON
        return zlib.compress(json.dumps(value, separators=(",", ":")).encode("utf-8"), 6)


def _titles(conn: sqlite3.Connection, article_ids: Sequence[int]) -> dict[int, str]:
    """The articles' titles: features whose title is the article's leave it out."""
    found: dict[int, str] = {}
    for part in chunks(article_ids):
        found.update(
            conn.execute(f"SELECT id, title FROM articles WHERE id IN ({marks(part)})", part)
        )
    return found


# ── reading ─────────────────────────────────────────────────────────────────────────────────


def features_json(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Each row's `old_features` (a stored value; the row has the article's `id`, `title`)
    made JSON text, in place."""
    unpacked = []
    for row in rows:
        value = row["old_features"]
        if isinstance(value, bytes) and value[:1] == bytes((FEATURES,)):
            row["old_features"] = story_pack.unpack_features(value, row["id"], row["title"])
            unpacked.append(row)
        elif value is not None:
            row["old_features"] = _json_text(value)
    ids = {i for row in unpacked for i in story_pack.ids_in(row["old_features"])}
    names = term_names(conn, ids)
    for row in unpacked:
        row["old_features"] = json.dumps(story_pack.named(row["old_features"], names))


def states(
    conn: sqlite3.Connection,
    values: Iterable[bytes | str],
    features: Iterable[bytes | None] | None = None,
) -> list[dict[str, Any]]:
    """Stored grouping states as plain dicts, in order. *features* gives, beside each value,
    the packed features of the story's one article (what a state of one article is read
    from, schema 17; None for any other story)."""
    found: list[dict[str, Any]] = []
    packed: list[dict[str, Any]] = []
    values = list(values)
    for value, feats in zip(values, features or [None] * len(values), strict=True):
        if isinstance(value, bytes) and value[:1] == bytes((STATE,)):
            packed.append(story_pack.unpack_state(value))
            found.append(packed[-1])
        elif isinstance(value, bytes) and value[:1] == bytes((ALONE,)):
            packed.append(story_pack.unpack_alone(value, feats))
            found.append(packed[-1])
        else:
            found.append(json.loads(_json_text(value)))
    names = term_names(conn, {i for state in packed for i in story_pack.ids_in(state)})
    for state in packed:
        story_pack.named(state, names)
    return found


def alone_features(conn: sqlite3.Connection, article_ids: Sequence[int]) -> dict[int, bytes]:
    """The packed features of these articles (the one article of each story kept `ALONE`)."""
    found: dict[int, bytes] = {}
    for part in chunks(list(article_ids)):
        found.update(
            conn.execute(
                f"SELECT article_id, features FROM story_articles WHERE article_id IN "
                f"({marks(part)})",
                part,
            )
        )
    return found


def _json_text(value: bytes | str) -> str:
    """A value written as JSON: zlib'd (schema 11 to 13, and any other shape since), or text."""
    return zlib.decompress(value).decode("utf-8") if isinstance(value, bytes) else str(value)


def is_alone(value: object) -> bool:
    """Whether a stored state is of a story of one article, read from its features."""
    return isinstance(value, bytes) and value[:1] == bytes((ALONE,))
