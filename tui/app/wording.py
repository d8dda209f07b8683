"""Counts in words: "1 article", "2 articles" (never "1 articles")."""

from __future__ import annotations


def count_of(number: int, noun: str, plural: str = "") -> str:
    """*number* and *noun*, plural unless it is exactly one (*plural* when not noun + "s")."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
