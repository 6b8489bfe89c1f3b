"""What the generated API clients build on: the gRPC calls, the request body chunking, the streamed
responses, and the mapping of transport failures to exceptions."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import IO, Any, Generic, TypeVar, Union

import grpc
import grpc.aio

from ..errors import AppError, NotSupportedError, PermissionDeniedError, UnavailableError
from .config import RuntimeConfig, load_runtime_config

__all__ = ["Body", "BodyStream", "AsyncBodyStream", "SyncClientBase", "AsyncClientBase", "CHUNK_SIZE"]

CHUNK_SIZE = 64 * 1024

Body = Union[bytes, bytearray, memoryview, IO[bytes], Iterable[bytes]]
"""A request body: bytes, a binary file-like object (read in 64 KiB pieces), or an iterable of pieces."""

_H = TypeVar("_H")
_R = TypeVar("_R")
_Self = TypeVar("_Self", bound="SyncClientBase")
_ASelf = TypeVar("_ASelf", bound="AsyncClientBase")

_CHANNEL_OPTIONS = (
    ("grpc.max_receive_message_length", -1),
    ("grpc.max_send_message_length", -1),
)


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


def transport_error(path: str, error: grpc.RpcError) -> AppError:
    """The exception for a failed call: permission and unimplemented statuses get their own classes,
    everything else is ``UnavailableError``."""
    code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
    details = (error.details() if hasattr(error, "details") else None) or ""
    name = code.name if code is not None else "UNKNOWN"
    message = f"{path}: {name}" + (f": {details}" if details else "")
    if code in (grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.UNAUTHENTICATED):
        return PermissionDeniedError(message, id="plugin.api.transport.denied", detailed_error=details, where=path)
    if code == grpc.StatusCode.UNIMPLEMENTED:
        return NotSupportedError(message, id="plugin.api.transport.unimplemented", detailed_error=details, where=path)
    return UnavailableError(message, grpc_code=name, id="plugin.api.transport.failed", detailed_error=details, where=path)


class BodyStream(Generic[_H]):
    """A streamed response: ``head`` (status and headers) at once, the body as it arrives.

    Iterate it for the body's chunks, or ``read()`` it whole; ``close()`` abandons the rest.
    """

    def __init__(self, head: _H, first_chunk: bytes, complete: bool, rest: Iterator[Any], call: Any) -> None:
        self.head = head
        self._first = first_chunk
        self._complete = complete
        self._rest = rest
        self._call = call
        self.flushes = 0

    def __iter__(self) -> Iterator[bytes]:
        if self._first:
            first, self._first = self._first, b""
            yield first
        while not self._complete:
            try:
                message = next(self._rest)
            except StopIteration:
                return
            self._complete = message.body_complete
            self.flushes += 1 if getattr(message, "flush", False) else 0
            if message.body_chunk:
                yield bytes(message.body_chunk)

    def read(self) -> bytes:
        return b"".join(self)

    def close(self) -> None:
        if self._call is not None and hasattr(self._call, "cancel"):
            self._call.cancel()

    def __enter__(self) -> BodyStream[_H]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncBodyStream(Generic[_H]):
    """``BodyStream`` for the asyncio client: ``async for chunk in stream``, ``await stream.read()``."""

    def __init__(self, head: _H, first_chunk: bytes, complete: bool, call: Any) -> None:
        self.head = head
        self._first = first_chunk
        self._complete = complete
        self._call = call

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._first:
            first, self._first = self._first, b""
            yield first
        while not self._complete:
            message = await self._call.read()
            if message is grpc.aio.EOF:
                return
            self._complete = message.body_complete
            if message.body_chunk:
                yield bytes(message.body_chunk)

    async def read(self) -> bytes:
        return b"".join([chunk async for chunk in self])

    def close(self) -> None:
        self._call.cancel()


class SyncClientBase:
    """The calls of the sync client. Holds the channel, the plugin id and the token metadata."""

    def __init__(self, channel: grpc.Channel, *, plugin_id: str = "", token: str = "", timeout: float | None = None) -> None:
        self._channel = channel
        self._plugin_id = plugin_id
        self._metadata: tuple[tuple[str, str], ...] = (("authorization", f"Bearer {token}"),) if token else ()
        self._timeout = timeout
        self._calls: dict[str, Any] = {}
        self._lock = threading.Lock()

    @classmethod
    def connect(cls: type[_Self], target: str, *, plugin_id: str = "", token: str = "", timeout: float | None = None) -> _Self:
        """A client on a new insecure channel to ``target`` (such as ``unix:///tmp/x/api.sock``)."""
        return cls(grpc.insecure_channel(target, options=_CHANNEL_OPTIONS), plugin_id=plugin_id, token=token, timeout=timeout)

    @classmethod
    def from_config(cls: type[_Self], config: RuntimeConfig | None = None) -> _Self:
        """A client for the API endpoint the host announced in the environment."""
        config = config or load_runtime_config()
        if not config.api_target:
            raise UnavailableError(
                "MATTERMOST_PLUGIN_API_TARGET is not set: this process was not started by a host that serves "
                "the Plugin API",
                grpc_code="UNAVAILABLE",
            )
        return cls.connect(config.api_target, plugin_id=config.plugin_id, token=config.api_token)

    def close(self) -> None:
        channel = getattr(self, "_channel", None)
        if channel is not None:
            channel.close()

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _callable(self, kind: str, path: str, request_type: Any, response_type: Any) -> Any:
        call = self._calls.get(path)
        if call is None:
            with self._lock:
                factory = getattr(self._channel, kind)
                call = factory(path, request_serializer=request_type.SerializeToString,
                               response_deserializer=response_type.FromString)
                self._calls[path] = call
        return call

    def _unary(self, path: str, request: Any, response_type: type[_R]) -> _R:
        call = self._calls.get(path) or self._callable("unary_unary", path, type(request), response_type)
        try:
            return call(request, metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise transport_error(path, e) from None

    def _client_stream(self, path: str, head: Any, body: Body, response_type: type[_R]) -> _R:
        call = self._callable("stream_unary", path, type(head), response_type)
        try:
            return call(body_messages(head, body), metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise transport_error(path, e) from None

    def _bidi_stream(self, path: str, head: Any, body: Body, response_type: Any, head_field: str) -> BodyStream[Any]:
        call = self._callable("stream_stream", path, type(head), response_type)
        responses = call(body_messages(head, body), metadata=self._metadata, timeout=self._timeout)
        try:
            first = next(responses)
        except StopIteration:
            raise UnavailableError(f"{path}: the host ended the stream without a response", grpc_code="INTERNAL") from None
        except grpc.RpcError as e:
            raise transport_error(path, e) from None
        if first.HasField("error"):
            responses.cancel()
            raise AppError.from_proto(first.error)
        return BodyStream(getattr(first, head_field), bytes(first.body_chunk), first.body_complete,
                          _translating(path, responses), responses)


def _translating(path: str, responses: Iterator[Any]) -> Iterator[Any]:
    try:
        yield from responses
    except grpc.RpcError as e:
        raise transport_error(path, e) from None


class AsyncClientBase:
    """The calls of the asyncio client."""

    def __init__(self, channel: grpc.aio.Channel, *, plugin_id: str = "", token: str = "", timeout: float | None = None) -> None:
        self._channel = channel
        self._plugin_id = plugin_id
        self._metadata: tuple[tuple[str, str], ...] = (("authorization", f"Bearer {token}"),) if token else ()
        self._timeout = timeout
        self._calls: dict[str, Any] = {}

    @classmethod
    def connect(cls: type[_ASelf], target: str, *, plugin_id: str = "", token: str = "", timeout: float | None = None) -> _ASelf:
        return cls(grpc.aio.insecure_channel(target, options=_CHANNEL_OPTIONS), plugin_id=plugin_id, token=token, timeout=timeout)

    @classmethod
    def from_config(cls: type[_ASelf], config: RuntimeConfig | None = None) -> _ASelf:
        config = config or load_runtime_config()
        if not config.api_target:
            raise UnavailableError("MATTERMOST_PLUGIN_API_TARGET is not set", grpc_code="UNAVAILABLE")
        return cls.connect(config.api_target, plugin_id=config.plugin_id, token=config.api_token)

    async def close(self) -> None:
        await self._channel.close()

    async def __aenter__(self: _ASelf) -> _ASelf:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def _callable(self, kind: str, path: str, request_type: Any, response_type: Any) -> Any:
        call = self._calls.get(path)
        if call is None:
            call = getattr(self._channel, kind)(path, request_serializer=request_type.SerializeToString,
                                                response_deserializer=response_type.FromString)
            self._calls[path] = call
        return call

    async def _unary(self, path: str, request: Any, response_type: type[_R]) -> _R:
        call = self._callable("unary_unary", path, type(request), response_type)
        try:
            return await call(request, metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise transport_error(path, e) from None

    async def _client_stream(self, path: str, head: Any, body: Body, response_type: type[_R]) -> _R:
        call = self._callable("stream_unary", path, type(head), response_type)
        try:
            return await call(body_messages(head, body), metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise transport_error(path, e) from None

    async def _bidi_stream(self, path: str, head: Any, body: Body, response_type: Any, head_field: str) -> AsyncBodyStream[Any]:
        call = self._callable("stream_stream", path, type(head), response_type)(
            body_messages(head, body), metadata=self._metadata, timeout=self._timeout)
        try:
            first = await call.read()
        except grpc.RpcError as e:
            raise transport_error(path, e) from None
        if first is grpc.aio.EOF:
            raise UnavailableError(f"{path}: the host ended the stream without a response", grpc_code="INTERNAL")
        if first.HasField("error"):
            call.cancel()
            raise AppError.from_proto(first.error)
        return AsyncBodyStream(getattr(first, head_field), bytes(first.body_chunk), first.body_complete, call)
