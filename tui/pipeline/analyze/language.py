"""The language an article is written in, as an ISO 639-1 code ("en", "uk", "ru", "ar", "fr").

The analysis (claims, entities) reads English only: an article in another language is stored
and searchable, marked with its language, and not analysed. py3langid (a naive Bayes model of
byte n-grams, shipped inside the package, numpy only) decides; why it and not lingua or
langdetect is in docs/ENTITIES.md. The model is held to the languages that news in our feeds
comes in, which removes rare confusions with languages we never see ("Pidgin" for a short
English sentence), and a text too short or too uncertain to tell is taken as English, the
analyzer's own language, as before this module existed. A short text in another script
("Обстріл") is still told: its letters say much more than a few Latin ones.
"""

from __future__ import annotations

import functools
from typing import Any

# fmt: off
LANGUAGES = (
    "en", "uk", "ru", "ar", "fr", "de", "es", "it", "pt", "pl", "tr", "fa", "he", "zh", "ja", "ko",
    "nl", "sv", "no", "da", "fi", "cs", "sk", "ro", "hu", "bg", "sr", "hr", "el", "id", "ms", "vi",
    "hi", "ur", "be", "ka", "hy", "az", "kk", "uz", "am", "so", "sw", "ha",
)
# fmt: on
DEFAULT = "en"
_SAMPLE = 2_000  # characters read: an article's first paragraphs tell its language
_LEAST_LETTERS = 12
_LEAST_CONFIDENCE = 0.5


@functools.cache
def _identifier() -> Any:
    """The model, loaded once per process (about 0.4 s: it is stored compressed)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in LANGUAGES if code in identifier.nb_classes])
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language `text` is written in; "en" when it cannot tell."""
    sample = text[:_SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return DEFAULT
    if len(letters) < _LEAST_LETTERS and all(c < "\u0250" for c in letters):
        return DEFAULT  # a few Latin letters ("ATACMS"): too little to tell from English
    code, confidence = _identifier().classify(sample)
    return str(code) if confidence >= _LEAST_CONFIDENCE else DEFAULT


def is_english(text: str) -> bool:
    return detect_language(text) == "en"
