"""A claim's statement against a ledger row's, learned: the probability that two claims in two
outlets are one speaker's one statement (ledger.py asks it beside its hand-set joins).

`pair_features` reads only general signals of two claims — whether their speakers are filed
under one key, one side, their statements' overlap and its parts (concepts, entities, counts,
negations, denials), their cues, how far apart in time and in their articles — never a name,
place, outlet or phrase. `Model` is a logistic regression over them whose weights are a data
file (`data/claim_joins.tsv`, its header says what it was trained on and how to retrain it:
`bench/train_ledger.py`); the app only reads it.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.pipeline.stories.statements import (
    _FIRST as _FIRST_KEY,
)
from tui.pipeline.stories.statements import (
    _amounts,
    _core,
    _holder_side,
    _other_amounts,
    blamed_first,
    overlap,
    similarity,
)
from tui.pipeline.stories.words import stem

ACROSS_JOIN = 0.25  # ledger.ACROSS_ARTICLES_JOIN (ledger.py imports this module)
DATA = Path(__file__).parent / "data" / "claim_joins.tsv"

FEATURES = (
    "bias",
    "same_key",  # the speakers' keys, resolved across the story, are one
    "same_filed",  # and were one before any link (as each article names them)
    "same_kind",  # person / state / org / body on both sides
    "same_side",  # the analysis ties both to one country or group
    "other_side",  # to two
    "one_side_empty",
    "speaker_words",  # Jaccard of the words of the two keys ("org:spla-io" / "person:spla-io")
    "speaker_roles",  # of the describing words of their source phrases
    "person_and_not",  # a named person against a body or a state
    "overlap",  # statements.overlap: rarity-weighted shared keys over the smaller statement
    "rules",  # statements.similarity at no threshold: what the hand-set joins see
    "clauses",  # the same, best over the two claims' that-clauses
    "rules_join",  # the hand-set join across outlets holds (clauses at ACROSS_ARTICLES_JOIN)
    "words",  # the overlap of their words only (no names, no counts)
    "names",  # of the entities they name
    "no_names",  # neither names an entity
    "core",  # Jaccard of concepts and counts: what a paraphrase keeps
    "same_count",  # one count of one quantity
    "other_count",  # different counts of one quantity
    "holder_same",  # one side of who holds a place
    "holder_other",
    "negation_same",  # both negate something, or neither does
    "both_denials",
    "same_cue",  # one verb of saying
    "same_status",
    "hours",  # hours apart, over a day (at most 3)
    "lead",  # both in the first 600 characters of their articles
    "size",  # the smaller statement's number of keys, over 10 (at most 2)
    "overlap_larger",  # shared weight over the larger statement's: one says much more
    "counts_apart",  # both give counts and share none ("seven soldiers" / "12 attackers")
    "count_in_one",  # one gives a count, the other none
    "first_in_one",  # one says who fired first, the other does not
    "across_rules",  # "rules" for two speakers' keys: a statement told by one party's two names
    "across_count",  # "same_count" for two speakers' keys
)


# A claim against a row as a whole (`row_features`): each pair feature's best and mean over the
# row's mentions in other articles, the hand-set similarity against the row (as the ledger
# computes it: a joined claim's clause) and whether it clears the ledger's threshold, and the
# row's size.
ROW_FEATURES = (
    "bias",
    *(f"best_{name}" for name in FEATURES[1:]),
    *(f"mean_{name}" for name in FEATURES[1:]),
    "row_rules",
    "row_rules_join",
    "row_size",
)


@dataclass(frozen=True, slots=True)
class Model:
    weights: tuple[float, ...]  # one per FEATURES name
    threshold: float  # a row joins when the probability against one of its mentions clears it
    across: float | None = None  # the threshold for a row of another speaker; None: never
    replaces: bool = False  # across outlets the model alone joins (the rules only in one)
    veto: float | None = None  # across outlets the rules' join stands only above it
    mean: bool = False  # a row's probability is the mean over its mentions, not the best
    cluster: bool = False  # rows by average-link clustering of one speaker's claims (`rows`)
    per_row: bool = False  # weights over ROW_FEATURES: the claim against a row as a whole

    def probability(self, features: list[float]) -> float:
        z = sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def pair_features(one: Any, other: Any, weight: dict[str, float]) -> list[float]:
    """The features of two ledger items (ledger.Item) in two articles, in FEATURES order."""
    a, b = one.statement, other.statement
    sa, sb = one.speaker, other.speaker
    pa, pb = sa.party or one.mention.claim.affiliation, sb.party or other.mention.claim.affiliation
    words_a, words_b = _only(a, _is_word), _only(b, _is_word)
    names_a, names_b = _only(a, _is_name), _only(b, _is_name)
    hold_a, hold_b = _holder_side(a), _holder_side(b)
    core_a, core_b = _core(a), _core(b)
    ca, cb = one.mention.claim, other.mention.claim
    rules = min(1.0, similarity(a, [b], weight, 0.0))
    parts = max(min(1.0, similarity(part, list(other.parts), weight, 0.0)) for part in one.parts)
    same_count = float(bool(_amounts(a) & _amounts(b)))
    across = float(one.key != other.key)
    kind_a, kind_b = one.key.partition(":")[0], other.key.partition(":")[0]
    has_a, has_b = bool(_amounts(a)), bool(_amounts(b))
    return [
        1.0,
        float(one.key == other.key),
        float(sa.key == sb.key),
        float(kind_a == kind_b),
        float(bool(pa) and pa == pb),
        float(bool(pa) and bool(pb) and pa != pb),
        float(not pa or not pb),
        _jaccard(set(_key_words(one.key)), set(_key_words(other.key))),
        _jaccard(set(sa.roles), set(sb.roles)),
        float((kind_a == "person") != (kind_b == "person")),
        overlap(a, b, weight),
        rules,
        parts,
        float(parts >= ACROSS_JOIN),
        overlap(words_a, words_b, weight),
        overlap(names_a, names_b, weight),
        float(not names_a and not names_b),
        len(core_a & core_b) / len(core_a | core_b) if core_a | core_b else 0.0,
        same_count,
        float(_other_amounts(a, b)),
        float(bool(hold_a) and hold_a == hold_b),
        float(bool(hold_a) and bool(hold_b) and hold_a != hold_b),
        float(_negated(a) == _negated(b)),
        float(one.mention.denial and other.mention.denial),
        float(_cue(ca.cue) == _cue(cb.cue)),
        float(ca.status == cb.status),
        min(3.0, abs(one.mention.time - other.mention.time) / 86400.0),
        float(ca.start < 600 and cb.start < 600),
        min(2.0, min(len(a), len(b)) / 10.0),
        _larger(a, b, weight),
        float(has_a and has_b and not same_count),
        float(has_a != has_b),
        float(bool(blamed_first(a) or _FIRST_KEY in a) != bool(blamed_first(b) or _FIRST_KEY in b)),
        across * rules,
        across * same_count,
    ]


def row_features(
    item: Any, row: list[Any], match: list[Counter[str]], weight: dict[str, float], join: float
) -> list[float] | None:
    """The features (ROW_FEATURES) of `item` against a row (its items, and the statements the
    ledger matches later claims with); None when no mention of the row is in another article."""
    pairs = [
        pair_features(item, mine, weight)
        for mine in row
        if mine.mention.article_id != item.mention.article_id
    ]
    if not pairs:
        return None
    columns = list(zip(*pairs, strict=True))[1:]
    rules = max(min(1.0, similarity(part, match, weight, 0.0)) for part in item.parts)
    return [
        1.0,
        *(max(c) for c in columns),
        *(sum(c) / len(c) for c in columns),
        rules,
        float(rules >= join),
        min(2.0, len(row) / 5.0),
    ]


def best_probability(model: Model, item: Any, row: list[Any], weight: dict[str, float]) -> float:
    """The probability of `item` against a row's items in other articles: the best one, or
    their mean (`model.mean`: a row that one compound sentence chained must agree as a whole);
    0 when the row has none."""
    found = [
        model.probability(pair_features(item, mine, weight))
        for mine in row
        if mine.mention.article_id != item.mention.article_id
    ]
    if not found:
        return 0.0
    return sum(found) / len(found) if model.mean else max(found)


def rows(
    model: Model, items: list[Any], weight: dict[str, float], same_article: Any
) -> list[list[int]]:
    """One story's rows as lists of item indices, in order of their first item: the claims of
    one speaker (and one of denial or assertion) clustered by average link, two claims in two
    articles linked by the model's probability, two in one article by `same_article(i, j)`
    (the hand-set joins: 1 or 0); clusters merge while their mean link clears the threshold."""
    groups: dict[tuple[str, bool], list[int]] = {}
    for i, item in enumerate(items):
        groups.setdefault((item.key, item.mention.denial), []).append(i)
    found: list[list[int]] = []
    for (_, denial), members in groups.items():
        if denial:  # one speaker's denials in a story are one row
            found.append(members)
            continue
        link = {}
        for i, j in itertools.combinations(members, 2):
            if items[i].mention.article_id == items[j].mention.article_id:
                link[i, j] = float(same_article(i, j))
            else:
                link[i, j] = model.probability(pair_features(items[i], items[j], weight))
        clusters = [[i] for i in members]
        while len(clusters) > 1:
            best, pair = model.threshold, None
            for a, b in itertools.combinations(range(len(clusters)), 2):
                mean = sum(link[min(i, j), max(i, j)] for i in clusters[a] for j in clusters[b])
                mean /= len(clusters[a]) * len(clusters[b])
                if mean >= best:
                    best, pair = mean, (a, b)
            if pair is None:
                break
            a, b = pair
            clusters[a] = sorted(clusters[a] + clusters[b])
            del clusters[b]
        found.extend(clusters)
    return sorted(found, key=lambda c: c[0])


def _larger(one: Counter[str], other: Counter[str], weight: dict[str, float]) -> float:
    """Shared weight over the larger statement's weight (0 to 1)."""
    a = sum(weight.get(k, 1.0) for k in one if _is_word(k) or _is_name(k))
    b = sum(weight.get(k, 1.0) for k in other if _is_word(k) or _is_name(k))
    shared = sum(weight.get(k, 1.0) for k in one if k in other and (_is_word(k) or _is_name(k)))
    return shared / max(a, b) if max(a, b) > 0 else 0.0


