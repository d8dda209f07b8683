"""The twenty-first stories pass: claims the ledger had no row for, and one party's two keys.

A document a monitoring outlet prints whole after a header ("Text of a statement by ...;
translated from French.") speaks in its own voice, with no verb of saying: its sentences that
tell an act or a count are claims of the header's speaker (`documents.py`), filed under the
acronym the header declares, and meet the party's statement as other outlets report it. A
named person the analysis ties to a state, whose statement another outlet gives as the
state's, joins the state's row (`ledger._party_rows`); another state's officer does not.
Measured in bench/README.md ("Stories, twenty-first pass"); docs/STORIES.md section 3. The
articles, names and bodies are ours.
"""

from __future__ import annotations

from dataclasses import replace

from tests.story_builders import article, claim
from tui.pipeline.stories.documents import document_claims, with_documents
from tui.pipeline.stories.export import story_report
from tui.pipeline.stories.ledger import build_ledger

_DOCUMENT = (
    "Text of a statement by the Liberation Front of the Amber Hills (LFAH), read to local "
    "radio on 4 May; translated from French.\n\n"
    "Our fighters struck the army camp at Kessoro at dawn and killed nine soldiers. "
    "Col. Dabo's men fled towards the river.\n\n"
    "We call on the people of the hills to stand with us.\n\n"
    "Background: The army said on Sunday that it had repelled an attack near Kessoro."
)


def test_a_document_after_its_header_speaks_as_the_header_speaker() -> None:
    doc = article("d-1", "Rebels' statement on Kessoro", _DOCUMENT, feed="Heron Monitor")
    found = document_claims(doc)
    assert [c.text for c in found] == [
        "Our fighters struck the army camp at Kessoro at dawn and killed nine soldiers.",
        "Col. Dabo's men fled towards the river.",
    ]  # the call tells no act; the outlet's labelled background is no part of the document
    assert {c.source_canonical for c in found} == {"LFAH"}
    assert _DOCUMENT[found[0].source_start : found[0].source_end] == "LFAH"
    report_text = "The LFAH said its fighters had killed nine soldiers at Kessoro."
    report = article(
        "d-2", "Rebels claim Kessoro attack", report_text, hours=2, feed="Meridian Wire",
        claims=((report_text, "The LFAH", "its fighters had killed nine soldiers at Kessoro"),),
    )  # fmt: skip
    rows = story_report("s", [doc, report]).rows
    killed = [r for r in rows if "Meridian Wire" in r.outlets]
    assert len(killed) == 1 and killed[0].outlets == ("Heron Monitor", "Meridian Wire")


def test_no_header_no_document_and_the_analysis_claims_stay() -> None:
    plain = article("p-1", "Kessoro attack", _DOCUMENT.split("\n\n", 1)[1])
    assert document_claims(plain) == []
    assert with_documents(plain) is plain
    sentence = "Our fighters struck the army camp at Kessoro at dawn and killed nine soldiers."
    own = claim(_DOCUMENT, sentence, "Our fighters", "struck the army camp at Kessoro at dawn")
    doc = replace(article("d-1", "Statement", _DOCUMENT), claims=(own,))
    assert [c.text for c in document_claims(doc)] == ["Col. Dabo's men fled towards the river."]


def _said(ident: str, hours: float, feed: str, sentence: str, source: str, content: str,
          party: str, named: tuple[tuple[str, str], ...] = ()):  # type: ignore[no-untyped-def]  # fmt: skip
    found = article(ident, "Border post attack", sentence, hours=hours, feed=feed,
                    claims=((sentence, source, content),), named=named)  # fmt: skip
    return replace(found, claims=tuple(replace(c, affiliation=party) for c in found.claims))


def test_a_named_person_of_a_state_joins_the_state_row_by_the_statement() -> None:
    state = _said(
        "n-1", 0, "Meridian Wire",
        "Chile said its troops had killed four smugglers who fired on a border patrol.",
        "Chile", "its troops had killed four smugglers who fired on a border patrol", "Chile",
    )  # fmt: skip
    person = _said(
        "n-2", 1, "Harbour Post",
        "Colonel Ana Ruiz said soldiers killed four smugglers after they fired on a patrol.",
        "Colonel Ana Ruiz", "soldiers killed four smugglers after they fired on a patrol",
        "Chile", named=(("Ana Ruiz", "PERSON"),),
    )  # fmt: skip
    rows = build_ledger("s", [state, person])
    assert len(rows) == 1 and rows[0].outlets == ("Meridian Wire", "Harbour Post")
    other = replace(person, claims=tuple(replace(c, affiliation="Peru") for c in person.claims))
    assert len(build_ledger("s", [state, other])) == 2  # another state's officer: two speakers
