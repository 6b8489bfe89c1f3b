"""The runtime the generated hook dispatch calls into: running handlers, converting their results,
and streaming HTTP and body-filter exchanges.

Per-call work is kept small: a unary hook costs one parse, one handler call, one result conversion and
one serialisation on the gRPC worker thread, with no extra thread hop unless the handler is async.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from typing import Any, NamedTuple

from ..http import BodyReader, BodyWriter, ClientDisconnectedError, HTTPRequest, HTTPResponseWriter
from .context import enter_request, leave_request

__all__ = ["Behaviour", "HookRunner", "HookTimeoutError", "ResultField", "fill_results", "serve_http", "serve_filter"]

Behaviour = Callable[..., Any]
"""A raw gRPC behaviour: ``(bytes, context) -> bytes`` for unary hooks, iterators of bytes for streams."""

_log = logging.getLogger("mattermost_plugin.hooks")
_QUEUE_SIZE = 8
"""Response chunks a streaming handler may queue before ``write`` blocks (the gRPC thread takes them in
batches, so up to twice this many may be on their way)."""
_POLL = 0.25


class HookTimeoutError(TimeoutError):
    """An async hook handler did not finish before the hook's deadline and was cancelled."""


class ResultField(NamedTuple):
    """One response field a handler's return value fills: its name, kind and Python type."""

    name: str
    kind: str  # "scalar", "message", "repeated" or "map"
    type: type


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
    loop under the hook's deadline, and turns exceptions into AppError responses."""

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

    def failed(self, hook: str, exc: BaseException, error: Any) -> None:
        """Logs a handler's exception and writes it into the response's AppError (or re-raises it
        when the response has none, so gRPC reports it)."""
        from ..errors import AppError

        if isinstance(exc, AppError):
            self.log.warning("%s returned an error: %s", hook, exc)
            app_error = exc
        else:
            self.log.error("%s failed", hook, exc_info=exc)
            app_error = AppError(
                f"{type(exc).__name__}: {exc}",
                id="plugin.hook.timeout" if isinstance(exc, HookTimeoutError) else "plugin.hook.failed",
                detailed_error="".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
                where=hook,
                status_code=500,
            )
        if error is None:
            raise exc
        app_error.to_proto(error)

    def close(self) -> None:
        self.streams.shutdown(wait=False, cancel_futures=True)
        self.async_loop.stop()


def fill_results(response: Any, result: Any, fields: tuple[ResultField, ...]) -> None:
    """Fills the response's result fields from a handler's return value.

    Accepted, as Mattermost's SDK accepts them: None (nothing to return); the single result; a tuple
    with one value per result field in order (None leaves a field unset); the response message itself;
    and, when there are several results, one value that fits exactly one of them (a post, or a
    rejection reason string). A dict fills a message field as its JSON form would.
    """
    if result is None or not fields:
        return
    if isinstance(result, type(response)):
        response.CopyFrom(result)
        return
    if len(fields) == 1:
        _set(response, fields[0], result)
        return
    if isinstance(result, tuple):
        if len(result) > len(fields):
            raise TypeError(f"returned {len(result)} values, but the hook has {len(fields)} results: {_names(fields)}")
        for field, value in zip(fields, result):
            _set(response, field, value)
        return
    fitting = [f for f in fields if _fits(f, result)]
    if len(fitting) != 1:
        raise TypeError(f"returned a {type(result).__name__}; return a tuple of {_names(fields)}")
    _set(response, fitting[0], result)


def _names(fields: tuple[ResultField, ...]) -> str:
    return "(" + ", ".join(f.name for f in fields) + ")"


def _fits(field: ResultField, value: Any) -> bool:
    if field.kind == "message":
        return isinstance(value, field.type) or isinstance(value, Mapping)
    if field.kind == "scalar":
        return isinstance(value, field.type) and not (field.type is int and isinstance(value, bool))
    return False


def _set(message: Any, field: ResultField, value: Any) -> None:
    if value is None:
        return
    if field.kind == "scalar":
        setattr(message, field.name, value)
    elif field.kind == "message":
        target = getattr(message, field.name)
        if isinstance(value, Mapping):
            from google.protobuf import json_format

            target.Clear()
            json_format.ParseDict(dict(value), target)
        else:
            target.CopyFrom(value)
    elif field.kind == "repeated":
        getattr(message, field.name).extend(value)
    else:
        container = getattr(message, field.name)
        for key, item in value.items():
            if hasattr(item, "DESCRIPTOR"):
                container[key].CopyFrom(item)
            else:
                container[key] = item


