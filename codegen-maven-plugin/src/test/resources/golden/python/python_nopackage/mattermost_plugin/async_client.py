# generated from service.proto by the pyplugins code generator, do not edit
"""The asyncio Plugin API client: one typed method per RPC of Api."""

from __future__ import annotations

from collections.abc import Mapping as _Mapping
from collections.abc import Sequence as _Sequence

from . import errors as _errors
from ._internal.client_base import Body as _Body
from ._internal.client_base import AsyncBodyStream as _BodyStream
from ._internal.client_base import AsyncClientBase as _AsyncClientBase
from ._internal.context import current_request_id as _current_request_id
from ._internal.conveniences import by_id as _by_id
from ._internal.conveniences import key_value_pairs as _key_value_pairs
from ._proto import service_pb2 as _service_pb2

__all__ = ["AsyncPluginAPIClient"]


class AsyncPluginAPIClient(_AsyncClientBase):
    """Calls the host's Plugin API over a grpc.aio channel; every method is a coroutine.

    ``AsyncPluginAPIClient(target)`` as in Mattermost's SDK, or with no target inside a plugin process (the
    host's settings come from the environment; ``Plugin.api`` is made that way). The channel opens on
    ``connect()``, a ``with`` block or the first call. Every method sends the request context and the
    plugin's token, returns the RPC's result (its response message when there are several, None when
    there are none) and raises a ``PluginAPIError`` subclass when the host answers with an error or
    cannot be reached (``NotFoundError``, ``UnavailableError``, ...). Use it from the event loop that made its first call.
    """

    def _new_context(self) -> _service_pb2.RequestContext:
        return _service_pb2.RequestContext(plugin_id=self._plugin_id)

    async def echo(self, text: str) -> str:
        """Echoes."""
        _response = await self._unary("/Api/Echo", _service_pb2.EchoRequest(context=self._new_context(), text=text), _service_pb2.EchoResponse)
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return _response.text
