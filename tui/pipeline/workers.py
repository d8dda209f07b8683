"""CPU work (extraction + analysis) in worker processes, each with a hard time limit.

Why processes and not a ProcessPoolExecutor: a page that makes lxml spin (10 MB of nested divs)
must be stopped, and only killing its process stops it. A pool's workers are forked from one warm
process (processes.Zygote) that has loaded the extractor and, for a pool that analyses, the NLP
model and the analysis's tables; a worker that overruns the limit is killed and replaced by a
new fork in milliseconds, and its job comes back as an error value.

Every process here (the zygote, its workers, and the feed parsers of the refresh's process pool)
watches the sitrep process that started it and ends within a second of its death (see
processes.py). Once they are gone, multiprocessing's resource tracker and forkserver see their
last client leave and end too.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import time
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

from tui.core.models import Analysis, Article
from tui.pipeline.processes import Forked, Zygote, real_stderr, watch_parent

MAX_TEXT = 200_000  # characters of reading text kept and analysed (a very long feature: ~30k words)
_ERROR_MAX = 200


@dataclass(frozen=True, slots=True)
class PageResult:
    article: Article | None
    analysis: Analysis | None
    error: str | None = None


def process_page(
    body: bytes, url: str, headers: Mapping[str, str], analyze: bool = True
) -> PageResult:
    """Extract the reading text of a page and analyze it. Runs inside a worker process.

    A failed analysis keeps the extracted text: the reader can still show it.
    """
    from tui.core.errors import ExtractError
    from tui.pipeline.extract import extract

    try:
        article = bounded(extract(body, url, headers))
    except ExtractError as exc:
        return PageResult(None, None, f"no reading text: {exc}")
    if not analyze:
        return PageResult(article, None)
    from tui.pipeline.analyze import analyze as run_analysis

    try:
        return PageResult(article, run_analysis(article.text))
    except Exception as exc:  # one article the analyzer cannot take must not lose its text
        return PageResult(article, None, short_error("analysis failed", exc))


def bounded(article: Article) -> Article:
    """At most MAX_TEXT characters of reading text, cut after a whole paragraph when possible.

    A 10 MB page of one paragraph would otherwise be stored whole, handed to the NLP model (which
    refuses more than a million characters) and laid out in the reader as one widget.
    """
    if len(article.text) <= MAX_TEXT:
        return article
    cut = article.text.rfind("\n\n", 0, MAX_TEXT)
    if cut <= 0:
        cut = article.text.rfind(" ", 0, MAX_TEXT)
    text = article.text[: cut if cut > 0 else MAX_TEXT].rstrip() + " …"
    paragraphs = tuple(text.split("\n\n"))
    return replace(article, text=text, paragraphs=paragraphs)


def short_error(what: str, exc: BaseException) -> str:
    """One line for the article's error field: the kind of failure and the start of its text."""
    detail = " ".join(str(exc).split())
    message = f"{what}: {type(exc).__name__}" + (f": {detail}" if detail else "")
    return message if len(message) <= _ERROR_MAX else message[: _ERROR_MAX - 1] + "…"


def process_text(text: str) -> PageResult:
    from tui.pipeline.analyze import analyze as run_analysis

    return PageResult(None, run_analysis(text))


def _warm_extraction() -> None:
    import tui.pipeline.extract  # noqa: F401


def _warm_analysis() -> None:
    """Everything a page's analysis loads lazily: the model and the analysis's tables."""
    _warm_extraction()
    from tui.pipeline.analyze import warm_up

    warm_up()


def _serve(conn: Connection) -> None:
    """A forked worker's loop: receive (function name, args), send back a result or an error.

    Says ("ready", its pid) first: the parent kills it by that pid when a job overruns.
    """
    conn.send(("ready", os.getpid()))
    jobs = {"page": process_page, "text": process_text}
    while True:
        try:
            name, args = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            result: Any = jobs[name](*args)
        except Exception as exc:  # a bug in one page's processing must not kill the worker
            result = PageResult(None, None, short_error("processing failed", exc))
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return


STARTUP_LIMIT = 180.0  # seconds a new worker may take to load the model, even on a busy machine
WAIT_SLICE = 0.25  # a wait looks this often whether the pool closed under it


