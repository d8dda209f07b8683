"""The lines of the story screen, built for one width (the outline rebuilds them on resize).

    Timeline  4 articles in 4 outlets
      10 Mar 03:00  Meridian Wire     Missile strike on Zaporizhzhia market kills 23,
                                      governor says
    Contradictions  1
      ⚡ figures  ○ A local official: killed: 27 — 27 people were killed when a missile
                  hit the central market in Zaporizhzhia
         against  ○ Ivan Fedorov: killed: 23 — A Russian missile struck a crowded market…
    Figures
      killed: 23 (Ivan Fedorov) · 27 (A local official)
    Ledger  5 rows from 4 sources
      Ivan Fedorov · Ukraine
        ○ claimed     A Russian missile struck a crowded market in Zaporizhzhia…
                      claimed (Meridian Wire) · claimed (Northline News)
                      ↳ Meridian Wire · 10 Mar 03:00 · ○ claimed

Long lines wrap under their own text (a hanging indent), so the columns of dates, outlets and
statuses stay readable at 80 columns. Headings are disabled options (the cursor skips them);
every other line has a `Target`: where Enter goes (a figure's line: the claim that gives its
first figure). Web text is never markup: each
line is a Content made of plain text and spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from textual.content import Content
from textual.widgets.option_list import Option

from tui.app.widgets.status_looks import glyph_style, marker
from tui.service.story_detail import LedgerLine, MentionLine, Pair, StoryDetail

HEADING = "bold $text-accent"
PAIR_WORDS = {"denial": "answers", "dispute": "against", "figures": "against"}
ROW_INDENT = 18  # where a ledger row's statement, evidence and outlets start
# A runaway story (hundreds of articles) must not stall the UI thread with thousands of lines:
# the screen shows this many pairs and rows and says how many more `sitrep stories` lists.
MAX_PAIRS = 100
MAX_ROWS = 300


@dataclass(frozen=True, slots=True)
class Target:
    """Where Enter on a line goes: the article, at a claim when `claim_start` is set."""

    article_id: int
    claim_start: int | None = None
    source_start: int | None = None
    what: str = ""  # what the status line says Enter opens


def when(iso: str) -> str:
    """"10 Mar 03:00" (UTC, as the reader's dates)."""
    try:
        return datetime.fromisoformat(iso).strftime("%d %b %H:%M")
    except ValueError:
        return iso[:16]


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def styled(*parts: tuple[str, str]) -> Content:
    return Content.assemble(*[(text, style) if style else text for text, style in parts])


def hang(prefix: Content, body: Content, width: int) -> Content:
    """*prefix* then *body*, the body's wrapped lines starting under its first one."""
    indent = prefix.cell_length
    if width <= indent + 10:  # too narrow to indent: let the list wrap it
        return prefix + body
    lines = [line.rstrip() for line in body.wrap(width - indent)] or [Content("")]
    pad = Content(" " * indent)
    return Content("\n").join([prefix + lines[0], *(pad + line for line in lines[1:])])


def _status(status: str, manual: bool = False) -> tuple[str, str]:
    """The glyph and the hand-set mark or a space (two cells), and their style."""
    return marker(status, manual), glyph_style(status)


def _mention_target(mention: MentionLine) -> Target:
    return Target(
        mention.article_id, mention.claim_start, mention.source_start,
        f"the claim in {mention.feed}",
    )  # fmt: skip


@dataclass
class Sections:
    """The options of one story at one width, with each option's target and where each
    section's heading is."""

    width: int
    muted: str = "dim"  # a resolved colour: "$text-muted" is relative to a background
    options: list[Option] = field(default_factory=list)
    targets: dict[str, Target] = field(default_factory=dict)
    headings: list[int] = field(default_factory=list)

    def build(self, detail: StoryDetail) -> Sections:
        self.timeline(detail)
        if detail.pairs:
            self.pairs(detail.pairs)
        if detail.figures:
            self.heading("Figures", "")
            for line in detail.figures:
                prompt = hang(Content("  "), Content(line.text), self.width)
                if line.first is None:
                    self.info(prompt)
                else:
                    self.add(prompt, _mention_target(line.first))
        self.ledger(detail)
        return self

    # ── lines ──
    def heading(self, title: str, detail: str) -> None:
        self.headings.append(len(self.options))
        self.info(styled((title, HEADING), (f"  {detail}" if detail else "", self.muted)))

    def info(self, prompt: Content) -> None:
        self.options.append(Option(prompt, disabled=True))

    def add(self, prompt: Content, target: Target) -> None:
        key = f"o{len(self.options)}"  # the same line keeps its id when the width changes
        self.targets[key] = target
        self.options.append(Option(prompt, id=key))

    # ── sections ──
    def timeline(self, detail: StoryDetail) -> None:
        self.heading("Timeline", f"{counted(len(detail.articles), 'article')} in "
                     f"{counted(len(detail.outlets), 'outlet')}")  # fmt: skip
        feed_width = min(20, max((len(a.feed) for a in detail.articles), default=8))
        for article in detail.articles:
            prefix = styled(
                (f"  {when(article.published)}  ", self.muted),
                (f"{article.feed[:feed_width]:<{feed_width}}  ", "bold"),
            )
            self.add(
                hang(prefix, Content(article.title), self.width),
                Target(article.article_id, what=f"the article in {article.feed}"),
            )

    def pairs(self, pairs: tuple[Pair, ...]) -> None:
        """Each contradiction's answering row once, with every row it answers under it (one
        denial of "targeting civilians" answers five accounts: one entry, five lines)."""
        shown = pairs[:MAX_PAIRS]
        answering: dict[tuple[str, str, str], list[Pair]] = {}
        for pair in shown:
            answering.setdefault((pair.kind, pair.a.id, pair.a_figure), []).append(pair)
        count = str(len(pairs))
        if len(answering) < len(shown):
            count += f" from {counted(len(answering), 'row')}"
        self.heading("Contradictions", count)
        for group in answering.values():
            first = group[0]
            self.add(hang(styled(("  ⚡ ", "bold $text-warning"), (f"{first.kind:<8} ", "bold")),
                          _said(first.a, first.a_figure), self.width),
                     _mention_target(first.a.mentions[0]))  # fmt: skip
            second = styled((f"     {PAIR_WORDS[first.kind]:<8} ", self.muted))
            for pair in group:
                self.add(hang(second, _said(pair.b, pair.b_figure), self.width),
                         _mention_target(pair.b.mentions[0]))  # fmt: skip
        self.more(len(pairs) - MAX_PAIRS, "contradiction")

    def ledger(self, detail: StoryDetail) -> None:
        self.heading("Ledger", f"{counted(len(detail.rows), 'row')} from "
                     f"{counted(len(detail.groups), 'source')}")  # fmt: skip
        if not detail.rows:
            self.info(Content.styled("  No claims in this story.", self.muted))
        shown = 0
        for group in detail.groups:
            if shown >= MAX_ROWS:
                break
            party = f" · {group.affiliation}" if group.affiliation else ""
            self.info(styled(("  ", ""), (group.source, "bold underline"), (party, self.muted)))
            for row in group.rows[: MAX_ROWS - shown]:
                self.row(row)
            shown += len(group.rows[: MAX_ROWS - shown])
        self.more(len(detail.rows) - shown, "row")

    def more(self, left: int, noun: str) -> None:
        if left > 0:
            self.info(Content.styled(
                f"  … {counted(left, noun)} more (sitrep stories --json --all lists them all)",
                self.muted,
            ))  # fmt: skip

    def row(self, row: LedgerLine) -> None:
        glyph, style = _status(row.status, row.manual)
        prefix = styled((f"    {glyph}", style), (f"{row.status:<{ROW_INDENT - 6}}", style))
        body = Content(row.text)
        if row.evidence:
            evidence = Content.styled(" · ".join(row.evidence), self.muted)
            body = Content("\n").join([body, evidence])
        self.add(_hang_lines(prefix, body, self.width), _mention_target(row.mentions[0]))
        if len(row.mentions) < 2:
            return  # the evidence names its one outlet; enter on the row opens it
        for mention in row.mentions:
            glyph, style = _status(mention.status, mention.manual)
            self.add(
                styled((" " * ROW_INDENT + "↳ ", self.muted), (mention.feed, "bold"),
                       (f" · {when(mention.published)} · ", self.muted),
                       (glyph + mention.status, style)),
                _mention_target(mention),
            )  # fmt: skip


def _said(row: LedgerLine, figure: str) -> Content:
    glyph, style = _status(row.status, row.manual)
    parts = [(glyph, style), (row.source, "bold underline"), (": ", "")]
    if figure:
        parts.append((f"{figure} — ", "bold"))
    return styled(*parts) + Content(row.text)


def _hang_lines(prefix: Content, body: Content, width: int) -> Content:
    """`hang` for a body of several lines: each starts under the first."""
    pad = Content(" " * prefix.cell_length)
    parts = body.split("\n")
    lines = [hang(prefix if i == 0 else pad, part, width) for i, part in enumerate(parts)]
    return Content("\n").join(lines)
