"""The claim ledger, figures and contradictions of a hand-built story (no model)."""

from __future__ import annotations

from dataclasses import replace

from tests.story_builders import article
from tui.core.models import Evidence
from tui.pipeline.stories.contradictions import find_contradictions
from tui.pipeline.stories.figures import Figure, side_by_side, story_figures
from tui.pipeline.stories.ledger import build_ledger

S1 = (
    "A Russian missile struck an apartment block in Dnipro, killing 14 people, governor Serhiy "
    "Lysak said. Russia's Defence Ministry said its forces had struck a site where foreign "
    "mercenaries were stationed. It denied targeting residential buildings."
)
S2 = (
    "The strike on a residential block in Dnipro killed 14 people, according to Serhiy Lysak. "
    "Moscow said it had hit a gathering of foreign mercenaries. The emergency service said its "
    "teams had found 16 bodies."
)
S3 = (
    "The Defence Ministry rejected the accusations, saying Russian forces did not strike "
    "residential buildings. Governor Serhiy Lysak said 14 people had been killed."
)
S4 = "The death toll in Dnipro has risen to 19, governor Serhiy Lysak said two days later."
LYSAK = (("Serhiy Lysak", "PERSON"), ("Dnipro", "PLACE"))
ARTICLES = [
    article(
        "a1", "Missile hits Dnipro block", S1, 0, "Meridian Wire",
        claims=(
            (S1[: S1.index(" Russia's")], "governor Serhiy Lysak",
             "A Russian missile struck an apartment block in Dnipro, killing 14 people"),
            ("Russia's Defence Ministry said its forces had struck a site where foreign "
             "mercenaries were stationed.", "Russia's Defence Ministry",
             "its forces had struck a site where foreign mercenaries were stationed"),
            ("It denied targeting residential buildings.", "It",
             "targeting residential buildings", "denied", "Russia's Defence Ministry"),
        ),
        named=LYSAK,
    ),
    article(
        "a2", "Fourteen dead in Dnipro", S2, 2, "Northline News",
        claims=(
            (S2[: S2.index(" Moscow")], "Serhiy Lysak",
             "The strike on a residential block in Dnipro killed 14 people"),
            ("Moscow said it had hit a gathering of foreign mercenaries.", "Moscow",
             "it had hit a gathering of foreign mercenaries"),
            ("The emergency service said its teams had found 16 bodies.",
             "The emergency service", "its teams had found 16 bodies"),
        ),
        named=LYSAK,
    ),
    article(
        "a3", "Russia denies hitting Dnipro homes", S3, 4, "Capital Dispatch",
        claims=(
            (S3[: S3.index(" Governor")], "The Defence Ministry",
             "Russian forces did not strike residential buildings", "denied"),
            ("Governor Serhiy Lysak said 14 people had been killed.", "Governor Serhiy Lysak",
             "14 people had been killed"),
        ),
        named=LYSAK,
    ),
    article(
        "a4", "Dnipro toll rises", S4, 50, "Meridian Wire",
        claims=((S4, "governor Serhiy Lysak", "The death toll in Dnipro has risen to 19"),),
        named=LYSAK,
    ),
]  # fmt: skip


def ledger():  # type: ignore[no-untyped-def]
    return build_ledger("s1", ARTICLES)


def row_with(rows, words: str):  # type: ignore[no-untyped-def]
    (found,) = [r for r in rows if any(words in m.text for m in r.mentions)]
    return found


def test_one_statement_of_one_speaker_in_three_outlets_is_one_row() -> None:
    rows = ledger()
    toll = row_with(rows, "killing 14 people")
    assert toll.source == "Serhiy Lysak" and toll.source_key == "person:serhiy lysak"
    assert {m.article_id for m in toll.mentions} == {"a1", "a2", "a3"}
    assert toll.outlets == ("Meridian Wire", "Northline News", "Capital Dispatch")


def test_paraphrases_of_a_ministry_and_its_capital_are_one_row() -> None:
    target = row_with(ledger(), "foreign mercenaries were stationed")
    assert {m.article_id for m in target.mentions} == {"a1", "a2"}
    assert target.source_key == "state:Russia" and target.affiliation == "Russia"


def test_a_denial_is_its_own_row_and_a_later_toll_is_an_update() -> None:
    rows = ledger()
    denial = row_with(rows, "It denied targeting")
    assert denial.status == "denied" and denial.is_denial
    assert {m.article_id for m in denial.mentions} == {"a1", "a3"}
    update = row_with(rows, "risen to 19")
    assert update.id != row_with(rows, "killing 14 people").id


