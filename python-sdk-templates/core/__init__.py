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
errors and the HTTP types are loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._hook_names import HookName
from ._internal.config import RuntimeConfig, load_runtime_config
from .hooks import HookRegistrationError, hook
from .plugin import Plugin

if TYPE_CHECKING:
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
    from .http import ClientDisconnectedError, HTTPRequest, HTTPResponseWriter

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
    "HTTPRequest",
    "HTTPResponseWriter",
    "ClientDisconnectedError",
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
    "HTTPRequest": "http",
    "HTTPResponseWriter": "http",
    "ClientDisconnectedError": "http",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
