"""Article texts and summaries packed with a preset dictionary (schema 17).

Schema 11 kept an article's text as a zlib stream of its own: each text started its
compression with nothing known, and a news text of 1 KB is too short for deflate to learn
much of English before it ends. Here a text is deflated (raw: no zlib header or checksum)
with a preset dictionary of the words and short phrases that news copy repeats, and kept
as one tag byte, the dictionary's number, followed by the stream. On the 50k bench cache a
text takes 933 → 811 bytes, on real wire copy 775 → 641 (bench/README.md, "Schema 17");
inflating one takes the same time as before (the dictionary only fills the window).

A dictionary is a data file beside this module (`data/texts-<n>.zdict`), written once by
`bench/text_dictionary.py` from our own written texts and kept forever: a stored value names
it by its number, and no file of that name may ever change (its Adler-32 is checked at
load). A new dictionary gets the next number. Values a zlib stream (schema 11 to 16, its
first byte 0x78) or text are read as before.
"""

from __future__ import annotations

import functools
import zlib
from pathlib import Path
from typing import Any

_DATA = Path(__file__).with_name("data")
# number → Adler-32 of the dictionary's bytes: the file must never change (stored values
# name it)
DICTIONARIES = {1: 0xA31BFF13}
CURRENT = 1
_LEVEL = 6


@functools.cache
def dictionary(number: int) -> bytes:
    """Dictionary *number*'s bytes: the file's one line that is not a comment (`#`)."""
    expected = DICTIONARIES[number]  # KeyError: no such dictionary
    lines = (_DATA / f"texts-{number}.zdict").read_text("utf-8").split("\n")
    found = "".join(line for line in lines if line and not line.startswith("#")).encode()
    if zlib.adler32(found) != expected:
        raise ValueError(f"dictionary {number} is not the one stored values were packed with")
    return found


@functools.cache
def _deflater(number: int) -> Any:  # a compression object with the dictionary set
    return zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS, zdict=dictionary(number))


@functools.cache
def _inflater(number: int) -> Any:
    return zlib.decompressobj(-zlib.MAX_WBITS, zdict=dictionary(number))


def pack(value: object) -> object:
    """A text as the store keeps it: the tag byte and the stream when that is shorter than
    the text's UTF-8, else the text itself (a short summary)."""
    if not isinstance(value, str) or len(value) <= 64:
        return value
    data = value.encode("utf-8")
    deflater = _deflater(CURRENT).copy()  # the dictionary's state, set up once
    packed = bytes((CURRENT,)) + deflater.compress(data) + deflater.flush()
    return packed if len(packed) < len(data) else value


def unpack(value: bytes) -> str:
    """What `pack` kept (or a zlib stream of schema 11 to 16) as text."""
    number = value[0]
    if number not in DICTIONARIES:
        return zlib.decompress(value).decode("utf-8")
    inflater = _inflater(number).copy()
    return (inflater.decompress(value[1:]) + inflater.flush()).decode("utf-8")