def test_row_ids_are_stable_when_later_articles_join() -> None:
    early = build_ledger("s1", ARTICLES[:2])
    late = ledger()
    assert row_with(early, "killing 14 people").id == row_with(late, "killing 14 people").id
    assert build_ledger("s2", ARTICLES[:2])[0].id != early[0].id


def test_figures_gather_one_speakers_amount_across_outlets() -> None:
    rows = ledger()
    figures = story_figures(rows, {a.id: a.text for a in ARTICLES})
    fourteen = [f for f in figures if f.what == "killed" and f.low == 14]
    assert len(fourteen) == 1 and len(fourteen[0].mentions) == 3
    sixteen = [f for f in figures if f.what == "killed" and f.low == 16]
    assert sixteen and sixteen[0].source == "The emergency service"
    line = side_by_side(figures)["killed"]
    assert line.startswith("killed: ") and "14 (Serhiy Lysak)" in line and " · " in line


def test_contradictions_of_each_kind() -> None:
    rows = ledger()
    figures = story_figures(rows, {a.id: a.text for a in ARTICLES})
    found = {(c.a, c.b, c.kind) for c in find_contradictions(rows, figures)}
    toll = row_with(rows, "killing 14 people").id
    denial = row_with(rows, "It denied targeting").id
    target = row_with(rows, "foreign mercenaries were stationed").id
    bodies = row_with(rows, "16 bodies").id
    update = row_with(rows, "risen to 19").id
    assert (denial, toll, "denial") in found
    assert (target, toll, "dispute") in found or (toll, target, "dispute") in found
    assert (bodies, toll, "figures") in found
    assert not any(update in (a, b) and kind == "figures" for a, b, kind in found)  # days later
    assert not any({a, b} == {toll, update} for a, b, _ in found)  # one speaker


P1 = (
    "Burkina Faso's army said its troops had repelled an attack on the town. Eight soldiers "
    "were killed, the army said."
)
P2 = (
    "The army said the attackers had been routed. It put its losses at eight dead. JNIM said "
    "its fighters had overrun the base."
)
P3 = (
    "The navy said the ship had been hit directly. The manager said the ship was not damaged. "
    "The rebels rejected responsibility for the attack on the market."
)
BASE = [
    article(
        "b1", "Army repels attack", P1, 0, "Meridian Wire",
        claims=(
            (P1[: P1.index(" Eight")], "Burkina Faso's army",
             "its troops had repelled an attack on the town"),
            ("Eight soldiers were killed, the army said.", "the army",
             "Eight soldiers were killed", "claimed", "Burkina Faso's army"),
        ),
    ),
    article(
        "b2", "Attack on base", P2, 2, "Northline News",
        claims=(
            ("The army said the attackers had been routed.", "The army",
             "the attackers had been routed", "claimed", "Burkina Faso's army"),
            ("It put its losses at eight dead.", "It", "its losses at eight dead", "claimed",
             "Burkina Faso's army"),
            ("JNIM said its fighters had overrun the base.", "JNIM",
             "its fighters had overrun the base"),
        ),
    ),
]  # fmt: skip


def test_one_count_in_other_words_and_one_side_of_who_holds_a_place_are_one_row() -> None:
    rows = build_ledger("s9", BASE)
    losses = row_with(rows, "Eight soldiers were killed")
    assert {m.article_id for m in losses.mentions} == {"b1", "b2"}  # "losses at eight dead"
    repelled = row_with(rows, "had repelled an attack")
    assert {m.article_id for m in repelled.mentions} == {"b1", "b2"}  # "had been routed"
    assert repelled.id != losses.id


def test_a_denial_verb_makes_a_denial_and_an_unharmed_target_is_an_account() -> None:
    claims = (
        ("The navy said the ship had been hit directly.", "The navy",
         "the ship had been hit directly"),
        ("The manager said the ship was not damaged.", "The manager",
         "the ship was not damaged", "denied"),
        ("The rebels rejected responsibility for the attack on the market.", "The rebels",
         "responsibility for the attack on the market"),
    )  # fmt: skip
    rows = build_ledger("s8", [article("c1", "Ship", P3, 0, claims=claims)])
    hit, unharmed = row_with(rows, "hit directly"), row_with(rows, "not damaged")
    assert row_with(rows, "rejected responsibility").is_denial
    assert not unharmed.is_denial
    found = {(c.a, c.b, c.kind) for c in find_contradictions(rows, ())}
    assert (unharmed.id, hit.id, "dispute") in found


