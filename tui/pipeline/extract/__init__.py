"""From a fetched page to reading text: the story's paragraphs and its metadata, nothing else.

The stages, each in its own module:

    bytes ──encoding.decode_html──▶ str ──dom.parse_html──▶ tree
    tree ──meta.read_meta──▶ title, byline, published, lead caption   (before pruning)
    tree ──dom.strip_unseen──▶ tree without scripts, media and hidden parts
         ──vote.readability_text──▶ readability-lxml's main block, as text
    tree ──dom.prune_furniture──▶ tree without named furniture
    tree ──body.read_blocks / find_story──▶ our finder's blocks
    blocks ──vote.vote──▶ the story's blocks, by vote of the two finders
    blocks ──clean.clean_paragraphs──▶ paragraphs without unnamed furniture (labels, consent)

Our finder uses the same paragraph-density idea as readability-lxml (a paragraph scores its
container, half its parent), on blocks we already hold, which lets it join a story that a site
splits across sibling chunks and keep quoted social posts. The two finders fail differently, so
they vote (docs/EXTRACTION.md): on public pages we never tuned on, the vote beats either alone.
Everything here is pure: no I/O, and the caller enforces time limits. Nothing raises but our
ExtractError ("no reading text").
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree
from lxml.html import tostring

from tui.core.errors import ExtractError
from tui.core.models import Article
from tui.core.sanitize import clean_line
from tui.pipeline.extract.body import Block, find_story, read_blocks
from tui.pipeline.extract.clean import clean_paragraphs
from tui.pipeline.extract.dom import parse_html, prune_furniture, strip_unseen, xml_safe
from tui.pipeline.extract.encoding import decode_html
from tui.pipeline.extract.meta import Meta, headlines, read_meta
from tui.pipeline.extract.rules import is_missing_page, word_count
from tui.pipeline.extract.vote import readability_text, vote

MIN_WORDS = 25  # below this a page has no story we can read (paywall, script-only page)
UNREADABLE = "unreadable markup"


def reading_text(html: str) -> str:
    """The story's paragraphs separated by one blank line; "" when the page has none."""
    try:
        return "\n\n".join(_guarded(html, with_meta=False)[1])
    except ExtractError:
        return ""


def extract(html: bytes | str, url: str, headers: Mapping[str, str] | None = None) -> Article:
    """Extract the reading text and metadata of a page; ExtractError when it has no story."""
    text = decode_html(html, headers) if isinstance(html, bytes) else html
    meta, paragraphs = _guarded(text, with_meta=True)
    words = sum(word_count(p) for p in paragraphs)
    if words < MIN_WORDS:
        raise ExtractError(f"{url}: only {words} words of reading text")
    return Article(
        url=url,
        final_url=url,
        text="\n\n".join(paragraphs),
        title=clean_line(meta.title),
        byline=clean_line(meta.byline),
        published=meta.published,
        lead_caption=clean_line(meta.lead_caption),
        paragraphs=tuple(paragraphs),
    )


def _guarded(html: str, *, with_meta: bool) -> tuple[Meta, list[str]]:
    """The last line of defence: markup that still trips lxml is a page without reading text.

    The known causes (characters lxml refuses, depth, broken declarations) are handled before
    they reach lxml, and tests/test_hostile_pages.py holds them; this only keeps an unknown one
    from becoming a crash, and says so, so that the public-set bench can count it.
    """
    try:
        return _story(html, with_meta=with_meta)
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        raise ExtractError(f"{UNREADABLE} ({type(exc).__name__}: {str(exc)[:80]})") from exc


def _story(html: str, *, with_meta: bool) -> tuple[Meta, list[str]]:
    """The story's paragraphs by the vote of our finder and readability-lxml's (see vote)."""
    html = xml_safe(html)
    root = parse_html(html)
    if root is None:
        return Meta(), []
    meta = read_meta(root) if with_meta else Meta()
    titles = headlines(root)
    strip_unseen(root)
    theirs_text, theirs = readability_text(tostring(root, encoding="unicode"))
    prune_furniture(root)
    blocks = read_blocks(root)
    voted = vote(blocks, find_story(root, blocks), theirs_text)
    paragraphs = theirs if voted is None else _cleaned(voted, titles)
    words = sum(word_count(p) for p in paragraphs)
    if words < MIN_WORDS and sum(word_count(p) for p in theirs) > words:
        paragraphs = theirs
    if is_missing_page(paragraphs):  # a "page not found" served as a page: no story
        return meta, []
    return meta, paragraphs


def _cleaned(blocks: list[Block], titles: frozenset[str]) -> list[str]:
    paragraphs = (clean_line(p) for p in clean_paragraphs(blocks, titles))
    return [p for p in paragraphs if p]
