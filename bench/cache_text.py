"""The text of the bench caches: made-up wire copy from our own word lists, with the spans of
its claims and entity mentions, so a cache built from it has the shape a real analysis leaves.
bench/build_cache.py writes it through the store; every seed gives the same article.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.models import Analysis, Claim, Entity, Evidence  # noqa: E402

PLACES = (
    "Kharkiv",
    "Kupiansk",
    "Zhuravka",
    "Sumy",
    "Odesa",
    "Kherson",
    "Bakhmut",
    "Pokrovsk",
    "Belgorod",
    "Kursk",
    "Rafah",
    "Khan Younis",
    "Hodeidah",
    "Sanaa",
    "El Fasher",
    "Omdurman",
    "Goma",
    "Minova",
    "Sittwe",
    "Timbuktu",
    "Gao",
    "Mosul",
    "Idlib",
    "Aleppo",
    "Tartus",
    "Marib",
    "Zaporizhzhia",
    "Dnipro",
    "Mykolaiv",
    "Kramatorsk",
    "Avdiivka",
    "Tokmak",
    "Jenin",
    "Tulkarm",
    "Nablus",
    "Beirut",
    "Tyre",
    "Nabatieh",
    "Kyiv",
    "Moscow",
)
FIRST = (
    "Olena",
    "Ivan",
    "Mariam",
    "Yusuf",
    "Awa",
    "Pierre",
    "Hanna",
    "Dmytro",
    "Samir",
    "Leila",
    "Oleksandr",
    "Fatima",
    "Kwame",
    "Anna",
    "Tomas",
    "Nadia",
    "Omar",
    "Irina",
    "Min",
    "Jean",
)
LAST = (
    "Kovalenko",
    "Petrenko",
    "Haddad",
    "Diarra",
    "Sangare",
    "Morel",
    "Shevchuk",
    "Nasser",
    "Bondar",
    "Mensah",
    "Novak",
    "Rahman",
    "Volkov",
    "Aung",
    "Dubois",
    "Hassan",
    "Lysenko",
)
ORGS = (
    "the defence ministry",
    "the general staff",
    "the health ministry",
    "the UN",
    "the Red Cross",
    "the regional administration",
    "the army",
    "the border guard",
    "the interior ministry",
    "the rights monitor",
    "the aid agency",
    "the air force",
)
WEAPONS = (
    "Shahed",
    "Iskander-M",
    "HIMARS",
    "Patriot",
    "ATACMS",
    "Storm Shadow",
    "Kalibr",
    "Bayraktar TB2",
    "Lancet",
    "Grad",
)
VERBS = (
    "struck",
    "hit",
    "shelled",
    "targeted",
    "reached",
    "captured",
    "cut",
    "damaged",
    "evacuated",
    "repaired",
    "closed",
    "reopened",
    "defended",
    "surrounded",
    "supplied",
)
NOUNS = (
    "a power station",
    "an apartment block",
    "the main road",
    "a fuel depot",
    "the bridge",
    "a hospital",
    "the market",
    "a water plant",
    "the rail yard",
    "a school",
    "the port",
    "an aid convoy",
    "the airfield",
    "a grain silo",
    "the village",
    "a checkpoint",
)
FILLER = (
    "residents",
    "officials",
    "overnight",
    "morning",
    "heavy",
    "fighting",
    "front",
    "line",
    "civilians",
    "troops",
    "convoy",
    "ceasefire",
    "talks",
    "reports",
    "damage",
    "shelter",
    "electricity",
    "water",
    "supplies",
    "border",
    "region",
    "district",
    "province",
    "offensive",
    "positions",
    "casualties",
    "wounded",
    "killed",
    "displaced",
    "families",
    "drone",
    "drones",
    "missile",
    "missiles",
    "artillery",
    "air",
    "defence",
    "strike",
    "strikes",
    "attack",
    "attacks",
    "mission",
    "monitors",
    "satellite",
    "imagery",
    "night",
)
_SYLLABLES = (
    "ka",
    "ro",
    "vi",
    "ne",
    "lu",
    "sta",
    "mo",
    "pe",
    "dri",
    "an",
    "ol",
    "ez",
    "tu",
    "ma",
    "ri",
    "go",
    "bel",
    "sk",
    "in",
    "or",
)
TAGS = ("ukraine", "middle-east", "africa", "world")
STATUSES = ("claimed",) * 6 + ("denied", "disputed", "disputed", "unconfirmed", "confirmed")
# The sides a source is tied to (the analyzer's affiliation; "" for none named), and the kind
# of evidence behind each status but "claimed", as the analyzer stores them
SIDES = ("Ukraine", "Russia", "Israel", "Hamas", "Sudan", "Rapid Support Forces", "", "", "")
EVIDENCE = {"denied": "denial", "disputed": "dispute", "unconfirmed": "unverified",
            "confirmed": "confirmation"}  # fmt: skip
CUES = {
    "claimed": "said",
    "denied": "denied",
    "disputed": "said",
    "unconfirmed": "claimed",
    "confirmed": "confirmed",
}


class Writer:
    """Builds one article's text while recording the spans of claims and mentions."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.claims: list[Claim] = []
        self.mentions: dict[tuple[str, str], list[tuple[int, int]]] = {}

    def add(self, text: str, entity: tuple[str, str] | None = None) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if entity is not None:
            self.mentions.setdefault(entity, []).append((start, self.length))
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _rare_words(seed: int = 7, n: int = 6000) -> tuple[list[str], list[float]]:
    """Made-up words with Zipf-like weights, so the full-text index has a realistic long tail."""
    r = random.Random(seed)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < n:
        word = "".join(r.choice(_SYLLABLES) for _ in range(r.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    total, weights = 0.0, []
    for rank in range(1, n + 1):
        total += 1 / rank**1.07
        weights.append(total)
    return words, weights


RARE, RARE_WEIGHTS = _rare_words()


def _filler(r: random.Random, n: int) -> str:
    rare = r.choices(RARE, cum_weights=RARE_WEIGHTS, k=n)
    return " ".join(rare[i] if r.random() < 0.6 else r.choice(FILLER) for i in range(n))


def _claim_sentence(w: Writer, r: random.Random) -> None:
    status = r.choice(STATUSES)
    start = w.length
    side = r.choice(SIDES)
    if r.random() < 0.5:
        source, entity = r.choice(ORGS), None
        source_span = w.add(source[0].upper() + source[1:])
        canonical = f"{side} {source.removeprefix('the ')}".strip().title()
    else:
        source = _person(r)
        entity = (source, "PERSON")
        source_span = w.add(source, entity)
        canonical = source
    w.add(" ")
    cue = CUES[status]
    cue_span = w.add(cue)
    w.add(" that ")
    content_start = w.length
    w.add(r.choice(WEAPONS), (r.choice(WEAPONS), "WEAPON")) if r.random() < 0.3 else w.add("forces")
    w.add(f" {r.choice(VERBS)} {r.choice(NOUNS)} near ")
    place = r.choice(PLACES)
    w.add(place, (place, "PLACE"))
    w.add(f", {_filler(r, r.randint(3, 9))}")
    content_end = w.length
    w.add(".")
    text = "".join(w.parts)[start : w.length]
    w.claims.append(
        Claim(
            start,
            w.length,
            text,
            source,
            *source_span,
            cue,
            *cue_span,
            content_start,
            content_end,
            "reported",
            status,
            (Evidence(*cue_span, EVIDENCE[status], source),) if status in EVIDENCE else (),
            canonical,
            side,
        )
    )


def _plain_sentence(w: Writer, r: random.Random) -> None:
    place = r.choice(PLACES)
    w.add("In ")
    w.add(place, (place, "PLACE"))
    w.add(f", {_filler(r, r.randint(6, 16))} {r.choice(VERBS)} {r.choice(NOUNS)}.")


def article_text(r: random.Random) -> Writer:
    w = Writer()
    for paragraph in range(r.randint(4, 8)):
        if paragraph:
            w.add("\n\n")
        for sentence in range(r.randint(2, 4)):
            if sentence:
                w.add(" ")
            (_claim_sentence if r.random() < 0.35 else _plain_sentence)(w, r)
    return w


def raw_page(r: random.Random, text: str) -> bytes:
    """A page of the size real ones have (50-150 KB): the text inside menus, links and scripts."""
    chrome = " ".join(
        f'<li><a href="/section/{r.randint(1, 999)}">{_filler(r, 3)}</a></li>'
        for _ in range(r.randint(150, 450))
    )
    script = "".join(f"var k{i}={r.random()!r};" for i in range(r.randint(200, 800)))
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f"<html><head><script>{script}</script></head><body><nav><ul>{chrome}</ul></nav>"
        f"<article>{body}</article><footer><ul>{chrome}</ul></footer></body></html>"
    ).encode()


def analysed(seed: int) -> tuple[str, Analysis]:
    """One article's text and analysis, the same for the same seed (runs in worker processes)."""
    w = article_text(random.Random(seed))
    entities = tuple(
        Entity(name, kind, tuple(spans)) for (name, kind), spans in w.mentions.items()
    )
    conflict = any(c.status == "disputed" for c in w.claims)
    return w.text(), Analysis(tuple(w.claims), entities, conflict, "bench")
