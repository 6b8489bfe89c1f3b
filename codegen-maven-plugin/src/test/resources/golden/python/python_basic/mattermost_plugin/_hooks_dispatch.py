# generated from demo/v1/hooks.proto by the pyplugins code generator, do not edit
"""Binds plugin handlers to the hook RPCs of demo.v1.PluginHooks.

Each ``_bind_<hook>`` takes the hook runner and the plugin's handler and returns the raw gRPC behaviour
(bytes in, bytes out): it parses the request, calls the handler with the hook's parameters, and turns
its return value (or its failure, by the rule its ``_HookSpec`` states) into the response.
"""

from __future__ import annotations

from collections.abc import Callable as _Callable

from ._internal.results import HookSpec as _HookSpec
from ._internal.results import ResultField as _ResultField
from ._internal.results import fill_results as _fill_results
from ._internal.runner import Behaviour as _Behaviour
from ._internal.runner import HookRunner as _HookRunner
from ._internal.streams import serve_filter as _serve_filter
from ._internal.streams import serve_http as _serve_http
from ._proto.demo.v1 import common_pb2 as _common_pb2
from ._proto.demo.v1 import hooks_pb2 as _hooks_pb2

__all__ = ["SERVICE", "BINDERS"]

SERVICE = "demo.v1.PluginHooks"
"""The full name of the hooks service."""


def _bind_implemented(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    spec = _HookSpec("Implemented", (_ResultField("hooks", "repeated", str),), error="error")

    def call(raw: bytes, context: object) -> bytes:
        _request = _hooks_pb2.ImplementedRequest.FromString(raw)
        _response = _hooks_pb2.ImplementedResponse()
        try:
            result = runner.call(spec.name, handler, context, None, ())
            _fill_results(_response, result, spec, _request)
        except Exception as exc:  # noqa: BLE001 - a handler's failure becomes the hook's answer
            runner.failed(spec, exc, _response, _request)
        return _response.SerializeToString()

    return call


def _bind_on_activate(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    spec = _HookSpec("OnActivate", (), error="error")

    def call(raw: bytes, context: object) -> bytes:
        _request = _hooks_pb2.OnActivateRequest.FromString(raw)
        _response = _hooks_pb2.OnActivateResponse()
        try:
            result = runner.call(spec.name, handler, context, None, ())
            _fill_results(_response, result, spec, _request)
        except Exception as exc:  # noqa: BLE001 - a handler's failure becomes the hook's answer
            runner.failed(spec, exc, _response, _request)
        return _response.SerializeToString()

    return call


def _bind_note_will_be_saved(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    spec = _HookSpec("NoteWillBeSaved", (_ResultField("note", "message", _common_pb2.Note), _ResultField("rejection_reason", "scalar", str)), error="error", rejection="rejection_reason")

    def call(raw: bytes, context: object) -> bytes:
        _request = _hooks_pb2.NoteWillBeSavedRequest.FromString(raw)
        _response = _hooks_pb2.NoteWillBeSavedResponse()
        try:
            result = runner.call(spec.name, handler, context, _request.plugin_context, (_request.plugin_context, (_request.note if _request.HasField("note") else None)))
            _fill_results(_response, result, spec, _request)
        except Exception as exc:  # noqa: BLE001 - a handler's failure becomes the hook's answer
            runner.failed(spec, exc, _response, _request)
        return _response.SerializeToString()

    return call


def _bind_count_notes(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    spec = _HookSpec("CountNotes", (_ResultField("count", "scalar", int),), error="error")

    def call(raw: bytes, context: object) -> bytes:
        _request = _hooks_pb2.CountNotesRequest.FromString(raw)
        _response = _hooks_pb2.CountNotesResponse()
        try:
            result = runner.call(spec.name, handler, context, None, (_request.limit,))
            _fill_results(_response, result, spec, _request)
        except Exception as exc:  # noqa: BLE001 - a handler's failure becomes the hook's answer
            runner.failed(spec, exc, _response, _request)
        return _response.SerializeToString()

    return call


def _bind_serve_http(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    return _serve_http(runner, "ServeHTTP", handler, _hooks_pb2.ServeHTTPRequest, _hooks_pb2.ServeHTTPResponse, "plugin_context", ("request",), "response")


def _bind_note_will_be_uploaded(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    return _serve_filter(runner, _HookSpec("NoteWillBeUploaded", (_ResultField("note", "message", _common_pb2.Note), _ResultField("rejection_reason", "scalar", str)), error="error", rejection="rejection_reason"), handler, _hooks_pb2.NoteWillBeUploadedRequest, _hooks_pb2.NoteWillBeUploadedResponse, "plugin_context", ("note",), "verdict", "replaced")


BINDERS: dict[str, _Callable[[_HookRunner, _Callable[..., object]], _Behaviour]] = {
    "Implemented": _bind_implemented,
    "OnActivate": _bind_on_activate,
    "NoteWillBeSaved": _bind_note_will_be_saved,
    "CountNotes": _bind_count_notes,
    "ServeHTTP": _bind_serve_http,
    "NoteWillBeUploaded": _bind_note_will_be_uploaded,
}
"""The binder of every hook, by hook name."""
