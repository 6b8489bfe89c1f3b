# generated from demo/v1/hooks.proto by the pyplugins code generator, do not edit
"""Calls a plugin's hooks the way the host does, through the real dispatch, for tests."""

from __future__ import annotations

from collections.abc import Mapping as _Mapping
from collections.abc import Sequence as _Sequence

from .. import errors as _errors
from ._invoke import Exchange as _Exchange
from ._invoke import HookInvoker as _HookInvoker
from .._proto.demo.v1 import common_pb2 as _common_pb2
from .._proto.demo.v1 import hooks_pb2 as _hooks_pb2

__all__ = ["HookCaller"]


class HookCaller(_HookInvoker):
    """One typed method per hook of demo.v1.PluginHooks.

    Each builds the hook's request, runs it through the same dispatch code the plugin server uses
    (serialisation included), and returns the result the way the host reads it: the single result, the
    response message when there are several, None when there are none. A hook that answers with an
    error raises the matching ``AppError``. Streaming hooks take the body and return an ``Exchange``.
    """

    def implemented(self) -> list[str]:
        """Lists the implemented hooks."""
        _response = _hooks_pb2.ImplementedResponse.FromString(self._call_unary("Implemented", _hooks_pb2.ImplementedRequest().SerializeToString()))
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return list(_response.hooks)

    def on_activate(self) -> None:
        """Starts the plugin."""
        _response = _hooks_pb2.OnActivateResponse.FromString(self._call_unary("OnActivate", _hooks_pb2.OnActivateRequest().SerializeToString()))
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return None

    def note_will_be_saved(self, plugin_context: _common_pb2.PluginContext, note: _common_pb2.Note | None) -> _hooks_pb2.NoteWillBeSavedResponse:
        """Filters a note; two results."""
        _response = _hooks_pb2.NoteWillBeSavedResponse.FromString(self._call_unary("NoteWillBeSaved", _hooks_pb2.NoteWillBeSavedRequest(plugin_context=plugin_context, note=note).SerializeToString()))
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return _response

    def count_notes(self, limit: int) -> int:
        """A hook without a plugin context."""
        _response = _hooks_pb2.CountNotesResponse.FromString(self._call_unary("CountNotes", _hooks_pb2.CountNotesRequest(limit=limit).SerializeToString()))
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return _response.count

    def serve_http(self, plugin_context: _common_pb2.PluginContext, request: _common_pb2.HTTPRequestHead | None, body: bytes = b"") -> _Exchange[_common_pb2.HTTPResponseHead]:
        """Serves HTTP."""
        return self._call_stream("ServeHTTP", _hooks_pb2.ServeHTTPRequest(plugin_context=plugin_context, request=request), body, _hooks_pb2.ServeHTTPResponse, "response")

    def note_will_be_uploaded(self, plugin_context: _common_pb2.PluginContext, note: _common_pb2.Note | None, body: bytes = b"") -> _Exchange[_hooks_pb2.UploadVerdict]:
        """Filters an upload."""
        return self._call_stream("NoteWillBeUploaded", _hooks_pb2.NoteWillBeUploadedRequest(plugin_context=plugin_context, note=note), body, _hooks_pb2.NoteWillBeUploadedResponse, "verdict")
