"""Streamed bodies on the client side: a request body cut into 64 KiB messages, and a streamed response
read as it arrives, with the same failure translation for the sync and the asyncio client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import IO, Any, Generic, TypeVar, Union

import grpc
import grpc.aio

from ..exceptions import convert_grpc_error

__all__ = ["AsyncBodyStream", "Body", "BodyStream", "CHUNK_SIZE", "body_messages", "iter_body"]

CHUNK_SIZE = 64 * 1024

Body = Union[bytes, bytearray, memoryview, IO[bytes], Iterable[bytes]]
"""A request body: bytes, a binary file-like object (read in 64 KiB pieces), or an iterable of pieces."""

_H = TypeVar("_H")


def iter_body(body: Body) -> Iterator[bytes]:
    """The body in pieces of at most 64 KiB."""
    if isinstance(body, (bytes, bytearray, memoryview)):
        data = bytes(body)
        for start in range(0, len(data), CHUNK_SIZE):
            yield data[start : start + CHUNK_SIZE]
        return
    read = getattr(body, "read", None)
    if read is not None:
        while piece := read(CHUNK_SIZE):
            yield bytes(piece)
        return
    for piece in body:
        data = bytes(piece)
        for start in range(0, len(data), CHUNK_SIZE):
            yield data[start : start + CHUNK_SIZE]


def body_messages(head: Any, body: Body) -> Iterator[Any]:
    """The request stream: ``head`` carries the first piece, later messages one piece each, and the
    last one ``body_complete``."""
    pending = None
    for chunk in iter_body(body):
        if not chunk:
            continue
        message = head if pending is None and not head.body_chunk else type(head)()
        message.body_chunk = chunk
        if pending is not None:
            yield pending
        pending = message
    if pending is None:
        pending = head
    pending.body_complete = True
    yield pending


class _StreamedBody(Generic[_H]):
    """What both stream kinds share: the head, the first chunk, the end-of-body flag and the flush count,
    and the translation of a transport failure mid-body into the SDK's exception."""

    def __init__(self, path: str, head: _H, first_chunk: bytes, complete: bool, call: Any) -> None:
        self.head = head
        self.flushes = 0
        self._path = path
        self._first = first_chunk
        self._complete = complete
        self._call = call

    def _take_first(self) -> bytes:
        first, self._first = self._first, b""
        return first

    def _accept(self, message: Any) -> bytes:
        self._complete = message.body_complete
        self.flushes += 1 if getattr(message, "flush", False) else 0
        return bytes(message.body_chunk)

    def _failed(self, error: grpc.RpcError) -> Exception:
        self._complete = True
        return convert_grpc_error(error, self._path)

    def close(self) -> None:
        """Abandons the rest of the body."""
        if self._call is not None and hasattr(self._call, "cancel"):
            self._call.cancel()


class BodyStream(_StreamedBody[_H]):
    """A streamed response: ``head`` (status and headers) at once, the body as it arrives.

    Iterate it for the body's chunks, or ``read()`` it whole; ``close()`` abandons the rest. A transport
    failure mid-body raises the same exceptions as a failed call.
    """

    def __init__(self, path: str, head: _H, first_chunk: bytes, complete: bool, rest: Iterator[Any], call: Any) -> None:
        super().__init__(path, head, first_chunk, complete, call)
        self._rest = rest

    def __iter__(self) -> Iterator[bytes]:
        if self._first:
            yield self._take_first()
        while not self._complete:
            try:
                message = next(self._rest)
            except StopIteration:
                return
            except grpc.RpcError as e:
                raise self._failed(e) from None
            chunk = self._accept(message)
            if chunk:
                yield chunk

    def read(self) -> bytes:
        return b"".join(self)

    def __enter__(self) -> BodyStream[_H]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncBodyStream(_StreamedBody[_H]):
    """``BodyStream`` for the asyncio client: ``async for chunk in stream``, ``await stream.read()``."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._first:
            yield self._take_first()
        while not self._complete:
            try:
                message = await self._call.read()
            except grpc.RpcError as e:
                raise self._failed(e) from None
            if message is grpc.aio.EOF:
                return
            chunk = self._accept(message)
            if chunk:
                yield chunk

    async def read(self) -> bytes:
        return b"".join([chunk async for chunk in self])

    async def __aenter__(self) -> AsyncBodyStream[_H]:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()
