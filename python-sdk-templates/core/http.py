"""HTTP as a plugin's ServeHTTP handler sees it, streamed both ways.

The handler gets ``(plugin_context, response_writer, request)``, as in Mattermost's SDK. Unlike that SDK,
nothing is buffered: ``request.read(n)`` and iterating the request pull body chunks as the host sends
them (``request.body`` still reads the whole body, for compatibility), and every ``write`` or ``flush``
goes to the host at once, so a handler can stream server-sent events, answer before the request body
has arrived, and learn that the client went away (``request.cancelled``; writes then raise
``ClientDisconnectedError``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["HTTPRequest", "HTTPResponseWriter", "BodyReader", "BodyWriter", "ClientDisconnectedError", "CHUNK_SIZE"]

CHUNK_SIZE = 64 * 1024
"""The largest body piece one stream message carries."""

_log = logging.getLogger("mattermost_plugin.http")


class ClientDisconnectedError(ConnectionError):
    """The HTTP client (or the host) went away; nothing more can be sent or received."""


class BodyReader:
    """A request body arriving in chunks: ``read(n)``, ``read()``, iteration over chunks.

    ``pull`` returns the next chunk, ``b""`` at the end of the body; it raises
    ``ClientDisconnectedError`` when the exchange is cancelled. Not thread-safe: read from one thread.
    """

    def __init__(self, first: bytes, pull: Callable[[], bytes], done: bool) -> None:
        self._buffer = first
        self._pull = pull
        self._done = done

    def _next_chunk(self) -> bytes:
        if self._done:
            return b""
        chunk = self._pull()
        if not chunk:
            self._done = True
        return chunk

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all remaining when negative); ``b""`` once the body is exhausted."""
        if size is None or size < 0:
            parts = [self._buffer]
            self._buffer = b""
            while chunk := self._next_chunk():
                parts.append(chunk)
            return b"".join(parts)
        while len(self._buffer) < size and not self._done:
            chunk = self._next_chunk()
            if not chunk:
                break
            self._buffer += chunk
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out

    def __iter__(self) -> Iterator[bytes]:
        if self._buffer:
            first, self._buffer = self._buffer, b""
            yield first
        while chunk := self._next_chunk():
            yield chunk


class HTTPRequest:
    """The request: its line and headers at once, its body on demand."""

    def __init__(self, head: Any, plugin_context: Any, body: BodyReader, cancelled: threading.Event) -> None:
        self.method: str = head.method
        self.url: str = head.url
        self.proto: str = head.proto
        self.proto_major: int = head.proto_major
        self.proto_minor: int = head.proto_minor
        self.headers: dict[str, list[str]] = {}
        for header in head.headers:
            self.headers.setdefault(header.key, []).extend(header.values)
        self.host: str = head.host
        self.remote_addr: str = head.remote_addr
        self.request_uri: str = head.request_uri
        self.content_length: int = head.content_length
        self.plugin_context = plugin_context
        self.head = head
        self._reader = body
        self._body: bytes | None = None
        self.cancel_event = cancelled
        """Set when the client went away or the host cancelled the exchange."""

    @property
    def cancelled(self) -> bool:
        """True once the client went away or the host cancelled the exchange."""
        return self.cancel_event.is_set()

    @property
    def body(self) -> bytes:
        """The whole body, read on first access (prefer ``read``/iteration for large bodies)."""
        if self._body is None:
            self._body = self._reader.read()
        return self._body

    def read(self, size: int = -1) -> bytes:
        """Reads up to ``size`` bytes of the body as it arrives (all of it when negative)."""
        return self._reader.read(size)

    def __iter__(self) -> Iterator[bytes]:
        """The body's chunks as they arrive."""
        return iter(self._reader)

    def get_header(self, name: str, default: str = "") -> str:
        """The first value of header ``name`` (case-insensitive), or ``default``."""
        values = self.get_all(name)
        return values[0] if values else default

    def get_all(self, name: str) -> list[str]:
        """Every value of header ``name`` (case-insensitive)."""
        wanted = name.lower()
        return [v for key, values in self.headers.items() if key.lower() == wanted for v in values]

    def get_all_headers(self, name: str) -> list[str]:
        """Every value of header ``name`` (case-insensitive); the name Mattermost's SDK uses for ``get_all``."""
        return self.get_all(name)


class BodyWriter:
    """A response body sent in chunks as it is written.

    ``emit(chunk, flush)`` delivers one piece; it raises ``ClientDisconnectedError`` when the exchange
    is over. ``written`` tells whether any byte was written.
    """

    def __init__(self, emit: Callable[[bytes, bool], None]) -> None:
        self._emit = emit
        self.written = False

    def write(self, data: bytes | bytearray | memoryview | str) -> int:
        """Sends ``data`` (str is encoded as UTF-8); returns the number of bytes."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        for start in range(0, len(raw), CHUNK_SIZE):
            self._emit(raw[start : start + CHUNK_SIZE], False)
        if raw:
            self.written = True
        return len(raw)

    def flush(self) -> None:
        """Asks the host to pass what it has to the client now."""
        self._emit(b"", True)


class HTTPResponseWriter(BodyWriter):
    """The response: status and headers, then the body as it is written.

    Headers may change until the first ``write``, ``flush`` or ``write_header``; after that they are sent,
    and a later ``set_header`` or ``add_header`` logs a warning and is ignored, as in Mattermost's SDK
    (and Go's ``http.ResponseWriter``). The status defaults to 200. ``headers`` (or ``header()``) is the
    header mapping itself: name to the list of values.
    """

    def __init__(self, emit: Callable[[bytes, bool], None]) -> None:
        super().__init__(emit)
        self.status_code = 200
        self.headers: dict[str, list[str]] = {}
        self.headers_sent = False

    def header(self) -> dict[str, list[str]]:
        """The response headers (name to values), as Go's ``w.Header()``; the same mapping as ``headers``."""
        return self.headers

    def set_header(self, name: str, value: str) -> None:
        """Replaces every value of header ``name`` (case-insensitive) with ``value``."""
        if self._sent("set_header", name):
            return
        for key in [k for k in self.headers if k.lower() == name.lower()]:
            del self.headers[key]
        self.headers[name] = [value]

    def add_header(self, name: str, value: str) -> None:
        """Adds ``value`` to header ``name`` (for headers with several values, such as Set-Cookie)."""
        if self._sent("add_header", name):
            return
        for key, values in self.headers.items():
            if key.lower() == name.lower():
                values.append(value)
                return
        self.headers[name] = [value]

    def write_header(self, status_code: int) -> None:
        """Sets the status and sends the head now (later calls log a warning and are ignored, as in Go)."""
        if self._sent("write_header", str(status_code)):
            return
        self.status_code = status_code
        self._emit(b"", False)

    def _sent(self, method: str, what: str) -> bool:
        if self.headers_sent:
            _log.warning("%s(%r) after the response headers were sent is ignored", method, what)
        return self.headers_sent
