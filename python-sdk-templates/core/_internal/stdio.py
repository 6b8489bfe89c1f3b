"""go-plugin's GRPCStdio, plugin side: after the handshake, what the plugin writes to ``sys.stdout``
and ``sys.stderr`` is forwarded to the host over ``StreamStdio``. Until a host reads that stream (and
whenever it falls behind), the text goes to the real stderr instead, so a write never blocks."""

from __future__ import annotations

import io
import queue
import sys
import threading
from collections.abc import Iterator
from typing import Any, TextIO

__all__ = ["StdioForwarder", "STDOUT", "STDERR", "encode_stdio_data"]

STDOUT = 1
STDERR = 2
_CHUNK = 1024


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def encode_stdio_data(channel: int, data: bytes) -> bytes:
    """``plugin.StdioData{channel = 1, data = 2}`` on the wire (the format is fixed by go-plugin)."""
    return b"\x08" + _varint(channel) + b"\x12" + _varint(len(data)) + data


class _ForwardingRaw(io.RawIOBase):
    def __init__(self, forwarder: StdioForwarder, channel: int, original: TextIO | None) -> None:
        self._forwarder = forwarder
        self._channel = channel
        self._original = original

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        # A child process (subprocess, an MCP stdio server) is handed the process's own descriptor:
        # the host reads it like any other output of the plugin.
        if self._original is None:
            raise io.UnsupportedOperation("fileno")
        return self._original.fileno()

    def write(self, data: Any) -> int:
        raw = bytes(data)
        self._forwarder.forward(self._channel, raw)
        return len(raw)


class StdioForwarder:
    """Owns the redirected ``sys.stdout``/``sys.stderr`` and the queue ``StreamStdio`` drains."""

    def __init__(self, fallback: TextIO, capacity: int = 4096) -> None:
        self._fallback = fallback
        self._queue: queue.Queue[bytes] = queue.Queue(capacity)
        self._readers = 0
        self._lock = threading.Lock()
        self._closed = threading.Event()

    def install(self) -> None:
        sys.stdout = self._wrap(STDOUT, sys.__stdout__)
        sys.stderr = self._wrap(STDERR, sys.__stderr__)

    def _wrap(self, channel: int, original: TextIO | None) -> TextIO:
        raw = _ForwardingRaw(self, channel, original)
        return io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8", line_buffering=True, write_through=True)

    def forward(self, channel: int, data: bytes) -> None:
        if self._readers and not self._closed.is_set():
            try:
                for start in range(0, len(data), _CHUNK):
                    self._queue.put_nowait(encode_stdio_data(channel, data[start : start + _CHUNK]))
                return
            except queue.Full:
                pass
        self._fallback.write(data.decode("utf-8", "replace"))
        self._fallback.flush()

    def stream(self, context: Any) -> Iterator[bytes]:
        """The ``StreamStdio`` response stream, until the host cancels it or the plugin stops."""
        with self._lock:
            self._readers += 1
        try:
            while not self._closed.is_set() and (context is None or context.is_active()):
                try:
                    yield self._queue.get(timeout=0.25)
                except queue.Empty:
                    continue
        finally:
            with self._lock:
                self._readers -= 1

    def close(self) -> None:
        self._closed.set()
