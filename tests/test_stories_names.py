"""A name's grouping term does not depend on the type the analysis gave it (eighth pass): a
town the model does not know is a place in one article and a person in the next, and both
articles must still share its term; only a name typed as a place is a focus place."""

from __future__ import annotations

from tests.story_builders import article
from tui.pipeline.stories.features import article_features
from tui.pipeline.stories.placenames import skeleton

TOWN = "Qaryat Tannur"  # invented: no gazetteer holds it


def _features(kind: str, spelling: str):  # type: ignore[no-untyped-def]
    title = f"{spelling}: what we know about the drone strike"
    text = f"A drone struck a wedding hall as {spelling} celebrated on Sunday, killing nine."
    return article_features(article("a-" + kind, title, text, named=((spelling, kind),)))


def test_a_town_typed_a_person_shares_the_term_of_the_town_typed_a_place() -> None:
    as_place = _features("PLACE", TOWN)
    as_person = _features("PERSON", "Qariat Tanur")
    term = "@~" + skeleton(TOWN)
    assert term in as_place.terms and term in as_person.terms
    assert term in as_place.places and term not in as_person.places


def test_other_names_are_filed_by_skeleton_too() -> None:
    org = _features("ORG", TOWN)
    assert "@~" + skeleton(TOWN) in org.terms
    assert not any(t.startswith("@q") for t in org.terms)  # no "@qaryat tannur" beside it