def _key_words(key: str) -> list[str]:
    return key.partition(":")[2].casefold().split()


def _jaccard(one: set[str], other: set[str]) -> float:
    return len(one & other) / len(one | other) if one | other else 0.0


def _only(statement: Counter[str], keep: Any) -> Counter[str]:
    return Counter({k: n for k, n in statement.items() if keep(k)})


def _is_word(key: str) -> bool:
    return key[:1] not in "@#" and not key.startswith(("part:", "frame:"))


def _is_name(key: str) -> bool:
    return key[:1] == "@"


def _negated(statement: Counter[str]) -> bool:
    return any(k.startswith("not:") for k in statement)


def _cue(cue: str) -> str:
    return " ".join(stem(w) for w in cue.casefold().split())


def read(path: Path = DATA) -> Model | None:
    """The model of a data file: `name<TAB>weight` lines for FEATURES, `threshold`, `across`
    and `replaces` lines; None when the file is absent."""
    if not path.exists():
        return None
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("\t")
            values[name.strip()] = value.strip()
    across = values.get("across", "none")
    names = ROW_FEATURES if values.get("per_row", "no") == "yes" else FEATURES
    return Model(
        tuple(float(values[name]) for name in names),
        float(values["threshold"]),
        None if across == "none" else float(across),
        values.get("replaces", "no") == "yes",
        None if values.get("veto", "none") == "none" else float(values["veto"]),
        values.get("mean", "no") == "yes",
        values.get("cluster", "no") == "yes",
        values.get("per_row", "no") == "yes",
    )


@cache
def shipped() -> Model | None:
    """The model the app reads (data/claim_joins.tsv)."""
    return read()


def write(model: Model, path: Path, header: list[str]) -> None:
    lines = [f"# {h}".rstrip() for h in header]
    names = ROW_FEATURES if model.per_row else FEATURES
    lines += [f"{name}\t{w:.6f}" for name, w in zip(names, model.weights, strict=True)]
    lines.append(f"threshold\t{model.threshold:g}")
    lines.append(f"across\t{'none' if model.across is None else f'{model.across:g}'}")
    lines.append(f"replaces\t{'yes' if model.replaces else 'no'}")
    lines.append(f"veto\t{'none' if model.veto is None else f'{model.veto:g}'}")
    lines.append(f"mean\t{'yes' if model.mean else 'no'}")
    lines.append(f"cluster\t{'yes' if model.cluster else 'no'}")
    lines.append(f"per_row\t{'yes' if model.per_row else 'no'}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