class _Handoff:
    """A bounded hand-off from a handler thread to the gRPC thread. The reader takes everything queued
    at once, so a writer that ran ahead and blocked on a full queue is woken once per batch rather than
    once per chunk: each wake-up is a thread switch under the GIL, the main cost of a streamed chunk."""

    def __init__(self, size: int) -> None:
        self._items: collections.deque[Any] = collections.deque()
        self._size = size
        self._lock = threading.Lock()
        self._not_empty = threading.Condition(self._lock)
        self._not_full = threading.Condition(self._lock)

    def put(self, item: Any, timeout: float) -> bool:
        """Queues ``item``; False when the queue stayed full for ``timeout`` seconds."""
        with self._lock:
            if len(self._items) >= self._size and not self._not_full.wait_for(
                    lambda: len(self._items) < self._size, timeout):
                return False
            self._items.append(item)
            if len(self._items) == 1:
                self._not_empty.notify()
            return True

    def take_all(self, timeout: float) -> list[Any]:
        """Everything queued, waiting up to ``timeout`` seconds for something; [] when nothing came."""
        with self._lock:
            if not self._items and not self._not_empty.wait_for(lambda: self._items, timeout):
                return []
            items = list(self._items)
            self._items.clear()
            self._not_full.notify()
            return items


class _Exchange:
    """One streamed hook call: request messages in from the host, the handler on a stream thread, and
    response messages out through a small queue the gRPC thread drains."""

    _DONE = object()

    def __init__(self, runner: HookRunner, hook: str, context: Any, requests: Iterator[Any]) -> None:
        self.runner = runner
        self.hook = hook
        self.context = context
        self.requests = requests
        self.cancelled = threading.Event()
        self.out = _Handoff(_QUEUE_SIZE)
        self.failure: BaseException | None = None
        self.complete = False
        if context is not None and hasattr(context, "add_callback"):
            context.add_callback(self.cancelled.set)

    def pull_chunk(self) -> bytes:
        """The next request body chunk, b"" at the end of the body."""
        while True:
            if self.cancelled.is_set():
                raise ClientDisconnectedError(f"{self.hook}: the exchange was cancelled")
            if self.complete:
                return b""
            try:
                message = next(self.requests)
            except StopIteration:
                return b""
            except Exception as e:  # grpc raises a bare RpcError when the call is cancelled
                self.cancelled.set()
                raise ClientDisconnectedError(f"{self.hook}: the host cancelled the request") from e
            self.complete = message.body_complete
            if message.body_chunk:
                return bytes(message.body_chunk)
            if self.complete:
                return b""

    def send(self, message: Any) -> None:
        while True:
            if self.cancelled.is_set():
                raise ClientDisconnectedError(f"{self.hook}: the client went away")
            if self.out.put(message, _POLL):
                return

    def start(self, work: Callable[[], None]) -> None:
        def run() -> None:
            try:
                work()
            except BaseException as e:  # noqa: BLE001 - reported through the response
                self.failure = e
            finally:
                while not self.out.put(self._DONE, _POLL) and not self.cancelled.is_set():
                    pass

        self.runner.streams.submit(run)

    def responses(self) -> Iterator[Any]:
        while True:
            items = self.out.take_all(_POLL)
            if not items and (self.cancelled.is_set() or (self.context is not None and not self.context.is_active())):
                self.cancelled.set()
                return
            for item in items:
                if item is self._DONE:
                    return
                yield item


def _open_exchange(
    runner: HookRunner,
    hook: str,
    context: Any,
    raw_requests: Iterator[bytes],
    request_type: Any,
    context_field: str,
) -> tuple[Any, _Exchange, Any, BodyReader] | None:
    """Reads the first request message (the head and the body's first chunk) and opens the exchange:
    ``(first, exchange, plugin_context, reader)``, or None when the host sent nothing."""
    requests = (request_type.FromString(raw) for raw in raw_requests)
    try:
        first = next(requests)
    except StopIteration:
        return None
    exchange = _Exchange(runner, hook, context, requests)
    plugin_context = getattr(first, context_field) if context_field else None
    reader = BodyReader(bytes(first.body_chunk), exchange.pull_chunk, first.body_complete)
    return first, exchange, plugin_context, reader


