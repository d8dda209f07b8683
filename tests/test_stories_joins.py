"""The learned join of the claim ledger (joins.py, fifteenth pass): not adopted, so the app reads
no model; the mechanism the bench measures (bench/train_ledger.py) still joins a paraphrase and
keeps two statements apart. Articles written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.story_builders import article
from tui.pipeline.stories import joins, ledger
from tui.pipeline.stories.ledger import build_ledger, ledger_items

ONE = (
    "Shells hit the market in Velmora on Monday, killing nine people, the regional governor "
    "Anton Reshko said. Reshko said the shelling had also damaged the town's water station."
)
TWO = (
    "Nine civilians died when the Velmora market came under artillery fire, according to Anton "
    "Reshko, who heads the region."
)
NAMED = (("Anton Reshko", "PERSON"), ("Velmora", "PLACE"))
STORY = [
    article(
        "j1", "Shelling kills nine at Velmora market", ONE, 0, "Meridian Wire",
        claims=(
            (ONE[: ONE.index(". Reshko") + 1], "the regional governor Anton Reshko",
             "Shells hit the market in Velmora on Monday, killing nine people"),
            (ONE[ONE.index(". Reshko") + 2 :], "Reshko",
             "the shelling had also damaged the town's water station"),
        ),
        named=NAMED,
    ),
    article(
        "j2", "Nine dead in Velmora", TWO, 3, "Northline News",
        claims=(
            (TWO, "Anton Reshko",
             "Nine civilians died when the Velmora market came under artillery fire"),
        ),
        named=NAMED,
    ),
]  # fmt: skip
# Hand-set weights (not the bench's): one speaker's one count is one statement.
WEIGHTS = {"bias": -3.0, "same_key": 2.0, "same_count": 3.0, "rules": 1.0}
ROW_WEIGHTS = {"bias": -3.0, "best_same_key": 2.0, "best_same_count": 3.0, "row_rules": 1.0}


def _model(**mode: object) -> joins.Model:
    given, names = (ROW_WEIGHTS, joins.ROW_FEATURES) if mode.get("per_row") else (
        WEIGHTS, joins.FEATURES)  # fmt: skip
    weights = tuple(given.get(name, 0.0) for name in names)
    return joins.Model(weights, 0.5, **mode)  # type: ignore[arg-type]


def test_the_app_reads_no_model_until_one_is_shipped() -> None:
    assert not joins.DATA.exists()
    assert ledger.MODEL is None
    assert joins.read(Path("/nonexistent/claim_joins.tsv")) is None


@pytest.mark.parametrize("mode", [{"across": 0.9, "cluster": True}, {"per_row": True}])
def test_a_model_file_reads_back_as_written(tmp_path: Path, mode: dict[str, object]) -> None:
    path = tmp_path / "claim_joins.tsv"
    model = _model(**mode)
    joins.write(model, path, ["trained on nothing", "by a test"])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# trained on nothing\n# by a test\n")
    assert joins.read(path) == model


def test_pair_features_are_general_signals_of_two_claims() -> None:
    items, weight = ledger_items(STORY)
    toll, water, other = items
    features = dict(zip(joins.FEATURES, joins.pair_features(toll, other, weight), strict=True))
    assert len(joins.pair_features(water, other, weight)) == len(joins.FEATURES)
    assert features["same_key"] == 1.0 and features["same_count"] == 1.0
    apart = dict(zip(joins.FEATURES, joins.pair_features(water, other, weight), strict=True))
    assert apart["same_count"] == 0.0 and apart["rules"] < features["rules"]


@pytest.mark.parametrize(
    "mode", [{}, {"cluster": True}, {"replaces": True}, {"per_row": True}]
)
def test_the_learned_join_joins_a_paraphrase_and_keeps_two_statements_apart(
    monkeypatch: pytest.MonkeyPatch, mode: dict[str, object]
) -> None:
    monkeypatch.setattr(ledger, "MODEL", _model(**mode))
    rows = build_ledger("s1", STORY)
    by_text = {row.text: row for row in rows}
    toll = by_text["Shells hit the market in Velmora on Monday, killing nine people"]
    assert [m.article_id for m in toll.mentions] == ["j1", "j2"]
    water = by_text["the shelling had also damaged the town's water station"]
    assert [m.article_id for m in water.mentions] == ["j1"]
