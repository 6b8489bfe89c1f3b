"""Invoking a plugin's hooks in process, through the same dispatch code the plugin server runs."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from .._hooks_dispatch import BINDERS
from .._internal.bodies import iter_body
from .._internal.runner import HookRunner
from ..plugin import Plugin

__all__ = ["Exchange", "FakeServicerContext", "HookInvoker"]

H = TypeVar("H")


class FakeServicerContext:
    """The parts of ``grpc.ServicerContext`` the dispatch uses, for in-process calls."""

    def __init__(self, timeout: float | None = None) -> None:
        self._timeout = timeout
        self._callbacks: list[Callable[[], None]] = []
        self._active = True

    def time_remaining(self) -> float | None:
        return self._timeout

    def is_active(self) -> bool:
        return self._active

    def add_callback(self, callback: Callable[[], None]) -> bool:
        self._callbacks.append(callback)
        return True

    def cancel(self) -> None:
        """Simulates the client going away."""
        self._active = False
        for callback in self._callbacks:
            callback()

    def abort(self, code: Any, details: str) -> None:
        raise RuntimeError(f"aborted: {code}: {details}")


class Exchange(Generic[H]):
    """The answer of a streaming hook: its head, its whole body and the number of flushes."""

    def __init__(self, head: H, body: bytes, flushes: int, chunks: list[bytes], error: Any) -> None:
        self.head = head
        self.body = body
        self.flushes = flushes
        self.chunks = chunks
        self.error = error
        """The response's AppError, or None."""

    @property
    def status_code(self) -> int:
        """For HTTP exchanges: the status (0 means 200, as the host reads it)."""
        code = int(getattr(self.head, "status_code", 0))
        return code or 200

    @property
    def headers(self) -> dict[str, list[str]]:
        """For HTTP exchanges: the response headers."""
        return {h.key: list(h.values) for h in getattr(self.head, "headers", [])}

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class HookInvoker:
    """Binds a plugin instance's handlers the way the server does, and calls them."""

    def __init__(self, plugin: Plugin, *, timeout: float | None = None, default_timeout: float = 30.0) -> None:
        self.plugin = plugin
        self.runner = HookRunner(default_timeout)
        self._timeout = timeout
        self._behaviours: dict[str, Callable[..., Any]] = {}
        self._lock = threading.Lock()

    def implements(self, hook: str) -> bool:
        return type(self.plugin).has_hook(str(hook))

    def _behaviour(self, hook: str) -> Callable[..., Any]:
        with self._lock:
            behaviour = self._behaviours.get(hook)
            if behaviour is None:
                if hook == "Implemented":
                    handler: Callable[..., Any] | None = self.plugin.implemented_hooks
                else:
                    handler = self.plugin.get_hook_handler(hook)
                if handler is None:
                    raise LookupError(
                        f"{type(self.plugin).__name__} does not implement {hook}; a host would not call it")
                behaviour = BINDERS[hook](self.runner, handler)
                self._behaviours[hook] = behaviour
            return behaviour

    def _call_unary(self, hook: str, raw: bytes) -> bytes:
        return self._behaviour(hook)(raw, FakeServicerContext(self._timeout))  # type: ignore[no-any-return]

    def _call_stream(self, hook: str, head: Any, body: bytes | Iterable[bytes], response_type: Any,
                     head_field: str, context: FakeServicerContext | None = None) -> Exchange[Any]:
        result_head = getattr(response_type(), head_field)
        chunks: list[bytes] = []
        flushes = 0
        error = None
        for message in self.stream_messages(hook, head, body, response_type, context):
            if message.HasField(head_field):
                result_head = getattr(message, head_field)
            if message.body_chunk:
                chunks.append(bytes(message.body_chunk))
            flushes += 1 if getattr(message, "flush", False) else 0
            if message.HasField("error"):
                error = message.error
        return Exchange(result_head, b"".join(chunks), flushes, chunks, error)

    def stream_messages(self, hook: str, head: Any, body: bytes | Iterable[bytes], response_type: Any,
                        context: FakeServicerContext | None = None) -> Iterator[Any]:
        """The raw response messages of a streaming hook, as the plugin sends them. The request body is
        fed lazily from ``body`` (bytes, or an iterable of chunks read only when the handler asks)."""
        pieces = iter_body(body) if isinstance(body, (bytes, bytearray)) else (bytes(p) for p in body)

        def requests() -> Iterator[bytes]:
            # Each piece goes out as soon as the body yields it; an empty message ends the body.
            first = True
            for piece in pieces:
                if first:
                    head.body_chunk = piece
                    first = False
                    yield head.SerializeToString()
                else:
                    yield type(head)(body_chunk=piece).SerializeToString()
            if first:
                head.body_complete = True
                yield head.SerializeToString()
            else:
                yield type(head)(body_complete=True).SerializeToString()

        for raw in self._behaviour(hook)(requests(), context or FakeServicerContext()):
            yield response_type.FromString(raw)

    def close(self) -> None:
        self.runner.close()
