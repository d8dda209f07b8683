"""CPU work (extraction + analysis) in worker processes, each with a hard time limit.

Why processes and not a ProcessPoolExecutor: a page that makes lxml spin (10 MB of nested divs)
must be stopped, and only killing its process stops it. Each worker is a spawned process that
loads the NLP model once, on its first job; a worker that overruns the limit is killed and
replaced, and its job comes back as an error value.

Every worker process (these, and the feed parsers of the refresh's process pool) watches the
sitrep process that started it and ends within a second of its death: a `kill -9` of `sitrep
fetch` or of the app must not leave ~90 MB of workers behind for good (nothing else would end
them: a parser waits on a queue whose other end it holds itself, and a worker busy with a page
or the model load never reads its pipe). Once the workers are gone, multiprocessing's resource
tracker and forkserver see their last client leave and end too.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

from tui.core.models import Analysis, Article

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


def _silence_output() -> None:
    """A worker shares the terminal with the TUI: anything it printed would corrupt the screen."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


@contextlib.contextmanager
def real_stderr() -> Iterator[None]:
    """Textual swaps sys.stderr for an object without a usable fileno, which multiprocessing's
    resource tracker needs when it starts; lend it the real one for the duration."""
    saved = sys.stderr
    try:
        usable = saved.fileno() >= 0  # Textual's capture object answers -1
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        usable = False
    if not usable and sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


def watch_parent(pid: int) -> None:
    """End this process as soon as process *pid* (the sitrep that started it) has ended.

    A daemon thread waits on a pidfd (Linux 5.3+), which becomes readable when the process
    exits, zombie or not; elsewhere it looks every half second. The thread then ends the whole
    process at once (SIGKILL to itself): the main thread may be deep in a page or a model load,
    and nothing of this process is worth saving once its parent is gone.
    """
    threading.Thread(target=_watch, args=(pid,), name="sitrep-parent-watch", daemon=True).start()


def _watch(pid: int) -> None:
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        _end()  # gone already
    except (AttributeError, OSError):  # no pidfd here: poll
        while _alive(pid):
            time.sleep(0.5)
        _end()
    select.select([handle], [], [])
    _end()


def _end() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed parent stays a zombie until its own parent reaps it
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _serve(conn: Connection, preload: bool, parent: int) -> None:
    """Worker loop: receive (function name, args), send back a result or an error string.

    Loads the extractor and, with *preload*, the NLP model first, then says "ready": the job time
    limit must measure the job, not a model load that takes seconds on a busy machine.
    """
    watch_parent(parent)
    _silence_output()
    import tui.pipeline.extract  # noqa: F401

    if preload:
        from tui.pipeline.analyze.model import get_nlp

        get_nlp()
    conn.send("ready")
    jobs = {"page": process_page, "text": process_text}
    while True:
        try:
            name, args = conn.recv()
        except (EOFError, KeyboardInterrupt):
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
    def __init__(self, preload: bool = True) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.ready = False
        self.process = context.Process(
            target=_serve,
            args=(child, preload, os.getpid()),
            daemon=True,
            name="sitrep-worker",
        )
        with real_stderr():
            self.process.start()
        child.close()
        self.dead = False
        self.closing = False

    def call(self, name: str, args: tuple[Any, ...], timeout: float) -> PageResult | None:
        """Blocking: run one job. None means the time limit passed (the caller kills us)."""
        try:
            if not self.ready:
                if not self._wait(STARTUP_LIMIT) or self.conn.recv() != "ready":
                    self.dead = True
                    return PageResult(None, None, "the worker process did not start")
                self.ready = True
            self.conn.send((name, args))
            if not self._wait(timeout):
                return None
            return self.conn.recv()
        except (EOFError, OSError):
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
        raise EOFError("the pool closed")

    def kill(self) -> None:
        self.closing = True
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(2)
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

    def _ensure(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                worker = _Worker(self.preload)
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
        fresh = _Worker(self.preload)
        self._all.append(fresh)
        return fresh

    def close(self) -> None:
        for worker in self._all:
            worker.kill()
        self._all.clear()
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
