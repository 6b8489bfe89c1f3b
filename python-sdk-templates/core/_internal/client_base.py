"""What the generated API clients build on: one core for the sync and the asyncio client (where to
connect, the credential, the request context, the cached call objects) and the four call shapes each
of them runs, with every transport failure turned into the SDK's exceptions."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, TypeVar

import grpc
import grpc.aio

from ..errors import AppError, UnavailableError
from ..exceptions import convert_grpc_error
from .bodies import AsyncBodyStream, Body, BodyStream, body_messages
from .config import RuntimeConfig, load_runtime_config

__all__ = ["AsyncBodyStream", "AsyncClientBase", "Body", "BodyStream", "ClientCore", "SyncClientBase"]

_R = TypeVar("_R")
_Core = TypeVar("_Core", bound="ClientCore")

_CHANNEL_OPTIONS: tuple[tuple[str, Any], ...] = (
    ("grpc.max_receive_message_length", -1),
    ("grpc.max_send_message_length", -1),
)


class ClientCore:
    """Where and how a client connects; shared by the sync and the asyncio client.

    ``PluginAPIClient(target=...)`` as in Mattermost's SDK; with no target the host's settings are read
    from the environment (``MATTERMOST_PLUGIN_API_TARGET``, and the plugin id and token with it). The
    channel opens on ``connect()``, on entering a ``with`` block, or on the first call.
    """

    def __init__(
        self,
        target: str | None = None,
        *,
        plugin_id: str | None = None,
        token: str | None = None,
        timeout: float | None = None,
        credentials: grpc.ChannelCredentials | None = None,
        options: Sequence[tuple[str, Any]] | None = None,
        channel: Any = None,
    ) -> None:
        if target is None and channel is None:
            config = load_runtime_config()
            target = config.api_target
            plugin_id = config.plugin_id if plugin_id is None else plugin_id
            token = config.api_token if token is None else token
        self._target = target or ""
        self._plugin_id = plugin_id or ""
        self._metadata: tuple[tuple[str, str], ...] = (("authorization", f"Bearer {token}"),) if token else ()
        self._timeout = timeout
        self._credentials = credentials
        self._options = _CHANNEL_OPTIONS + tuple(options or ())
        self._channel = channel
        self._calls: dict[str, Any] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls: type[_Core], config: RuntimeConfig | None = None) -> _Core:
        """A client for the API endpoint the host announced in the environment."""
        config = config or load_runtime_config()
        if not config.api_target:
            raise UnavailableError(
                "MATTERMOST_PLUGIN_API_TARGET is not set: this process was not started by a host that serves "
                "the Plugin API",
                grpc_code="UNAVAILABLE",
            )
        return cls(config.api_target, plugin_id=config.plugin_id, token=config.api_token)

    @property
    def target(self) -> str:
        """The gRPC target of the Plugin API, such as ``unix:///tmp/pyp-x/api.sock``."""
        return self._target

    @property
    def connected(self) -> bool:
        """Whether the channel is open."""
        return self._channel is not None

    def _open(self) -> Any:
        raise NotImplementedError

    def _connect_now(self) -> None:
        with self._lock:
            if self._channel is not None:
                raise RuntimeError("the client is already connected")
            self._channel = self._open()

    def _callable(self, kind: str, path: str, request_type: Any, response_type: Any) -> Any:
        with self._lock:
            call = self._calls.get(path)
            if call is None:
                if self._channel is None:
                    self._channel = self._open()
                call = getattr(self._channel, kind)(path, request_serializer=request_type.SerializeToString,
                                                    response_deserializer=response_type.FromString)
                self._calls[path] = call
            return call

    def _detach(self) -> Any:
        with self._lock:
            channel, self._channel = self._channel, None
            self._calls.clear()
            return channel

    def _no_target(self) -> UnavailableError:
        return UnavailableError("the client has no target: pass PluginAPIClient(target=...) or run it in a plugin "
                                "process, where MATTERMOST_PLUGIN_API_TARGET is set", grpc_code="UNAVAILABLE")


