"""Running hook handlers for the generated dispatch: the request id, the event loop of ``async``
handlers, deadlines, and what a failure becomes.

Per-call work is kept small: a unary hook costs one parse, one handler call, one result conversion and
one serialisation on the gRPC worker thread, with no extra thread hop unless the handler is async.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from typing import Any

from .context import enter_request, leave_request
from .results import HookSpec, keep_originals, write_error

__all__ = ["AsyncLoop", "Behaviour", "HookRunner", "HookTimeoutError"]

Behaviour = Callable[..., Any]
"""A raw gRPC behaviour: ``(bytes, context) -> bytes`` for unary hooks, iterators of bytes for streams."""

_log = logging.getLogger("mattermost_plugin.hooks")


class HookTimeoutError(TimeoutError):
    """An async hook handler did not finish before the hook's deadline and was cancelled."""


class AsyncLoop:
    """The event loop async handlers run on, in its own daemon thread, started on first use."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="plugin-asyncio", daemon=True).start()
                self._loop = loop
            return self._loop

    def stop(self) -> None:
        with self._lock:
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._loop = None


class HookRunner:
    """Calls handlers for the dispatch: sets the request id, runs coroutines on the plugin's event
    loop under the hook's deadline, and turns a failure into the response the hook's rule asks for
    (see ``failed``)."""

    def __init__(self, default_timeout: float = 30.0, logger: logging.Logger | None = None) -> None:
        self.default_timeout = default_timeout
        self.log = logger or _log
        self.async_loop = AsyncLoop()
        self.streams = ThreadPoolExecutor(max_workers=64, thread_name_prefix="plugin-stream")

    def call(
        self,
        hook: str,
        handler: Callable[..., Any],
        context: Any,
        plugin_context: Any,
        args: tuple[Any, ...],
        bounded: bool = True,
    ) -> Any:
        """Runs the handler; ``bounded`` hooks get the default timeout when the host set no deadline
        (streams are unbounded: a server-sent-events response may last as long as the client stays)."""
        token = enter_request(plugin_context.request_id) if plugin_context is not None else None
        try:
            result = handler(*args)
            if hasattr(result, "__await__"):
                return self._await(hook, result, context, bounded)
            if context is not None:
                # A plain function cannot be interrupted; gRPC has already answered the host with
                # DEADLINE_EXCEEDED, so at least say which handler overran.
                remaining = context.time_remaining()  # grpcio clamps it at 0
                if remaining is not None and remaining <= 0:
                    self.log.warning("%s returned after its deadline; the host had given up on it", hook)
            return result
        finally:
            if token is not None:
                leave_request(token)

    def _await(self, hook: str, awaitable: Any, context: Any, bounded: bool) -> Any:
        remaining = context.time_remaining() if context is not None else None
        timeout: float | None = (self.default_timeout if bounded else None) if remaining is None else max(remaining, 0.0)

        async def run() -> Any:
            return await awaitable

        future = asyncio.run_coroutine_threadsafe(run(), self.async_loop.loop())
        try:
            return future.result(timeout)
        except FutureTimeoutError:
            future.cancel()
            raise HookTimeoutError(f"{hook} did not finish within {timeout or 0:.1f} s and was cancelled") from None

    def failed(self, spec: HookSpec, exc: BaseException, response: Any, request: Any = None) -> None:
        """Logs a handler's failure and answers the way the hook's rule says (docs/python-sdk.md):

        * a hook with a rejection reason rejects, ``"Plugin error: <error>"``, as Mattermost's SDK does,
          so a broken filter never lets through what it was meant to stop;
        * a list filter (MessagesWillBeConsumed) hands back the request's own values, unchanged;
        * any other hook answers with the error as its AppError (an ``AppError`` raised by the handler
          keeps all its fields); with no error field, the exception goes to gRPC.
        """
        from ..errors import AppError

        if isinstance(exc, AppError):
            self.log.warning("%s returned an error: %s", spec.name, exc)
        else:
            self.log.error("%s failed", spec.name, exc_info=exc)
        response.Clear()
        if spec.rejection:
            setattr(response, spec.rejection, f"Plugin error: {_describe(exc)}")
            return
        if spec.keep:
            keep_originals(response, request, spec.keep)
            return
        if not spec.error:
            raise exc
        if not isinstance(exc, AppError):
            exc = AppError(
                f"{type(exc).__name__}: {exc}",
                id="plugin.hook.timeout" if isinstance(exc, HookTimeoutError) else "plugin.hook.failed",
                detailed_error="".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
                where=spec.name,
                status_code=500,
            )
        write_error(response, spec, exc)

    def close(self) -> None:
        self.streams.shutdown(wait=False, cancel_futures=True)
        self.async_loop.stop()


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return text if text else type(exc).__name__
