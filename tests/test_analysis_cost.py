"""What the analysis may not cost: spaCy's `Doc.text` is rebuilt from every token on each read
(a Token object each), so a rule that reads it once per name makes an article cost its length
times its names. The steps of `analyze_many` take the text they were given instead; a Doc that
counts its reads holds them to that (bench/README, "Analysis throughput: a text rebuilt per
name")."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from tui.pipeline.analyze import claims, conflict, entities, model


class CountingDoc(Doc):
    """A spaCy Doc that counts the reads of its `text`."""

    reads = 0

    @property
    def text(self) -> str:
        CountingDoc.reads += 1
        return super().text


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def _parsed(nlp: Any, text: str) -> CountingDoc:
    plain = nlp.make_doc(text)
    words = [token.text for token in plain]
    spaces = [bool(token.whitespace_) for token in plain]
    return nlp(CountingDoc(nlp.vocab, words=words, spaces=spaces))


def test_the_analysis_never_rebuilds_the_text_of_the_doc(nlp: Any) -> None:
    # One-word names after a capitalised word are the case that read it once per name.
    text = " ".join(
        f"Witness {n} said Petrenko saw the drone. Officials in Odesa said Hrytsenko spoke."
        for n in ("one", "two", "three", "four")
    )
    doc = _parsed(nlp, text)
    assert doc.text == text
    CountingDoc.reads = 0
    found = entities.find_entities(doc, text)
    claims.find_claims(doc, found, text)
    conflict.is_conflict(doc, found, text)
    assert {e.name for e in found if e.type == "PERSON"} >= {"Petrenko", "Hrytsenko"}
    assert CountingDoc.reads == 0
