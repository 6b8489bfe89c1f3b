# generated from service.proto by the pyplugins code generator, do not edit
"""Calls a plugin's hooks the way the host does, through the real dispatch, for tests."""

from __future__ import annotations

from collections.abc import Mapping as _Mapping
from collections.abc import Sequence as _Sequence

from .. import errors as _errors
from ._invoke import Exchange as _Exchange
from ._invoke import HookInvoker as _HookInvoker
from .._proto import service_pb2 as _service_pb2

__all__ = ["HookCaller"]


class HookCaller(_HookInvoker):
    """One typed method per hook of Hooks.

    Each builds the hook's request, runs it through the same dispatch code the plugin server uses
    (serialisation included), and returns the result the way the host reads it: the single result, the
    response message when there are several, None when there are none. A hook that answers with an
    error raises the matching ``AppError``. Streaming hooks take the body and return an ``Exchange``.
    """

    def implemented(self) -> list[str]:
        """Calls the Implemented hook."""
        _response = _service_pb2.ImplementedResponse.FromString(self._call_unary("Implemented", _service_pb2.ImplementedRequest().SerializeToString()))
        if _response.HasField("error"):
            raise _errors.AppError.from_proto(_response.error)
        return list(_response.hooks)
