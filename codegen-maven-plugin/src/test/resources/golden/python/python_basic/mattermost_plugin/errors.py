# generated from demo/v1/common.proto by the pyplugins code generator, do not edit
"""The exceptions the SDK raises: ``AppError`` and its subclasses by HTTP status, plus transport failures.

A host answers a failed call with an AppError message; the client raises the subclass that matches its
status code, carrying every field of the message. Hook handlers may raise them too: the hook's response
then carries the same fields.
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
    """Base of every error the Plugin API clients raise."""


class AppError(PluginAPIError):
    """A business error reported by the host (or raised by a hook handler), mirroring Go's model.AppError.

    ``str(error)`` is the message; the other fields are attributes. ``AppError.from_proto`` picks the
    subclass that matches the status code.
    """

    default_status_code: int = 500
    """The status code an instance gets when none is given."""

    def __init__(
        self,
        message: str = "",
        *,
        id: str = "",
        status_code: int = 0,
        params: _Mapping[str, _Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message: str = message
        self.id: str = id
        """A stable id; "quoted" and \\backslashed\\."""
        self.status_code: int = status_code
        """"""
        self.params: dict[str, _Any] = dict(params or {})
        """"""
        if not self.status_code:
            self.status_code = self.default_status_code

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

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, id={self.id!r}, status_code={self.status_code!r})"


class ValidationError(AppError):
    """The request was invalid (HTTP 400)."""

    default_status_code = 400


class PermissionDeniedError(AppError):
    """The caller may not do this (HTTP 401 or 403)."""

    default_status_code = 403


class NotFoundError(AppError):
    """The object does not exist (HTTP 404)."""

    default_status_code = 404


class AlreadyExistsError(AppError):
    """The object exists already, or the change conflicts with another (HTTP 409)."""

    default_status_code = 409


class TooManyRequestsError(AppError):
    """A rate limit was hit (HTTP 429)."""

    default_status_code = 429


class NotSupportedError(AppError):
    """The host does not support this call (HTTP 501)."""

    default_status_code = 501


class UnavailableError(AppError):
    """The host could not be reached or the call failed in transport (HTTP 503 equivalent).

    ``grpc_code`` is the gRPC status code's name, such as ``"UNAVAILABLE"`` or ``"DEADLINE_EXCEEDED"``.
    """

    default_status_code = 503

    def __init__(self, message: str = "", *, grpc_code: str = "UNKNOWN", **fields: _Any) -> None:
        super().__init__(message, **fields)
        self.grpc_code = grpc_code


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
