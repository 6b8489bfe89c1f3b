# generated from demo/v1/api.proto by the pyplugins code generator, do not edit
"""The asyncio Plugin API client: one typed method per RPC of demo.v1.PluginAPI."""

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
from ._proto.demo.v1 import api_pb2 as _api_pb2
from ._proto.demo.v1 import common_pb2 as _common_pb2
from google.protobuf import struct_pb2 as _struct_pb2

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

    def _new_context(self) -> _common_pb2.RequestContext:
        return _common_pb2.RequestContext(plugin_id=self._plugin_id, request_id=_current_request_id())

    async def get_note(self, note_id: str) -> _common_pb2.Note:
        """Returns the note with the given id.
        A second line, ending in a "quote"
        """
        _response = await self._unary("/demo.v1.PluginAPI/GetNote", _api_pb2.GetNoteRequest(context=self._new_context(), note_id=note_id), _api_pb2.GetNoteResponse)
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return _response.note

    async def list_notes(self, ids: _Sequence[str], filter: _Mapping[str, str], archived: bool | None) -> _api_pb2.ListNotesResponse:
        """Lists notes; several results."""
        _response = await self._unary("/demo.v1.PluginAPI/ListNotes", _api_pb2.ListNotesRequest(context=self._new_context(), ids=ids, filter=filter, archived=archived), _api_pb2.ListNotesResponse)
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return _response

    async def delete_note(self, from_: str, class_: str, options: _struct_pb2.Struct) -> None:
        """Deletes; no result. Parameters named after Python keywords.

        Deprecated: the protocol marks this call deprecated.
        """
        _response = await self._unary("/demo.v1.PluginAPI/DeleteNote", _api_pb2.DeleteNoteRequest(context=self._new_context(), options=options, **{"from": from_, "class": class_}), _api_pb2.DeleteNoteResponse)
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return None

    async def get_labels(self) -> dict[str, str]:
        """Calls GetLabels."""
        _response = await self._unary("/demo.v1.PluginAPI/GetLabels", _api_pb2.GetLabelsRequest(context=self._new_context()), _api_pb2.GetLabelsResponse)
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return dict(_response.labels)

    async def upload_note(self, name: str, body: _Body) -> _common_pb2.Note:
        """Uploads a body."""
        _response = await self._client_stream("/demo.v1.PluginAPI/UploadNote", _api_pb2.UploadNoteRequest(context=self._new_context(), name=name), body, _api_pb2.UploadNoteResponse)
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return _response.note

    async def plugin_http(self, request: _common_pb2.HTTPRequestHead, body: _Body = b"") -> _BodyStream[_common_pb2.HTTPResponseHead]:
        """Calls another plugin over HTTP."""
        _response = await self._bidi_stream("/demo.v1.PluginAPI/PluginHTTP", _api_pb2.PluginHTTPRequest(context=self._new_context(), request=request), body, _api_pb2.PluginHTTPResponse, "response")
        return _response
