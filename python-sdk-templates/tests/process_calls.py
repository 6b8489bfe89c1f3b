"""Calls the process tests make on a spawned plugin: hooks by name, health checks, the controller's Shutdown."""

from __future__ import annotations

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from mattermost_plugin._proto.mattermost.pluginapi.v1 import (
    hooks_command_pb2,
    hooks_http_pb2,
    hooks_lifecycle_pb2,
    hooks_post_pb2,
    hooks_user_pb2,
)
from mattermost_plugin._proto.plugin import grpc_controller_pb2

HOOKS = "/mattermost.pluginapi.v1.PluginHooks"


# The hooks' messages live in one module per area (hooks_<area>_pb2), as the protos do.
HOOK_MODULES = (hooks_command_pb2, hooks_http_pb2, hooks_lifecycle_pb2, hooks_post_pb2, hooks_user_pb2)


def hook_message(name: str):  # type: ignore[no-untyped-def]
    return next(getattr(m, name) for m in HOOK_MODULES if hasattr(m, name))


def call_hook(plugin, name, request, timeout=10.0):  # type: ignore[no-untyped-def]
    response_type = hook_message(f"{name}Response")
    return plugin.stub(f"{HOOKS}/{name}", type(request), response_type)(request, timeout=timeout)


def health(channel: grpc.Channel, **kwargs):  # type: ignore[no-untyped-def]
    return health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service="plugin"), timeout=10, **kwargs)


def shutdown(plugin) -> int:  # type: ignore[no-untyped-def]
    plugin.stub("/plugin.GRPCController/Shutdown", grpc_controller_pb2.Empty, grpc_controller_pb2.Empty)(
        grpc_controller_pb2.Empty(), timeout=5)
    return plugin.process.wait(10)
