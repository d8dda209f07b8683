"""Sentence spans for news text, as character offsets into the text.

Why our own splitter rather than spaCy's `doc.sents`: the small English parser decides sentence
ends statistically. On the demo articles it disagrees with these rules on 26 of 285 sentences:
it carries a paragraph's closing quotation mark into the next paragraph's first sentence
('"\n\nHours later, ...'), cuts a sentence inside a quotation ('... went on "for'), and makes
a dateline ("KHARKIV, Ukraine (Frontline Wire) —") a sentence of its own. Claims are shown and
stored as sentences, so their edges must be exact and stable from one model version to the
next; a deterministic splitter gives that for a few regex scans per article. The claims finder
reads the parse only inside these sentences.

Rules, in order:
- a blank line always ends a sentence (the reading text separates paragraphs with one); the
  parser is told so too (`model.py`'s paragraph component), so no parse spans two paragraphs;
- a single newline ends one when the line before ends with terminal punctuation, or when the line
  before has none at all (a headline, a dateline) and the next line starts like a sentence;
  otherwise it is a hard wrap inside a sentence;
- `.`, `!`, `?` or `…`, with any closing quotes/brackets after them, end a sentence when the next
  word starts like a sentence (capital, digit, opening quote or bracket), unless a closing
  quote is followed by a name and a reporting verb ('"Are you sure?" Sanders asked.');
- except after titles and other abbreviations that never end a sentence ("Mr.", "Gen.", "Lt.
  Col.", "No. 5", "Sept. 3"), after single initials ("J. Smith"), and after dotted acronyms
  ("U.S.") unless the next word is one that usually opens a sentence ("The U.S. The ministry...").
Decimals ("3.5 km") never match because no space follows the point.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze.cues import words

# Abbreviations after which a full stop never ends the sentence (lower-cased, without the dot).
_NEVER_FINAL = words(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig gov sen rep rev
    fr st mt ft pres supt insp lieut hon amb messrs mme mlle gens sens reps approx cf vs
    """
)

# Abbreviations that do not end a sentence when a number follows ("No. 5", "Sept. 3").
_BEFORE_NUMBER = words(
    """
    no nos vol vols fig figs p pp art sec ch jan feb mar apr jun jul aug sep sept oct nov
    dec
    """
)

# Abbreviations that often end a sentence too: split only when a clear sentence opener follows.
_SOMETIMES_FINAL = frozenset(
    ["inc", "ltd", "co", "corp", "jr", "sr", "etc", "al", "bros", "plc", "llc"]
)

# Words that usually begin a sentence; after "U.S." or "Inc." they signal a real boundary.
_OPENERS = words(
    """
    the a an he she it they we i you this that these those there his her its their our in on
    at but and or so yet if when while after before as since although though however
    meanwhile earlier later also according some many most one two three four five six seven
    eight nine ten no not what who why how where several both all more about russian
    ukrainian
    """
)

# A dateline opening a story: "BANGKOK:", "RIGA, Latvia —", "GAZA/CAIRO (Reuters) -",
# "KHARKIV, Ukraine (Frontline Wire) —". Never part of a claim's source or content.
DATELINE_RE = re.compile(
    r"\s*[A-Z][A-Z .'’/-]{2,}(?:,\s*[A-Z][\w .'’-]*?)?(?:\s*\([^)]*\))?\s*(?:[-–—:]|--)\s+"
)
_PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_RE = re.compile(r"[ \t]*\n[ \t]*")
# A candidate end: terminal punctuation, closing quotes/brackets, then whitespace, then the next
# word's first character (captured so we can judge it).
_END_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=([\"'“‘«(\[]?)(\S))")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.\-]*)$")
_NEXT_WORD_RE = re.compile(r"[\"'“‘«(\[]?([A-Za-z]+)")
# After a closing quote: up to four capitalised words (a name, not a pronoun), then a
# reporting verb: '"Are you sure?" Sanders asked.' is one sentence.
_CUE_AFTER_RE = re.compile(
    r"(?!(?:He|She|They|It|We|I)\b)(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|"
    r"replied|replies|continued|continues|tweeted|tweets|explained|insisted|shouted|declared|"
    r"responded|noted|warned|argued|recalled|joked|answered|remarked|stated)\b"
)
_TERMINAL_LINE_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_ANY_TERMINAL_RE = re.compile(r"[.!?…]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences of `text`, stripped of whitespace."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _blocks(text):
        for l_start, l_end in _lines(text, p_start, p_end):
            spans.extend(_split_block(text, l_start, l_end))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank lines always separate sentences."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph at single newlines that end a line-sentence (headline, dateline)."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _LINE_RE.finditer(text, start, end):
        before = text[pos : m.start()]
        nxt = text[m.end() : m.end() + 1]
        ends = bool(_TERMINAL_LINE_RE.search(before))
        bare = not _ANY_TERMINAL_RE.search(before) and (nxt[:1].isupper() or nxt[:1].isdigit())
        if ends or bare:
            out.append((pos, m.start()))
            pos = m.end()
    out.append((pos, end))
    return out


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _END_RE.finditer(text, start, end):
        if _is_boundary(text, m, pos):
            spans.append((pos, m.start(3)))
            pos = m.end(3)
    spans.append((pos, end))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0]]


def _is_boundary(text: str, m: re.Match[str], sentence_start: int) -> bool:
    nxt = m.group(5)
    if not (nxt.isupper() or nxt.isdigit() or m.group(4)):
        return False
    if m.group(2) and _CUE_AFTER_RE.match(text, m.end(3)):
        return False  # '"Are you sure?" Sanders asked.': the quote belongs to its attribution
    if m.group(1) != "." or m.group(2):
        return True  # "!", "?", "…", "...", or a closing quote/bracket after the full stop
    before = _WORD_BEFORE_RE.search(text, max(sentence_start, m.start(1) - 40), m.start(1))
    if before is None:
        return True
    word = before.group(1)
    low = word.lower().rstrip(".")
    if low in _NEVER_FINAL or (low in _BEFORE_NUMBER and nxt.isdigit()):
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    next_word = _NEXT_WORD_RE.match(text, m.end(3))
    opener = bool(next_word) and next_word.group(1).lower() in _OPENERS
    if "." in word or low in _SOMETIMES_FINAL:
        return opener  # "U.S." / "Inc." end a sentence only before a typical opener
    return True


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
