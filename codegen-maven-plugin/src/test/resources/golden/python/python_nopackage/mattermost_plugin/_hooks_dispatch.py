# generated from service.proto by the pyplugins code generator, do not edit
"""Binds plugin handlers to the hook RPCs of Hooks.

Each ``_bind_<hook>`` takes the hook runner and the plugin's handler and returns the raw gRPC behaviour
(bytes in, bytes out): it parses the request, calls the handler with the hook's parameters, and turns
its return value (or its exception) into the response.
"""

from __future__ import annotations

from collections.abc import Callable as _Callable

from ._internal.dispatch import HookRunner as _HookRunner
from ._internal.dispatch import ResultField as _ResultField
from ._internal.dispatch import fill_results as _fill_results
from ._internal.dispatch import serve_filter as _serve_filter
from ._internal.dispatch import serve_http as _serve_http
from ._internal.dispatch import Behaviour as _Behaviour
from ._proto import service_pb2 as _service_pb2

__all__ = ["SERVICE", "BINDERS"]

SERVICE = "Hooks"
"""The full name of the hooks service."""


def _bind_implemented(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    results = (_ResultField("hooks", "repeated", str),)

    def call(raw: bytes, context: object) -> bytes:
        _request = _service_pb2.ImplementedRequest.FromString(raw)
        _response = _service_pb2.ImplementedResponse()
        try:
            result = runner.call("Implemented", handler, context, None, ())
            _fill_results(_response, result, results)
        except Exception as exc:  # noqa: BLE001 - a handler's failure becomes the hook's error
            runner.failed("Implemented", exc, _response.error)
        return _response.SerializeToString()

    return call


BINDERS: dict[str, _Callable[[_HookRunner, _Callable[..., object]], _Behaviour]] = {
    "Implemented": _bind_implemented,
}
"""The binder of every hook, by hook name."""
