"""The processes behind the workers: a warm zygote that forks them, and their ties to sitrep.

Why a zygote: a worker that analyses needs spaCy, its model and the analysis's tables (the
gazetteer, the given names, the language model): about 2.5 s of CPU to load. Loading them once,
in one spawned process, and forking every worker from it makes the second worker, and each one
that replaces a worker killed at its time limit, start in milliseconds, sharing the loaded pages
until they are written to. spaCy's own multi-process `pipe` forks a loaded model the same way.
The zygote is spawned (a fresh interpreter, nothing of the UI process in it), forks only from
its main thread and runs no other code; numpy's OpenBLAS shuts its threads down around a fork.

A worker is reached through a `multiprocessing` connection the parent creates and sends to the
zygote (connections can be sent between processes: the multiprocessing documentation, "Connection
objects themselves can now be transferred"); the forked worker says ("ready", its pid) on it.

Every process here watches the sitrep process that started it and ends within a second of its
death: a `kill -9` of `sitrep fetch` or of the app must not leave ~90 MB of workers behind for
good (nothing else would end them: a worker busy with a page never reads its pipe).
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection


def silence_output() -> None:
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


class Forked:
    """A forked worker's process, killed safely: through a pidfd where the system has them, so
    a pid reused after the worker ended can never be hit."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except (AttributeError, OSError):
            self._fd = None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, OSError):
            if self._fd is None:
                os.kill(self.pid, signal.SIGKILL)
            else:
                signal.pidfd_send_signal(self._fd, signal.SIGKILL)
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


Warm = Callable[[], None]
Serve = Callable[[Connection], None]


class Zygote:
    """A spawned process that loads what the workers need (*warm*) and forks one worker per
    `fork()`, each running *serve* on its own connection. Used from one thread at a time."""

    def __init__(self, warm: Warm, serve: Serve) -> None:
        self._warm = warm
        self._serve = serve
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self.process = context.Process(
            target=_zygote,
            args=(child, self._warm, self._serve, os.getpid()),
            daemon=True,
            name="sitrep-zygote",
        )
        with real_stderr():
            self.process.start()
        child.close()

    def fork(self) -> Connection:
        """The connection of a new worker; it says ("ready", pid) once it runs. When the zygote
        is gone its other end is closed at once (the caller then sees the worker die) and a new
        zygote is started for the next worker."""
        mine, theirs = multiprocessing.Pipe()
        try:
            self._conn.send(theirs)
        except (OSError, ValueError):
            self.close()
            self._start()
        theirs.close()
        return mine

    def alive(self) -> bool:
        return self.process.is_alive()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(2)
        with contextlib.suppress(Exception):
            self._conn.close()


def _zygote(conn: Connection, warm: Warm, serve: Serve, parent: int) -> None:
    """Warm up, then fork a worker for each connection received, until the parent closes."""
    watch_parent(parent)
    silence_output()
    warm()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the workers
    while True:
        try:
            worker_conn = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if os.fork() == 0:
            status = 0
            try:
                conn.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                watch_parent(parent)  # a forked child has only the thread that forked
                serve(worker_conn)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        worker_conn.close()
