"""Language detection, and the rule that only English text is analysed."""

from __future__ import annotations

import json
from pathlib import Path

from tui.pipeline.analyze import analyze_many, detect_language

SAMPLES = Path(__file__).parent / "fixtures" / "language" / "samples.json"


def samples() -> list[dict[str, str]]:
    return json.loads(SAMPLES.read_text("utf-8"))["samples"]


def test_every_sample_gets_its_language() -> None:
    wrong = [(s["lang"], detect_language(s["text"]), s["text"][:40]) for s in samples()]
    wrong = [w for w in wrong if w[0] != w[1]]
    assert not wrong


def test_too_little_text_to_tell_is_english() -> None:
    assert detect_language("") == "en"
    assert detect_language("ATACMS, HIMARS") == "en"
    assert detect_language("12:30 — 14:00") == "en"


def test_only_english_text_is_analysed_and_order_is_kept() -> None:
    by_lang = {s["lang"]: s["text"] for s in reversed(samples())}
    texts = [
        by_lang["uk"],
        by_lang["en"],
        by_lang["ar"],
        by_lang["ru"],
        by_lang["fr"],
        by_lang["en"],
    ]
    results = list(analyze_many(texts))
    assert [a.language for a in results] == ["uk", "en", "ar", "ru", "fr", "en"]
    for analysis in results:
        if analysis.language == "en":
            assert analysis.entities
        else:
            assert analysis.entities == () and analysis.claims == ()
            assert analysis.conflict is False
            assert analysis.version == results[1].version
