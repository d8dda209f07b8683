"""Two finders vote on the story: ours and readability-lxml's main block, block by block.

Bevendorff et al. (SIGIR 2023) found that ensembles of extractors beat every single one, and the
two finders here fail differently. Ours scores raw prose and follows a story across sibling
chunks; readability-lxml scores paragraphs by commas and capped length and weighs class names,
so it keeps short posts, subheadings and list items ours misses, and it is not fooled by one long
legal or bio paragraph. On public dev pages (Dragnet, CleanEval) each wins where the other loses.

The vote works on our own blocks of the pruned page. Readability's choice is read as text, and a
block is in it when its text occurs there. Then:

* Where the two overlap (most pages), the story is every block either finder chose, in page
  order, and the cleaner then drops the furniture either let in. Our pruning still decides what
  can be a block at all, so readability cannot bring back a consent banner or a share bar.
* Where they chose disjoint parts of the page, one is wrong and a union would keep the wrong
  part too. Readability's part wins when ours sits inside an element named as furniture that
  survived pruning only because it held most of the page's text (comments, a footer), or when
  ours is a single paragraph: one long block is more often a bio, a disclaimer or a legal notice
  than a story. Otherwise ours stands.
* When ours finds too little to be a story (a short post, a page whose text we pruned),
  readability's main block, pruned and cleaned like ours, is the answer if it holds more.
"""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from tui.core.sanitize import clean_line
from tui.pipeline.extract.body import Block, read_blocks, same_post, within
from tui.pipeline.extract.clean import clean_paragraphs, furniture_strength
from tui.pipeline.extract.consent import consent_signals
from tui.pipeline.extract.dom import attr_names, parse_html, prune
from tui.pipeline.extract.meta import headlines
from tui.pipeline.extract.rules import word_count

DISJOINT = 0.3  # below this share of the smaller choice in common, the finders disagree on where
SOLE_WORDS = 8  # a block of this many words counts as a paragraph of the story
_FURNITURE_TAGS = frozenset(("footer", "aside", "nav"))

# readability-lxml logs a traceback before it raises on an empty document; we handle the raise.
logging.getLogger("readability.readability").addHandler(logging.NullHandler())


def readability_text(html: str) -> tuple[str, list[str]]:
    """readability-lxml's main block as one line of text and as cleaned paragraphs."""
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(html).summary(html_partial=True)
    except (Unparseable, ValueError, TypeError):
        return "", []
    root = parse_html(summary)
    if root is None:
        return "", []
    titles = headlines(root)
    prune(root)
    blocks = read_blocks(root)
    text = " ".join(b.text for b in blocks)
    paragraphs = (clean_line(p) for p in clean_paragraphs(blocks, titles))
    return text, [p for p in paragraphs if p]


def vote(blocks: list[Block], ours: list[Block], theirs_text: str) -> list[Block] | None:
    """The story's blocks by vote; None when readability's part wins whole."""
    chosen = {id(b) for b in ours}
    picked = [b for b in blocks if b.text in theirs_text] if theirs_text else []
    if not picked:
        return ours
    if not ours:
        return None
    mine = sum(len(b.text) for b in ours)
    their = sum(len(b.text) for b in picked)
    common = sum(len(b.text) for b in picked if id(b) in chosen)
    if common < DISJOINT * min(mine, their):
        if _in_furniture(ours) and not _in_furniture(picked):
            return None
        if sum(1 for b in ours if word_count(b.text) >= SOLE_WORDS) <= 1:
            return None
        return ours
    post = _nearest_article(ours[0].owner)
    taken = chosen | {id(b) for b in picked if _joins(b, post)}
    return [b for b in blocks if id(b) in taken]


def _joins(block: Block, post: HtmlElement | None) -> bool:
    """Whether a block only readability chose may join ours: not inside another post (a comment
    or a teaser in its own <article>), and not speaking of consent, which our finder left out
    for a reason (a banner's heading reads like any other line)."""
    if post is not None and not same_post(_nearest_article(block.owner), post):
        return False
    return consent_signals(block.text) == 0


def _nearest_article(el: HtmlElement | None) -> HtmlElement | None:
    while el is not None and el.tag != "article":
        el = el.getparent()
    return el


def _in_furniture(part: list[Block]) -> bool:
    """True when the element holding *part* is named or tagged as page furniture."""
    top = _common_ancestor([b.owner for b in part])
    for el in (top, *top.iterancestors()):
        if el.tag in ("body", "html"):
            return False
        if el.tag in _FURNITURE_TAGS or furniture_strength(attr_names(el)):
            return True
    return False


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    top = elements[0]
    for el in elements[1:]:
        while not within(el, top):
            parent = top.getparent()
            if parent is None:
                return top
            top = parent
    return top
