"""The claim ledger of a story: one row per statement per source, with every outlet's mention.

Each claim of the story's articles is filed under its speaker (sources.py, resolved across the
story) and compared with the rows of that speaker so far, in publication order; a claim whose
content reports two statements ("... had taken over two schools and that 2,000 people had
fled") is one mention per statement (statements.statement_spans, seventeenth pass):

- its statement is the content of the claim as comparison keys (words.keys: concepts and
  stems) plus the entities named in it, each key weighted by how rare it is among the story's
  claims (a word every claim shares, such as the town's name, says little);
- it joins the row it overlaps most, when the weighted overlap (shared weight over the smaller
  statement's weight) reaches STATEMENT_JOIN — ACROSS_ARTICLES_JOIN for a row with no mention
  in the claim's own article: an outlet gives a speaker's statement once, and two outlets give
  it in their own words, while one article's two claims of a speaker are two statements — and
  when both are denials or both are not: "its forces struck a site in Dnipro" and "it denied
  targeting homes in Dnipro" are two rows even from one ministry;
- otherwise it starts a row.

A learned join measured against these thresholds in the fifteenth and sixteenth passes was
not adopted, and its hooks were removed (bench/README.md, "Stories, sixteenth pass").

A row's status is the strongest of its mentions' (denied > confirmed > disputed > unconfirmed
> claimed, the analysis's own order) and its evidence says which outlet gave which. Row ids
are a hash of the story id, the speaker key and the first mention's statement, so they stay
the same when later articles join.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from tui.core.models import Claim
from tui.pipeline.stories import acronyms, sources
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.lexicon import ACTS, DENIAL_CUES, OPPOSITIONS, STATE_BODY_WORDS
from tui.pipeline.stories.parties import same_party_links, spoken_for
from tui.pipeline.stories.scope import NO_SCOPE, Scope, scope_of
from tui.pipeline.stories.statements import (
    clauses,
    content_words,
    gives_count,
    own_content,
    quantities_met,
    similarity,
    statement_keys,
    statement_spans,
    weights,
)
from tui.pipeline.stories.words import claim_key, pole_keys, stem

# A content that says something was not there ("there were no military facilities in the
# area", "no meeting of commanders had taken place", "none of the dead were fighters") answers
# another's account: a denial, unless it goes on to say what was there ("only students").
_NOTHING_THERE = re.compile(
    r"(?:that\s+)?[\"“']?(?:there\s+(?:was|were|is|are|had\s+been|has\s+been)\s+no\b"
    r"|no\s+\w+(?:\s+\w+){0,3}\s+(?:had|has|was|were|is|are)\b|none\s+of\b|not\s+a\s+single\b)",
    re.IGNORECASE,
)
# Another's account called untrue: a content opening (within five words) on a word of a
# report, then within twelve words a word of falsehood ("the jihadists' claim that they had
# seized the base was \"pure propaganda\"", "the figure as propaganda", "Yerevan's statement
# \"disinformation\""); not "it struck a facility ..., a claim officials rejected as a lie".
_CALLED_FALSE = re.compile(
    r"\W*(?:\w+\W+){0,5}?(?:claims?|statements?|accounts?|reports?|figures?|accusations?"
    r"|allegations?|assertions?)\b(?:\W+\w+){0,12}?\W+(?:propaganda|disinformation|false|fabricated|fabrication|lies?"
    r"|baseless|fake|untrue|nonsense|fiction)\b",
    re.IGNORECASE,
)
STATEMENT_JOIN = 0.3
ACROSS_ARTICLES_JOIN = 0.25  # a row none of whose mentions is in the claim's article
PARTY_JOIN = 0.5  # a person's row joining their state's (`_party_rows`)
PARTY_WORDS = 3  # words a statement needs for that, when it gives no count
_STRENGTH = {"denied": 4, "confirmed": 3, "disputed": 2, "unconfirmed": 1, "claimed": 0}


@dataclass(frozen=True, slots=True)
class Mention:
    """One outlet's wording of a row's statement: the claim sentence in that article."""

    article_id: str
    url: str
    feed: str
    time: float
    claim: Claim
    content: str = ""  # the claim's own content: the article text over its content span,
    # blanked where another claim is nested in it ("..., after X said Y" is X's, not its own)
    content_start: int = 0  # offset of `content` in the article text
    denial: bool = False  # the claim is its source's denial (see `is_denial`)
    scope: Scope = NO_SCOPE  # the event, place and time frame its words are about

    @property
    def start(self) -> int:
        return self.claim.start

    @property
    def end(self) -> int:
        return self.claim.end

    @property
    def text(self) -> str:
        return self.claim.text


@dataclass(frozen=True, slots=True)
class LedgerRow:
    id: str
    source: str  # the name to show
    source_key: str  # the resolved speaker key
    affiliation: str | None  # the country the speaker speaks for, when known
    status: str
    evidence: tuple[str, ...]  # "denied (Northline News)", and the claims' own evidence
    text: str  # the statement, in the first outlet's words
    mentions: tuple[Mention, ...]
    statement: frozenset[str]  # comparison keys of all its mentions
    statements: tuple[frozenset[str], ...] = ()  # of each mention, in order

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.feed for m in self.mentions))

    @property
    def is_denial(self) -> bool:
        return any(m.denial for m in self.mentions)


def is_denial(claim: Claim, statement: Counter[str]) -> bool:
    """A claim that is its source's denial: its cue is a verb of denial ("denied attacking the
    camp", "rejected responsibility"), or the analysis marks it denied and its content asserts
    no act of its own and no state of the target ("the ship was not damaged"). "said it had
    struck only military targets, not civilians" is marked denied for its "not", but it tells
    what the speaker did: an assertion, the row of its other accounts of the strike."""
    if any(w.casefold() in DENIAL_CUES for w in claim.cue.split()):
        return True
    if _NOTHING_THERE.match(claim.text[claim.content_start - claim.start :]) and not re.search(
        r"\bonly\b", claim.text[claim.content_start - claim.start :]
    ):
        return True
    if _CALLED_FALSE.match(claim.text[claim.content_start - claim.start :]):
        return True  # "called the SSC-Khatumo claim of capture \"pure propaganda\"" (13th pass)
    if claim.status != "denied" and not any(e.kind == "denial" for e in claim.evidence):
        return False
    return not any(k in _ACT_KEYS or k in _UNHARMED for k in statement)


@dataclass(slots=True)
class _Draft:
    key: str
    speakers: list[sources.Speaker]
    mentions: list[Mention]
    statements: list[Counter[str]]
    denial: bool
    match: list[Counter[str]]  # what later claims are compared with: a joined claim's clause


@dataclass(frozen=True, slots=True)
class Item:
    """One claim of a story as the ledger compares it: its mention, its speaker (as filed and
    as resolved across the story), its statement and its that-clauses."""

    mention: Mention
    speaker: sources.Speaker
    key: str  # the speaker's key resolved across the story
    statement: Counter[str]
    parts: tuple[Counter[str], ...]  # its that-clauses' statements, or the statement alone


def ledger_items(articles: list[StoryArticle]) -> tuple[list[Item], dict[str, float]]:
    """The story's claims in publication order, and the rarity weight of each statement key."""
    items = []
    parts: list[list[Counter[str]]] = []  # a claim's that-clauses ("... and that ..."), each
    for article in sorted(articles, key=lambda a: (a.timestamp, a.id)):
        for whole in sorted(article.claims, key=lambda c: c.start):
            speaker = sources.speaker_of(whole, article.text, article.entities)
            own, at = own_content(whole, article)
            for content, lo in statement_spans(own, at):  # one mention per statement
                claim = whole if content == own else replace(
                    whole, content_start=lo, content_end=lo + len(content.rstrip())
                )  # fmt: skip
                mention = Mention(
                    article.id, article.url, article.feed, article.timestamp, claim, content, lo
                )
                statement = statement_keys(content, lo, article)
                mention = replace(
                    mention,
                    denial=is_denial(claim, statement),
                    scope=scope_of(content, lo, article),
                )
                items.append((mention, speaker, statement))
                parts.append(
                    [statement_keys(t, o, article) for t, o in clauses(content, lo)] or [statement]
                )
    speakers = [s for _, s, _ in items]
    declared = acronyms.declared(a.text for a in articles)  # "the ... Army (TPNPB)"
    resolved = spoken_for(speakers, sources.resolve(speakers, declared))
    joined = same_party_links(  # one party under names that share no word (parties.py)
        [resolved[s.key] for _, s, _ in items],
        [m.article_id for m, _, _ in items],
        [s.party for _, s, _ in items],
        [st for _, _, st in items],
        [m.denial for m, _, _ in items],
    )
    resolved = {k: joined.get(v, v) for k, v in resolved.items()}
    weight = weights([st for _, _, st in items])
    found = [
        Item(m, s, resolved[s.key], st, tuple(own))
        for (m, s, st), own in zip(items, parts, strict=True)
    ]
    return found, weight


