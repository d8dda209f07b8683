"""How each claim status looks, everywhere it is shown (reader, claims view, bookmarks).

Colour alone does not carry a status: 256-colour terminals (tmux's default, most ssh sessions)
reduce dim tints to one grey, 16-colour ones to a handful, and NO_COLOR to none. So each status
has two channels:

- a one-cell glyph put before the claim (and before the status word in lists), which survives
  every colour depth, NO_COLOR and a monochrome screenshot;
- a colour taken from the xterm 256-colour cube itself (components 0x5f, 0x87, 0xd7, 0xff), so
  the 256-colour reduction leaves it as it is, chosen so the five also land on five different
  colours of the 16-colour palette (yellow, red, magenta, cyan, green). The claim's background
  is a tint of it (true colour shows it best; at 256 colours tints may merge, the glyph stays).

A status the user set by hand (`v` in the reader and the claims view) keeps its status's glyph
and colour and adds SET_BY_YOU after the glyph, so a glance tells the user's word from the
analysis's; the words "set by you" go with it wherever there is room (status line, preview,
citations, exports).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StatusLook:
    glyph: str  # one terminal cell
    colour: str  # an xterm-256 cube colour
    tint: int  # percent of the colour under the claim's text


LOOKS = {
    "claimed": StatusLook("○", "#d7d787", 24),
    "denied": StatusLook("✗", "#d75f5f", 30),
    "disputed": StatusLook("⇄", "#d787ff", 28),
    "unconfirmed": StatusLook("?", "#5fd7ff", 26),
    "confirmed": StatusLook("✓", "#5fd787", 26),
}
UNKNOWN = StatusLook("·", "#afafaf", 0)
SET_BY_YOU = "✎"  # one cell: the pencil of a status written by hand
SET_BY_YOU_STYLE = "bold italic"


def look(status: str) -> StatusLook:
    return LOOKS.get(status, UNKNOWN)


def glyph_style(status: str) -> str:
    """The glyph (and status word): bold, in the status colour."""
    return f"bold {look(status).colour}"


def tint_style(status: str) -> str:
    """Under the claim's text."""
    found = look(status)
    return f"on {found.colour} {found.tint}%" if found.tint else ""


def marker(status: str, manual: bool) -> str:
    """The glyph, then the hand-set mark or a space: always two cells."""
    return look(status).glyph + (SET_BY_YOU if manual else " ")
