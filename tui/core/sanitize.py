"""Web text is data: strip terminal control sequences and control characters at ingest.

Removes ANSI/ECMA-48 escape sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte ESC forms, in
both their 7-bit and 8-bit C1 spellings), then every remaining C0 control except tab and
newline, DEL, and every C1 control. Carriage returns become newlines. Lone surrogates and NULs go.
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


def clean_text(value: str | None) -> str:
    """Return *value* with escape sequences and control characters removed ('' for None)."""
    if not value:
        return ""
    value = _CRLF.sub("\n", value)
    value = _SEQUENCES.sub("", value)
    return _CONTROLS.sub("", value)


def clean_line(value: str | None) -> str:
    """Like clean_text, for one-line fields (titles, names): whitespace runs become one space."""
    return " ".join(clean_text(value).split())


def has_controls(value: str) -> bool:
    """True if *value* still holds a character that clean_text would remove."""
    return bool(_CONTROLS.search(value)) or "\r" in value
