"""The stories' grouping data in a compact binary form (schema 14).

Each filed article keeps the features it was filed with (what taking it out of its story
subtracts) and each story its grouping state (summed terms, focus places, times, norm). Schema
11 kept both as zlib'd JSON: 0.46 and 0.31 KB an article on the 50k bench cache, most of it the
terms spelled out again in every row, each with its weight as text. Here a term is an id into
`story_terms` (which keeps its document frequency beside it), and the weights, multiples of
one half (title 2, lead 1, entities 1.5 and 0.5, and sums of these), are one byte each.

A value holds, after a tag byte and a flags byte:

- features: time; title (left out when it is the article's own, which never changes once
  stored); terms with their weights, in their order (the grouping sums them in that order),
  as runs of one weight (an article's terms come heaviest first: a few runs); focus places,
  kinds and title places. Features are read back only when their article is filed again, so
  they take varints (an id in 1 to 3 bytes, the most frequent terms' in 1);
- a story's state: first and last seen, norm; terms with their summed weights; focus places
  and event kinds with their counts (kinds since FEATURES_VERSION 6: the grouping's mismatch
  rule reads them for a story filed in an earlier batch), as fixed-width arrays read with
  `struct` (C speed: a catch-up reads the state of every story in the window at each batch).
  Ids take 2 bytes (3 in an array that names a term past the 65,536th, 4 past the
  16,777,216th); weights 1 byte as twice their value (2 or 8 bytes when a value does not
  fit); counts 1 byte (2 or 4).

A time that is a whole number of seconds takes 4 bytes, else 8. Anything of another shape (a
key the grouping did not have when this was written) is not packed: the caller keeps it as
zlib'd JSON, which the readers still read. Unpacking gives ids; `named` turns them into the
terms once they are looked up.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FEATURES, STATE = 1, 2  # tag bytes: a zlib stream starts with 0x78, so the forms never meet
ALONE = 3  # a story of one article: its times and norm; the rest is its article's features
_FEATURE_KEYS = {"article_id", "time", "title", "terms", "places"}
_FEATURE_OPTIONAL = {"kinds": [], "title_places": [], "trend": False}
_STATE_KEYS = {"first_seen", "last_seen", "terms", "places", "norm"}
_STATE_OPTIONAL = {"kinds"}  # a state of before FEATURES_VERSION 6 ends after its places
# flags
_TREND, _OWN_TITLE, _WHOLE_TIMES = 1, 2, 4
# an array's kind byte: its values (none; halves as twice their value; counts; doubles), and
# whether its ids take 3 bytes (2, then a third byte each) or 4, and its length 4 bytes (else 2)
_NONE, _DOUBLES = 0, 1
_HALVES = {"B": 2, "H": 3}
_COUNTS = {"B": 4, "H": 5, "I": 6}
_VALUE_FORMAT = {2: "B", 3: "H", 4: "B", 5: "H", 6: "I", _DOUBLES: "d"}
_WIDE_IDS, _LONG, _WIDEST_IDS = 16, 32, 64


class Unpackable(ValueError):
    """The value is not of the shape this form holds: keep it as JSON."""


def pack_features(
    feats: Mapping[str, Any], article_id: int, title: str | None, ids: Mapping[str, int]
) -> bytes:
    """An article's features (ArticleFeatures.to_dict), filed for article *article_id* whose
    title is *title* (the row gives both back)."""
    keys = set(feats)
    if not _FEATURE_KEYS <= keys <= _FEATURE_KEYS | set(_FEATURE_OPTIONAL):
        raise Unpackable(sorted(keys))
    if feats["article_id"] != str(article_id) or not isinstance(feats["title"], str):
        raise Unpackable("article_id")
    times = _whole(feats["time"])
    flags = (_TREND if feats.get("trend") else 0) | (_WHOLE_TIMES if times else 0)
    if feats["title"] == title:
        flags |= _OWN_TITLE
    out = [bytes((FEATURES, flags)), _times((feats["time"],), times)]
    if not flags & _OWN_TITLE:
        text = str(feats["title"]).encode("utf-8")
        out.append(struct.pack("<I", len(text)) + text)
    terms = feats["terms"]
    out.append(_runs([ids[t] for t in terms], list(terms.values())))
    for key in ("places", "kinds", "title_places"):
        found = [ids[t] for t in feats.get(key, ())]
        out.append(_varints([len(found), *found]))
    return b"".join(out)


def pack_state(state: Mapping[str, Any], ids: Mapping[str, int]) -> bytes:
    """A story's grouping state: first_seen, last_seen, terms, places, norm, and kinds."""
    if not _STATE_KEYS <= set(state) <= _STATE_KEYS | _STATE_OPTIONAL:
        raise Unpackable(sorted(state))
    seen = (state["first_seen"], state["last_seen"])
    whole = all(_whole(t) for t in seen)
    terms, places = state["terms"], state["places"]
    return b"".join((
        bytes((STATE, _WHOLE_TIMES if whole else 0)),
        _times(seen, whole),
        struct.pack("<d", float(state["norm"])),
        _array([ids[t] for t in terms], list(terms.values()), halves=True),
        _array([ids[p] for p in places], list(places.values()), halves=False),
        *(
            (_array([ids[k] for k in state["kinds"]], list(state["kinds"].values()), halves=False),)
            if "kinds" in state
            else ()
        ),
    ))  # fmt: skip