def test_every_inflection_of_a_family_verb_is_the_family() -> None:
    """Outlets write "displaced", "displaces" and "were displacing" for one fact; a family's
    verbs are listed with their inflections, so none is left to the crude stem."""
    from tui.pipeline.stories.words import keys

    assert keys("displaced displaces displacing evacuates evacuating flees") == ["displace"] * 6
    assert keys("intercepted intercepts destroys destroying") == ["intercept"] * 4


K1 = (
    "A Russian missile hit a restaurant in Kryvyi Rih, killing nine people, two of them "
    "children, mayor Oleksandr Vilkul said."
)
K2 = (
    "Russia's Defence Ministry said its missile had hit a gathering of officers in Krivoy Rog, "
    "killing up to 85 of them."
)


def test_who_the_dead_were_is_a_dispute_not_two_counts_and_a_split_town_is_one_town() -> None:
    # "Krivoy Rog" reaches the ledger as the town "Krivoy" (a split entity): its skeleton
    # begins Kryvyi Rih's, so the two accounts tell of one place.
    stories = [
        article(
            "k1", "Missile hits Kryvyi Rih restaurant", K1, 0, "Meridian Wire",
            claims=((K1, "mayor Oleksandr Vilkul", K1[: K1.index(", mayor")]),),
            named=(("Oleksandr Vilkul", "PERSON"), ("Kryvyi Rih", "PLACE")),
        ),
        article(
            "k2", "Moscow says it hit officers", K2, 3, "Northline News",
            claims=((K2, "Russia's Defence Ministry", K2[K2.index("its missile") : -1]),),
            named=(("Krivoy", "PLACE"),),
        ),
    ]  # fmt: skip
    rows = build_ledger("k", stories)
    figures = story_figures(rows, {a.id: a.text for a in stories})
    found = {frozenset((c.a, c.b)): c.kind for c in find_contradictions(rows, figures)}
    toll, target = row_with(rows, "killing nine").id, row_with(rows, "gathering of officers").id
    assert found[frozenset((toll, target))] == "dispute"


def test_an_amount_in_words_that_holds_a_count_is_one_statement() -> None:
    """ "killing up to 50 servicemen" and "killed dozens of servicemen" are one ministry's one
    claim in two outlets' words (dozens holds 50); a toll of 14 and one of 19 stay two rows
    (test_a_denial_is_its_own_row_and_a_later_toll_is_an_update)."""
    t1 = "The ministry said its forces struck a training centre, killing up to 50 servicemen."
    t2 = "The ministry said it destroyed a training centre and killed dozens of servicemen."
    rows = build_ledger("s10", [
        article("d1", "Strike", t1, 0, "Meridian Wire", claims=(
            (t1, "The ministry", t1[t1.index("its forces") : -1]),)),
        article("d2", "Strike", t2, 1, "Northline News", claims=(
            (t2, "The ministry", t2[t2.index("it destroyed") : -1]),)),
    ])  # fmt: skip
    row = row_with(rows, "up to 50")
    assert {m.article_id for m in row.mentions} == {"d1", "d2"}


def test_a_that_clause_saying_nothing_was_there_is_a_denial() -> None:
    text = "Hamas said that no fighters were present in the school."
    rows = build_ledger("s11", [
        article("e1", "School", text, 0, claims=(
            (text, "Hamas", "that no fighters were present in the school"),)),
    ])  # fmt: skip
    assert row_with(rows, "no fighters were present").is_denial


def test_an_armed_group_is_the_other_side_of_its_state_and_a_denial_answers_by_its_pole() -> None:
    """The analysis ties the Arakan Army to Myanmar, as it does the junta: still two sides. And
    "denied killing civilians" answers a toll in any words ("31 people at the market"), where
    no word but the act is shared; a denial of "the claim" names no content of its own."""
    text = (
        "Myanmar's military said its jets had hit a gathering of Arakan Army fighters. "
        "The Arakan Army said the bombs killed 31 people at the market. "
        "The military denied killing civilians."
    )
    made = article("m1", "Market", text, 0, claims=(
        ("Myanmar's military said its jets had hit a gathering of Arakan Army fighters.",
         "Myanmar's military", "its jets had hit a gathering of Arakan Army fighters"),
        ("The Arakan Army said the bombs killed 31 people at the market.", "The Arakan Army",
         "the bombs killed 31 people at the market"),
        ("The military denied killing civilians.", "The military", "killing civilians",
         "denied", "Myanmar's military"),
    ))  # fmt: skip
    tied = replace(made, claims=tuple(replace(c, affiliation="Myanmar") for c in made.claims))
    rows = build_ledger("s12", [tied])
    found = {(c.a, c.b, c.kind) for c in find_contradictions(rows, ())}
    junta = row_with(rows, "Arakan Army fighters").id
    toll = row_with(rows, "31 people").id
    denial = row_with(rows, "denied killing").id
    assert (toll, junta, "dispute") in found or (junta, toll, "dispute") in found
    assert (denial, toll, "denial") in found


