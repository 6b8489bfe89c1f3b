"""Write Mattermost plugins in Python.

    from mattermost_plugin import Plugin, hook, HookName

    class HelloPlugin(Plugin):
        @hook(HookName.OnActivate)
        def on_activate(self) -> None:
            self.logger.info("server %s", self.api.get_server_version())

    if __name__ == "__main__":
        from mattermost_plugin.server import run_plugin
        run_plugin(HelloPlugin)

This module stays light (no gRPC, no protobuf) so a plugin's handshake is quick; the clients, the
errors, the model types and the HTTP types are loaded on first use. Everything Mattermost's SDK exports
at the top level is here under the same name (``Command``, ``CommandResponse``, ``convert_grpc_error``,
``__version__``, ...); ``mattermost_plugin.exceptions`` is its exceptions module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._hook_names import HookName
from ._internal.config import RuntimeConfig, load_runtime_config
from .hooks import HookRegistrationError, hook
from .plugin import Plugin

if TYPE_CHECKING:
    from ._version import __version__
    from .async_client import AsyncPluginAPIClient
    from .client import PluginAPIClient
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
    from .exceptions import convert_app_error, convert_grpc_error
    from .http import ClientDisconnectedError, HTTPRequest, HTTPResponseWriter
    from .models import Command, CommandResponse

__all__ = [
    "Plugin",
    "hook",
    "HookName",
    "HookRegistrationError",
    "RuntimeConfig",
    "load_runtime_config",
    "PluginAPIClient",
    "AsyncPluginAPIClient",
    "PluginAPIError",
    "AppError",
    "ValidationError",
    "PermissionDeniedError",
    "NotFoundError",
    "AlreadyExistsError",
    "TooManyRequestsError",
    "NotSupportedError",
    "UnavailableError",
    "convert_grpc_error",
    "convert_app_error",
    "HTTPRequest",
    "HTTPResponseWriter",
    "ClientDisconnectedError",
    "Command",
    "CommandResponse",
    "__version__",
]

_LAZY = {
    "PluginAPIClient": "client",
    "AsyncPluginAPIClient": "async_client",
    "PluginAPIError": "errors",
    "AppError": "errors",
    "ValidationError": "errors",
    "PermissionDeniedError": "errors",
    "NotFoundError": "errors",
    "AlreadyExistsError": "errors",
    "TooManyRequestsError": "errors",
    "NotSupportedError": "errors",
    "UnavailableError": "errors",
    "convert_grpc_error": "exceptions",
    "convert_app_error": "exceptions",
    "HTTPRequest": "http",
    "HTTPResponseWriter": "http",
    "ClientDisconnectedError": "http",
    "Command": "models",
    "CommandResponse": "models",
    "__version__": "_version",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