class SyncClientBase(ClientCore):
    """The calls of the sync client. Safe to share between threads."""

    def _open(self) -> grpc.Channel:
        if not self._target:
            raise self._no_target()
        if self._credentials is not None:
            return grpc.secure_channel(self._target, self._credentials, options=self._options)
        return grpc.insecure_channel(self._target, options=self._options)

    def connect(self) -> None:
        """Opens the channel; RuntimeError when it is open already (as in Mattermost's SDK)."""
        self._connect_now()

    def close(self) -> None:
        """Closes the channel; safe to call more than once. A later call opens a new one."""
        channel = self._detach()
        if channel is not None:
            channel.close()

    def __enter__(self: _Core) -> _Core:
        if not self.connected:
            self._connect_now()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _unary(self, path: str, request: Any, response_type: type[_R]) -> _R:
        call = self._calls.get(path) or self._callable("unary_unary", path, type(request), response_type)
        try:
            return call(request, metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise convert_grpc_error(e, path) from None

    def _client_stream(self, path: str, head: Any, body: Body, response_type: type[_R]) -> _R:
        call = self._calls.get(path) or self._callable("stream_unary", path, type(head), response_type)
        try:
            return call(body_messages(head, body), metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise convert_grpc_error(e, path) from None

    def _bidi_stream(self, path: str, head: Any, body: Body, response_type: Any, head_field: str) -> BodyStream[Any]:
        call = self._calls.get(path) or self._callable("stream_stream", path, type(head), response_type)
        responses = call(body_messages(head, body), metadata=self._metadata, timeout=self._timeout)
        try:
            first = next(responses)
        except StopIteration:
            raise UnavailableError(f"{path}: the host ended the stream without a response", grpc_code="INTERNAL") from None
        except grpc.RpcError as e:
            raise convert_grpc_error(e, path) from None
        if first.HasField("error"):
            responses.cancel()
            raise AppError.from_proto(first.error)
        return BodyStream(path, getattr(first, head_field), bytes(first.body_chunk), first.body_complete, responses,
                          responses)


class AsyncClientBase(ClientCore):
    """The calls of the asyncio client; use it from the event loop that made its first call."""

    def _open(self) -> grpc.aio.Channel:
        if not self._target:
            raise self._no_target()
        if self._credentials is not None:
            return grpc.aio.secure_channel(self._target, self._credentials, options=self._options)
        return grpc.aio.insecure_channel(self._target, options=self._options)

    async def connect(self) -> None:
        """Opens the channel; RuntimeError when it is open already (as in Mattermost's SDK)."""
        self._connect_now()

    async def close(self) -> None:
        channel = self._detach()
        if channel is not None:
            await channel.close()

    async def __aenter__(self: _Core) -> _Core:
        if not self.connected:
            self._connect_now()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _unary(self, path: str, request: Any, response_type: type[_R]) -> _R:
        call = self._calls.get(path) or self._callable("unary_unary", path, type(request), response_type)
        try:
            return await call(request, metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise convert_grpc_error(e, path) from None

    async def _client_stream(self, path: str, head: Any, body: Body, response_type: type[_R]) -> _R:
        call = self._calls.get(path) or self._callable("stream_unary", path, type(head), response_type)
        try:
            return await call(body_messages(head, body), metadata=self._metadata, timeout=self._timeout)  # type: ignore[no-any-return]
        except grpc.RpcError as e:
            raise convert_grpc_error(e, path) from None

    async def _bidi_stream(self, path: str, head: Any, body: Body, response_type: Any,
                           head_field: str) -> AsyncBodyStream[Any]:
        call = (self._calls.get(path) or self._callable("stream_stream", path, type(head), response_type))(
            body_messages(head, body), metadata=self._metadata, timeout=self._timeout)
        try:
            first = await call.read()
        except grpc.RpcError as e:
            raise convert_grpc_error(e, path) from None
        if first is grpc.aio.EOF:
            raise UnavailableError(f"{path}: the host ended the stream without a response", grpc_code="INTERNAL")
        if first.HasField("error"):
            call.cancel()
            raise AppError.from_proto(first.error)
        return AsyncBodyStream(path, getattr(first, head_field), bytes(first.body_chunk), first.body_complete, call)
