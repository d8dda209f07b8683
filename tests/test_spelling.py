"""Spelling variants for search (tui/core/spelling.py, tui/core/data/spelling_variants.tsv)."""

from __future__ import annotations

import subprocess
import sys

from tui.core.spelling import variants


def test_british_and_american_spellings_in_a_phrase() -> None:
    assert variants("air defence") == ("air defence", "air defense")
    assert variants("Air Defense") == ("Air Defense", "Air Defence")


def test_transliterations_both_ways_and_apostrophes() -> None:
    assert variants("Kyiv") == ("Kyiv", "Kiev")
    assert variants("kharkov")[1:] == ("Kharkiv",)
    assert "Mariupol'" in variants("Mariupol")
    assert variants("Mariupol’")[1:] == ("Mariupol",)


def test_multi_word_names_and_unknown_words() -> None:
    assert "Khan Yunis strike" in variants("Khan Younis strike")
    assert variants("ceasefire talks") == ("ceasefire talks",)
    assert variants("") == ("",)


def test_every_combination_is_bounded() -> None:
    assert len(variants("Zaporizhzhia defence lines defences armour")) <= 16


def test_importing_it_loads_nothing_of_the_pipeline() -> None:
    """The store calls it for every query: it must not pull in spaCy or any of the pipeline."""
    code = (
        "import sys; from tui.core.spelling import variants; variants('Kyiv'); "
        "print(sorted(m for m in sys.modules if m.startswith(('spacy', 'tui.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['tui.core', 'tui.core.spelling']"
