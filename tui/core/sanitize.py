"""Web text is data: strip terminal control sequences and control characters at ingest.

Removes ANSI/ECMA-48 escape sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte ESC forms, in
both their 7-bit and 8-bit C1 spellings), then every remaining C0 control except tab and
newline, DEL, and every C1 control. Carriage returns become newlines. Lone surrogates and NULs go.

Invisible characters that change what other text looks like go too (`strip_invisible`): the
bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069; a title cut in the
middle of one would reverse everything after it on the line), zero-width spaces and word
joiners, the deprecated format characters and the tag characters (U+E0000–E007F). Real
right-to-left text needs none of them (the terminal orders it by its letters), and the marks it
does use (LRM, RLM, ALM) are kept, as are the zero-width joiners Persian, Indic scripts and emoji
sequences need between two visible characters.
"""

from __future__ import annotations

import re

# String-type sequences: OSC (ESC ] / \x9d), DCS (ESC P / \x90), SOS (ESC X / \x98),
# PM (ESC ^ / \x9e), APC (ESC _ / \x9f); terminated by BEL, ST (ESC \ or \x9c), or end of text.
_STRING_SEQ = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$)"
# CSI: ESC [ or \x9b, parameter bytes, intermediate bytes, one final byte.
_CSI_SEQ = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
# Other ESC sequences: ESC, optional intermediates, a final byte.
_ESC_SEQ = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
_SEQUENCES = re.compile(f"{_STRING_SEQ}|{_CSI_SEQ}|{_ESC_SEQ}")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_CRLF = re.compile(r"\r\n?")
# Unicode's own lists: Bidi_Control (minus the marks LRM, RLM, ALM), the zero-width and
# invisible-operator format characters, the deprecated format characters, the interlinear
# annotation controls, and the Tags block.
_INVISIBLE = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\u206a-\u206f\u180e\ufeff"
    "\ufff9-\ufffb\U000e0000-\U000e007f]+"
)
_JOINERS = re.compile("[\u200c\u200d]+")


def clean_text(value: str | None) -> str:
    """Return *value* with escape sequences, control and invisible characters removed ('' for
    None)."""
    if not value:
        return ""
    if "\r" in value:
        value = _CRLF.sub("\n", value)
    # Every sequence starts with ESC or a C1 control, both of them controls: text without a
    # control has no sequence either (most text: one search instead of four substitutions).
    if _CONTROLS.search(value):
        value = _CONTROLS.sub("", _SEQUENCES.sub("", value))
    return value if value.isascii() else strip_invisible(value)


def strip_invisible(value: str) -> str:
    """*value* without the invisible characters the module docstring lists; a run of joiners
    stays (as its first) only between two visible characters."""
    value = _INVISIBLE.sub("", value)
    if "\u200c" in value or "\u200d" in value:
        value = _JOINERS.sub(_joiner, value)
    return value


def _joiner(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    inside = start > 0 and end < len(text) and not text[start - 1].isspace()
    return match.group()[0] if inside and not text[end].isspace() else ""


def invisible_in(value: str) -> str:
    """The first character strip_invisible would remove, as "U+202E", or ""."""
    found = _INVISIBLE.search(value) or next(
        (m for m in _JOINERS.finditer(value) if _joiner(m) != m.group()), None
    )
    return f"U+{ord(found.group()[0]):04X}" if found else ""


def clean_line(value: str | None) -> str:
    """Like clean_text, for one-line fields (titles, names): whitespace runs become one space."""
    return " ".join(clean_text(value).split())


def has_controls(value: str) -> bool:
    """True if *value* still holds a character that clean_text would remove."""
    return bool(_CONTROLS.search(value)) or "\r" in value or bool(invisible_in(value))


_AUTHORITY_END = re.compile(r"[/?#\\]")


def without_userinfo(url: str) -> str:
    """*url* without the `user:password@` of its authority, the rest exactly as written.

    A feed at `http://reader:token@host/` resolves its relative links to URLs carrying the
    token: stored, shown in the reader and pasted into citations, it would leak; fetched, httpx
    would send it as an Authorization header to wherever an item pointed.
    """
    scheme_end = url.find("://")
    if scheme_end < 0 or "@" not in url:
        return url
    start = scheme_end + 3
    end = _AUTHORITY_END.search(url, start)
    authority_end = end.start() if end else len(url)
    at = url.rfind("@", start, authority_end)
    return url if at < 0 else url[:start] + url[at + 1 :]