def test_a_denial_that_armed_men_were_there_answers_no_civilian_toll() -> None:
    """Tenth pass: "denied that its fighters used the clinic" answers the army's "struck
    fighters in the clinic", not the medics' "the strike killed 12 people in the clinic",
    which says what the denier says (and shares its words)."""
    text = (
        "The army said its aircraft struck fighters hiding in the clinic. "
        "Medics said the strike killed 12 people in the clinic. "
        "The militia denied that its fighters used the clinic."
    )
    made = article("d1", "Clinic", text, 0, claims=(
        ("The army said its aircraft struck fighters hiding in the clinic.", "The army",
         "its aircraft struck fighters hiding in the clinic"),
        ("Medics said the strike killed 12 people in the clinic.", "Medics",
         "the strike killed 12 people in the clinic"),
        ("The militia denied that its fighters used the clinic.", "The militia",
         "that its fighters used the clinic", "denied"),
    ))  # fmt: skip
    toll = made.claims[1]  # the analysis: the militia disputes the medics' account
    disputed = replace(toll, evidence=(Evidence(toll.start, toll.end, "dispute", "The militia"),))
    denies = replace(made.claims[2], source_canonical="The militia")
    made = replace(made, claims=(made.claims[0], disputed, denies))
    rows = build_ledger("s14", [made])
    found = {(c.a, c.b) for c in find_contradictions(rows, ()) if c.kind == "denial"}
    denial = row_with(rows, "its fighters used").id
    assert (denial, row_with(rows, "struck fighters").id) in found
    assert (denial, row_with(rows, "12 people").id) not in found


def test_a_spokesperson_titled_by_the_body_s_initials_speaks_for_it() -> None:
    """Tenth pass: "NLF spokesman Amar Dede" is the Northern Liberation Front's voice, so the
    front's denial of losses does not answer his account of the fighting. Eleventh pass: his
    statements are filed under the front (parties.spoken_for), in a row of their own."""
    text = (
        "The Northern Liberation Front denied losing any fighters in the clash. "
        "NLF spokesman Amar Dede said its fighters held the road for three hours."
    )
    made = article("n1", "Road", text, 0, claims=(
        ("The Northern Liberation Front denied losing any fighters in the clash.",
         "The Northern Liberation Front", "losing any fighters in the clash", "denied"),
        ("NLF spokesman Amar Dede said its fighters held the road for three hours.",
         "NLF spokesman Amar Dede", "its fighters held the road for three hours"),
    ), named=(("Amar Dede", "PERSON"),))  # fmt: skip
    rows = build_ledger("s15", [made])
    assert [r.source_key for r in rows] == ["org:front liberation northern"] * 2
    assert find_contradictions(rows, ()) == []


def test_a_gang_is_the_armed_side_of_what_was_hit() -> None:
    """Tenth pass: "struck a meeting of gang leaders" claims an armed target, as "a gathering
    of fighters" does, against a count of people killed."""
    text = (
        "The national police said its drone struck a meeting of gang leaders in the yard. "
        "A rights group said the drone killed nine people in the yard."
    )
    made = article("g1", "Yard", text, 0, claims=(
        ("The national police said its drone struck a meeting of gang leaders in the yard.",
         "The national police", "its drone struck a meeting of gang leaders in the yard"),
        ("A rights group said the drone killed nine people in the yard.", "A rights group",
         "the drone killed nine people in the yard"),
    ))  # fmt: skip
    rows = build_ledger("s16", [made])
    assert [c.kind for c in find_contradictions(rows, ())] == ["dispute"]


