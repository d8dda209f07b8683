"""The asyncio loop, in its own thread, where the app's refresher runs."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class BackgroundLoop:
    """An asyncio loop in its own thread where the refresher runs.

    Fetching 200 feeds means thousands of HTTP events parsed in Python; on the UI's loop they
    queue in front of key presses and repaints. Here they only share the interpreter, which
    hands the UI thread its turn every few milliseconds. The refresher reports back through
    its callbacks, which post messages (thread-safe) to the app.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self.loop.run_forever, name="sitrep-refresh", daemon=True
        )
        self._thread.start()

    async def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run *coroutine* there and wait for it here; cancelling the wait cancels it."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coroutine, self.loop))

    def close(self) -> None:
        """Cancel what still runs there (the app is going), then stop the loop and thread."""

        async def cancel_the_rest() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        try:
            asyncio.run_coroutine_threadsafe(cancel_the_rest(), self.loop).result(5)
        except (TimeoutError, RuntimeError) as exc:
            log.warning("background tasks did not stop: %r", exc)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
        if not self._thread.is_alive():
            self.loop.close()