def build_ledger(story_id: str, articles: list[StoryArticle]) -> list[LedgerRow]:
    """The rows of one story, in order of their first mention."""
    items, weight = ledger_items(articles)
    drafts = _party_rows(_joined(items, weight), weight)
    parties = _parties([it.speaker for it in items], {it.speaker.key: it.key for it in items})
    return [_row(story_id, draft, parties.get(draft.key)) for draft in drafts]


def _joined(items: list[Item], weight: dict[str, float]) -> list[_Draft]:
    """Rows by the hand-set joins: each claim, in publication order, joins the best row of its
    speaker or starts one."""
    drafts: list[_Draft] = []
    for item in items:
        mention, speaker, key, statement = item.mention, item.speaker, item.key, item.statement
        denial = mention.denial
        best, best_score, best_part = None, 0.0, statement
        counted: list[tuple[_Draft, set[str]]] = []  # rows the claim meets by a count
        for draft in drafts:
            if draft.denial != denial or draft.key != key:
                continue
            other_outlet = all(m.article_id != mention.article_id for m in draft.mentions)
            join = ACROSS_ARTICLES_JOIN if other_outlet else STATEMENT_JOIN
            for part in item.parts:
                score = 1.0 if denial else similarity(part, draft.match, weight, join)
                if score >= 1.0 and not denial and len(item.parts) == 1:
                    counted.append((draft, quantities_met(part, draft.match)))
                if score > best_score:
                    best, best_score, best_part = draft, score, part
        met = set().union(*(q for d, q in counted if d is best))
        for other, quantities in counted:  # "nine killed and 23 wounded" meets "nine died"
            if other is not best and quantities and not quantities & met:  # and "23 were
                _merge(best, other)  # wounded": one toll of the speaker's, two rows no more
                drafts.remove(other)  # (nineteenth pass)
                met |= quantities
        if best is None:
            drafts.append(_Draft(key, [speaker], [mention], [statement], denial, list(item.parts)))
        else:  # a claim of two statements joins by one, and draws others by that one only
            best.speakers.append(speaker)
            best.mentions.append(mention)
            best.statements.append(statement)
            best.match.append(best_part)
    return drafts


