"""Find the story in a pruned page and return its paragraphs as blocks, in reading order.

The page is read once into *blocks*: runs of inline text between block-level boundaries, each
remembering the element that owns it and how much of it is link text. A block is worth its plain
text less 1.5 times its link text, so menus and tag clouds count against whatever holds them.

The story's *core* is chosen the way Readability does it: each block scores the element that
contains it (a paragraph's parent), half of that goes to the next ancestor and a third to the one
above, and every score is scaled down by the element's link share. Scores stop at an <article>:
the posts in a list of teasers do not make their parent look like a story.

Sites split a story across sibling chunks (between ad slots, or in repeated "companion column"
wrappers), so the story then grows to other containers scoring at least a fifth of the core's
best: those beside the core, ancestors close above it, and further away only chunks of the core's
own shape (tag and first class). The story is the run of blocks from the first to the last of
these, which keeps the subheadings and short paragraphs between them, minus any <article> nested
inside the story's own (another post, a comment).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
))  # fmt: skip
_BREAK_TAGS = frozenset(("br", "hr"))
LINK_SHARE = 0.5  # above this share of link text a block is a link block
LINK_COST = 1.5  # a character of link text costs this many characters of plain text
MIN_BLOCK = 25  # shorter blocks do not score their container
PART_SHARE = 0.2  # another container joins the story when it scores this share of the core's
SCOPE_UP = 2  # how far above the core the story may reach for any container
SHAPE_SCOPE_UP = 6  # how far above the core it may reach for chunks shaped like the core
_PARA_TAGS = frozenset(("p", "pre", "blockquote", "td", "li", "h2", "h3", "h4", "h5", "h6", "dd"))


@dataclass(slots=True)
class Block:
    """One paragraph-like run of text and the element it belongs to."""

    owner: HtmlElement
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    links: int = 0  # how many links begin in it
    text: str = ""

    @property
    def link_share(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def is_links(self) -> bool:
        return self.link_share > LINK_SHARE


class _Reader:
    """Walks a tree once and cuts it into blocks at block-level boundaries."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._current: Block | None = None
        self._in_link = 0
        self._new_links = 0

    def read(self, el: HtmlElement) -> list[Block]:
        self._element(el, el)
        self._flush()
        return self.blocks

    def _add(self, text: str | None, owner: HtmlElement) -> None:
        if not text:
            return
        if self._current is None or self._current.owner is not owner:
            self._flush()
            self._current = Block(owner)
        self._current.parts.append(text)
        self._current.links += self._new_links  # a link counts where its text begins
        self._new_links = 0
        if self._in_link:
            self._current.link_chars += len(text.strip())

    def _flush(self) -> None:
        block = self._current
        self._current = None
        if block is None:
            return
        block.text = " ".join("".join(block.parts).split())
        if block.text:
            self.blocks.append(block)

    def _element(self, el: HtmlElement, owner: HtmlElement) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag in _BREAK_TAGS:
            self._flush()
            return
        is_block = tag in _BLOCK_TAGS
        if is_block:
            self._flush()
            owner = el
        is_link = is_link_element(el)
        self._in_link += is_link
        self._new_links += is_link
        self._add(el.text, owner)
        for child in el:
            self._element(child, owner)
            if is_block and child.tag in _BLOCK_TAGS:
                self._flush()
            self._add(child.tail, owner)
        self._in_link -= is_link
        if is_block:
            self._flush()


def is_link_element(el: HtmlElement) -> bool:
    """An <a> that goes somewhere. A named anchor (<a name=...>, no href) only marks a place,
    and old pages leave it unclosed around whole sections of their text."""
    return el.tag == "a" and el.get("href") is not None


def read_blocks(el: HtmlElement) -> list[Block]:
    """Cut the subtree of *el* into blocks, in document order."""
    return _Reader().read(el)


def block_value(block: Block) -> float:
    """What a block adds to its container: its plain text, less a multiple of its link text."""
    size = len(block.text)
    links = min(block.link_chars, size)
    return (size - links) - LINK_COST * links


def container(block: Block) -> HtmlElement:
    """The element a block counts for: a paragraph's parent, or the owner of loose text."""
    owner = block.owner
    if owner.tag in _PARA_TAGS:
        parent = owner.getparent()
        if parent is not None:
            return parent
    return owner


