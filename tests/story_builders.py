"""Hand-built analysed articles for the stories tests: offsets found from the text itself."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tui.core.models import Claim, Entity
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.sources import Speaker, speaker_of

T0 = datetime(2025, 3, 11, 6, 0, tzinfo=UTC)


def claim(
    text: str, sentence: str, source: str, content: str, status: str = "claimed", name: str = ""
) -> Claim:
    """A claim whose sentence, source and content are substrings of `text` (the first place
    the sentence occurs; source and content inside it), filed under `name` (default: the
    source as written; the analysis names "it" after its antecedent)."""
    start = text.index(sentence)
    end = start + len(sentence)
    source_start = text.index(source, start, end)
    content_start = text.index(content, start, end)
    cue = re.search(r"\b(?:said|says|denied|rejected|told|reported|claimed)\b", sentence)
    cue_start = start + (cue.start() if cue else 0)
    cue_end = start + (cue.end() if cue else 0)
    return Claim(
        start=start,
        end=end,
        text=sentence,
        source=name or source,
        source_start=source_start,
        source_end=source_start + len(source),
        cue=text[cue_start:cue_end],
        cue_start=cue_start,
        cue_end=cue_end,
        content_start=content_start,
        content_end=content_start + len(content),
        quote="reported",
        status=status,
    )


def entities(text: str, *named: tuple[str, str]) -> tuple[Entity, ...]:
    found = []
    for name, kind in named:
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        if spans:
            found.append(Entity(name, kind, spans))
    return tuple(found)


def article(
    ident: str,
    title: str,
    text: str,
    hours: float = 0.0,
    feed: str = "Meridian Wire",
    claims: tuple[tuple[str, ...], ...] = (),
    named: tuple[tuple[str, str], ...] = (),
) -> StoryArticle:
    """An article `hours` after T0; each claim is (sentence, source, content[, status, name])."""
    return StoryArticle(
        id=ident,
        url=f"https://{feed.split()[0].lower()}.example/{ident}",
        feed=feed,
        title=title,
        published=T0 + timedelta(hours=hours),
        text=text,
        claims=tuple(claim(text, *spec) for spec in claims),
        entities=entities(text, *named),
    )


def speaker(source: str) -> Speaker:
    """Who *source* is, as the ledger keys it, said in a sentence of its own."""
    text = f"{source} said the strike hit a depot."
    found = claim(text, text, source, "the strike hit a depot")
    return speaker_of(found, text, entities(text))
