# generated from service.proto by the pyplugins code generator, do not edit
"""Binds plugin handlers to the hook RPCs of Hooks.

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
from ._proto import service_pb2 as _service_pb2

__all__ = ["SERVICE", "BINDERS"]

SERVICE = "Hooks"
"""The full name of the hooks service."""


def _bind_implemented(runner: _HookRunner, handler: _Callable[..., object]) -> _Behaviour:
    spec = _HookSpec("Implemented", (_ResultField("hooks", "repeated", str),), error="error")

    def call(raw: bytes, context: object) -> bytes:
        _request = _service_pb2.ImplementedRequest.FromString(raw)
        _response = _service_pb2.ImplementedResponse()
        try:
            result = runner.call(spec.name, handler, context, None, ())
            _fill_results(_response, result, spec, _request)
        except Exception as exc:  # noqa: BLE001 - a handler's failure becomes the hook's answer
            runner.failed(spec, exc, _response, _request)
        return _response.SerializeToString()

    return call


BINDERS: dict[str, _Callable[[_HookRunner, _Callable[..., object]], _Behaviour]] = {
    "Implemented": _bind_implemented,
}
"""The binder of every hook, by hook name."""
