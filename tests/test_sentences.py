"""Sentence spans: abbreviations, quotes, decimals, headlines and paragraph breaks."""

from __future__ import annotations

import pytest

from tui.pipeline.analyze.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Zelensky spoke first. Gen. Syrskyi followed.",
            ["Mr. Zelensky spoke first.", "Gen. Syrskyi followed."],
        ),
        (
            "Lt. Col. Andriy Kovalenko said the unit held. It did.",
            ["Lt. Col. Andriy Kovalenko said the unit held.", "It did."],
        ),
        (
            "The U.S. official declined to comment. Washington said nothing.",
            ["The U.S. official declined to comment.", "Washington said nothing."],
        ),
        (
            "The aid came from the U.S. The ministry thanked Washington.",
            ["The aid came from the U.S.", "The ministry thanked Washington."],
        ),
        (
            "Troops advanced 3.5 km near Pokrovsk. Then they stopped.",
            ["Troops advanced 3.5 km near Pokrovsk.", "Then they stopped."],
        ),
        (
            "J. R. Smith wrote the report. No. 5 was first.",
            ["J. R. Smith wrote the report.", "No. 5 was first."],
        ),
        (
            "It began on Sept. 3 and ended in Oct. The talks failed.",
            ["It began on Sept. 3 and ended in Oct.", "The talks failed."],
        ),
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_sentences(text, expected):
    assert sentences(text) == expected


def test_closing_quote_after_the_full_stop_stays_with_its_sentence():
    text = '"We are not retreating." He said it twice. “We hold.” The line held.'
    assert sentences(text) == [
        '"We are not retreating."',
        "He said it twice.",
        "“We hold.”",
        "The line held.",
    ]


def test_question_in_quotes_followed_by_its_attribution_is_one_sentence():
    text = '"Are you sure?" Sanders asked. "Stop!" The crowd dispersed.'
    assert sentences(text) == ['"Are you sure?" Sanders asked.', '"Stop!"', "The crowd dispersed."]


def test_lower_case_after_a_question_mark_continues_the_sentence():
    assert sentences('"Why now?" asked the governor. Yes... and no.') == [
        '"Why now?" asked the governor.',
        "Yes... and no.",
    ]


def test_blank_lines_always_separate_sentences_and_spans_skip_whitespace():
    text = "First paragraph without a full stop\n\n  Second paragraph here.  \n\nThird."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "First paragraph without a full stop",
        "Second paragraph here.",
        "Third.",
    ]
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in spans)


def test_headline_line_is_its_own_sentence_but_a_hard_wrap_is_not():
    text = "Ukraine says it downed 42 drones\nKYIV — The air force said so.\nIt added\nmore later."
    assert sentences(text) == [
        "Ukraine says it downed 42 drones",
        "KYIV — The air force said so.",
        "It added\nmore later.",
    ]


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \n") == []
