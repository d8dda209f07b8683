"""A pool's workers are forked from one warm process, and a worker killed at its time limit is
replaced by a new fork of the same process: the model is loaded once per pool, not per worker."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
from pathlib import Path

from tests.test_hostile_pages import STORY as PAGE
from tests.test_hostile_pages import attribute_bomb
from tui.pipeline.workers import WorkerPool


def parent_of(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_bytes()
    return int(stat.rsplit(b")", 1)[1].split()[1])


def worker_pids(pool: WorkerPool) -> list[int]:
    return [worker.process.pid for worker in pool._all if worker.process is not None]


async def test_workers_are_forked_from_one_zygote_and_replaced_by_a_new_fork() -> None:
    pool = WorkerPool(size=2, timeout=2, preload=False)
    try:
        pages = [pool.run_page(PAGE, f"https://wire.example/{n}", {}, False) for n in range(4)]
        results = await asyncio.gather(*pages)
        assert all(result.error is None for result in results)
        zygote = pool._zygote
        assert zygote is not None
        first = worker_pids(pool)
        assert len(set(first)) == 2
        assert {parent_of(pid) for pid in first} == {zygote.process.pid}

        spun = await pool.run_page(attribute_bomb(), "https://wire.example/bomb", {}, False)
        assert spun.error == "processing took longer than 2 s"
        again = await asyncio.gather(
            *[pool.run_page(PAGE, f"https://wire.example/x{n}", {}, False) for n in range(4)]
        )
        assert all(result.error is None for result in again)
        now = worker_pids(pool)
        assert len(set(now) - set(first)) == 1  # the killed one's replacement
        assert {parent_of(pid) for pid in now} == {zygote.process.pid}  # forked, not spawned
    finally:
        pool.close()


def test_warm_up_loads_every_table_the_analysis_reads_lazily() -> None:
    """What the zygote loads before it forks: a table left out would be loaded again by every
    worker, on its first page and inside that page's time limit."""
    import tui.pipeline.analyze as analyze

    analyze.warm_up()
    cold = []
    for module_info in pkgutil.iter_modules(analyze.__path__):
        module = importlib.import_module(f"{analyze.__name__}.{module_info.name}")
        for name, value in vars(module).items():
            loader = getattr(value, "__wrapped__", None)
            if not hasattr(value, "cache_info") or loader is None:
                continue
            ours = value.__module__ == module.__name__
            if ours and not inspect.signature(loader).parameters and not value.cache_info()[3]:
                cold.append(f"{module.__name__}.{name}")
    assert cold == []
