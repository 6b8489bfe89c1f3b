"""The SDK's exceptions under the module name Mattermost's SDK uses, with its two converters.

    from mattermost_plugin.exceptions import NotFoundError, PluginAPIError, convert_grpc_error

The classes are those of ``mattermost_plugin.errors``; every one is a ``PluginAPIError``.
"""

from __future__ import annotations

from typing import Any

from .errors import (
    AlreadyExistsError,
    AppError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    PluginAPIError,
    TooManyRequestsError,
    UnavailableError,
    ValidationError,
)

__all__ = [
    "PluginAPIError",
    "AppError",
    "NotFoundError",
    "PermissionDeniedError",
    "ValidationError",
    "AlreadyExistsError",
    "TooManyRequestsError",
    "NotSupportedError",
    "UnavailableError",
    "convert_grpc_error",
    "convert_app_error",
]

_BY_GRPC_CODE: dict[str, type[PluginAPIError]] = {
    "NOT_FOUND": NotFoundError,
    "PERMISSION_DENIED": PermissionDeniedError,
    "UNAUTHENTICATED": PermissionDeniedError,
    "INVALID_ARGUMENT": ValidationError,
    "FAILED_PRECONDITION": ValidationError,
    "OUT_OF_RANGE": ValidationError,
    "ALREADY_EXISTS": AlreadyExistsError,
    "UNAVAILABLE": UnavailableError,
    "DEADLINE_EXCEEDED": UnavailableError,
    "RESOURCE_EXHAUSTED": TooManyRequestsError,
    "UNIMPLEMENTED": NotSupportedError,
}
"""gRPC codes with a class of their own, as Mattermost's SDK maps them (UNIMPLEMENTED is ours); any other
code (INTERNAL, UNKNOWN, CANCELLED, ABORTED, DATA_LOSS) gives a plain ``PluginAPIError``."""


def convert_grpc_error(error: Any, where: str = "") -> PluginAPIError:
    """The exception for a failed gRPC call (a ``grpc.RpcError``): the class its status code selects,
    with ``code``, ``grpc_code``, the details as ``detailed_error`` and ``where`` (the method path)."""
    code = error.code() if hasattr(error, "code") else None
    details = (error.details() if hasattr(error, "details") else None) or ""
    name = code.name if code is not None else "UNKNOWN"
    cls = _BY_GRPC_CODE.get(name, PluginAPIError)
    prefix = f"{where}: " if where else ""
    return cls(f"{prefix}{name}" + (f": {details}" if details else ""), id=f"plugin.api.transport.{name.lower()}",
               detailed_error=details, where=where, code=code, grpc_code=name)


def convert_app_error(app_error: Any) -> AppError:
    """The exception for an AppError message, of the class its status code selects."""
    return AppError.from_proto(app_error)
