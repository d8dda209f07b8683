"""The boilerplate cleaner: what a news page wraps around its story, named once.

It works at two levels. ``furniture_strength`` reads an element's class, id and role words and
says whether they name page furniture: navigation, share bars, related links, newsletter boxes,
ads, captions and credits, bylines and dates, comments, overlays, and consent banners from every
vendor family we know (OneTrust/Optanon, Didomi, Quantcast, Sourcepoint, TrustArc, Cookiebot,
Usercentrics, Complianz, CookieYes, cookie-law-info, cookieconsent...). ``dom.prune``
removes such elements before the story is looked for.

``clean_paragraphs`` then reads the story's paragraphs. It catches what markup did not name: labels
that open a box of teasers or comments ("Related stories", "You may also like"; the box goes with
them), consent notices printed as plain paragraphs or with obfuscated class names (and the loose
"Accept all" buttons after them), "Read more:" lines, share and follow prompts, "Advertisement"
labels, comment counts, photo credits, bylines and date lines, the headline repeated in body type,
and an author's bio at the very end. The text rules live in ``rules`` and
``consent``; both are written so that an article about cookie law keeps every paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

from tui.pipeline.extract.body import Block, within
from tui.pipeline.extract.consent import is_consent_control, is_consent_text
from tui.pipeline.extract.meta import normalise_headline
from tui.pipeline.extract.rules import (
    is_boilerplate,
    is_section_label,
    is_tail_boilerplate,
    without_share_label,
)

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Whole words inside class/id names; a word boundary is anything but a letter. Sites name their
# wrappers after what they hold ("content-with-sidebar", "l-article has-comments paywall"), so a
# match is only believed under the extractor's guard; a footer, though, never holds the story.
_FOOTER = re.compile(r"(?<![a-z])(?:footer|site-?footer|global-?footer)(?![a-z])")
_STRONG = (
    # navigation and page chrome
    r"nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|masthead|sidebar|rail|toolbar|"
    r"site-?header|skip|"
    # sharing and social
    r"share|shares|sharing|sharebar|sharethis|sharedaddy|addthis|social|socials|"
    # related, recommended, promoted
    r"related|recommended|recommendations?|trending|most-?read|most-?popular|more-?stories|"
    r"read-?more|readmore|also-?read|outbrain|taboola|zergnet|revcontent|"
    # newsletters and walls
    r"newsletter|newsletters|subscribe|subscription|signup|sign-?up|optin|paywall|regwall|"
    # comments
    r"comment|comments|disqus|"
    # overlays and helpers that are not shown as text
    r"modal|popup|pop-?up|overlay|lightbox|tooltip|hovercard|popover|rollover|interstitial|"
    r"sr-only|screen-?reader-?text|visually-?hidden|visuallyhidden|off-?screen|"
    # consent managers, every family we know
    r"cookie|cookies|consent|gdpr|rgpd|dsgvo|cmp|privacy|onetrust|optanon|didomi|qc-cmp2?|"
    r"sp_message|sp-message|truste|trustarc|cookiebot|cybotcookiebot|usercentrics|cc-window|"
    r"cc-banner|cli-bar|cookie-?law|cookie-?law-?info|cmplz|cky|cky-consent|evidon|iubenda|"
    r"osano|termly|borlabs|fc-consent"
)
_WEAK = (
    r"header|widget|popular|promo|promos|promotion|teaser|teasers|hidden|"
    r"ad|ads|advert|adverts|advertisement|advertising|adslot|adunit|dfp|gpt|sponsor|sponsored|"
    r"native-?ad|commercial|"
    r"byline|bylines|author-?bio|author-?info|about-?author|bio|"
    r"meta|metadata|timestamp|dateline|pubdate|date|tags|tag-?list|keywords|"
    r"caption|captions|figcaption|credit|credits|copyright|gallery|slideshow|slider|carousel|"
    r"image|images|img|photo|photos|picture|figure|thumbnail|thumb"
)
_FURNITURE_STRONG = re.compile(rf"(?<![a-z])(?:{_STRONG})(?![a-z])")
_FURNITURE_WEAK = re.compile(rf"(?<![a-z])(?:{_WEAK})(?![a-z])")
# Responsive helpers ("hidden-xs") hide an element on one screen size only: not furniture. Words
# that describe what an element has or is about ("has-post-thumbnail", "format-image",
# "tag-privacy", "category-cookies" on a WordPress article) say nothing of its role.
_QUALIFIED = re.compile(
    r"(?<![a-z])(?:hidden-(?:xs|sm|md|lg|xl|mobile|desktop|tablet|print)|"
    r"(?:has|with|no|is|format|post_format|enable|enabled|show|category|tag|term|topic)[-_]"
    r"[\w-]*)"
)


# Names that mark the story's own body: hAtom and h-entry microformats, schema.org's articleBody
# (an itemprop), and the usual <post|article|story|entry>-<body|content|text> wrappers of
# publishing systems.
_STORY_BODY = re.compile(
    r"(?<![a-z])(?:entry-content|e-content|articlebody|article-?body|story-?body|post-?body|"
    r"(?:post|article|story|entry)-(?:content|text))(?![a-z])"
)


def is_story_body(names: str) -> bool:
    """True when class/id words mark an element as the story's body."""
    return bool(names.strip()) and bool(_STORY_BODY.search(_CAMEL.sub("-", names).lower()))


