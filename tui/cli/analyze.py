"""`sitrep analyze PATH|URL|- ... [--json]`: extract and analyze pages; no store writes.

HTML files and URLs are extracted first; `.txt` files and `-` (stdin) are analyzed as plain text,
and then `text` in the output is the input unchanged so every offset indexes it. Several inputs
print JSON Lines in input order; the NLP model is loaded once for all of them.

A text longer than a refresh keeps (200,000 characters) is cut there, after a whole paragraph,
as the refresh cuts it (the NLP model refuses more than a million characters), with a notice.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.cli.common import error, resolve_locations
from tui.core.errors import ExtractError, FetchError
from tui.core.models import Article
from tui.pipeline.workers import MAX_TEXT, bounded
from tui.service.config import Settings


@dataclass
class _Input:
    name: str
    article: Article | None = None
    problem: str = ""


def _read(name: str, settings: Settings) -> _Input:
    from tui.pipeline.extract import extract

    try:
        if name == "-":
            text = sys.stdin.read(settings.max_page_bytes + 1)
            if len(text) > settings.max_page_bytes:
                return _Input(name, problem=f"larger than {settings.max_page_bytes:,} characters")
            return _Input(name, Article(url="", text=text))
        if name.startswith(("http://", "https://")):
            body, headers, final = asyncio.run(_fetch(name, settings))
            return _Input(name, extract(body, final, headers))
        path = Path(name)
        with path.open("rb") as file:
            data = file.read(settings.max_page_bytes + 1)
        if len(data) > settings.max_page_bytes:
            return _Input(name, problem=f"larger than {settings.max_page_bytes:,} bytes")
        if path.suffix.lower() == ".txt":
            return _Input(name, Article(url="", text=data.decode("utf-8", "replace")))
        return _Input(name, extract(data, path.resolve().as_uri(), None))
    except (OSError, FetchError, ExtractError) as exc:
        return _Input(name, problem=getattr(exc, "strerror", None) or str(exc))
    except UnicodeDecodeError:
        return _Input(name, problem="standard input is not UTF-8 text")


async def _fetch(url: str, settings: Settings) -> tuple[bytes, dict[str, str], str]:
    from tui.service.fetch_once import fetch_once

    response = await fetch_once(url, settings, settings.max_page_bytes)
    return response.body, dict(response.headers), response.final_url


def run_analyze(args: argparse.Namespace) -> int:
    from tui.pipeline.analyze import analyze_many

    resolve_locations(args)  # logging to the log file: extraction libraries log tracebacks
    settings = Settings()
    inputs = [_read(name, settings) for name in args.inputs]
    for item in inputs:
        if item.problem:
            error(f"{item.name}: {item.problem}")
        elif item.article is not None and len(item.article.text) > MAX_TEXT:
            item.article = bounded(item.article)
            error(f"{item.name}: longer than {MAX_TEXT:,} characters; analysed up to "
                  f"{len(item.article.text):,}, as a refresh would")
    good = [item for item in inputs if item.article is not None]
    if not good:
        return 1  # each input said why; no model to load for nothing
    analyses = dict(
        zip((id(i) for i in good), analyze_many([i.article.text for i in good]), strict=True)
    )  # type: ignore[union-attr]
    for item in good:
        article = item.article
        assert article is not None
        analysis = analyses[id(item)]
        if args.json:
            obj = {
                "title": article.title,
                "url": article.final_url or article.url,
                "published": article.published.isoformat() if article.published else None,
                "byline": article.byline,
                "text": article.text,
                "conflict": analysis.conflict,
                "language": analysis.language,
                "claims": [c.as_dict() for c in analysis.claims],
                "entities": [e.as_dict() for e in analysis.entities],
            }
            indent = 1 if len(args.inputs) == 1 else None
            sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=indent) + "\n")
        else:
            if len(good) > 1:
                sys.stdout.write(f"==> {item.name} <==\n")
            if article.title:
                sys.stdout.write(article.title + "\n\n")
            sys.stdout.write(article.text + "\n")
            for claim in analysis.claims:
                sys.stdout.write(f"\n[{claim.status}] {claim.source} — {claim.cue}: {claim.text}")
            sys.stdout.write("\n" if analysis.claims else "")
    return 0 if len(good) == len(inputs) else 1