class _Worker:
    def __init__(self, zygote: Zygote) -> None:
        self.zygote = zygote
        self.conn = zygote.fork()
        self.process: Forked | None = None  # known once the worker says it is ready
        self.dead = False
        self.closing = False

    def call(self, name: str, args: tuple[Any, ...], timeout: float) -> PageResult | None:
        """Blocking: run one job. None means the time limit passed (the caller kills us)."""
        try:
            if self.process is None:
                if not self._wait(STARTUP_LIMIT):
                    self.dead = True
                    return PageResult(None, None, "the worker process did not start")
                ready, pid = self.conn.recv()
                if ready != "ready":
                    raise EOFError("the worker did not say it was ready")
                self.process = Forked(pid)
            self.conn.send((name, args))
            if not self._wait(timeout):
                return None
            return self.conn.recv()
        except (EOFError, OSError, TypeError, ValueError):
            self.dead = True
            return PageResult(None, None, "the worker process died")

    def _wait(self, seconds: float) -> bool:
        """Whether an answer came within *seconds*. Waits in slices: a worker killed while its
        model loads does not always wake a long poll, and the thread waiting here would hold
        the app's exit (interpreter shutdown joins it) for up to STARTUP_LIMIT seconds."""
        deadline = time.monotonic() + seconds
        while not self.closing:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if self.conn.poll(min(WAIT_SLICE, left)):
                return True
            if self.process is None and not self.zygote.alive():
                raise EOFError("the zygote ended before it forked this worker")
        raise EOFError("the pool closed")

    def kill(self) -> None:
        self.closing = True
        if self.process is not None:
            self.process.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


class WorkerPool:
    """A fixed number of worker processes, used from asyncio code.

    Workers start lazily on first use, so commands that never extract pay nothing.
    """

    def __init__(
        self, size: int | None = None, timeout: float = 30.0, preload: bool = True
    ) -> None:
        self.size = max(1, size or min(2, os.cpu_count() or 1))
        self.timeout = timeout
        self.preload = preload  # load the NLP model as each worker starts
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []
        self._zygote: Zygote | None = None

    def _ensure(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            warm = _warm_analysis if self.preload else _warm_extraction
            self._zygote = Zygote(warm, _serve)
            for _ in range(self.size):
                worker = _Worker(self._zygote)
                self._all.append(worker)
                self._idle.put_nowait(worker)
        return self._idle

    async def run_page(
        self, body: bytes, url: str, headers: Mapping[str, str], analyze: bool = True
    ) -> PageResult:
        return await self._run("page", (body, url, dict(headers), analyze))

    async def run_text(self, text: str) -> PageResult:
        return await self._run("text", (text,))

    async def _run(self, name: str, args: tuple[Any, ...]) -> PageResult:
        idle = self._ensure()
        worker = await idle.get()
        try:
            result = await asyncio.to_thread(worker.call, name, args, self.timeout)
        except BaseException:  # cancelled mid-job: the worker's state is unknown, replace it
            idle.put_nowait(self._replace(worker))
            raise
        if result is None or worker.dead:
            idle.put_nowait(self._replace(worker))
            if result is None:
                return PageResult(None, None, f"processing took longer than {self.timeout:g} s")
            return result
        idle.put_nowait(worker)
        return result

    def _replace(self, worker: _Worker) -> _Worker:
        worker.kill()
        with contextlib.suppress(ValueError):
            self._all.remove(worker)
        fresh = _Worker(worker.zygote)
        self._all.append(fresh)
        return fresh

    def close(self) -> None:
        for worker in self._all:
            worker.kill()
        self._all.clear()
        if self._zygote is not None:
            self._zygote.close()
            self._zygote = None
        self._idle = None


def start_parse_pool() -> ProcessPoolExecutor:
    """Processes for feed parsing. feedparser is pure Python (~8 ms per 20-item feed): with
    hundreds of feeds, parsing on every core matters. A forkserver with the parser preloaded
    makes the workers cheap to start."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tui.pipeline.parse"])
    with real_stderr():
        return ProcessPoolExecutor(
            max_workers=min(2, os.cpu_count() or 1),
            mp_context=context,
            initializer=watch_parent,  # a killed sitrep must not leave its parsers running
            initargs=(os.getpid(),),
        )
