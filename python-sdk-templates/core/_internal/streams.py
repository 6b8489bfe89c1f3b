"""Streamed hooks: HTTP exchanges (ServeHTTP, ServeMetrics) and body filters (FileWillBeUploaded).

The handler runs on a stream thread; request messages are pulled as it reads, and what it writes goes
to the host through a small queue the gRPC thread drains, so neither body is ever held whole.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Iterator
from typing import Any

from ..http import BodyReader, BodyWriter, ClientDisconnectedError, HTTPRequest, HTTPResponseWriter
from .results import HookSpec, fill_results
from .runner import Behaviour, HookRunner

__all__ = ["serve_filter", "serve_http"]

_QUEUE_SIZE = 8
"""Response chunks a streaming handler may queue before ``write`` blocks (the gRPC thread takes them in
batches, so up to twice this many may be on their way)."""
_POLL = 0.25


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
    spec: HookSpec,
    handler: Callable[..., Any],
    request_type: Any,
    response_type: Any,
    context_field: str,
    head_fields: tuple[str, ...],
    head_field: str,
    replaced_field: str,
) -> Behaviour:
    """The behaviour of a body-filter hook (FileWillBeUploaded): the handler is called as
    ``handler(plugin_context?, *head_values, reader, writer)``; what it writes streams back as the new
    body, and its return value fills the verdict (``spec.results``, in the ``head_field`` message) sent
    after the body. ``replaced_field``, when not empty, is the verdict's flag set when the handler wrote
    anything. A failure rejects through ``spec.rejection`` when the verdict has one."""
    verdict = spec._replace(error="")

    def call(raw_requests: Iterator[bytes], context: Any) -> Iterator[bytes]:
        opened = _open_exchange(runner, spec.name, context, raw_requests, request_type, context_field)
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
            outcome["result"] = runner.call(spec.name, handler, context, plugin_context, args + (reader, writer), False)

        exchange.start(work)
        for message in exchange.responses():
            yield message.SerializeToString()
        if exchange.cancelled.is_set():
            return
        last = response_type()
        head = getattr(last, head_field)
        failure = exchange.failure
        if failure is None:
            try:
                fill_results(head, outcome.get("result"), verdict)
                if replaced_field:
                    setattr(head, replaced_field, writer.written)
            except Exception as e:  # noqa: BLE001 - a bad return value is the handler's failure
                failure = e
        if failure is not None:
            if spec.rejection:
                runner.failed(verdict, failure, head)
            else:
                runner.failed(spec, failure, last)
        last.body_complete = True
        yield last.SerializeToString()

    return call