def _party_rows(drafts: list[_Draft], weight: dict[str, float]) -> list[_Draft]:
    """Rows of a state joined by the rows of a named person the analysis ties to that state
    (a spokesman, an officer, a minister, under a key of their own) that tell one of its
    statements in other outlets: outlets give one statement as the state's in one copy and
    as its named spokesman's in another, and the statement is what they share (twenty-first
    pass). No two rows share an article (one outlet's two speakers are two speakers); a
    statement of no count needs `PARTY_WORDS` words at least ("the troops"); each row joins
    the one state row it meets best. Bodies are left out: joined the same way ("the ...
    Directorate of the Bangladesh Armed Forces" / Bangladesh) they lowered the validation
    set (bench/README.md, "Stories, twenty-first pass")."""
    for row in list(drafts):
        party = row.speakers[0].party
        if row.denial or not party or row.key == f"state:{party}":
            continue
        if not all(s.party == party for s in row.speakers):
            continue
        if not row.key.startswith("person:"):
            continue
        seen = {m.article_id for m in row.mentions}
        best, best_score = None, 0.0
        for state in drafts:
            if state.key != f"state:{party}" or state.denial:
                continue
            if seen & {m.article_id for m in state.mentions}:
                continue
            for part in row.match:
                if not gives_count(part) and len(content_words(part)) < PARTY_WORDS:
                    continue  # "the troops", "its ambassador": too little to tell
                score = similarity(part, state.match, weight, PARTY_JOIN)
                if score > best_score:
                    best, best_score = state, score
        if best is not None:
            _merge(best, row)
            drafts.remove(row)
    return drafts