def serve_http(
    runner: HookRunner,
    hook: str,
    handler: Callable[..., Any],
    request_type: Any,
    response_type: Any,
    context_field: str,
    head_fields: tuple[str, ...],
    head_field: str,
) -> Behaviour:
    """The behaviour of an HTTP-shaped hook (ServeHTTP, ServeMetrics): the handler is called as
    ``handler(plugin_context, response_writer, request)`` on a stream thread while this generator
    forwards what it writes."""

    def call(raw_requests: Iterator[bytes], context: Any) -> Iterator[bytes]:
        opened = _open_exchange(runner, hook, context, raw_requests, request_type, context_field)
        if opened is None:
            return
        first, exchange, plugin_context, reader = opened
        request = HTTPRequest(getattr(first, head_fields[0]), plugin_context, reader, exchange.cancelled)
        writer: HTTPResponseWriter

        def emit(chunk: bytes, flush: bool) -> None:
            message = response_type()
            if not writer.headers_sent:
                _write_head(getattr(message, head_field), writer)
                writer.headers_sent = True
            elif not chunk and not flush:
                return
            message.body_chunk = chunk
            message.flush = flush
            exchange.send(message)

        writer = HTTPResponseWriter(emit)
        exchange.start(lambda: runner.call(hook, handler, context, plugin_context, (plugin_context, writer, request), False))
        for message in exchange.responses():
            yield message.SerializeToString()
        if exchange.cancelled.is_set():
            return
        last = response_type()
        if exchange.failure is not None:
            if isinstance(exchange.failure, ClientDisconnectedError):
                return
            runner.log.error("%s failed", hook, exc_info=exchange.failure)
            if not writer.headers_sent:
                writer.status_code = 500
                writer.set_header("Content-Type", "text/plain; charset=utf-8")
                _write_head(getattr(last, head_field), writer)
                last.body_chunk = f"{hook} failed: {type(exchange.failure).__name__}".encode()
        elif not writer.headers_sent:
            _write_head(getattr(last, head_field), writer)
        last.body_complete = True
        yield last.SerializeToString()

    return call


def _write_head(head: Any, writer: HTTPResponseWriter) -> None:
    head.status_code = writer.status_code
    for key, values in writer.header().items():
        head.headers.add(key=key, values=values)


def serve_filter(
    runner: HookRunner,
    hook: str,
    handler: Callable[..., Any],
    request_type: Any,
    response_type: Any,
    context_field: str,
    head_fields: tuple[str, ...],
    head_field: str,
    results: tuple[ResultField, ...],
) -> Behaviour:
    """The behaviour of a body-filter hook (FileWillBeUploaded): the handler is called as
    ``handler(plugin_context?, *head_values, reader, writer)``; what it writes streams back as the new
    body, and its return value fills the verdict sent after the body (``replaced`` is set when it wrote
    anything)."""

    def call(raw_requests: Iterator[bytes], context: Any) -> Iterator[bytes]:
        opened = _open_exchange(runner, hook, context, raw_requests, request_type, context_field)
        if opened is None:
            return
        first, exchange, plugin_context, reader = opened

        def emit(chunk: bytes, flush: bool) -> None:
            if chunk:
                exchange.send(response_type(body_chunk=chunk))

        writer = BodyWriter(emit)
        args = ((plugin_context,) if context_field else ()) + tuple(getattr(first, f) for f in head_fields)
        outcome: dict[str, Any] = {}

        def work() -> None:
            outcome["result"] = runner.call(hook, handler, context, plugin_context, args + (reader, writer), False)

        exchange.start(work)
        for message in exchange.responses():
            yield message.SerializeToString()
        if exchange.cancelled.is_set():
            return
        last = response_type()
        if exchange.failure is not None:
            runner.failed(hook, exchange.failure, last.error)
        else:
            head = getattr(last, head_field)
            try:
                fill_results(head, outcome.get("result"), tuple(f for f in results if f.name != "replaced"))
            except Exception as e:  # noqa: BLE001 - a bad return value is the handler's error
                runner.failed(hook, e, last.error)
            if any(f.name == "replaced" for f in results):
                head.replaced = writer.written
        last.body_complete = True
        yield last.SerializeToString()

    return call
