"""Counts in words: "1 article", "2 articles" (never "1 articles")."""

from __future__ import annotations


def count_of(number: int, noun: str, plural: str = "") -> str:
    """*number* and *noun*, plural unless it is exactly one (*plural* when not noun + "s")."""
    if not plural:
        consonant_y = noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u")
        plural = noun[:-1] + "ies" if consonant_y else noun + "s"  # story → stories
    return f"{number:,} {noun if number == 1 else plural}"
