"""Replacing feeds.toml safely while the app and `sitrep feeds` may both be editing it.

Why each step:
- one lock for every process: `fcntl.flock` on the folder that holds the real file. A lock on
  feeds.toml itself would not do: each edit replaces the file, so a process waiting on the old
  inode would then hold a lock nobody else sees; the folder stays the same inode, and locking it
  leaves no lock file among the user's files (a sidecar would). Every edit reads the file again
  under the lock, so what another process wrote meanwhile is kept.
- a temporary file with a unique name in the same folder (a fixed name lets two writers delete
  or validate each other's half-written file), written, fsync'd, validated, then renamed over
  the file; the folder is fsync'd before and after the rename, so after a crash the file is the
  old one or the new one, whole.
- what the user set up stays: a symlinked feeds.toml is written through to its target (the link
  stays a link), the file's permission bits are kept (0600 stays 0600), and a read-only file is
  refused with a message rather than replaced behind the user's back.
- a full disk or an unwritable folder is a ConfigError naming the file, and nothing half-written
  is left behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tui.core.errors import ConfigError
from tui.service.config import load_config

LOCK_WAIT = 15.0  # seconds to wait for another process's edit before giving up


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) config path names."""
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def locked(path: Path) -> Iterator[Path]:
    """Hold the config's inter-process edit lock; yields the real file to read and write."""
    target = real_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot edit: {_reason(exc)}") from None
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ConfigError(
                        str(path), "another sitrep has been editing this file for "
                        f"{LOCK_WAIT:g} s; try again"
                    ) from None
                time.sleep(0.02)
        yield target
    finally:
        os.close(fd)  # closing releases the lock


def replace_file(target: Path, text: str, backup: Path | None) -> None:
    """Replace *target* with *text* (call under `locked`): validated, durable, all or nothing.

    The previous version is copied to *backup* first (None: `<name>.bak` beside the file).
    """
    mode = _mode_for(target)
    directory = target.parent
    try:
        fd, name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise ConfigError(str(target), f"cannot write: {_reason(exc)}") from None
    temporary = Path(name)
    try:
        try:
            _write_all(fd, text.encode("utf-8"))
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        load_config(temporary, origin=target)  # what we write must read back
        _fsync_dir(directory)
        if target.exists():
            _backup(target, backup or target.with_name(target.name + ".bak"))
        os.replace(temporary, target)
        _fsync_dir(directory)
    except OSError as exc:
        raise ConfigError(str(target), f"cannot write: {_reason(exc)}") from None
    finally:
        temporary.unlink(missing_ok=True)  # gone already after a successful rename


def _mode_for(target: Path) -> int:
    """The permission bits the new file gets: the old file's; refuse a read-only file."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except OSError as exc:
        raise ConfigError(str(target), f"cannot read: {_reason(exc)}") from None
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise ConfigError(
            str(target), "the file is read-only; make it writable (chmod u+w) to edit feeds "
            "from sitrep, or edit it by hand"
        )
    return mode


def _backup(target: Path, backup: Path) -> None:
    """The previous version, whole (a copy written beside the backup, then renamed)."""
    backup.parent.mkdir(parents=True, exist_ok=True)
    partial = backup.with_name(f".{backup.name}.{os.getpid()}.partial")
    try:
        shutil.copyfile(target, partial)
        os.replace(partial, backup)
    finally:
        partial.unlink(missing_ok=True)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask without changing it (os.umask sets while it reads)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def _reason(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"