def alone_state(feats: Mapping[str, Any]) -> dict[str, Any]:
    """The terms, places and kinds of a story whose one article has features *feats*: the
    features summed once, as the grouping sums them (tui/pipeline/stories/grouping.py)."""
    places: dict[Any, int] = {}
    for place in feats.get("places", ()):
        places[place] = places.get(place, 0) + 1
    kinds: dict[Any, int] = {}
    for kind in feats.get("kinds", ()):
        kinds[kind] = kinds.get(kind, 0) + 1
    terms = {term: 0.0 + weight for term, weight in feats["terms"].items()}
    return {"terms": terms, "places": places, "kinds": kinds}


def is_alone(state: Mapping[str, Any], feats: Mapping[str, Any]) -> bool:
    """Whether a story's state is what `alone_state` gives from its one article's features,
    value for value and in the same order (schema 17 then keeps it as `pack_alone`)."""
    if not set(state) >= _STATE_KEYS | _STATE_OPTIONAL:
        return False
    derived = alone_state(feats)
    return all(list(state[key].items()) == list(derived[key].items()) for key in derived)


def pack_alone(state: Mapping[str, Any]) -> bytes:
    """A story of one article whose state `is_alone`: its times and norm (18 bytes where the
    state took about 150); the rest is read from its article's features."""
    seen = (state["first_seen"], state["last_seen"])
    whole = all(_whole(t) for t in seen)
    return b"".join((bytes((ALONE, _WHOLE_TIMES if whole else 0)), _times(seen, whole),
                     struct.pack("<d", float(state["norm"]))))  # fmt: skip


def unpack_alone(value: bytes, features: bytes | None) -> dict[str, Any]:
    """A state `pack_alone` kept, with term ids, from its article's packed features (None: no
    article left, an empty state)."""
    (first, last), at = _read_times(value, 2, 2, value[1])
    (norm,) = struct.unpack_from("<d", value, at)
    feats = unpack_features(features, 0, "") if features else {"terms": {}}
    return {"first_seen": first, "last_seen": last, **alone_state(feats), "norm": norm}


