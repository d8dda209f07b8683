"""The article queue shared by every process on one cache: rows are claimed with a lease.

The app and `sitrep fetch` may run on the same cache at once. Without a claim each would fetch
every queued page (2,095 fetches for 1,200 articles when it was tried). A process claims rows by
writing its owner id and a lease expiry on them; others skip rows whose lease is live. A row's
lease ends when its page is saved (state leaves 'queued'), when its owner releases it (a refresh
that stops), or when the expiry passes (an owner killed mid-page): then anyone may take it.

The order is fair across feeds: each feed's newest row first, then each feed's second, and so on
(a feed of 1,000 items cannot make a good feed's pages wait behind all of them), with the
article the user opened ahead of everything.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Mapping
from urllib.parse import urlsplit

LEASE_SECONDS = 300  # longer than any one page takes (fetch deadline + analysis limit)
_CANDIDATES = 4  # rows read per row wanted: room to skip the rows of busy hosts


def new_owner() -> str:
    """An id no other process (on this machine or another sharing the folder) will have."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def fair_order(condition: str = "1") -> str:
    """The queued rows meeting *condition*, in the order they are worked (one `?` more: the
    limit). The queued rows are read first, through the queue's own index: asked for the
    feeds' order directly, SQLite walked every article down the feeds' index to skip the
    window's sort, 1.7 s an empty queue at a million articles, for every slot a refresh
    fills (bench/README.md, "The claims view at a million")."""
    return (
        "WITH queued AS MATERIALIZED ("
        " SELECT id, url, feed_id, priority, sort_ts FROM articles"
        f" WHERE state = 'queued' AND {condition})"
        " SELECT id, url, feed_id, feed_url FROM ("
        "  SELECT q.id, q.url, q.feed_id, f.url AS feed_url, q.priority, q.sort_ts,"
        "   row_number() OVER (PARTITION BY q.feed_id ORDER BY q.sort_ts DESC, q.id) AS turn"
        "  FROM queued q JOIN feeds f ON f.id = q.feed_id)"
        " ORDER BY priority DESC, turn, sort_ts DESC, id LIMIT ?"
    )


def claim_queued(
    conn: sqlite3.Connection,
    owner: str,
    limit: int,
    *,
    busy: Mapping[str, int] | None = None,
    per_host: int = 0,
    lease_seconds: int = LEASE_SECONDS,
    now: float | None = None,
) -> list[dict[str, object]]:
    """Claim up to *limit* queued rows no one holds, interleaved across feeds.

    With *per_host*, a host already fetching *busy*[host] pages gets at most per_host minus
    that many more, so one slow host cannot take every slot. Each row is claimed by its own
    conditional UPDATE, so when two processes pick the same row only one of them gets it.
    """
    if limit <= 0:
        return []
    now = time.time() if now is None else now
    until = int(now + lease_seconds)
    renew_leases(conn, owner, lease_seconds=lease_seconds, now=now)
    candidates = conn.execute(
        fair_order("lease_until < ?"), (int(now), limit * _CANDIDATES + 16)
    ).fetchall()
    load = dict(busy or {})
    claimed: list[dict[str, object]] = []
    with conn:
        for row in candidates:
            if len(claimed) >= limit:
                break
            host = host_of(row["url"])
            if per_host and host and load.get(host, 0) >= per_host:
                continue
            taken = conn.execute(
                "UPDATE articles SET lease_owner = ?, lease_until = ? "
                "WHERE id = ? AND state = 'queued' AND lease_until < ?",
                (owner, until, row["id"], int(now)),
            ).rowcount
            if taken:
                load[host] = load.get(host, 0) + 1
                claimed.append(dict(row))
    return claimed


def claim_article(
    conn: sqlite3.Connection,
    owner: str,
    article_id: int,
    *,
    lease_seconds: int = LEASE_SECONDS,
    now: float | None = None,
) -> dict[str, object] | None:
    """Claim one queued article (the one the user opened) unless another process holds it."""
    now = time.time() if now is None else now
    with conn:
        taken = conn.execute(
            "UPDATE articles SET lease_owner = ?, lease_until = ?, priority = 1 "
            "WHERE id = ? AND state = 'queued' AND (lease_until < ? OR lease_owner = ?)",
            (owner, int(now + lease_seconds), article_id, int(now), owner),
        ).rowcount
    if not taken:
        return None
    row = conn.execute(
        "SELECT a.id, a.url, a.feed_id, f.url AS feed_url FROM articles a "
        "JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    return dict(row) if row else None


def renew_leases(
    conn: sqlite3.Connection,
    owner: str,
    *,
    lease_seconds: int = LEASE_SECONDS,
    now: float | None = None,
) -> None:
    """Push back the expiry of every row this owner still holds (it is alive and working)."""
    now = time.time() if now is None else now
    with conn:
        conn.execute(
            "UPDATE articles SET lease_until = ? WHERE lease_owner = ? AND state = 'queued'",
            (int(now + lease_seconds), owner),
        )


def release_leases(conn: sqlite3.Connection, owner: str) -> int:
    """Give back the rows this owner holds but did not finish (a refresh that stopped)."""
    with conn:
        return conn.execute(
            "UPDATE articles SET lease_owner = NULL, lease_until = 0 "
            "WHERE lease_owner = ? AND state = 'queued'",
            (owner,),
        ).rowcount
