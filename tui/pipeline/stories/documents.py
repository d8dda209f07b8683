"""A document given whole after a header that attributes it once: its sentences are claims.

Monitoring services and agencies print a party's statement or communiqué whole under a header
("Text of a statement by the ... (MFDC), read to local radio on 14 August; translated from
French.", `openings.header_end`), and the document then speaks in its own voice: "Our
fighters met the enemy in the forest and killed four soldiers." No verb of saying marks its
sentences, so the analysis finds no claim in them, and the party's own account — the one
every other outlet reports — was missing from the ledger (twenty-first pass: 18 of heldout18's
26 gold mentions inside a document, 14 of heldout16's 21, 5 of heldout17's 42).

`with_documents` gives such an article one claim per sentence of the document that no claim of
the analysis covers and that tells an act or a count (a word of the claims' concept families,
or an amount): its source is the header's speaker — the words after "by", "attributed to" or
the document's "of", up to the date, the medium or an aside — filed under the acronym the
header declares in parentheses when it does ("... Casamance (MFDC)": other outlets write the
acronym). The document ends at a paragraph an outlet labels as its own ("Background: ...",
"Note: ..."). Calls and greetings ("We call on the international community ...") tell no act
and stay out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tui.core.models import Claim
from tui.pipeline.stories.amounts import amounts_in
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.lexicon import CLAIM_CONCEPTS, NEGATIONS, words
from tui.pipeline.stories.openings import header_end
from tui.pipeline.stories.words import claim_key

# Who issued the document: after "by" / "attributed to", or the document's own "of"
# ("Communiqué of the Ministry of Defence"), up to where the header goes on to say when,
# where or how it was given.
_SPEAKER = re.compile(
    r"\b(?:by|attributed\s+to|(?<=statement\s)of|(?<=communiqu[eé]\s)of|(?<=declaration\s)of"
    r"|(?<=release\s)of)\s+(?P<name>[^,;\n]+?)"
    r"(?=\s*(?:[,;]|\s(?:on|at|from|via|through|read|posted|carried|issued|published"
    r"|broadcast|aired|released|sent|shared|dated)\b|\.?\s*$))",
    re.IGNORECASE,
)
_DECLARED = re.compile(r"\((?=(?:[^)]*?[A-Z]){2})([A-Z][A-Za-z0-9-]+)\)\s*$")  # "(MFDC)"
_LABEL = re.compile(r"^[A-Z][A-Za-z' ]{1,30}:\s")  # "Background: ", "Editor's note: "
_SENTENCE_END = re.compile(r"(\w+)([.!?])[\"”]?(?=\s+[\"“]?[A-Z0-9]|\s*$)")
_ABBREVIATIONS = words("col gen lt maj capt sgt cpl adm dr mr mrs ms st no jr sr")
_CONCEPTS = frozenset(CLAIM_CONCEPTS.values())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def with_documents(article: StoryArticle) -> StoryArticle:
    """The article with its document's sentences as claims of the header's speaker, when it
    gives a document whole after a header; else the article as it is."""
    found = document_claims(article)
    if not found:
        return article
    return replace(article, claims=tuple(sorted((*article.claims, *found), key=lambda c: c.start)))


def document_claims(article: StoryArticle) -> list[Claim]:
    """Claims for the sentences of a document given after a header, the analysis's own left
    as they are (see the module docstring)."""
    text = article.text
    end = header_end(text)
    if not end:
        return []
    speaker = _SPEAKER.search(text, 0, end)
    if speaker is None:
        return []
    name, lo, hi = speaker.group("name").strip(), speaker.start("name"), speaker.end("name")
    declared = _DECLARED.search(name)
    canonical = declared.group(1) if declared else name
    if declared:
        lo = speaker.start("name") + declared.start(1)
        hi = lo + len(canonical)
    taken = [(c.start, c.end) for c in article.claims]
    claims = []
    for s_lo, s_hi in _sentences(text, end):
        if any(a < s_hi and s_lo < b for a, b in taken):
            continue
        sentence = text[s_lo:s_hi]
        if not _tells(sentence, s_lo, text):
            continue
        content_hi = s_hi - 1 if sentence[-1] in ".!?" else s_hi
        claims.append(Claim(
            s_lo, s_hi, sentence, name, lo, hi, "", s_lo, s_lo, s_lo, content_hi,
            "direct", "claimed", source_canonical=canonical,
        ))  # fmt: skip
    return claims


def _sentences(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the document, from *start* to a labelled paragraph."""
    spans = []
    at = start
    for paragraph in text[start:].split("\n\n"):
        p_lo = text.index(paragraph, at) if paragraph else at
        at = p_lo + len(paragraph)
        body = paragraph.strip()
        if not body:
            continue
        if _LABEL.match(body):
            break  # the outlet's own note after the document
        p_lo += len(paragraph) - len(paragraph.lstrip())
        s_lo = p_lo
        for m in _SENTENCE_END.finditer(body):
            if len(m.group(1)) == 1 or m.group(1).casefold() in _ABBREVIATIONS:
                continue  # an initial or a title ("Col.", "Dr."), no end
            s_hi = p_lo + m.end()
            if text[s_lo:s_hi].strip():
                spans.append((s_lo, s_hi))
            s_lo = s_hi
            while s_lo < len(text) and text[s_lo].isspace():
                s_lo += 1
        if s_lo < p_lo + len(body):
            spans.append((s_lo, p_lo + len(body)))
    return spans


def _tells(sentence: str, lo: int, text: str) -> bool:
    """Whether a sentence tells an act or a count: a word of the claims' concept families, a
    negation (a denial: "No civilian was harmed"), or an amount."""
    found = _WORD.findall(sentence)
    if any(claim_key(w) in _CONCEPTS or w.casefold() in NEGATIONS for w in found):
        return True
    return bool(amounts_in(text, lo, lo + len(sentence)))
