"""Where the stories' errors are, by cause, on the development sets (aggregate counts only).

    .venv/bin/python bench/bench_stories_causes.py             # every development set
    .venv/bin/python bench/bench_stories_causes.py --set dev   # one

For each set: the gold contradictions missed, by kind and by the first reason the rules give
(a group with no row, rows in two stories, one side, a row on no pole, poles not opposed, told
more than a day apart, a denial that matches nothing of the row...), and the grouping's
margins: each article scored, in publication order, against the story holding its gold mates
(shared focus place or not, which threshold it reached, joined or not), with the best score of
a wrong story. And the gold claim pairs missed, by cause (`claim_causes`): the two articles in
two predicted stories; no claim over one mention; one claim over two gold mentions (a claim
spanning two statements: it stands for one of them only); two speaker keys; a denial against an
assertion; one speaker, the statements judged different. `bench_stories.py --errors` lists
them. The validation set (the newest held-out one) is not offered: its errors are not read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_stories as bench  # noqa: E402

from tui.pipeline.stories import contradictions as rules  # noqa: E402
from tui.pipeline.stories import poles  # noqa: E402
from tui.pipeline.stories.export import story_report  # noqa: E402
from tui.pipeline.stories.features import article_features  # noqa: E402
from tui.pipeline.stories.grouping import StoryIndex  # noqa: E402

DEVELOPMENT = bench.DEVELOPMENT


def _grouped(name: str) -> tuple[dict, dict[str, list], list[tuple[str, str, tuple[int, int]]]]:
    """A set's gold, its analysed articles by predicted story, and its gold mentions as
    (group id, article, span)."""
    meta, texts, gold = bench.load(name)
    articles = bench.analysed(meta, texts)
    story_of, _, _ = bench.group(articles)
    by_story = defaultdict(list)
    for a in articles:
        by_story[story_of[a.id]].append(a)
    mentions = [
        (g["id"], m["article"], bench.span_of(texts, m["article"], m["quote"]))
        for g in gold["claim_groups"]
        for m in g["mentions"]
    ]
    return gold, by_story, mentions


def contradiction_causes(name: str) -> Counter[tuple[str, str]]:
    gold, by_story, mentions = _grouped(name)
    rows_of: dict[str, set[str]] = defaultdict(set)
    rows, home, found = {}, {}, {}
    for sid, arts in by_story.items():
        report = story_report(sid, arts)
        for c in report.contradictions:
            found[frozenset((c.a, c.b))] = c.kind
        for row in report.rows:
            rows[row.id], home[row.id] = row, sid
            for m in row.mentions:
                c = m.claim
                lo, hi = bench.claim_span(c)
                best = max(
                    ((bench.covers(lo, hi, span), g) for g, art, span in mentions
                     if art == m.article_id),
                    default=(0.0, ""),
                )  # fmt: skip
                if best[0] >= 0.5:
                    rows_of[best[1]].add(row.id)
    causes: Counter[tuple[str, str]] = Counter()
    for c in gold["contradictions"]:
        ra, rb = rows_of.get(c["a"], set()), rows_of.get(c["b"], set())
        pairs = [(rows[x], rows[y]) for x in ra for y in rb if x != y]
        if any(found.get(frozenset((a.id, b.id))) == c["kind"] for a, b in pairs):
            continue
        causes[(c["kind"], _why(c["kind"], ra, rb, pairs, found, home))] += 1
    return causes


def _why(kind, ra, rb, pairs, found, home) -> str:  # type: ignore[no-untyped-def]
    if not ra or not rb:
        return "a group has no row (no claim found)"
    if not pairs:
        return "both groups in one row"
    if any(found.get(frozenset((a.id, b.id))) for a, b in pairs):
        return "found, with another kind"
    pairs = [(a, b) for a, b in pairs if home[a.id] == home[b.id]]
    if not pairs:
        return "rows in two stories"
    pairs = [(a, b) for a, b in pairs if rules._apart(a, b)]
    if not pairs:
        return "one side (one key, or one country)"
    if kind == "denial":
        if not any(a.is_denial or b.is_denial for a, b in pairs):
            return "no row read as a denial"
        return "the denial matches no wording, pole or evidence of the row"
    if kind == "figures":
        return "the counts are not compared (scope, part or class)"
    sides = [(poles.sides(a), poles.sides(b)) for a, b in pairs]
    if not any(sa and sb for sa, sb in sides):
        return "a row on no pole"
    if not any(-s in sb for sa, sb in sides for s in sa):
        return "poles not opposed"
    if not any(rules._near(a, b) for a, b in pairs):
        return "first told more than 24 h apart"
    return "different towns, or other"


def claim_causes(name: str) -> Counter[str]:
    """Why each gold pair of one claim group in two articles is not one ledger row."""
    gold, by_story, mentions = _grouped(name)
    story_of = {a.id: sid for sid, arts in by_story.items() for a in arts}
    row_of: dict[int, str] = {}  # gold mention -> row, as bench_stories maps them
    covered: set[int] = set()  # gold mentions some claim covers, mapped or not
    key_of, denial_of = {}, {}
    for sid, arts in by_story.items():
        for row in story_report(sid, arts).rows:
            key_of[row.id], denial_of[row.id] = row.source_key, row.is_denial
            for m in row.mentions:
                c = m.claim
                lo, hi = bench.claim_span(c)
                near = [
                    (bench.covers(lo, hi, span), -span[0], k)
                    for k, (_, art, span) in enumerate(mentions)
                    if art == m.article_id
                ]
                covered.update(k for cov, _, k in near if cov >= 0.5)
                best = max(near, default=(0.0, 0, -1))
                if best[0] >= 0.5 and best[2] not in row_of:
                    row_of[best[2]] = row.id
    causes: Counter[str] = Counter()
    for (k1, m1), (k2, m2) in combinations(list(enumerate(mentions)), 2):
        if m1[0] != m2[0] or m1[1] == m2[1]:
            continue
        r1, r2 = row_of.get(k1), row_of.get(k2)
        if r1 is not None and r1 == r2:
            continue
        if story_of[m1[1]] != story_of[m2[1]]:
            causes["two stories"] += 1
        elif r1 is None or r2 is None:
            two = any(k in covered and row_of.get(k) is None for k in (k1, k2))
            causes["one claim over two gold mentions" if two else "no claim"] += 1
        elif key_of[r1] != key_of[r2]:
            causes["speaker"] += 1
        elif denial_of[r1] != denial_of[r2]:
            causes["denial/assertion"] += 1
        else:
            causes["statement"] += 1
    return causes


def margins(name: str) -> tuple[Counter[str], list[float]]:
    """How each article's true join was made, and the best scores of wrong stories."""
    meta, texts, gold = bench.load(name)
    truth = {a: s for s, arts in gold["stories"].items() for a in arts}
    feats = sorted(
        (article_features(a) for a in bench.analysed(meta, texts)),
        key=lambda f: (f.time, f.article_id),
    )
    index, params = StoryIndex(), StoryIndex().params
    counts: Counter[str] = Counter()
    wrong: list[float] = []
    for f in feats:
        index._count(f, +1)  # score it as `assign` does, against the index before it joins
        chosen = index._best_story(f)
        mates = Counter(s for a, s in index.story_of.items() if truth[a] == truth[f.article_id])
        for sid, story in index.stories.items():
            if sid not in mates:
                wrong.append(round(index.score(f, story), 2))
        if mates:
            sid = mates.most_common(1)[0][0]
            score, anchored = (
                index.score(f, index.stories[sid]),
                index.anchored(f, index.stories[sid]),
            )
            band = (
                "≥ join"
                if score >= params.join
                else ("≥ join_anchored" if score >= params.join_anchored else "below both")
            )
            outcome = (
                "joined" if chosen == sid else ("split" if chosen is None else "joined another")
            )
            counts[f"{'shared place' if anchored else 'no shared place'}, {band}, {outcome}"] += 1
        index._count(f, -1)
        index.assign(f)
    return counts, sorted(wrong, reverse=True)[:5]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=DEVELOPMENT)
    args = parser.parse_args()
    total: Counter[tuple[str, str]] = Counter()
    pairs: Counter[str] = Counter()
    for name in (args.set,) if args.set else DEVELOPMENT:
        causes = contradiction_causes(name)
        total.update(causes)
        missed = claim_causes(name)
        pairs.update(missed)
        print(f"== {name}: {sum(missed.values())} gold claim pairs missed: " + ", ".join(
            f"{why} {n}" for why, n in missed.most_common()))
        counts, wrong = margins(name)
        print(f"== {name}: {sum(causes.values())} gold contradictions missed")
        for (kind, why), n in causes.most_common():
            print(f"  {n:3d}  {kind}: {why}")
        print("  true joins: " + "; ".join(f"{k} {n}" for k, n in sorted(counts.items())))
        print(f"  best scores of a wrong story: {wrong}")
    print(f"== all: {sum(pairs.values())} claim pairs missed: " + ", ".join(
        f"{why} {n}" for why, n in pairs.most_common()))
    print(f"== all: {sum(total.values())} missed")
    for (kind, why), n in total.most_common():
        print(f"  {n:3d}  {kind}: {why}")


if __name__ == "__main__":
    main()