WEAK = 1
STRONG = 2
ALWAYS = 3


@lru_cache(maxsize=8192)
def furniture_strength(names: str) -> int:
    """How surely class/id/role words name furniture, 0 when they do not.

    ALWAYS (a footer) goes whatever it holds; STRONG (navigation, sharing, comments, consent)
    goes unless it holds the story; WEAK (ads, bylines, captions, widgets) goes unless it holds
    the story or more prose than such a box ever does: templates name whole post bodies
    "widget" or wrap a post in its "byline-author" span.
    """
    if not names.strip():
        return 0
    words = _QUALIFIED.sub(" ", _CAMEL.sub("-", names).lower())
    if _FOOTER.search(words):
        return ALWAYS
    if _FURNITURE_STRONG.search(words):
        return STRONG
    return WEAK if _FURNITURE_WEAK.search(words) else 0


OWN_TEXT_CHARS = 60
MENU_RUN = 3  # this many link lines in a row are a list of links, not the story's prose
SENTENCE_WORDS = 6  # a linked line this long that ends in a full stop is a sentence
_CLOSERS = "\"'\u201d\u2019) "
_TAIL_PARAGRAPHS = 3  # closing lines checked for an author's bio
_BOX_SHARE = 0.5  # a label's or banner's box may hold at most this share of the story


def clean_paragraphs(blocks: list[Block], headlines: frozenset[str] = frozenset()) -> list[str]:
    """The story's paragraphs without the furniture that markup did not name.

    *headlines* are the page's title in its normalised forms: a paragraph that only repeats it
    is the headline set in body type, not part of the story.
    """
    inside = _linked_prose(blocks)
    kept = [
        b
        for i, b in enumerate(blocks)
        if b.owner.tag != "h1" and not (b.is_links and not _own_text(b) and i not in inside)
    ]
    total = sum(len(b.text) for b in kept) or 1
    out: list[str] = []
    box: HtmlElement | None = None
    for block in kept:
        if box is not None and within(block.owner, box):
            continue
        box = None
        text = without_share_label(block.text)
        if not text:
            continue
        if is_section_label(text) or is_consent_text(text):
            box = _box(block, kept, total)
            continue
        if is_boilerplate(text) or normalise_headline(text) in headlines:
            continue
        if out and is_consent_control(text) and is_consent_text(out[-1]):
            continue
        out.append(text)
    for _ in range(_TAIL_PARAGRAPHS):
        if out and is_tail_boilerplate(out[-1]):
            out.pop()
    return out


def _own_text(block: Block) -> bool:
    """A mostly-linked block that still says something itself: a list item led by a headline."""
    return len(block.text) - block.link_chars >= OWN_TEXT_CHARS


def _linked_prose(blocks: list[Block]) -> set[int]:
    """The link lines that belong to the story, between its first and last prose: a single
    link alone or in a pair (a sentence, a quote or a document the writer linked whole), and a
    linked sentence anywhere. A line of several links is a menu or a share bar; three or more
    link lines in a row are a list (an archive, related posts); links under a label ("Read
    also") are its teasers. Before, every link line went, and stories lost linked sentences.
    """
    prose = [i for i, b in enumerate(blocks) if not b.is_links and b.owner.tag != "h1"]
    if len(prose) < 2:
        return set()
    kept: set[int] = set()
    i = prose[0] + 1
    while i < prose[-1]:
        if not blocks[i].is_links:
            i += 1
            continue
        end = i
        while end + 1 < prose[-1] and blocks[end + 1].is_links:
            end += 1
        if not is_section_label(blocks[i - 1].text):  # "Read also": the label's teasers
            short = end - i + 1 < MENU_RUN
            kept.update(
                j
                for j in range(i, end + 1)
                if _one_link(blocks[j]) and (short or _is_sentence(blocks[j].text))
            )
        i = end + 1
    return kept


def _one_link(block: Block) -> bool:
    """One link, or a pull quote linked whole for tweeting beside its own button's link."""
    if block.links == 2:
        return without_share_label(block.text) != block.text
    return block.links == 1


def _is_sentence(text: str) -> bool:
    """A line that reads as a sentence, not a headline: enough words and a full stop."""
    return len(text.split()) >= SENTENCE_WORDS and text.rstrip(_CLOSERS).endswith(".")


def _box(block: Block, kept: list[Block], total: int) -> HtmlElement | None:
    """The smallest element around *block* that holds more than it, if it is a small share."""
    el = block.owner.getparent()
    while el is not None:
        inside = [b for b in kept if within(b.owner, el)]
        if len(inside) > 1:
            share = sum(len(b.text) for b in inside) / total
            return el if share <= _BOX_SHARE else None
        el = el.getparent()
    return None
