# generated from service.proto by the pyplugins code generator, do not edit
"""The protocol's model types under their own names: ``from mattermost_plugin.models import Post``.

Hook handlers receive and return these protobuf messages; the API clients take and return them.
"""

from __future__ import annotations

from ._proto import service_pb2 as _service_pb2

__all__ = [
    "AppError",
    "RequestContext",
]

AppError = _service_pb2.AppError

RequestContext = _service_pb2.RequestContext
