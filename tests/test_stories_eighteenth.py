"""The eighteenth stories pass: a dateline names where the story was filed, and a document's
header where it was read, not where the event was; a description by an office title meets the
one named holder of it; armed men killed in a pursuit after the attack are no objective it
hit; the count a denial gives is the one it denies; "martyred" and "perished" are words of
killing; aggressors and perpetrators are attackers; a negated act takes its object ("did not
target civilians" denies the civilian tolls), unless it is a habit ("does not target").

Each rule is a fact of news writing or of the language, measured in bench/README.md
("Stories, eighteenth pass"); docs/STORIES.md sections 1, 3, 4 and 5. The articles are ours.
"""

from __future__ import annotations

from tests.story_builders import article
from tui.pipeline.stories.amounts import amounts_in
from tui.pipeline.stories.export import story_report
from tui.pipeline.stories.features import article_features
from tui.pipeline.stories.grouping import StoryIndex
from tui.pipeline.stories.ledger import build_ledger
from tui.pipeline.stories.openings import dateline_end, header_end
from tui.pipeline.stories.poles import what_was_hit
from tui.pipeline.stories.polities import body_keys
from tui.pipeline.stories.words import claim_key


def test_a_dateline_is_read_to_the_dash_after_it() -> None:
    for line, dateline in (
        ("FREETOWN, May 16 (Harbour Post) - Gunmen killed", "FREETOWN, May 16 (Harbour Post) - "),
        ("KENEMA, Sierra Leone, 3 June (Wire) — A blast", "KENEMA, Sierra Leone, 3 June (Wire) — "),
        ("BO — Twelve people", "BO — "),  # too short a town: read as no dateline
        ("PORT LOKO (Wire) - Police said", "PORT LOKO (Wire) - "),
    ):
        expected = len(dateline) if dateline != "BO — " else 0
        assert dateline_end(line) == expected, line
    for line in ("US forces said on Monday", "UN agencies - mostly", "Gunmen in Kenema - who"):
        assert dateline_end(line) == 0, line


def test_a_dateline_town_is_no_focus_place_unless_the_account_names_it() -> None:
    text = (
        "FREETOWN, May 16 (Harbour Post) - Gunmen killed nine people at a diamond pit near "
        "Koidu in Sierra Leone's east on Friday, police said.\n\nThe attackers fled on foot."
    )
    found = article_features(
        article("d-1", "Nine killed at diamond pit", text,
                named=(("FREETOWN", "PLACE"), ("Koidu", "PLACE"), ("Sierra Leone", "PLACE")))
    )  # fmt: skip
    assert any(p == "@~koidu" for p in found.places)
    assert not any(p == "@~frtn" for p in found.places)
    same = (
        "KOIDU, May 16 (Harbour Post) - Gunmen killed nine people at a diamond pit in Koidu on "
        "Friday, police said."
    )
    named = (("KOIDU", "PLACE"), ("Koidu", "PLACE"))
    kept = article_features(article("d-2", "Nine killed at diamond pit", same, named=named))
    assert any(p == "@~koidu" for p in kept.places)


def test_a_document_header_names_where_it_was_read_not_where_the_event_was() -> None:
    header = (
        "Text of a statement by the Sudanese army, read on state television in Port Sudan on "
        "4 March; translated from Arabic."
    )
    body = '"Our forces repelled an attack on the garrison in Babanusa and killed 40 rebels."'
    assert header_end(header + "\n\n" + body) == len(header)
    assert header_end("Statement by the governor, posted on 2 May.\n\nThe town is calm.") > 0
    assert header_end(body + "\n\nThe army said so.") == 0  # an account, no header
    assert header_end("Translated from Arabic") == 0  # nothing follows it
    found = article_features(
        article("h-3", "Sudan army says attack on Babanusa repelled", header + "\n\n" + body,
                named=(("Port Sudan", "PLACE"), ("Babanusa", "PLACE")))
    )  # fmt: skip
    assert not any("prt" in p or "sudan" in p for p in found.places)
    assert not any(k.startswith("country:Saudi") for k in found.kinds)  # no country of Arabic


def test_a_report_filed_from_the_capital_joins_the_story_of_its_town() -> None:
    local = article(
        "t-1",
        "Gunmen kill nine at Koidu diamond pit",
        "Gunmen killed nine miners at a diamond pit in Koidu on Friday, the district council "
        "said, and burned the workers' huts.",
        named=(("Koidu", "PLACE"),),
    )
    wire = article(
        "t-2",
        "Sierra Leone police hunt attackers after mine killings",
        "FREETOWN, May 16 (Harbour Post) - Police in Sierra Leone said on Saturday they were "
        "hunting the gunmen who killed nine miners at a diamond pit in the east, as the "
        "district council buried the dead.",
        hours=20,
        feed="Harbour Post",
        named=(("FREETOWN", "PLACE"), ("Sierra Leone", "PLACE")),
    )
    index = StoryIndex()
    index.rebuild([article_features(local), article_features(wire)])
    assert index.story_of["t-1"] == index.story_of["t-2"]


def test_a_description_by_an_office_title_meets_its_one_named_holder() -> None:
    described = article(
        "h-1",
        "Eleven bodies brought to hospital after shelling",
        "Eleven bodies were brought to the district hospital from the market, the hospital's "
        "director said.",
        claims=(
            (
                "Eleven bodies were brought to the district hospital from the market, the "
                "hospital's director said.",
                "the hospital's director",
                "Eleven bodies were brought to the district hospital from the market",
            ),
        ),
    )
    named = article(
        "h-2",
        "Market shelling kills eleven",
        "The director of the district hospital, Dr Aline Mpoyi, said 11 people killed at the "
        "market had been brought in.",
        hours=2,
        feed="Harbour Post",
        claims=(
            (
                "The director of the district hospital, Dr Aline Mpoyi, said 11 people killed at "
                "the market had been brought in.",
                "The director of the district hospital, Dr Aline Mpoyi",
                "11 people killed at the market had been brought in",
            ),
        ),
        named=(("Aline Mpoyi", "PERSON"),),
    )
    rows = build_ledger("s", [described, named])
    assert len(rows) == 1 and rows[0].source == "Aline Mpoyi"
    assert rows[0].outlets == ("Meridian Wire", "Harbour Post")


