"""Furniture families read from the extractor's data files: share labels after pull quotes and
pages that say they are missing. Each family is checked on its members in several languages
and on prose that uses the same words and must stay."""

from __future__ import annotations

import pytest

from tui.pipeline.extract.phrases import phrases
from tui.pipeline.extract.rules import is_missing_page, without_share_label


@pytest.mark.parametrize(
    "text,kept",
    [
        ("The road leads to the river.Click To Tweet", "The road leads to the river."),
        ("“We hold until the ambulances come.” Tweet this", "“We hold until the ambulances come.”"),
        ("The line held for a week. Share this quote", "The line held for a week."),
        ("A cidade resistiu. Clique para tweetar", "A cidade resistiu."),
        ("Die Brücke steht noch. Klicken zum Twittern", "Die Brücke steht noch."),
        ("Click to Tweet", ""),
    ],
)
def test_share_label_after_a_quote_goes(text: str, kept: str) -> None:
    assert without_share_label(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers asked readers to tweet this appeal to their followers.",
        "The mayor asked residents to share this",  # no sentence end before the words
        "He did not click to tweet, he said.",
    ],
)
def test_prose_with_share_words_stays(text: str) -> None:
    assert without_share_label(text) == text


def test_share_labels_file_is_read() -> None:
    labels = phrases("share_labels.txt")
    assert "click to tweet" in labels and labels == tuple(sorted(labels, key=lambda p: -len(p)))


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["404 : Page Not Found"],
        ["The Harbour Gazette", "The page you requested cannot be found. Try the search box."],
        ["Sorry.", "There are currently no articles listed under this section."],
        ["Página no encontrada", "Vuelva a la portada."],
    ],
)
def test_missing_page_has_no_story(paragraphs: list[str]) -> None:
    assert is_missing_page(paragraphs)


def test_story_about_missing_pages_is_kept() -> None:
    report = (
        "Archivists say a third of the links cited in court rulings now lead to a page not "
        "found, and that the share grows every year as newspapers move their archives. "
    ) * 8
    assert not is_missing_page([report])
    assert not is_missing_page(["The ministry said the shelling had stopped by noon."])