def unpack_features(value: bytes, article_id: int, title: str) -> dict[str, Any]:
    """Features as `pack_features` kept them, with term ids where the terms were."""
    flags, at = value[1], 2
    (time,), at = _read_times(value, at, 1, flags)
    if not flags & _OWN_TITLE:
        (size,) = struct.unpack_from("<I", value, at)
        title = value[at + 4 : at + 4 + size].decode("utf-8")
        at += 4 + size
    term_ids, weights, at = _read_runs(value, at)
    lists = []
    for _ in range(3):
        size, at = _read_varint(value, at)
        found = []
        for _ in range(size):
            term_id, at = _read_varint(value, at)
            found.append(term_id)
        lists.append(found)
    return {
        "article_id": str(article_id),
        "time": time,
        "title": title,
        "terms": dict(zip(term_ids, weights, strict=True)),
        "places": lists[0],
        "kinds": lists[1],
        "title_places": lists[2],
        "trend": bool(flags & _TREND),
    }


def unpack_state(value: bytes) -> dict[str, Any]:
    """A story's state as `pack_state` kept it, with term ids where the terms were."""
    flags, at = value[1], 2
    (first, last), at = _read_times(value, at, 2, flags)
    (norm,) = struct.unpack_from("<d", value, at)
    (term_ids, weights), at = _read_array(value, at + 8)
    (place_ids, counts), at = _read_array(value, at)
    found = {
        "first_seen": first,
        "last_seen": last,
        "terms": dict(zip(term_ids, weights, strict=True)),
        "places": dict(zip(place_ids, counts, strict=True)),
        "norm": norm,
    }
    if at < len(value):
        (kind_ids, kind_counts), at = _read_array(value, at)
        found["kinds"] = dict(zip(kind_ids, kind_counts, strict=True))
    return found


def ids_in(unpacked: Mapping[str, Any]) -> set[int]:
    """The term ids an unpacked value names (to look them up in one query)."""
    found: set[int] = set()
    for key in ("terms", "places", "kinds", "title_places"):
        found.update(unpacked.get(key, ()))
    return found


def named(unpacked: dict[str, Any], names: Mapping[int, str]) -> dict[str, Any]:
    """*unpacked* with its term ids replaced by the terms (in place; returned)."""
    for key in ("terms", "places", "kinds", "title_places"):
        part = unpacked.get(key)
        if isinstance(part, dict):
            unpacked[key] = {names[i]: v for i, v in part.items()}
        elif part is not None:
            unpacked[key] = [names[i] for i in part]
    return unpacked


# ── arrays ──────────────────────────────────────────────────────────────────────────────────


def _whole(value: object) -> bool:
    return isinstance(value, int | float) and float(value).is_integer() and 0 <= value < 2**32


def _times(values: Sequence[float], whole: bool) -> bytes:
    if whole:
        return struct.pack(f"<{len(values)}I", *(int(v) for v in values))
    return struct.pack(f"<{len(values)}d", *(float(v) for v in values))


def _read_times(value: bytes, at: int, n: int, flags: int) -> tuple[tuple[float, ...], int]:
    if flags & _WHOLE_TIMES:
        return tuple(float(v) for v in struct.unpack_from(f"<{n}I", value, at)), at + 4 * n
    return struct.unpack_from(f"<{n}d", value, at), at + 8 * n


def _array(ids: list[int], values: list[Any] | None, halves: bool = True) -> bytes:
    """The kind byte, the length, the ids, then the values (none, halves, counts, doubles)."""
    kind, numbers = _NONE, []
    if values is not None:
        kind, numbers = _DOUBLES, [float(v) for v in values]
        if halves and all(float(v * 2).is_integer() and 0 <= v * 2 <= 0xFFFF for v in values):
            numbers = [int(v * 2) for v in values]
            kind = _HALVES[_width(max(numbers, default=0))]
        elif not halves and all(isinstance(v, int) and 0 <= v <= 0xFFFFFFFF for v in values):
            kind, numbers = _COUNTS[_width(max(values, default=0))], list(values)
    n, top = len(ids), max(ids, default=0)
    kind |= _LONG if n > 0xFFFF else 0
    if top > 0xFFFFFF:
        kind |= _WIDEST_IDS
        id_parts = [struct.pack(f"<{n}I", *ids)]
    else:
        id_parts = [struct.pack(f"<{n}H", *(i & 0xFFFF for i in ids))]
        if top > 0xFFFF:
            kind |= _WIDE_IDS
            id_parts.append(bytes(i >> 16 for i in ids))
    out = [struct.pack("<BI" if n > 0xFFFF else "<BH", kind, n), *id_parts]
    if kind & 15 != _NONE:  # (the low four bits: what the values are)
        out.append(struct.pack(f"<{n}{_VALUE_FORMAT[kind & 15]}", *numbers))
    return b"".join(out)