def test_a_massacre_is_told_of_civilians() -> None:
    """ "accused the RSF of a massacre at the market" says who the dead were: the other side of
    "its fighters shelled army positions"."""
    text = (
        "The RSF said its fighters had shelled army positions near the market. "
        "The government accused the RSF of a massacre at the market."
    )
    made = article("q1", "Market", text, 0, claims=(
        ("The RSF said its fighters had shelled army positions near the market.", "The RSF",
         "its fighters had shelled army positions near the market"),
        ("The government accused the RSF of a massacre at the market.", "The government",
         "the RSF of a massacre at the market", "claimed", "Sudan's government"),
    ))  # fmt: skip
    rows = build_ledger("s13", [made])
    pairs = {frozenset((c.a, c.b)): c.kind for c in find_contradictions(rows, ())}
    one, other = row_with(rows, "army positions").id, row_with(rows, "massacre").id
    assert pairs.get(frozenset((one, other))) == "dispute"


def test_two_outlets_words_of_one_statement_join_where_one_article_s_two_claims_do_not() -> None:
    """An outlet gives a speaker's statement once: between articles a smaller share of
    words (ledger.ACROSS_ARTICLES_JOIN) is one statement, within one article two claims of a
    speaker sharing as much are two (here the overlap is 0.296: between 0.25 and 0.3)."""
    said, other = (
        "the convoy carried fuel and spare parts",
        "fuel from the convoy was lost on the mountain highway",
    )
    first = f"Rebels attacked a convoy. The army said {said}."
    second = f"A convoy was attacked. The army said {other}."
    across = [
        article("c1", "Convoy attacked", first,
                claims=((f"The army said {said}.", "The army", said),)),
        article("c2", "Convoy attacked", second, hours=2, feed="Other Wire",
                claims=((f"The army said {other}.", "The army", other),)),
    ]  # fmt: skip
    both = first + "\n\n" + f"Later the army said {other}."
    within = [
        article("c3", "Convoy attacked", both, claims=(
            (f"The army said {said}.", "The army", said),
            (f"Later the army said {other}.", "the army", other),
        )),
    ]  # fmt: skip
    assert [len(r.mentions) for r in build_ledger("s", across)] == [2]
    assert [len(r.mentions) for r in build_ledger("s", within)] == [1, 1]


def test_claim_families_of_the_ninth_pass() -> None:
    """Troops "massing" are a gathering, "extremists" are fighters, and who fired first is one
    statement in any words; "neutralised" stays its own word (as "killed" it joined rows the
    gold keeps apart)."""
    from tui.pipeline.stories.words import claim_key

    assert claim_key("massing") == claim_key("gathering") == claim_key("concentration")
    assert claim_key("extremists") == claim_key("militants")
    assert claim_key("initiated") == claim_key("first") == claim_key("unprovoked")
    assert claim_key("fire") == claim_key("fired")
    assert claim_key("neutralised") != claim_key("killed")


def test_claim_families_of_the_tenth_pass() -> None:
    """Unmanned aerial vehicles are drones, a terror cell is fighters, ambulances blocked or
    prevented are one statement; an attack being planned stays its own words (heldout4)."""
    from tui.pipeline.stories.words import claim_key

    assert claim_key("unmanned") == claim_key("drones")
    assert claim_key("terror") == claim_key("militants")
    assert claim_key("prevented") == claim_key("blocked") == claim_key("barred")
    assert claim_key("sons") == claim_key("cousin") == claim_key("family") == claim_key("civilians")
    assert claim_key("planning") != claim_key("preparing")


def test_who_the_dead_were_stands_against_a_military_target() -> None:
    """Ninth pass: children, women, traders... killed stand on the civilians' pole of what was
    hit, against a claim of fighters struck."""
    one = "The army said it had struck fighters near the village."
    two = "A doctor said the strike had killed women and children."
    a = article("k1", "Strike near village", one,
                claims=((one, "The army", "it had struck fighters near the village"),))
    b = article("k2", "Strike near village", two, hours=2, feed="Northline News",
                claims=((two, "A doctor", "the strike had killed women and children"),))
    rows = build_ledger("s", [a, b])
    kinds = {c.kind for c in find_contradictions(rows, story_figures(rows, {"k1": one, "k2": two}))}
    assert kinds == {"dispute"}, [r.text for r in rows]


def test_a_vague_amount_counts_its_noun_with_of() -> None:
    def figure(low: int, high: int, words: str, kind: str = "fighters") -> Figure:
        return Figure("killed", low, high, words, "fighters", kind, "the army", "army", ())

    line = side_by_side([figure(24, 99, "dozens"), figure(24, 24, "two dozen")])["killed"]
    assert line == "killed: dozens of fighters (the army) · 24 fighters (the army)"
    assert side_by_side([figure(100, 999, "hundreds", "people")])["killed"] == (
        "killed: hundreds (the army)"
    )