def test_a_province_or_region_says_no_more_of_a_body_than_provincial_or_regional() -> None:
    assert body_keys("the provincial governor") == body_keys("the governor of the province")
    assert body_keys("the regional health office") == body_keys("the health office of the region")
    assert body_keys("the provincial governor") != body_keys("the provincial police")


def test_armed_men_killed_in_a_pursuit_after_the_attack_are_no_objective_it_hit() -> None:
    fighters = claim_key("fighters")
    chased = "troops killed six fighters of the group as they pursued it after the raid"
    assert fighters not in what_was_hit(chased, frozenset({fighters, claim_key("killed")}))
    after = "eight militants were killed in the gunfight that followed"
    assert fighters not in what_was_hit(after, frozenset({fighters, claim_key("killed")}))
    struck = "the strike killed six fighters at their training camp"
    assert fighters in what_was_hit(struck, frozenset({fighters, claim_key("killed")}))


def test_the_count_inside_a_denial_is_the_one_it_denies_not_a_second_toll() -> None:
    toll = article(
        "c-1",
        "Four police killed at checkpoint",
        "Four police officers were killed when gunmen attacked a checkpoint, the regional "
        "governor said.",
        claims=(
            (
                "Four police officers were killed when gunmen attacked a checkpoint, the regional "
                "governor said.",
                "the regional governor",
                "Four police officers were killed when gunmen attacked a checkpoint",
            ),
        ),
    )
    said = (
        "The interior ministry rejected as false the Islamic State group's claim that 13 police "
        "officers were killed at the checkpoint."
    )
    denied = "the Islamic State group's claim that 13 police officers were killed at the checkpoint"
    denial = article(
        "c-2",
        "Ministry rejects militants' toll",
        said,
        hours=5,
        feed="Harbour Post",
        claims=((said, "The interior ministry", denied, "denied", "Interior Ministry"),),
    )
    claimed = article(
        "c-3",
        "Islamic State claims checkpoint attack",
        "The Islamic State group said its fighters killed 13 police officers at the checkpoint.",
        hours=2,
        feed="Lantern Daily",
        claims=(
            (
                "The Islamic State group said its fighters killed 13 police officers at the "
                "checkpoint.",
                "The Islamic State group",
                "its fighters killed 13 police officers at the checkpoint",
            ),
        ),
        named=(("Islamic State", "ORG"),),
    )
    report = story_report("s", [toll, claimed, denial])
    rejected = next(r.id for r in report.rows if r.is_denial)
    kinds = {(c.kind, rejected in (c.a, c.b)) for c in report.contradictions}
    assert ("figures", True) not in kinds  # the 13 is the group's, not a second toll
    assert ("figures", False) in kinds  # the group's 13 against the governor's four


def test_martyred_and_perished_are_words_of_killing() -> None:
    assert claim_key("martyred") == claim_key("killed") == claim_key("perished")
    said = article(
        "m-1",
        "Two soldiers killed in border fire",
        "The army said two of its soldiers were killed in the exchange of fire.",
        claims=(
            (
                "The army said two of its soldiers were killed in the exchange of fire.",
                "The army",
                "two of its soldiers were killed in the exchange of fire",
            ),
        ),
    )
    martyred = article(
        "m-2",
        "Army mourns two soldiers",
        "The army said two soldiers had been martyred in the exchange of fire.",
        hours=3,
        feed="Harbour Post",
        claims=(
            (
                "The army said two soldiers had been martyred in the exchange of fire.",
                "The army",
                "two soldiers had been martyred in the exchange of fire",
            ),
        ),
    )
    rows = build_ledger("s", [said, martyred])
    assert len(rows) == 1 and rows[0].outlets == ("Meridian Wire", "Harbour Post")


def test_aggressors_and_perpetrators_are_attackers_not_people() -> None:
    def counted(text: str) -> list[tuple[str, int, str]]:
        return [(a.what, a.low, a.kind) for a in amounts_in(text, 0, len(text))]

    assert counted("six aggressors were killed in the exchange") == [("killed", 6, "attackers")]
    assert counted("troops killed four perpetrators") == [("killed", 4, "attackers")]


def _toll_and_denial(denied: str) -> tuple[str, ...]:
    toll = article(
        "n-1",
        "Air strike on camp kills nine",
        "Nine people, four of them children, were killed when a jet bombed the camp, the camp "
        "committee said.",
        claims=(
            (
                "Nine people, four of them children, were killed when a jet bombed the camp, the "
                "camp committee said.",
                "the camp committee",
                "Nine people, four of them children, were killed when a jet bombed the camp",
            ),
        ),
    )
    said = f"The air force said {denied}."
    denial = article(
        "n-2",
        "Air force responds to camp reports",
        said,
        hours=4,
        feed="Harbour Post",
        claims=((said, "The air force", denied, "denied"),),
    )
    return tuple(c.kind for c in story_report("s", [toll, denial]).contradictions)


def test_a_negated_act_takes_its_object_and_answers_the_civilian_toll() -> None:
    assert _toll_and_denial("its jets did not target civilians") == ("denial",)
    assert _toll_and_denial("no civilians were targeted in the operation") == ("denial",)
    assert _toll_and_denial("it does not target civilians") == ()  # a policy, not the event