def _merge(into: _Draft, other: _Draft) -> None:
    """Join a row into another, its mentions in publication order."""
    found = sorted(
        zip(into.mentions + other.mentions, into.speakers + other.speakers,
            into.statements + other.statements, strict=True),
        key=lambda t: (t[0].time, t[0].article_id, t[0].start),
    )  # fmt: skip
    into.mentions = [m for m, _, _ in found]
    into.speakers = [s for _, s, _ in found]
    into.statements = [st for _, _, st in found]
    into.match.extend(other.match)


def _parties(speakers: list[sources.Speaker], resolved: dict[str, str]) -> dict[str, str]:
    """The party each speaker of a story speaks for: its own country, else, for a spokesman
    of a body ("Junta spokesman Zaw Min Tun"), the one state of the story with that body."""
    parties: dict[str, str] = {}
    roles: dict[str, set[str]] = {}
    for s in speakers:
        key = resolved[s.key]
        roles.setdefault(key, set()).update(s.roles)
        if s.party and key not in parties:
            parties[key] = s.party
    states = {k: v for k, v in parties.items() if k.startswith("state:")}
    for key, own in roles.items():
        if key in parties or not key.startswith("person:"):
            continue
        bodies = own & _BODY_STEMS
        fits = {country for k, country in states.items() if bodies & roles[k]}
        if len(fits) == 1:
            parties[key] = fits.pop()
    return parties


# "the ship was undamaged", "was not damaged": an account of the target's state, set against
# "the ship was hit" (a dispute), not a denial of an act ("did not strike homes").
_UNHARMED = pole_keys(OPPOSITIONS[2][1]) - pole_keys(frozenset(("not:hit", "not:struck")))
_ACT_KEYS = frozenset(claim_key(w) for w in ACTS) | {
    claim_key(w) for w in ("captured", "repelled", "held", "intercepted", "launched")
}
_BODY_STEMS = frozenset(stem(w) for w in STATE_BODY_WORDS) - {
    stem(w) for w in ("of", "the", "state", "spokesman", "spokeswoman", "spokesperson",
                      "officials", "office", "service", "services")
}  # fmt: skip


def _row(story_id: str, draft: _Draft, party: str | None) -> LedgerRow:
    first = draft.mentions[0]
    statement_id = " ".join(sorted(draft.statements[0]))
    digest = hashlib.sha1(f"{story_id}\n{draft.key}\n{statement_id}".encode()).hexdigest()
    status = max((m.claim.status for m in draft.mentions), key=lambda s: _STRENGTH.get(s, 0))
    evidence = []
    for m in draft.mentions:
        evidence.append(f"{m.claim.status} ({m.feed})")
        for e in m.claim.evidence:
            by = f" by {e.by}" if e.by else ""
            evidence.append(f"{e.kind}{by} ({m.feed})")
    all_keys = frozenset(k for st in draft.statements for k in st)
    claim = first.claim
    content = claim.text
    if claim.content_end > claim.content_start:
        offset = claim.start
        content = claim.text[claim.content_start - offset : claim.content_end - offset]
    return LedgerRow(
        id=f"c{digest[:12]}",
        source=_display_name(draft),
        source_key=draft.key,
        affiliation=_affiliation(draft) or party,
        status=status,
        evidence=tuple(dict.fromkeys(evidence)),
        text=content.strip() or claim.text,
        mentions=tuple(draft.mentions),
        statement=all_keys,
        statements=tuple(frozenset(st) for st in draft.statements),
    )


def _display_name(draft: _Draft) -> str:
    """The fullest name under the row's key, or of a mention naming someone if none there does."""
    own = [s for s in draft.speakers if s.key == draft.key] or draft.speakers
    pool = own if any(s.named for s in own) else [s for s in draft.speakers if s.named] or own
    counts = Counter(s.name for s in pool)
    return max(counts, key=lambda n: (n[:1].isupper(), counts[n], len(n), n))


def _affiliation(draft: _Draft) -> str | None:
    """The side the analysis gives the row's mentions most often, else the speaker's."""
    given = [m.claim.affiliation for m in draft.mentions]
    parties = [p for p in given if p] or [s.party for s in draft.speakers if s.party]
    return Counter(parties).most_common(1)[0][0] if parties else None
