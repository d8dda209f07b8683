"""Write a sitrep cache of N analysed articles (text, claims, entities) for the app benchmarks.

    .venv/bin/python bench/build_cache.py --out /tmp/sitrep-bench/cache-50k --articles 50000

Writes OUT/feeds.toml (feeds on a dead local port, refresh_minutes = 0 so the app never refreshes
on its own) and OUT/cache/sitrep.db through the store's own functions, so the cache has exactly
the shape a real refresh leaves behind. The text is generated from our own word lists with a
fixed seed: every run gives the same cache. Dates spread over the 60 days before the build.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.story_plan import file_bench_stories  # noqa: E402
from tui.core.models import Analysis, Article, Claim, Entity, Entry  # noqa: E402
from tui.store import schema, store  # noqa: E402

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
    if r.random() < 0.5:
        source, entity = r.choice(ORGS), None
        source_span = w.add(source[0].upper() + source[1:])
    else:
        source = _person(r)
        entity = (source, "PERSON")
        source_span = w.add(source, entity)
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


def build(
    out: Path,
    articles: int,
    feeds: int,
    seed: int,
    raw_pages: bool = True,
    proposed_v2: bool = False,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    urls = [f"http://127.0.0.1:9/feed/{i}.xml" for i in range(feeds)]
    lines = ["[settings]", "refresh_minutes = 0", "retention_days = 0", ""]
    for i, url in enumerate(urls):
        lines += [
            "[[feed]]",
            f'name = "Bench wire {i}"',
            f'url = "{url}"',
            f'tags = ["{TAGS[i % 4]}"]',
            "",
        ]
    (out / "feeds.toml").write_text("\n".join(lines), encoding="utf-8")
    db = out / "cache" / "sitrep.db"
    if db.exists() and proposed_v2:  # an existing bench cache: opening it migrates it
        schema.connect(db).close()
        print(f"{db} is at schema {schema.SCHEMA_VERSION}")
        return
    if db.exists():
        sys.exit(f"{db} exists: remove it first")
    conn = schema.connect(db)  # the current schema (v2 carries the list indexes)
    ids = store.sync_feeds(
        conn, [(u, f"Bench wire {i}", (TAGS[i % 4],)) for i, u in enumerate(urls)]
    )
    r = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    per_feed = -(-articles // feeds)
    t0 = time.perf_counter()
    made = 0
    for number, url in enumerate(urls):
        entries = []
        for j in range(min(per_feed, articles - made)):
            when = now - timedelta(seconds=r.randint(0, 60 * 86400))
            place = r.choice(PLACES)
            title = f"{r.choice(NOUNS).capitalize()} {r.choice(VERBS)} near {place} ({number}-{j})"
            entries.append(
                Entry(
                    f"g{number}-{j}",
                    f"https://bench.invalid/{number}/{j}",
                    title,
                    published=when,
                    summary=f"{place}: {_filler(r, 20)}.",
                )
            )
        made += store.save_entries(conn, ids[url], entries, full_text=True)
    rows = conn.execute("SELECT id, url FROM articles ORDER BY id").fetchall()
    for row in rows:
        w = article_text(r)
        entities = tuple(
            Entity(name, kind, tuple(spans)) for (name, kind), spans in w.mentions.items()
        )
        conflict = any(c.status == "disputed" for c in w.claims)
        analysis = Analysis(tuple(w.claims), entities, conflict, "bench")
        store.save_analysis(conn, row["id"], Article(row["url"], w.text()), analysis)
        if raw_pages:
            store.save_page(
                conn, row["id"], raw_page(r, w.text()), {"content-type": "text/html"}, row["url"]
            )
    with conn:
        conn.execute("UPDATE articles SET read = 1 WHERE id % 3 = 0")
        conn.execute(
            "UPDATE feeds SET last_checked = ?, last_ok = ?", (now.isoformat(), now.isoformat())
        )
    file_bench_stories(conn, seed)  # stories of the shape of real traffic (bench/story_plan.py)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(
        f"built {made} articles in {time.perf_counter() - t0:.1f}s: {db} "
        f"({db.stat().st_size / 1e6:.0f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--feeds", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-raw-pages", action="store_true", help="leave raw_html empty")
    parser.add_argument(
        "--proposed-v2",
        action="store_true",
        help="kept for old commands: the schema migration now adds the v2 indexes; "
        "on an existing cache, only that",
    )
    args = parser.parse_args()
    build(args.out, args.articles, args.feeds, args.seed, not args.no_raw_pages, args.proposed_v2)


if __name__ == "__main__":
    main()