def _varints(numbers: Iterable[int]) -> bytes:
    """Unsigned LEB128: 7 bits a byte, the high bit set on all but the last."""
    out = bytearray()
    for number in numbers:
        while number >= 0x80:
            out.append(number & 0x7F | 0x80)
            number >>= 7
        out.append(number)
    return bytes(out)


def _read_varint(value: bytes, at: int) -> tuple[int, int]:
    number = shift = 0
    while True:
        byte = value[at]
        at += 1
        number |= (byte & 0x7F) << shift
        if byte < 0x80:
            return number, at
        shift += 7


def _runs(ids: list[int], weights: list[Any]) -> bytes:
    """Terms as runs of one weight (an article's terms come heaviest first: a few runs): the
    number of runs, then each run's weight (twice it, shifted left: even; or 1 and a double),
    its length and its ids, all varints."""
    runs: list[tuple[Any, list[int]]] = []
    for term_id, weight in zip(ids, weights, strict=True):
        if runs and runs[-1][0] == weight:
            runs[-1][1].append(term_id)
        else:
            runs.append((weight, [term_id]))
    out = [_varints([len(runs)])]
    for weight, members in runs:
        twice = float(weight) * 2
        if twice.is_integer() and twice >= 0:
            out.append(_varints([int(twice) << 1, len(members), *members]))
        else:
            out.append(b"\x01" + struct.pack("<d", float(weight)))
            out.append(_varints([len(members), *members]))
    return b"".join(out)


def _read_runs(value: bytes, at: int) -> tuple[list[int], list[float], int]:
    ids: list[int] = []
    weights: list[float] = []
    runs, at = _read_varint(value, at)
    for _ in range(runs):
        code, at = _read_varint(value, at)
        if code & 1:
            (weight,) = struct.unpack_from("<d", value, at)
            at += 8
        else:
            weight = (code >> 1) / 2
        size, at = _read_varint(value, at)
        for _ in range(size):
            term_id, at = _read_varint(value, at)
            ids.append(term_id)
            weights.append(weight)
    return ids, weights, at


def _width(top: int) -> str:
    return "B" if top <= 0xFF else "H" if top <= 0xFFFF else "I"


def _read_array(value: bytes, at: int) -> tuple[tuple[list[int], list[Any]], int]:
    kind = value[at]
    if kind & _LONG:
        (n,), at = struct.unpack_from("<I", value, at + 1), at + 5
    else:
        (n,), at = struct.unpack_from("<H", value, at + 1), at + 3
    if kind & _WIDEST_IDS:
        ids = list(struct.unpack_from(f"<{n}I", value, at))
        at += 4 * n
    else:
        ids = list(struct.unpack_from(f"<{n}H", value, at))
        at += 2 * n
        if kind & _WIDE_IDS:
            ids = [low | high << 16 for low, high in zip(ids, value[at : at + n], strict=True)]
            at += n
    kind &= 15
    if kind == _NONE:
        return (ids, []), at
    fmt = _VALUE_FORMAT[kind]
    numbers = struct.unpack_from(f"<{n}{fmt}", value, at)
    at += n * struct.calcsize(fmt)
    if kind in _HALVES.values():
        return (ids, [v / 2 for v in numbers]), at
    return (ids, list(numbers)), at
