"""The agent's event loop, on a thread of its own: hooks hand work over and return at once (the host waits for
MessageHasBeenPosted), while replies stream for as long as they take. MCP sessions live on this loop too.

There is one loop per process, kept across deactivation and activation: the provider SDKs cache HTTP clients
per process, and those belong to the loop that first used them."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Coroutine
from concurrent.futures import Future, wait
from typing import Any, TypeVar

T = TypeVar("T")


class Worker:
    _shared: Worker | None = None
    _shared_lock = threading.Lock()

    @classmethod
    def shared(cls, logger: logging.Logger) -> Worker:
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = Worker(logger)
            cls._shared.logger = logger
            return cls._shared

    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self.loop = asyncio.new_event_loop()
        self._pending: set[Future[Any]] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.loop.run_forever, name="agent-loop", daemon=True)
        self._thread.start()

    def submit(self, coroutine: Coroutine[Any, Any, Any], what: str) -> None:
        """Runs in the background; a failure is logged, never raised into a hook."""

        async def guarded() -> None:
            try:
                await coroutine
            except Exception:
                self.logger.exception("%s failed", what)

        future = asyncio.run_coroutine_threadsafe(guarded(), self.loop)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        """Runs on the loop and waits for the result (from a hook thread)."""
        future: Future[T] = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        return future.result(timeout)

    def wait_idle(self, timeout: float = 30) -> None:
        """Waits until no background work is left, including work that work started (tests)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = list(self._pending)
            if not pending:
                return
            wait(pending, timeout=max(deadline - time.monotonic(), 0))
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(pending)} background tasks still running after {timeout} s")

    def cancel_all(self, timeout: float = 10) -> None:
        """Cancels the background work (the loop keeps running, for the next activation)."""
        with self._lock:
            pending = list(self._pending)
        for future in pending:
            future.cancel()  # cancels the task on the loop
        wait(pending, timeout=timeout)
