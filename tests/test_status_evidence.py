"""Status from evidence (docs/CLAIMS.md): the cases of issue 14, each evidence kind, decoys,
the precedence when evidence conflicts, and floors on our status set's dev paragraphs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.core.models import Claim, Evidence
from tui.pipeline.analyze import evidence
from tui.pipeline.analyze.sources import Draft

ROOT = Path(__file__).resolve().parents[1]


def by_cue(found: tuple[Claim, ...], cue: str, source: str = "") -> Claim:
    hits = [c for c in found if c.cue.endswith(cue) and source in c.source]
    assert len(hits) == 1, [(c.cue, c.source, c.status) for c in found]
    return hits[0]


def kinds(claim: Claim) -> list[str]:
    return [e.kind for e in claim.evidence]


def spans(text: str, claim: Claim) -> list[str]:
    return [text[e.start : e.end] for e in claim.evidence]


ENERGY = (
    "Russia's defence ministry said its forces struck energy facilities used by the Ukrainian "
    "military in the Dnipropetrovsk region overnight. Ukrainian officials denied that any "
    "energy infrastructure had been hit."
)
WAREHOUSE = " Satellite images reviewed by Frontline Wire confirmed damage to a warehouse."


def test_a_confirmation_of_something_else_does_not_raise_a_disputed_claim(find):
    for text in (ENERGY, ENERGY + WAREHOUSE):
        found = find(text)
        ministry = by_cue(found, "said")
        assert ministry.status == "disputed"
        assert kinds(ministry) == ["dispute"]
        assert spans(text, ministry)[0].startswith("Ukrainian officials denied")
        assert ministry.evidence[0].by == "Ukrainian officials"
        denial = by_cue(found, "denied")
        assert (denial.status, kinds(denial)) == ("denied", ["denial"])


def test_a_rejection_inside_the_claims_sentence_disputes_it(find):
    text = (
        "A Malian security source, who asked not to be named, said Russian instructors had "
        "helped plan Monday's operation, a claim that the Russian Embassy in Bamako dismissed "
        'as "an invention of the Western media." Satellite imagery reviewed by Frontline Wire '
        "independently confirmed that several structures in the market had burned."
    )
    found = find(text)
    source = by_cue(found, "said")
    assert (source.status, kinds(source)) == ("disputed", ["dispute"])
    assert "Russian Embassy in Bamako dismissed" in spans(text, source)[0]
    embassy = by_cue(found, "dismissed")
    assert (embassy.status, embassy.affiliation) == ("denied", "Russia")
    assert source.source_canonical == "Malian security source"
    assert source.affiliation == "Mali"


def test_confirmed_inside_a_quotation_is_no_evidence(find):
    text = (
        "Ukraine's General Staff said its forces had struck an ammunition depot near the "
        'village of Oktyabrsky "with confirmed secondary detonations."'
    )
    (claim,) = find(text)
    assert (claim.status, claim.evidence) == ("claimed", ())


def test_she_said_in_the_middle_is_the_last_woman_who_spoke(find):
    text = (
        "Kharkiv Mayor Ihor Fedorchuk told reporters the missile came with no warning. "
        "Natalia Moroz, 43, who lives on the fifth floor, said she was in her kitchen when the "
        "windows blew in. Her husband, she said, was pulled from the rubble two hours later. "
        "The time of the strike was independently confirmed by Frontline Wire."
    )
    (husband,) = [c for c in find(text) if text[c.source_start : c.source_end] == "she"]
    assert husband.source_canonical == "Natalia Moroz"
    assert husband.status == "claimed"


def test_a_later_dispute_of_a_figure_and_the_bloggers_reports_unverified(find):
    text = (
        "Russian military bloggers said on Sunday that more than 300 Ukrainian soldiers had "
        "been killed in a failed river crossing near Krynky. They also said Russian artillery "
        "had destroyed four boats. Ukraine's southern command disputed the figure, saying its "
        'losses in the operation were "a fraction of that." Reuters could not independently '
        "verify the bloggers' reports."
    )
    found = find(text)
    first = [c for c in found if c.cue == "said" and "300" in text[c.content_start : c.content_end]]
    assert first[0].status == "disputed"
    assert sorted(kinds(first[0])) == ["dispute", "unverified"]
    second = [c for c in found if "four boats" in text[c.content_start : c.content_end]][0]
    assert (second.status, kinds(second)) == ("unconfirmed", ["unverified"])
    assert second.evidence[0].by == "Reuters"
    assert by_cue(found, "disputed").status == "denied"
    assert by_cue(found, "saying").status == "denied"  # the denial's "saying ..." sequel


def test_confirmation_only_by_an_independent_party(find):
    same_side = (
        "Oleh Kovalyk, the governor of the Odesa region, said a Russian drone attack had "
        "damaged a grain terminal in the port of Izmail. Ukraine's air force later confirmed "
        "the governor's account."
    )
    assert by_cue(find(same_side), "said").status == "claimed"
    adversary = (
        "Israel's military said an airstrike in southern Lebanon had killed Ali Hassan "
        "Sharara, a senior commander of Hezbollah. Hezbollah confirmed Sharara's death in a "
        "statement on Friday."
    )
    found = find(adversary)
    assert by_cue(found, "said").status == "confirmed"
    assert by_cue(found, "confirmed").status == "confirmed"
    own = (
        "The Russian defence ministry said its forces had shot down 18 drones over Belgorod. "
        "A day later, the ministry confirmed its figure."
    )
    assert {c.status for c in find(own)} == {"claimed"}


def test_decoys_are_no_evidence(find):
    text = (
        "The World Health Organization said a convoy carrying medical supplies had been denied "
        "entry at a checkpoint outside El Fasher. Azerbaijan's defence ministry said Armenian "
        "forces had fired on its positions near the disputed border."
    )
    assert {c.status for c in find(text)} == {"claimed"}
    unrelated = (
        "Ukraine's energy ministry said Russian missiles had struck two power plants. "
        "Separately, the presidential office denied reports that the army commander had "
        "resigned."
    )
    assert by_cue(find(unrelated), "said").status == "claimed"


def test_without_providing_evidence_and_neither_side(find):
    text = "Hamas's armed wing said, without providing evidence, that a hostage had been killed."
    (claim,) = find(text)
    assert (claim.status, claim.source_canonical, claim.affiliation) == (
        "unconfirmed",
        "Hamas",
        "Hamas",
    )
    both = (
        "The Sudanese army said its aircraft had destroyed an RSF convoy near Nyala. The RSF "
        "said it had shot down an army drone. Neither side provided evidence for its claims."
    )
    assert [c.status for c in find(both)] == ["unconfirmed", "unconfirmed"]


def test_precedence_disputed_over_confirmed_end_to_end(find):
    text = (
        "Russia's Defense Ministry said Tuesday its troops had taken control of Novoselivka. "
        "Capt. Oleksii Hrytsenko, a spokesman for the Ukrainian brigade defending the area, "
        "rejected the claim, saying his soldiers still held the village. Geolocated footage "
        "verified by the Institute for the Study of War showed Russian troops raising a flag "
        "in the center of Novoselivka on Monday."
    )  # "troops" and the village: the weight of 2 a confirmation needs (docs/CLAIMS.md)
    ministry = by_cue(find(text), "said", "Defense")
    assert ministry.status == "disputed"
    assert sorted(kinds(ministry)) == ["confirmation", "dispute"]


def _draft() -> Draft:
    return Draft(sent=(0, 10), cue=(0, 4), source=(0, 2), content=(5, 10), kind="speech",
                 head=0, tokens=(0, 1), name="X", canonical="X")


@pytest.mark.parametrize(
    ("found", "status"),
    [
        (["denial", "dispute", "confirmation", "unverified"], "denied"),
        (["confirmation", "dispute"], "disputed"),
        (["unverified", "dispute"], "disputed"),
        (["unverified", "confirmation"], "confirmed"),
        (["unverified"], "unconfirmed"),
        ([], "claimed"),
    ],
)
def test_precedence_when_evidence_conflicts(found: list[str], status: str) -> None:
    """denied > disputed > confirmed > unconfirmed > claimed (docs/CLAIMS.md)."""
    assert evidence.PRECEDENCE == ("denial", "dispute", "confirmation", "unverified")
    ledger = evidence.Ledger("0123456789", [(0, 10)], [_draft()])
    for n, kind in enumerate(found):
        ledger.add(0, kind, (n, n + 1))
    assert ledger.status(0) == status


def test_json_carries_evidence_canonical_source_and_affiliation(find):
    found = find(ENERGY)
    data = by_cue(found, "said").as_dict()
    assert data["status"] == "disputed"
    assert data["source_canonical"] == "Russian Defence Ministry"
    assert data["affiliation"] == "Russia"
    (item,) = data["status_evidence"]
    assert set(item) == {"start", "end", "kind", "by"} and item["kind"] == "dispute"
    assert ENERGY[item["start"] : item["end"]].startswith("Ukrainian officials denied")
    assert Evidence(1, 2, "denial").as_dict() == {"start": 1, "end": 2, "kind": "denial", "by": ""}


def test_status_set_dev_floors():
    """Our status set's first 73 paragraphs: dev, and the old test third, scored once in the
    first pass and development data since (the heldout2 part is scored by the bench only)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_status

    paragraphs = bench_status.load("all")
    result = bench_status.score(paragraphs, bench_status.predict(paragraphs))
    assert result.f1 >= 0.98
    assert result.share(result.status_ok) >= 0.98
    assert result.share(result.confirmed_right, result.confirmed_predicted) >= 0.95
    assert result.share(result.canonical_ok) >= 0.97
    assert result.share(result.affiliation_ok) >= 0.96
    assert result.share(result.evidence_found, result.evidence_gold) >= 0.94


def test_status_set_heldout2_floors():
    """The 26 heldout2 paragraphs, unseen in the second pass and development data from the
    third (status8): floors close to what the third pass reached (claim F1 0.974, status
    0.743, canonical 0.851, affiliation 0.865, evidence recall 0.610; bench/README.md, "Claims:
    third pass")."""
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_status

    paragraphs = bench_status.load("heldout2")
    result = bench_status.score(paragraphs, bench_status.predict(paragraphs))
    assert result.f1 >= 0.97
    assert result.share(result.status_ok) >= 0.84  # 0.797 seventh pass, 0.851 (status16)
    assert result.share(result.confirmed_right, result.confirmed_predicted) >= 0.95 or (
        result.confirmed_predicted == 0
    )
    assert result.share(result.canonical_ok) >= 0.85
    assert result.share(result.affiliation_ok) >= 0.88  # 0.892 after the seventh pass
    assert result.share(result.evidence_found, result.evidence_gold) >= 0.63  # 0.646
