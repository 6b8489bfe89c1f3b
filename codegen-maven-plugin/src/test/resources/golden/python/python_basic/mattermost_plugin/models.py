# generated from demo/v1/api.proto by the pyplugins code generator, do not edit
"""The protocol's model types under their own names: ``from mattermost_plugin.models import Post``.

Hook handlers receive and return these protobuf messages; the API clients take and return them.
"""

from __future__ import annotations

from ._proto.demo.v1 import common_pb2 as _common_pb2
from ._proto.demo.v1 import hooks_pb2 as _hooks_pb2

__all__ = [
    "AppError",
    "HTTPRequestHead",
    "HTTPResponseHead",
    "Note",
    "PluginContext",
    "RequestContext",
    "UploadVerdict",
]

AppError = _common_pb2.AppError

HTTPRequestHead = _common_pb2.HTTPRequestHead

HTTPResponseHead = _common_pb2.HTTPResponseHead

Note = _common_pb2.Note

PluginContext = _common_pb2.PluginContext

RequestContext = _common_pb2.RequestContext

UploadVerdict = _hooks_pb2.UploadVerdict
