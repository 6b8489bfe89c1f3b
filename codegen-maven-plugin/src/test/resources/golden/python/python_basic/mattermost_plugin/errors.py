# generated from demo/v1/common.proto by the pyplugins code generator, do not edit
"""The exceptions the SDK raises: ``PluginAPIError`` and its subclasses by HTTP status and gRPC code.

A host answers a failed call with an AppError message; the client raises the subclass that matches its
status code, carrying every field of the message. A transport failure raises the subclass that matches
its gRPC code (see ``mattermost_plugin.exceptions.convert_grpc_error``). Hook handlers may raise them
too: the hook's response then carries the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping as _Mapping
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

if _TYPE_CHECKING:
    from google.protobuf import struct_pb2 as _struct_pb2

__all__ = [
    "PluginAPIError",
    "AppError",
    "ValidationError",
    "PermissionDeniedError",
    "NotFoundError",
    "AlreadyExistsError",
    "TooManyRequestsError",
    "NotSupportedError",
    "UnavailableError",
]


class PluginAPIError(Exception):
    """Base of every error of the Plugin API, mirroring Go's model.AppError.

    Built with keywords, as in Mattermost's SDK: ``NotFoundError("no such user", error_id="app.user.missing",
    status_code=404)``. ``str(error)`` is the message, then the id in brackets and the HTTP status
    (``no such user [app.user.missing] (HTTP 404)``); every field is an attribute. ``code`` is the gRPC
    status code of a transport failure (``grpc_code`` its name), None for errors the host reported.
    """

    default_status_code: int = 0
    """The status code an instance gets when none is given."""

    def __init__(
        self,
        message: str = "",
        *,
        id: str = "",
        status_code: int = 0,
        params: _Mapping[str, _Any] | None = None,
        error_id: str | None = None,
        code: _Any = None,
        grpc_code: str = "",
    ) -> None:
        super().__init__(message)
        self.message: str = message
        self.id: str = id
        """A stable id; "quoted" and \\backslashed\\."""
        self.status_code: int = status_code
        """"""
        self.params: dict[str, _Any] = dict(params or {})
        """"""
        if error_id is not None:
            self.id = error_id
        self.code: _Any = code
        """The gRPC status code (``grpc.StatusCode``) of a transport failure; None otherwise."""
        self.grpc_code: str = grpc_code or (code.name if code is not None else "")
        """The name of that code, such as ``"UNAVAILABLE"``; empty otherwise."""
        if not self.status_code:
            self.status_code = self.default_status_code

    @property
    def error_id(self) -> str:
        """The same as ``id``, under the name Mattermost's SDK uses."""
        return self.id

    @staticmethod
    def from_proto(message: _Any) -> AppError:
        """The exception for an AppError message, of the subclass its status code selects."""
        cls = _BY_STATUS.get(message.status_code, AppError)
        return cls(
            message.message,
            id=message.id,
            status_code=message.status_code,
            params=_struct_to_dict(message.params),
        )

    def to_proto(self, target: _Any) -> None:
        """Writes every field into ``target``, an AppError message."""
        target.message = self.message
        target.id = self.id
        target.status_code = self.status_code
        _dict_to_struct(self.params, target.params)

    def __str__(self) -> str:
        text = self.message
        if self.id:
            text += f" [{self.id}]"
        if self.status_code:
            text += f" (HTTP {self.status_code})"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, id={self.id!r}, status_code={self.status_code!r})"


class AppError(PluginAPIError):
    """A business error reported by the host (or raised by a hook handler); 500 unless told otherwise.

    ``AppError.from_proto`` picks the subclass that matches the status code.
    """

    default_status_code = 500


class ValidationError(AppError):
    """The request was invalid (HTTP 400; gRPC INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE)."""

    default_status_code = 400


class PermissionDeniedError(AppError):
    """The caller may not do this (HTTP 401 or 403; gRPC PERMISSION_DENIED, UNAUTHENTICATED)."""

    default_status_code = 403


class NotFoundError(AppError):
    """The object does not exist (HTTP 404; gRPC NOT_FOUND)."""

    default_status_code = 404


class AlreadyExistsError(AppError):
    """The object exists already, or the change conflicts with another (HTTP 409; gRPC ALREADY_EXISTS)."""

    default_status_code = 409


class NotSupportedError(AppError):
    """The host does not support this call (HTTP 501; gRPC UNIMPLEMENTED)."""

    default_status_code = 501


class UnavailableError(AppError):
    """The host could not be reached or could not serve the call now (HTTP 503; gRPC UNAVAILABLE,
    DEADLINE_EXCEEDED)."""

    default_status_code = 503


class TooManyRequestsError(UnavailableError):
    """A rate limit was hit (HTTP 429; gRPC RESOURCE_EXHAUSTED); an ``UnavailableError``, as in Mattermost's SDK."""

    default_status_code = 429


_BY_STATUS: dict[int, type[AppError]] = {
    400: ValidationError,
    401: PermissionDeniedError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: AlreadyExistsError,
    429: TooManyRequestsError,
    501: NotSupportedError,
    503: UnavailableError,
}


def _struct_to_dict(struct: _struct_pb2.Struct) -> dict[str, _Any]:
    if not struct.fields:
        return {}
    from google.protobuf import json_format  # here, not at the top: plugins import errors before the handshake

    return json_format.MessageToDict(struct)


def _dict_to_struct(values: _Mapping[str, _Any], target: _struct_pb2.Struct) -> None:
    if values:
        target.update(values)