def find_story(root: HtmlElement, blocks: list[Block]) -> list[Block]:
    """The story's blocks, in document order; empty when the page has no prose."""
    direct: dict[HtmlElement, float] = {}
    for block in blocks:
        if len(block.text) >= MIN_BLOCK:
            value = block_value(block)
            if value > 0:
                box = container(block)
                direct[box] = direct.get(box, 0.0) + value
    if not direct:
        return []
    core = _best_core(root, blocks, direct)
    parts, scope = _story_parts(core, direct)
    inside = [b for b in blocks if within(b.owner, scope)]
    marks = [
        i
        for i, b in enumerate(inside)
        if (container(b) in parts or within(b.owner, core)) and block_value(b) > 0
    ]
    story = inside[marks[0] : marks[-1] + 1]
    outer = _nearest(core, "article")
    if outer is None:
        return story
    return [b for b in story if same_post(_nearest(b.owner, "article"), outer)]


def same_post(article: HtmlElement | None, post: HtmlElement) -> bool:
    """Whether an <article> (or no article: None) belongs to the story's *post*. Publishing
    systems cut one story into sibling <article> chunks around an ad or an inline box; such a
    chunk has the post's shape and sits in a wrapper of the post's wrapper's shape. A comment
    or a teaser in its own <article> is shaped or placed differently."""
    if article is None or article is post:
        return True
    up, post_up = article.getparent(), post.getparent()
    return (
        _shape(article) == _shape(post)
        and up is not None
        and post_up is not None
        and up is not post_up
        and _shape(up) == _shape(post_up)
    )


def _story_parts(
    core: HtmlElement, direct: dict[HtmlElement, float]
) -> tuple[set[HtmlElement], HtmlElement]:
    """The containers that join the core's story, and the element that holds them all."""
    near = core.getparent() if core.getparent() is not None else core
    scope = _ancestor(core, SCOPE_UP)
    wide = _ancestor(core, SHAPE_SCOPE_UP)
    strongest = max(value for el, value in direct.items() if within(el, core))
    floor = max(MIN_BLOCK, PART_SHARE * strongest)
    shape = _shape(core)
    parts = {
        el
        for el, value in direct.items()
        if value >= floor
        and (
            within(el, near)
            or (within(core, el) and within(el, scope))
            or (_shape(el) == shape and within(el, wide))
        )
    }
    return parts, wide if any(not within(el, scope) for el in parts) else scope


def _best_core(
    root: HtmlElement, blocks: list[Block], direct: dict[HtmlElement, float]
) -> HtmlElement:
    """Readability's choice: direct score, half to the parent, a third above, less link share."""
    score: dict[HtmlElement, float] = {}
    for el, value in direct.items():
        node: HtmlElement | None = el
        for share in (1.0, 0.5, 1 / 3):
            if node is None:
                break
            score[node] = score.get(node, 0.0) + value * share
            if node.tag == "article":
                break  # a post's paragraphs do not make its parent a better story
            node = node.getparent()
    size: dict[HtmlElement, list[int]] = {}
    for block in blocks:
        acc = size.setdefault(block.owner, [0, 0])
        acc[0] += len(block.text)
        acc[1] += min(block.link_chars, len(block.text))
    for el in reversed(list(root.iter())):
        acc = size.get(el)
        parent = el.getparent()
        if acc is not None and parent is not None:
            up = size.setdefault(parent, [0, 0])
            up[0] += acc[0]
            up[1] += acc[1]
    for el in score:
        total, links = size.get(el, (1, 0))
        score[el] *= 1 - links / max(1, total)
    return max(score, key=score.__getitem__)


def _nearest(el: HtmlElement | None, tag: str) -> HtmlElement | None:
    """*el* itself or its closest ancestor with this tag."""
    while el is not None and el.tag != tag:
        el = el.getparent()
    return el


def _ancestor(el: HtmlElement, levels: int) -> HtmlElement:
    """The ancestor *levels* up, stopping below <body>."""
    for _ in range(levels):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        el = parent
    return el


def _shape(el: HtmlElement) -> tuple[str, str]:
    """Tag and first class word: repeated chunks of one story share it, modifiers aside."""
    words = el.get("class", "").split()
    return el.tag, words[0] if words else ""


def within(el: HtmlElement | None, scope: HtmlElement) -> bool:
    """True when *el* is *scope* or lies inside it."""
    while el is not None:
        if el is scope:
            return True
        el = el.getparent()
    return False
