"""The headless core: fetch, parse, extract, analyze, query, refresh.

Nothing under this package imports Textual or Rich; a test enforces it.
"""
